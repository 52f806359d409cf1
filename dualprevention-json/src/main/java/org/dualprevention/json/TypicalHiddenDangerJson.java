package org.dualprevention.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.Violation;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.learning.TypicalHiddenDanger;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.RiskPointKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of the typical hidden-danger library (典型隐患库: verified hidden dangers marked typical, from which inspections draw items), schema
 * {@code typical-hidden-dangers-1.schema.json} (resource {@link #SCHEMA_RESOURCE}, copy in {@code docs/schema}):
 * <pre>{@code
 * {"format": "dualprevention-typical-hidden-dangers", "formatVersion": 1, "entries": [
 *   {"source": "HD-7", "title": "冲床光电保护被短接", "description": "…", "riskPointKind": "equipment",
 *    "hazardCategory": "21", "markedBy": "staff.A", "markedAt": "2026-12-03T02:00:00Z",
 *    "lesson": "检查所有冲床光电保护是否被短接"}]}
 * }</pre>
 * {@code riskPointKind} (a {@code RiskPointKind} code) and {@code hazardCategory} (a GB/T 13861 code) are left
 * out when unknown. Each hidden danger is in the library at most once: a repeated {@code source} is refused,
 * naming the entry that has it first. Reading reports every problem at once, each with its JSON Pointer, the
 * value found and what is allowed, as a {@link JsonImportException}; reading bytes first applies the
 * {@link JsonLimits}, the values and bytes of one item counting over the whole library.
 *
 * @since 0.2
 */
public final class TypicalHiddenDangerJson {
    /** The value of {@code format}. */
    public static final String FORMAT = "dualprevention-typical-hidden-dangers";
    /** The classpath resource of the schema. */
    public static final String SCHEMA_RESOURCE = "/org/dualprevention/json/schema/typical-hidden-dangers-1.schema.json";

    private static final Set<String> FIELDS = Set.of("format", "formatVersion", "entries");
    private static final Set<String> ENTRY_FIELDS = Set.of("source", "title", "description", "riskPointKind",
            "hazardCategory", "markedBy", "markedAt", "lesson");
    private static final List<String> KINDS = Arrays.stream(RiskPointKind.values()).map(RiskPointKind::code).toList();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TypicalHiddenDangerJson() {
    }

    /**
     * Writes the library.
     *
     * @param library the entries, in the order given
     * @return the JSON object
     * @throws IllegalArgumentException if a hidden danger is in it twice
     */
    public static ObjectNode write(List<TypicalHiddenDanger> library) {
        Objects.requireNonNull(library, "library");
        ObjectNode o = NODES.objectNode();
        o.put("format", FORMAT);
        o.put("formatVersion", 1);
        ArrayNode a = o.putArray("entries");
        Set<HiddenDangerId> seen = new java.util.HashSet<>();
        for (TypicalHiddenDanger t : library) {
            if (!seen.add(t.source())) {
                throw new IllegalArgumentException("hidden danger [" + t.source() + "] is in the library twice");
            }
            ObjectNode e = a.addObject();
            e.put("source", t.source().value());
            e.put("title", t.title());
            e.put("description", t.description());
            t.riskPointKind().ifPresent(k -> e.put("riskPointKind", k.code()));
            t.hazardCategory().ifPresent(c -> e.put("hazardCategory", c.code()));
            e.put("markedBy", t.markedBy().value());
            e.put("markedAt", t.markedAt().toString());
            e.put("lesson", t.lesson());
        }
        return o;
    }

    /**
     * Reads the library from bytes, within limits.
     *
     * @param source the document
     * @param limits the read limits
     * @return the entries, in the document's order
     * @throws JsonImportException naming every problem by JSON Pointer, the value found and what is allowed
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public static List<TypicalHiddenDanger> read(DocumentSource source, JsonLimits limits) {
        return read(SmallDocument.parse(source, limits, FORMAT, "the typical hidden-danger library"));
    }

    /**
     * Reads the library.
     *
     * @param node the JSON object
     * @return the entries, in the document's order
     * @throws JsonImportException naming every problem by JSON Pointer, the value found and what is allowed
     */
    public static List<TypicalHiddenDanger> read(JsonNode node) {
        Objects.requireNonNull(node, "node");
        List<Violation> v = new ArrayList<>();
        if (!node.isObject()) {
            throw new JsonImportException(FORMAT, List.of(Violation.of("", Problems.render(node),
                    "a JSON object {\"format\": \"" + FORMAT + "\", …}")));
        }
        SmallDocument.unknown(node, "", FIELDS, v);
        SmallDocument.header(node, FORMAT, v);
        List<TypicalHiddenDanger> out = new ArrayList<>();
        JsonNode entries = node.get("entries");
        if (entries == null || !entries.isArray()) {
            v.add(Violation.of("/entries", Problems.render(entries), "an array of library entries"));
        } else {
            Map<HiddenDangerId, Integer> first = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                TypicalHiddenDanger t = entry(entries.get(i), "/entries/" + i, v);
                if (t != null) {
                    Integer was = first.putIfAbsent(t.source(), i);
                    if (was != null) {
                        v.add(Violation.of("/entries/" + i + "/source", Problems.render(t.source().value()),
                                "a hidden danger not yet in the library (it is at /entries/" + was + ")"));
                    }
                    out.add(t);
                }
            }
        }
        if (!v.isEmpty()) {
            throw new JsonImportException(FORMAT, v);
        }
        return List.copyOf(out);
    }

    private static @Nullable TypicalHiddenDanger entry(JsonNode e, String at, List<Violation> v) {
        if (!e.isObject()) {
            v.add(Violation.of(at, Problems.render(e), "an object {source, title, description, markedBy, markedAt, lesson, …}"));
            return null;
        }
        int before = v.size();
        SmallDocument.unknown(e, at, ENTRY_FIELDS, v);
        HiddenDangerId source = SmallDocument.id(e, "source", at, HiddenDangerId::of, v);
        String title = SmallDocument.text(e, "title", at, v);
        String description = SmallDocument.anyText(e, "description", at, v);
        Optional<RiskPointKind> kind = Optional.empty();
        if (e.has("riskPointKind")) {
            RiskPointKind k = SmallDocument.code(e, "riskPointKind", at, RiskPointKind::fromCode, KINDS, v);
            kind = k == null ? null : Optional.of(k);
        }
        Optional<HazardCategory> category = Optional.empty();
        if (e.has("hazardCategory")) {
            String c = SmallDocument.text(e, "hazardCategory", at, v);
            HazardCategory hc = c == null ? null : SmallDocument.convert(c, at + "/hazardCategory", HazardCategory::of,
                    "a GB/T 13861 code of 1, 2, 4 or 6 digits starting with 1-4, e.g. 21 or 2101", v);
            category = hc == null ? null : Optional.of(hc);
        }
        ActorId by = SmallDocument.id(e, "markedBy", at, ActorId::of, v);
        Instant markedAt = SmallDocument.instant(e, "markedAt", at, v);
        String lesson = SmallDocument.text(e, "lesson", at, v);
        if (v.size() > before) {
            return null;
        }
        try {
            return new TypicalHiddenDanger(Objects.requireNonNull(source), Objects.requireNonNull(title),
                    Objects.requireNonNull(description), Objects.requireNonNull(kind), Objects.requireNonNull(category),
                    Objects.requireNonNull(by), Objects.requireNonNull(markedAt), Objects.requireNonNull(lesson));
        } catch (IllegalArgumentException x) {
            v.add(Violation.of(at, Problems.render(x.getMessage()), "well-formed Unicode text in title, description and lesson"));
            return null;
        }
    }
}
