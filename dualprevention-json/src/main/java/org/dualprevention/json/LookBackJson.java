package org.dualprevention.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.Violation;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.lookback.RecurrenceReason;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON forms of the look-back (回头看, DOMAIN.md §10.4): a re-check of a closed hidden danger, schema
 * {@code recheck-1.schema.json} ({@link #RECHECK_SCHEMA_RESOURCE}), and a recurrence (反弹), schema
 * {@code recurrence-1.schema.json} ({@link #RECURRENCE_SCHEMA_RESOURCE}); copies of both in {@code docs/schema}.
 * <pre>{@code
 * {"format": "dualprevention-recheck", "formatVersion": 1, "hiddenDanger": "HD-7", "round": 1,
 *  "riskPoint": "RP-LOADING", "hazard": "HZ-STATIC", "failedMeasure": "CM-EARTH", "title": "鹤位静电接地夹断裂",
 *  "grade": "general", "unit": "TNK", "acceptor": "staff.A", "closedOn": "2026-11-01", "dueOn": "2026-12-01",
 *  "result": {"passed": false, "checkedBy": "staff.A", "checkedOn": "2026-12-02", "note": "接地夹再次断裂"}}
 *
 * {"format": "dualprevention-recurrence", "formatVersion": 1, "earlier": "HD-7", "reason": "failed-recheck",
 *  "recheck": {"hiddenDanger": "HD-7", "round": 1}, "riskPoint": "RP-LOADING", "grade": "general",
 *  "unit": "TNK", "acceptor": "staff.A", "on": "2026-12-02"}
 * }</pre>
 * An empty optional is a field left out ({@code hazard}, {@code failedMeasure}, {@code acceptor},
 * {@code result}; a recurrence has {@code recheck} exactly when its reason is {@code failed-recheck}, and
 * {@code later} (the later hidden danger) otherwise). Days are ISO-8601 dates, codes the stable
 * {@code code()} strings. Reading a tree reports every problem at once, each with its JSON Pointer, the value
 * found and what is allowed, as a {@link JsonImportException}; reading bytes ({@link #readRecheck(DocumentSource,
 * JsonLimits)}) first applies the {@link JsonLimits} to the one object (the values and bytes of one item) and
 * stops at malformed JSON or ill-formed UTF-8.
 *
 * @since 0.2
 */
public final class LookBackJson {
    /** The {@code format} of a re-check. */
    public static final String RECHECK_FORMAT = "dualprevention-recheck";
    /** The {@code format} of a recurrence. */
    public static final String RECURRENCE_FORMAT = "dualprevention-recurrence";
    /** The classpath resource of the re-check's schema. */
    public static final String RECHECK_SCHEMA_RESOURCE = "/org/dualprevention/json/schema/recheck-1.schema.json";
    /** The classpath resource of the recurrence's schema. */
    public static final String RECURRENCE_SCHEMA_RESOURCE = "/org/dualprevention/json/schema/recurrence-1.schema.json";

    private static final Set<String> RECHECK_FIELDS = Set.of("format", "formatVersion", "hiddenDanger", "round",
            "riskPoint", "hazard", "failedMeasure", "title", "grade", "unit", "acceptor", "closedOn", "dueOn", "result");
    private static final Set<String> RESULT_FIELDS = Set.of("passed", "checkedBy", "checkedOn", "note");
    private static final Set<String> RECURRENCE_FIELDS = Set.of("format", "formatVersion", "earlier", "reason",
            "recheck", "later", "riskPoint", "grade", "unit", "acceptor", "on");
    private static final Set<String> RECHECK_ID_FIELDS = Set.of("hiddenDanger", "round");
    private static final List<String> GRADES = Arrays.stream(HiddenDangerGrade.values()).map(HiddenDangerGrade::code)
            .toList();
    private static final List<String> REASONS = Arrays.stream(RecurrenceReason.values()).map(RecurrenceReason::code)
            .toList();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LookBackJson() {
    }

    /**
     * Writes a re-check.
     *
     * @param r the re-check
     * @return the JSON object
     */
    public static ObjectNode writeRecheck(Recheck r) {
        Objects.requireNonNull(r, "r");
        ObjectNode o = NODES.objectNode();
        o.put("format", RECHECK_FORMAT);
        o.put("formatVersion", 1);
        o.put("hiddenDanger", r.id().danger().value());
        o.put("round", r.id().round());
        o.put("riskPoint", r.riskPoint().value());
        r.hazard().ifPresent(h -> o.put("hazard", h.value()));
        r.failedMeasure().ifPresent(m -> o.put("failedMeasure", m.value()));
        o.put("title", r.title());
        o.put("grade", r.grade().code());
        o.put("unit", r.unit().value());
        r.acceptor().ifPresent(a -> o.put("acceptor", a.value()));
        o.put("closedOn", r.closedOn().toString());
        o.put("dueOn", r.dueOn().toString());
        r.result().ifPresent(res -> {
            ObjectNode n = o.putObject("result");
            n.put("passed", res.passed());
            n.put("checkedBy", res.checkedBy().value());
            n.put("checkedOn", res.checkedOn().toString());
            n.put("note", res.note());
        });
        return o;
    }

    /**
     * Reads a re-check from bytes, within limits.
     *
     * @param source the document
     * @param limits the read limits
     * @return the re-check
     * @throws JsonImportException naming every problem by JSON Pointer, the value found and what is allowed
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public static Recheck readRecheck(DocumentSource source, JsonLimits limits) {
        return readRecheck(SmallDocument.parse(source, limits, RECHECK_FORMAT, "a re-check"));
    }

    /**
     * Reads a re-check.
     *
     * @param node the JSON object
     * @return the re-check
     * @throws JsonImportException naming every problem by JSON Pointer, the value found and what is allowed
     */
    public static Recheck readRecheck(JsonNode node) {
        Objects.requireNonNull(node, "node");
        List<Violation> v = new ArrayList<>();
        if (!node.isObject()) {
            throw new JsonImportException(RECHECK_FORMAT, List.of(Violation.of("", Problems.render(node),
                    "a JSON object {\"format\": \"" + RECHECK_FORMAT + "\", …}")));
        }
        SmallDocument.unknown(node, "", RECHECK_FIELDS, v);
        SmallDocument.header(node, RECHECK_FORMAT, v);
        RecheckId id = recheckId(node, "", "hiddenDanger", v);
        RiskPointId point = SmallDocument.id(node, "riskPoint", "", RiskPointId::of, v);
        Optional<HazardId> hazard = SmallDocument.optionalId(node, "hazard", "", HazardId::of, v);
        Optional<ControlMeasureId> measure = SmallDocument.optionalId(node, "failedMeasure", "", ControlMeasureId::of, v);
        String title = SmallDocument.text(node, "title", "", v);
        HiddenDangerGrade grade = SmallDocument.code(node, "grade", "", HiddenDangerGrade::fromCode, GRADES, v);
        OrgUnitId unit = SmallDocument.id(node, "unit", "", OrgUnitId::of, v);
        Optional<ActorId> acceptor = SmallDocument.optionalId(node, "acceptor", "", ActorId::of, v);
        LocalDate closedOn = SmallDocument.date(node, "closedOn", "", v);
        LocalDate dueOn = SmallDocument.date(node, "dueOn", "", v);
        if (closedOn != null && dueOn != null && dueOn.isBefore(closedOn)) {
            v.add(Violation.of("/dueOn", dueOn, "a day on or after closedOn (" + closedOn + ")"));
        }
        Optional<RecheckResult> result = Optional.empty();
        if (node.has("result")) {
            RecheckResult r = result(node.get("result"), v);
            result = r == null ? null : Optional.of(r);
            if (r != null && closedOn != null && r.checkedOn().isBefore(closedOn)) {
                v.add(Violation.of("/result/checkedOn", r.checkedOn(), "a day on or after closedOn (" + closedOn + ")"));
            }
        }
        if (!v.isEmpty()) {
            throw new JsonImportException(RECHECK_FORMAT, v);
        }
        try {
            return new Recheck(Objects.requireNonNull(id), Objects.requireNonNull(point), Objects.requireNonNull(hazard),
                    Objects.requireNonNull(measure), Objects.requireNonNull(title), Objects.requireNonNull(grade),
                    Objects.requireNonNull(unit), Objects.requireNonNull(acceptor), Objects.requireNonNull(closedOn),
                    Objects.requireNonNull(dueOn), Objects.requireNonNull(result));
        } catch (IllegalArgumentException e) {
            throw new JsonImportException(RECHECK_FORMAT, List.of(Violation.of("", Problems.render(e.getMessage()),
                    "a valid re-check")));
        }
    }

    private static @Nullable RecheckResult result(JsonNode n, List<Violation> v) {
        if (!n.isObject()) {
            v.add(Violation.of("/result", Problems.render(n), "an object {passed, checkedBy, checkedOn, note}, or no field"));
            return null;
        }
        SmallDocument.unknown(n, "/result", RESULT_FIELDS, v);
        JsonNode passed = n.get("passed");
        if (passed == null || !passed.isBoolean()) {
            v.add(Violation.of("/result/passed", Problems.render(passed), "true or false"));
        }
        ActorId by = SmallDocument.id(n, "checkedBy", "/result", ActorId::of, v);
        LocalDate on = SmallDocument.date(n, "checkedOn", "/result", v);
        String note = SmallDocument.anyText(n, "note", "/result", v);
        if (passed == null || !passed.isBoolean() || by == null || on == null || note == null) {
            return null;
        }
        try {
            return new RecheckResult(passed.asBoolean(), by, on, note);
        } catch (IllegalArgumentException e) {
            v.add(Violation.of("/result/note", Problems.render(note), "well-formed Unicode text"));
            return null;
        }
    }

    private static RecurrenceReason reason(String code) {
        for (RecurrenceReason r : RecurrenceReason.values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException(code);
    }

    private static @Nullable RecheckId recheckId(JsonNode node, String at, String dangerField, List<Violation> v) {
        HiddenDangerId danger = SmallDocument.id(node, dangerField, at, HiddenDangerId::of, v);
        JsonNode round = node.get("round");
        if (round == null || !round.isIntegralNumber() || !round.canConvertToInt() || round.asInt() < 1) {
            v.add(Violation.of(at + "/round", Problems.render(round), "a whole number, 1 or more"));
            return null;
        }
        return danger == null ? null : new RecheckId(danger, round.asInt());
    }

    /**
     * Writes a recurrence.
     *
     * @param r the recurrence
     * @return the JSON object
     */
    public static ObjectNode writeRecurrence(Recurrence r) {
        Objects.requireNonNull(r, "r");
        ObjectNode o = NODES.objectNode();
        o.put("format", RECURRENCE_FORMAT);
        o.put("formatVersion", 1);
        o.put("earlier", r.earlier().value());
        o.put("reason", r.reason().code());
        r.recheck().ifPresent(c -> {
            ObjectNode n = o.putObject("recheck");
            n.put("hiddenDanger", c.danger().value());
            n.put("round", c.round());
        });
        r.later().ifPresent(l -> o.put("later", l.value()));
        o.put("riskPoint", r.riskPoint().value());
        o.put("grade", r.grade().code());
        o.put("unit", r.unit().value());
        r.acceptor().ifPresent(a -> o.put("acceptor", a.value()));
        o.put("on", r.on().toString());
        return o;
    }

    /**
     * Reads a recurrence from bytes, within limits.
     *
     * @param source the document
     * @param limits the read limits
     * @return the recurrence
     * @throws JsonImportException naming every problem by JSON Pointer, the value found and what is allowed
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public static Recurrence readRecurrence(DocumentSource source, JsonLimits limits) {
        return readRecurrence(SmallDocument.parse(source, limits, RECURRENCE_FORMAT, "a recurrence"));
    }

    /**
     * Reads a recurrence.
     *
     * @param node the JSON object
     * @return the recurrence
     * @throws JsonImportException naming every problem by JSON Pointer, the value found and what is allowed
     */
    public static Recurrence readRecurrence(JsonNode node) {
        Objects.requireNonNull(node, "node");
        List<Violation> v = new ArrayList<>();
        if (!node.isObject()) {
            throw new JsonImportException(RECURRENCE_FORMAT, List.of(Violation.of("", Problems.render(node),
                    "a JSON object {\"format\": \"" + RECURRENCE_FORMAT + "\", …}")));
        }
        SmallDocument.unknown(node, "", RECURRENCE_FIELDS, v);
        SmallDocument.header(node, RECURRENCE_FORMAT, v);
        HiddenDangerId earlier = SmallDocument.id(node, "earlier", "", HiddenDangerId::of, v);
        RecurrenceReason reason = SmallDocument.code(node, "reason", "", LookBackJson::reason, REASONS, v);
        Optional<RecheckId> recheck = Optional.empty();
        Optional<HiddenDangerId> later = Optional.empty();
        if (reason != null) {
            boolean failed = reason == RecurrenceReason.FAILED_RECHECK;
            String needed = failed ? "recheck" : "later";
            String refused = failed ? "later" : "recheck";
            if (node.has(refused)) {
                v.add(Violation.of("/" + refused, Problems.render(node.get(refused)), "no field: a recurrence of reason "
                        + reason.code() + " names " + (failed ? "the failed re-check" : "the later hidden danger")));
            }
            if (!node.has(needed)) {
                v.add(Violation.of("/" + needed, Problems.MISSING, failed
                        ? "the failed re-check {hiddenDanger, round}" : "the later hidden danger's id"));
            } else if (failed) {
                JsonNode c = node.get("recheck");
                if (!c.isObject()) {
                    v.add(Violation.of("/recheck", Problems.render(c), "an object {hiddenDanger, round}"));
                    recheck = null;
                } else {
                    SmallDocument.unknown(c, "/recheck", RECHECK_ID_FIELDS, v);
                    RecheckId id = recheckId(c, "/recheck", "hiddenDanger", v);
                    recheck = id == null ? null : Optional.of(id);
                    if (id != null && earlier != null && !id.danger().equals(earlier)) {
                        v.add(Violation.of("/recheck/hiddenDanger", Problems.render(id.danger().value()),
                                "the earlier hidden danger (" + earlier.value() + "): its re-check failed"));
                    }
                }
            } else {
                later = SmallDocument.optionalId(node, "later", "", HiddenDangerId::of, v);
            }
        }
        RiskPointId point = SmallDocument.id(node, "riskPoint", "", RiskPointId::of, v);
        HiddenDangerGrade grade = SmallDocument.code(node, "grade", "", HiddenDangerGrade::fromCode, GRADES, v);
        OrgUnitId unit = SmallDocument.id(node, "unit", "", OrgUnitId::of, v);
        Optional<ActorId> acceptor = SmallDocument.optionalId(node, "acceptor", "", ActorId::of, v);
        LocalDate on = SmallDocument.date(node, "on", "", v);
        if (!v.isEmpty()) {
            throw new JsonImportException(RECURRENCE_FORMAT, v);
        }
        try {
            return new Recurrence(Objects.requireNonNull(earlier), Objects.requireNonNull(reason),
                    Objects.requireNonNull(later), Objects.requireNonNull(recheck), Objects.requireNonNull(point),
                    Objects.requireNonNull(grade), Objects.requireNonNull(unit), Objects.requireNonNull(acceptor),
                    Objects.requireNonNull(on));
        } catch (IllegalArgumentException e) {
            throw new JsonImportException(RECURRENCE_FORMAT, List.of(Violation.of("", Problems.render(e.getMessage()),
                    "a valid recurrence")));
        }
    }
}
