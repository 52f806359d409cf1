package org.dualprevention.json;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.dualprevention.Violation;
import org.dualprevention.danger.Acceptance;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.DeadlineExtension;
import org.dualprevention.danger.Finding;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.Grading;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.Planning;
import org.dualprevention.danger.Rectification;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Submission;
import org.dualprevention.danger.Withdrawal;
import org.dualprevention.internal.IsoTimes;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of one state of a hidden danger (隐患快照), every component of {@link HiddenDanger} and nothing
 * else; the form a storage keeps as the snapshot of the read path (the JDBC {@code dp_hidden_danger.doc}
 * column), checked on every load against the head entry of the audit chain
 * ({@code AuditChain.checkSnapshot}). See docs/json.md, "Hidden-danger snapshot".
 * <pre>{@code
 * {"format": "dualprevention-hidden-danger", "formatVersion": 1, "id": "HD-1", "version": 3,
 *  "state": "rectifying", "lastActionAt": "2026-12-03T02:00:00Z", "auditHead": "9f…",
 *  "finding": {"title": "…", "description": "…", "source": "…", "unit": "…", "reporter": "…",
 *              "reportedAt": "…", "foundOn": "2026-12-03", "evidence": []},
 *  "grading": {"grade": "general"}, "rectification": {…}}
 * }</pre>
 * Codes are the model's codes; instants and dates ISO-8601; the funds amount is a string (its exact
 * {@link BigDecimal#toString()}, so the scale survives and the state hash stays the same); an absent optional
 * value or group has no member. {@link #read(JsonNode)} rejects unknown members, naming the first problem with its
 * JSON Pointer. Writing then reading gives an equal hidden danger.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.2
 */
public final class HiddenDangerJson {
    /** The value of {@code format}. */
    public static final String FORMAT = "dualprevention-hidden-danger";
    /** The value of {@code formatVersion} this release writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private HiddenDangerJson() {
    }

    /**
     * Writes a hidden danger as JSON text (compact, members in a fixed order).
     *
     * @param d the hidden danger
     * @return the JSON text
     */
    public static String toText(HiddenDanger d) {
        return MAPPER.writeValueAsString(write(d));
    }

    /**
     * Reads a hidden danger from JSON text.
     *
     * @param json the JSON text
     * @return the hidden danger
     * @throws JsonImportException if the text is not JSON or not a valid hidden danger, naming the problem
     */
    public static HiddenDanger fromText(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new JsonImportException(FORMAT, List.of(Violation.of("", abbreviate(json), "JSON text ("
                    + e.getOriginalMessage() + ")")));
        }
        return read(node);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /**
     * Writes a hidden danger.
     *
     * @param d the hidden danger
     * @return the JSON object
     */
    public static ObjectNode write(HiddenDanger d) {
        Objects.requireNonNull(d, "d");
        ObjectNode o = NODES.objectNode();
        o.put("format", FORMAT);
        o.put("formatVersion", FORMAT_VERSION);
        o.put("id", d.id().value());
        o.put("version", d.version());
        o.put("state", d.state().code());
        o.put("lastActionAt", d.lastActionAt().toString());
        o.put("auditHead", d.auditHead());
        Finding f = d.finding();
        ObjectNode fo = o.putObject("finding");
        fo.put("title", f.title());
        fo.put("description", f.description());
        fo.put("source", f.source().code());
        f.category().ifPresent(c -> fo.put("category", c.code()));
        fo.put("unit", f.unit().value());
        fo.put("reporter", f.reporter().value());
        fo.put("reportedAt", f.reportedAt().toString());
        fo.put("foundOn", f.foundOn().toString());
        f.riskPoint().ifPresent(x -> fo.put("riskPoint", x.value()));
        f.hazard().ifPresent(x -> fo.put("hazard", x.value()));
        f.failedMeasure().ifPresent(x -> fo.put("failedMeasure", x.value()));
        f.inspection().ifPresent(x -> fo.putObject("inspection").put("task", x.task()).put("item", x.item()));
        uris(fo.putArray("evidence"), f.evidence());
        d.grading().ifPresent(g -> {
            ObjectNode go = o.putObject("grading");
            go.put("grade", g.grade().code());
            g.verifier().ifPresent(v -> go.put("verifier", v.value()));
            g.authorityReport().ifPresent(r -> go.putObject("authorityReport").put("statusAndCause", r.statusAndCause())
                    .put("harmAndDifficulty", r.harmAndDifficulty()).put("treatmentPlan", r.treatmentPlan()));
        });
        d.planning().ifPresent(p -> {
            ObjectNode po = o.putObject("planning");
            RectificationPlan plan = p.plan();
            ObjectNode pl = po.putObject("plan");
            pl.put("responsible", plan.responsible().value());
            pl.put("measures", plan.measures());
            pl.putObject("funds").put("amount", plan.funds().amount().toString()).put("currency", plan.funds().currency());
            pl.put("deadline", plan.deadline().toString());
            pl.put("contingencyPlan", plan.contingencyPlan());
            plan.scheme().ifPresent(s -> pl.putObject("scheme").put("goalsAndTasks", s.goalsAndTasks())
                    .put("methodsAndMeasures", s.methodsAndMeasures()).put("fundsAndMaterials", s.fundsAndMaterials())
                    .put("organisationAndPeople", s.organisationAndPeople())
                    .put("timeLimitAndRequirements", s.timeLimitAndRequirements())
                    .put("safetyMeasuresAndEmergencyPlan", s.safetyMeasuresAndEmergencyPlan()));
            ArrayNode ex = po.putArray("extensions");
            for (DeadlineExtension e : p.extensions()) {
                ex.addObject().put("from", e.from().toString()).put("to", e.to().toString()).put("reason", e.reason())
                        .put("requestedBy", e.requestedBy().value()).put("approver", e.approver().value())
                        .put("at", e.at().toString());
            }
        });
        d.rectification().ifPresent(r -> {
            ObjectNode ro = o.putObject("rectification");
            ArrayNode rs = ro.putArray("rectifiers");
            r.rectifiers().forEach(a -> rs.add(a.value()));
            ArrayNode ss = ro.putArray("submitters");
            r.submitters().forEach(a -> ss.add(a.value()));
            ro.put("onSpot", r.onSpot());
            r.lastSubmission().ifPresent(s -> {
                ObjectNode so = ro.putObject("lastSubmission");
                so.put("description", s.description());
                uris(so.putArray("evidence"), s.evidence());
                so.put("completedOn", s.completedOn().toString());
            });
            ro.put("rejections", r.rejections());
            r.lastRejectionReason().ifPresent(x -> ro.put("lastRejectionReason", x));
        });
        d.acceptance().ifPresent(a -> o.putObject("acceptance").put("acceptor", a.acceptor().value())
                .put("closedAt", a.closedAt().toString()));
        d.withdrawal().ifPresent(w -> o.putObject("withdrawal").put("withdrawnBy", w.withdrawnBy().value())
                .put("reason", w.reason()));
        return o;
    }

    private static void uris(ArrayNode a, List<URI> uris) {
        uris.forEach(u -> a.add(u.toString()));
    }

    /**
     * Reads a hidden danger.
     *
     * @param node the JSON object
     * @return the hidden danger
     * @throws JsonImportException naming the first problem by JSON Pointer, the value found and what is allowed
     */
    public static HiddenDanger read(JsonNode node) {
        Objects.requireNonNull(node, "node");
        try {
            return new Reader().danger(node);
        } catch (Problem p) {
            throw new JsonImportException(FORMAT, List.of(p.violation));
        }
    }

    /** The first problem met while reading. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Violation violation;

        Problem(Violation violation) {
            super(violation.toString(), null, false, false);
            this.violation = violation;
        }
    }

    private static final class Reader {
        // the members each object may hold, built once (a set per object read cost 4 % of a stored page's load)
        private static final Set<String> TOP_FIELDS = Set.of("format", "formatVersion", "id", "version", "state",
                "lastActionAt", "auditHead", "finding", "grading", "planning", "rectification", "acceptance",
                "withdrawal");
        private static final Set<String> FINDING_FIELDS = Set.of("title", "description", "source", "category", "unit",
                "reporter", "reportedAt", "foundOn", "riskPoint", "hazard", "failedMeasure", "inspection",
                "evidence");
        private static final Set<String> INSPECTION_FIELDS = Set.of("task", "item");
        private static final Set<String> GRADING_FIELDS = Set.of("grade", "verifier", "authorityReport");
        private static final Set<String> AUTHORITY_REPORT_FIELDS = Set.of("statusAndCause", "harmAndDifficulty",
                "treatmentPlan");
        private static final Set<String> PLANNING_FIELDS = Set.of("plan", "extensions");
        private static final Set<String> PLAN_FIELDS = Set.of("responsible", "measures", "funds", "deadline",
                "contingencyPlan", "scheme");
        private static final Set<String> FUNDS_FIELDS = Set.of("amount", "currency");
        private static final Set<String> SCHEME_FIELDS = Set.of("goalsAndTasks", "methodsAndMeasures",
                "fundsAndMaterials", "organisationAndPeople", "timeLimitAndRequirements",
                "safetyMeasuresAndEmergencyPlan");
        private static final Set<String> EXTENSION_FIELDS = Set.of("from", "to", "reason", "requestedBy", "approver",
                "at");
        private static final Set<String> RECTIFICATION_FIELDS = Set.of("rectifiers", "submitters", "onSpot",
                "lastSubmission", "rejections", "lastRejectionReason");
        private static final Set<String> SUBMISSION_FIELDS = Set.of("description", "evidence", "completedOn");
        private static final Set<String> ACCEPTANCE_FIELDS = Set.of("acceptor", "closedAt");
        private static final Set<String> WITHDRAWAL_FIELDS = Set.of("withdrawnBy", "reason");

        HiddenDanger danger(JsonNode n) {
            object(n, "", TOP_FIELDS);
            String format = text(n, "", "format");
            if (!FORMAT.equals(format)) {
                throw new Problem(Violation.of("/format", format, FORMAT));
            }
            JsonNode fv = n.get("formatVersion");
            if (fv == null || !fv.isIntegralNumber() || fv.asInt() != FORMAT_VERSION) {
                throw new Problem(Violation.of("/formatVersion", fv, String.valueOf(FORMAT_VERSION)));
            }
            JsonNode v = n.get("version");
            if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
                throw new Problem(Violation.of("/version", v, "a whole number, 1 or more"));
            }
            try {
                return HiddenDanger.builder()
                        .id(parse(n, "", "id", HiddenDangerId::of, "an id"))
                        .version(v.asLong())
                        .state(parse(n, "", "state", HiddenDangerState::fromCode, "a state code"))
                        .lastActionAt(parse(n, "", "lastActionAt", IsoTimes::parseInstant, "an ISO-8601 instant"))
                        .auditHead(text(n, "", "auditHead"))
                        .finding(finding(required(n, "", "finding")))
                        .grading(group(n, "grading", this::grading))
                        .planning(group(n, "planning", this::planning))
                        .rectification(group(n, "rectification", this::rectification))
                        .acceptance(group(n, "acceptance", this::acceptance))
                        .withdrawal(group(n, "withdrawal", this::withdrawal))
                        .build();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new Problem(Violation.of("", e.getMessage(), "a valid hidden danger"));
            }
        }

        private Finding finding(JsonNode n) {
            String at = "/finding";
            object(n, at, FINDING_FIELDS);
            JsonNode insp = n.get("inspection");
            Optional<InspectionRef> inspection = Optional.empty();
            if (insp != null) {
                object(insp, at + "/inspection", INSPECTION_FIELDS);
                inspection = Optional.of(attempt(at + "/inspection", insp, () -> InspectionRef.of(
                        text(insp, at + "/inspection", "task"), text(insp, at + "/inspection", "item"))));
            }
            Optional<InspectionRef> inspectionRef = inspection;
            return attempt(at, n, () -> new Finding(text(n, at, "title"), text(n, at, "description"),
                    parse(n, at, "source", HiddenDangerSource::fromCode, "a source code"),
                    optional(n, at, "category", HiddenDangerCategory::fromCode, "a category code"),
                    parse(n, at, "unit", OrgUnitId::of, "an id"), parse(n, at, "reporter", ActorId::of, "an id"),
                    parse(n, at, "reportedAt", IsoTimes::parseInstant, "an ISO-8601 instant"),
                    parse(n, at, "foundOn", IsoTimes::parseDate, "an ISO-8601 date"),
                    optional(n, at, "riskPoint", RiskPointId::of, "an id"), optional(n, at, "hazard", HazardId::of, "an id"),
                    optional(n, at, "failedMeasure", ControlMeasureId::of, "an id"), inspectionRef,
                    list(n, at, "evidence", URI::create, "a URI")));
        }

        private Grading grading(JsonNode n) {
            String at = "/grading";
            object(n, at, GRADING_FIELDS);
            JsonNode r = n.get("authorityReport");
            Optional<AuthorityReport> report = Optional.empty();
            if (r != null) {
                String ra = at + "/authorityReport";
                object(r, ra, AUTHORITY_REPORT_FIELDS);
                report = Optional.of(attempt(ra, r, () -> new AuthorityReport(text(r, ra, "statusAndCause"),
                        text(r, ra, "harmAndDifficulty"), text(r, ra, "treatmentPlan"))));
            }
            Optional<AuthorityReport> rep = report;
            return attempt(at, n, () -> new Grading(parse(n, at, "grade", HiddenDangerGrade::fromCode, "a grade code"),
                    optional(n, at, "verifier", ActorId::of, "an id"), rep));
        }

        private Planning planning(JsonNode n) {
            String at = "/planning";
            object(n, at, PLANNING_FIELDS);
            JsonNode p = required(n, at, "plan");
            String pa = at + "/plan";
            object(p, pa, PLAN_FIELDS);
            JsonNode f = required(p, pa, "funds");
            String fa = pa + "/funds";
            object(f, fa, FUNDS_FIELDS);
            Funds funds = attempt(fa, f, () -> Funds.of(parse(f, fa, "amount", BigDecimal::new, "a decimal number as text"),
                    text(f, fa, "currency")));
            JsonNode s = p.get("scheme");
            Optional<GovernanceScheme> scheme = Optional.empty();
            if (s != null) {
                String sa = pa + "/scheme";
                object(s, sa, SCHEME_FIELDS);
                scheme = Optional.of(attempt(sa, s, () -> new GovernanceScheme(text(s, sa, "goalsAndTasks"),
                        text(s, sa, "methodsAndMeasures"), text(s, sa, "fundsAndMaterials"),
                        text(s, sa, "organisationAndPeople"), text(s, sa, "timeLimitAndRequirements"),
                        text(s, sa, "safetyMeasuresAndEmergencyPlan"))));
            }
            Optional<GovernanceScheme> sch = scheme;
            RectificationPlan plan = attempt(pa, p, () -> new RectificationPlan(parse(p, pa, "responsible", ActorId::of, "an id"),
                    text(p, pa, "measures"), funds, parse(p, pa, "deadline", IsoTimes::parseDate, "an ISO-8601 date"),
                    text(p, pa, "contingencyPlan"), sch));
            JsonNode ex = required(n, at, "extensions");
            if (!ex.isArray()) {
                throw new Problem(Violation.of(at + "/extensions", ex, "an array"));
            }
            List<DeadlineExtension> extensions = new ArrayList<>();
            for (int k = 0; k < ex.size(); k++) {
                JsonNode e = ex.get(k);
                String ea = at + "/extensions/" + k;
                object(e, ea, EXTENSION_FIELDS);
                extensions.add(attempt(ea, e, () -> new DeadlineExtension(parse(e, ea, "from", IsoTimes::parseDate, "a date"),
                        parse(e, ea, "to", IsoTimes::parseDate, "a date"), text(e, ea, "reason"),
                        parse(e, ea, "requestedBy", ActorId::of, "an id"), parse(e, ea, "approver", ActorId::of, "an id"),
                        parse(e, ea, "at", IsoTimes::parseInstant, "an ISO-8601 instant"))));
            }
            return attempt(at, n, () -> new Planning(plan, extensions));
        }

        private Rectification rectification(JsonNode n) {
            String at = "/rectification";
            object(n, at, RECTIFICATION_FIELDS);
            JsonNode s = n.get("lastSubmission");
            Optional<Submission> last = Optional.empty();
            if (s != null) {
                String sa = at + "/lastSubmission";
                object(s, sa, SUBMISSION_FIELDS);
                last = Optional.of(attempt(sa, s, () -> new Submission(text(s, sa, "description"),
                        list(s, sa, "evidence", URI::create, "a URI"),
                        parse(s, sa, "completedOn", IsoTimes::parseDate, "an ISO-8601 date"))));
            }
            JsonNode onSpot = required(n, at, "onSpot");
            if (!onSpot.isBoolean()) {
                throw new Problem(Violation.of(at + "/onSpot", onSpot, "true or false"));
            }
            JsonNode rej = required(n, at, "rejections");
            if (!rej.isIntegralNumber() || !rej.canConvertToInt()) {
                throw new Problem(Violation.of(at + "/rejections", rej, "a whole number, 0 or more"));
            }
            Optional<Submission> lastSubmission = last;
            return attempt(at, n, () -> new Rectification(new TreeSet<>(list(n, at, "rectifiers", ActorId::of, "an id")),
                    new TreeSet<>(list(n, at, "submitters", ActorId::of, "an id")), onSpot.asBoolean(), lastSubmission,
                    rej.asInt(), optional(n, at, "lastRejectionReason", x -> x, "text")));
        }

        private Acceptance acceptance(JsonNode n) {
            String at = "/acceptance";
            object(n, at, ACCEPTANCE_FIELDS);
            return attempt(at, n, () -> new Acceptance(parse(n, at, "acceptor", ActorId::of, "an id"),
                    parse(n, at, "closedAt", IsoTimes::parseInstant, "an ISO-8601 instant")));
        }

        private Withdrawal withdrawal(JsonNode n) {
            String at = "/withdrawal";
            object(n, at, WITHDRAWAL_FIELDS);
            return attempt(at, n, () -> new Withdrawal(parse(n, at, "withdrawnBy", ActorId::of, "an id"),
                    text(n, at, "reason")));
        }

        private static <T> Optional<T> group(JsonNode n, String field, Function<JsonNode, T> reader) {
            JsonNode g = n.get(field);
            return g == null ? Optional.empty() : Optional.of(reader.apply(g));
        }

        private static <T> T attempt(String at, JsonNode n, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new Problem(Violation.of(at, e.getMessage(), "valid components"));
            }
        }

        private static void object(JsonNode n, String at, Set<String> allowed) {
            if (!n.isObject()) {
                throw new Problem(Violation.of(at, n.getNodeType(), "a JSON object"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
                String name = it.next().getKey();
                if (!allowed.contains(name)) {
                    throw new Problem(Violation.of(at + "/" + name, name, "one of " + new TreeSet<>(allowed)));
                }
            }
        }

        private static JsonNode required(JsonNode n, String at, String field) {
            JsonNode f = n.get(field);
            if (f == null || f.isNull()) {
                throw new Problem(Violation.of(at + "/" + field, null, "a value (the member is required)"));
            }
            return f;
        }

        private static String text(JsonNode n, String at, String field) {
            JsonNode f = required(n, at, field);
            if (!f.isString()) {
                throw new Problem(Violation.of(at + "/" + field, f, "text"));
            }
            return f.asString();
        }

        private static <T> T parse(JsonNode n, String at, String field, Function<String, T> of, String allowed) {
            String s = text(n, at, field);
            try {
                return of.apply(s);
            } catch (RuntimeException e) {
                throw new Problem(Violation.of(at + "/" + field, s, allowed));
            }
        }

        private static <T> Optional<T> optional(JsonNode n, String at, String field, Function<String, T> of, String allowed) {
            return n.get(field) == null ? Optional.empty() : Optional.of(parse(n, at, field, of, allowed));
        }

        private static <T> List<T> list(JsonNode n, String at, String field, Function<String, T> of, String allowed) {
            JsonNode a = required(n, at, field);
            if (!a.isArray()) {
                throw new Problem(Violation.of(at + "/" + field, a, "an array"));
            }
            List<T> out = new ArrayList<>();
            for (int k = 0; k < a.size(); k++) {
                JsonNode x = a.get(k);
                if (!x.isString()) {
                    throw new Problem(Violation.of(at + "/" + field + "/" + k, x, allowed));
                }
                try {
                    out.add(of.apply(x.asString()));
                } catch (RuntimeException e) {
                    throw new Problem(Violation.of(at + "/" + field + "/" + k, x.asString(), allowed));
                }
            }
            return out;
        }
    }
}
