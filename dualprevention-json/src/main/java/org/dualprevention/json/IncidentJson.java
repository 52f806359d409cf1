package org.dualprevention.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.dualprevention.Violation;
import org.dualprevention.incident.Casualties;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of an incident or near miss (DOMAIN.md §12), schema {@code incident-1.schema.json} (resource
 * {@link #SCHEMA_RESOURCE}, copy in {@code docs/schema}):
 * <pre>{@code
 * {"format": "dualprevention-incident", "formatVersion": 1, "id": "NM-7", "kind": "near-miss",
 *  "riskPoint": "tanks", "hazards": [], "failedMeasures": ["gas-detector"], "accidentType": "08",
 *  "casualties": {"deaths": 0, "seriousInjuries": 0, "minorInjuries": 0, "directLossYuan": 0},
 *  "unit": "tank-farm", "occurredAt": "2026-12-03T02:00:00Z", "reporter": "worker", "description": "…"}
 * }</pre>
 * The accident type is its GB 6441 code. Reading reports every problem at once, with its JSON Pointer, as a
 * {@link JsonImportException}.
 *
 * @since 0.2
 */
public final class IncidentJson {
    /** The value of {@code format}. */
    public static final String FORMAT = "dualprevention-incident";
    /** The classpath resource of the schema. */
    public static final String SCHEMA_RESOURCE = "/org/dualprevention/json/schema/incident-1.schema.json";

    private static final Set<String> FIELDS = Set.of("format", "formatVersion", "id", "kind", "riskPoint", "hazards",
            "failedMeasures", "accidentType", "casualties", "unit", "occurredAt", "reporter", "description");
    private static final Set<String> CASUALTY_FIELDS = Set.of("deaths", "seriousInjuries", "minorInjuries",
            "directLossYuan");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IncidentJson() {
    }

    /**
     * Writes an incident.
     *
     * @param i the incident
     * @return the JSON object
     */
    public static ObjectNode write(Incident i) {
        Objects.requireNonNull(i, "i");
        ObjectNode o = NODES.objectNode();
        o.put("format", FORMAT);
        o.put("formatVersion", 1);
        o.put("id", i.id().value());
        o.put("kind", i.kind().code());
        o.put("riskPoint", i.riskPoint().value());
        ArrayNode h = o.putArray("hazards");
        i.hazards().forEach(x -> h.add(x.value()));
        ArrayNode m = o.putArray("failedMeasures");
        i.failedMeasures().forEach(x -> m.add(x.value()));
        o.put("accidentType", i.accidentType().code());
        ObjectNode c = o.putObject("casualties");
        c.put("deaths", i.casualties().deaths());
        c.put("seriousInjuries", i.casualties().seriousInjuries());
        c.put("minorInjuries", i.casualties().minorInjuries());
        c.put("directLossYuan", i.casualties().directLossYuan());
        o.put("unit", i.unit().value());
        o.put("occurredAt", i.occurredAt().toString());
        o.put("reporter", i.reporter().value());
        o.put("description", i.description());
        return o;
    }

    /**
     * Reads an incident.
     *
     * @param node the JSON object
     * @return the incident
     * @throws JsonImportException naming every problem by JSON Pointer, the value found and what is allowed
     */
    public static Incident read(JsonNode node) {
        Objects.requireNonNull(node, "node");
        List<Violation> v = new ArrayList<>();
        if (!node.isObject()) {
            v.add(Violation.of("", node.getNodeType(), "a JSON object"));
            throw new JsonImportException(FORMAT, v);
        }
        unknown(node, "", FIELDS, v);
        String format = text(node, "format", "", v);
        if (format != null && !FORMAT.equals(format)) {
            v.add(Violation.of("/format", format, FORMAT));
        }
        if (!node.path("formatVersion").isIntegralNumber() || node.path("formatVersion").asInt() != 1) {
            v.add(Violation.of("/formatVersion", node.get("formatVersion"), "1"));
        }
        String id = text(node, "id", "", v);
        IncidentKind kind = null;
        String kindCode = text(node, "kind", "", v);
        if (kindCode != null) {
            try {
                kind = IncidentKind.ofCode(kindCode);
            } catch (IllegalArgumentException e) {
                v.add(Violation.of("/kind", kindCode, "accident or near-miss"));
            }
        }
        String point = text(node, "riskPoint", "", v);
        List<HazardId> hazards = ids(node, "hazards", HazardId::of, v);
        List<ControlMeasureId> measures = ids(node, "failedMeasures", ControlMeasureId::of, v);
        AccidentType type = null;
        String typeCode = text(node, "accidentType", "", v);
        if (typeCode != null) {
            for (AccidentType t : AccidentType.values()) {
                if (t.code().equals(typeCode)) {
                    type = t;
                }
            }
            if (type == null) {
                v.add(Violation.of("/accidentType", typeCode, "a GB 6441 code 01 to 20"));
            }
        }
        Casualties casualties = casualties(node.get("casualties"), v);
        String unit = text(node, "unit", "", v);
        Instant at = null;
        String atText = text(node, "occurredAt", "", v);
        if (atText != null) {
            try {
                at = Instant.parse(atText);
            } catch (DateTimeParseException e) {
                v.add(Violation.of("/occurredAt", atText, "an instant in UTC, e.g. 2026-12-03T02:00:00Z"));
            }
        }
        String reporter = text(node, "reporter", "", v);
        String description = text(node, "description", "", v);
        if (!v.isEmpty()) {
            throw new JsonImportException(FORMAT, v);
        }
        try {
            return new Incident(IncidentId.of(Objects.requireNonNull(id)), Objects.requireNonNull(kind),
                    RiskPointId.of(Objects.requireNonNull(point)), hazards, measures, Objects.requireNonNull(type),
                    Objects.requireNonNull(casualties), OrgUnitId.of(Objects.requireNonNull(unit)),
                    Objects.requireNonNull(at), ActorId.of(Objects.requireNonNull(reporter)),
                    Objects.requireNonNull(description));
        } catch (IllegalArgumentException e) {
            throw new JsonImportException(FORMAT, List.of(Violation.of("", e.getMessage(), "a valid incident")));
        }
    }

    private static @Nullable Casualties casualties(@Nullable JsonNode c, List<Violation> v) {
        if (c == null || !c.isObject()) {
            v.add(Violation.of("/casualties", c, "an object {deaths, seriousInjuries, minorInjuries, directLossYuan}"));
            return null;
        }
        unknown(c, "/casualties", CASUALTY_FIELDS, v);
        int[] counts = new int[3];
        String[] names = {"deaths", "seriousInjuries", "minorInjuries"};
        boolean ok = true;
        for (int k = 0; k < 3; k++) {
            JsonNode n = c.path(names[k]);
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
                v.add(Violation.of("/casualties/" + names[k], c.get(names[k]), "a whole number, 0 or more"));
                ok = false;
            } else {
                counts[k] = n.asInt();
            }
        }
        JsonNode loss = c.path("directLossYuan");
        BigDecimal l = null;
        if (!loss.isNumber() || loss.decimalValue().signum() < 0) {
            v.add(Violation.of("/casualties/directLossYuan", c.get("directLossYuan"), "a number of yuan, 0 or more"));
        } else {
            l = loss.decimalValue();
        }
        return ok && l != null ? new Casualties(counts[0], counts[1], counts[2], l) : null;
    }

    private static <T> List<T> ids(JsonNode node, String field, Function<String, T> of, List<Violation> v) {
        List<T> out = new ArrayList<>();
        JsonNode a = node.get(field);
        if (a == null || !a.isArray()) {
            v.add(Violation.of("/" + field, a, "an array of ids"));
            return out;
        }
        for (int k = 0; k < a.size(); k++) {
            JsonNode x = a.get(k);
            try {
                out.add(of.apply(x.isString() ? x.asString() : ""));
            } catch (IllegalArgumentException e) {
                v.add(Violation.of("/" + field + "/" + k, x, "an id (non-blank text)"));
            }
        }
        return out;
    }

    private static void unknown(JsonNode node, String at, Set<String> allowed, List<Violation> v) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                v.add(Violation.of(at + "/" + name, name, "one of " + new TreeSet<>(allowed)));
            }
        }
    }

    private static @Nullable String text(JsonNode node, String field, String at, List<Violation> v) {
        JsonNode f = node.get(field);
        if (f == null || !f.isString() || f.asString().isBlank()) {
            v.add(Violation.of(at + "/" + field, f, "non-blank text"));
            return null;
        }
        return f.asString();
    }
}
