package org.dualprevention.json;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.organization.Organization;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The risk register document (format {@code dualprevention.register}, version {@value #CURRENT_VERSION}):
 * the organisation, the grading schemes in use and every risk point with its hazards, control measures and
 * assessments.
 *
 * <pre>{@code
 * {"format": "dualprevention.register", "version": 1,
 *  "organization": {"units": [ … ]},
 *  "gradingSchemes": [{"id": "LEC-V1", "method": "LEC", "name": "…", "source": "…"}],
 *  "riskPoints": [ … ]}
 * }</pre>
 *
 * <p>Fields appear in this order (the writer guarantees it; the import requires {@code format} and
 * {@code version} first and the header before {@code riskPoints}, so that it can stream). The JSON Schema
 * is {@value #SCHEMA_RESOURCE} in this jar and {@code docs/schema/register-1.schema.json} in the
 * repository.
 *
 * <h2>Import</h2>
 * {@link #read} validates the whole document first, streaming, and reports every problem in one
 * {@link JsonImportException}; only a valid document is then delivered, in batches, to the sink. Besides
 * the schema it checks: unique ids of risk points, hazards, measures and assessments across the document;
 * that owning and responsible units are in the organisation; that each assessment's scheme is listed and
 * grades its method; and it <b>recomputes</b> each assessment's score with the installed method and its
 * grade with the installed scheme. A disagreement is an error or, under {@link ScoreDisagreement#WARN}, a
 * warning with the recomputed values imported. Version 0 documents are migrated (see {@code docs/json.md}).
 *
 * @since 0.1
 */
public final class RegisterDocument {
    /** The format name. */
    public static final String FORMAT = "dualprevention.register";
    /** The version written, and the newest one read. */
    public static final int CURRENT_VERSION = 1;
    /** The classpath resource of the current JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/org/dualprevention/json/schema/register-1.schema.json";

    private static final JsonMapper WRITER = DualPreventionJson.mapper();

    private RegisterDocument() {
    }

    /**
     * Writes a register document, streaming: the risk points are iterated once and not held.
     *
     * @param out where to write UTF-8 JSON; not closed
     * @param header the organisation and the grading schemes in use
     * @param riskPoints the risk points, in the order to write them
     */
    public static void write(OutputStream out, RegisterHeader header, Iterable<RiskPoint> riskPoints) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(riskPoints, "riskPoints");
        try (JsonGenerator g = WRITER.createGenerator(new NonClosing(out))) {
            g.writeStartObject();
            g.writeStringProperty("format", FORMAT);
            g.writeNumberProperty("version", CURRENT_VERSION);
            g.writeName("organization");
            ModelWriter.organization(g, header.organization());
            g.writeArrayPropertyStart("gradingSchemes");
            for (GradingSchemeRef s : header.gradingSchemes()) {
                g.writeStartObject();
                g.writeStringProperty("id", s.id().value());
                g.writeStringProperty("method", s.method().value());
                g.writeStringProperty("name", s.name());
                g.writeStringProperty("source", s.source());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("riskPoints");
            for (RiskPoint r : riskPoints) {
                ModelWriter.riskPoint(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * Imports a register document: validates all of it, then delivers it to the sink. All or nothing.
     *
     * @param source the document; read twice
     * @param providers the methods and schemes that recompute scores and grades
     * @param options import options
     * @param sink receives the header and batches of risk points, only if the document is valid
     * @return what was imported, with any warnings
     * @throws JsonImportException listing every problem; the sink received nothing
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public static ImportReport read(DocumentSource source, ScoringProviders providers, ImportOptions options,
            DocumentSink<RegisterHeader, RiskPoint> sink) {
        Objects.requireNonNull(providers, "providers");
        return new Reader(providers).run(source, options, sink);
    }

    /** Register version 0 → 1: the risk point array was {@code points}, assessment inputs were {@code factors}. */
    static final class V0 implements Migration {
        @Override
        public int from() {
            return 0;
        }

        @Override
        public String field(String name) {
            return "points".equals(name) ? "riskPoints" : name;
        }

        @Override
        public JsonNode item(JsonNode item) {
            for (JsonNode h : item.path("hazards")) {
                for (JsonNode a : h.path("assessments")) {
                    if (a instanceof ObjectNode && a.has("factors") && !a.has("input")) {
                        ObjectNode o = (ObjectNode) a;
                        o.set("input", o.remove("factors"));
                    }
                }
            }
            return item;
        }
    }

    private static final class Reader extends StreamingImport<RegisterHeader, RiskPoint> {
        private final ScoringProviders providers;

        Reader(ScoringProviders providers) {
            this.providers = providers;
        }

        @Override
        String format() {
            return FORMAT;
        }

        @Override
        int currentVersion() {
            return CURRENT_VERSION;
        }

        @Override
        List<Migration> migrations() {
            return List.of(new V0());
        }

        @Override
        String itemsField() {
            return "riskPoints";
        }

        @Override
        List<String> headerFields() {
            return List.of("organization", "gradingSchemes");
        }

        @Override
        @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
        @Nullable RegisterHeader header(Pass pass, Map<String, JsonNode> fields) {
            ModelReader r = pass.reader;
            long before = pass.problems.count();
            Organization org = fields.containsKey("organization")
                    ? r.organization(fields.get("organization"), "/organization") : null;
            List<GradingSchemeRef> schemes = new ArrayList<>();
            JsonNode list = fields.get("gradingSchemes");
            if (list != null && r.array(list, "/gradingSchemes", "an array of grading schemes in use")) {
                Set<SchemeId> seen = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    String p = Problems.child("/gradingSchemes", i);
                    JsonNode n = list.get(i);
                    long b = pass.problems.count();
                    if (!r.object(n, p, "a grading scheme object {\"id\", \"method\", \"name\", \"source\"}", "id",
                            "method", "name", "source")) {
                        continue;
                    }
                    SchemeId id = r.codeId(n, "id", p, SchemeId::of);
                    MethodId method = r.codeId(n, "method", p, MethodId::of);
                    String name = r.string(n, "name", p);
                    String src = r.string(n, "source", p);
                    if (pass.problems.count() > b) {
                        continue;
                    }
                    if (!seen.add(id)) {
                        pass.problems.add(Problems.child(p, "id"), id, "each grading scheme listed once");
                        continue;
                    }
                    GradingScheme installed = providers.scheme(id);
                    if (installed == null) {
                        pass.problems.add(Problems.child(p, "id"), id, "the id of a grading scheme installed here");
                        continue;
                    }
                    if (!installed.method().equals(method)) {
                        pass.problems.add(Problems.child(p, "method"), method,
                                "[" + installed.method() + "], the method the installed scheme [" + id + "] grades");
                        continue;
                    }
                    if (!installed.name().equals(name)) {
                        pass.disagreement(Problems.child(p, "name"), name,
                                "[" + installed.name() + "], the name of the installed scheme [" + id + "]");
                    }
                    if (!installed.source().equals(src)) {
                        pass.disagreement(Problems.child(p, "source"), src,
                                "[" + installed.source() + "], the source of the installed scheme [" + id + "]");
                    }
                    schemes.add(GradingSchemeRef.of(installed));
                }
            }
            if (pass.problems.count() > before || org == null) {
                return null;
            }
            return new RegisterHeader(org, schemes);
        }

        @Override
        ModelReader.AssessmentCheck check(Pass pass) {
            return (ptr, a) -> recompute(pass, ptr, a);
        }

        @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
        private Assessment recompute(Pass pass, String ptr, Assessment a) {
            Problems problems = pass.problems;
            long before = problems.count();
            AssessmentMethod method = providers.method(a.method());
            if (method == null) {
                problems.addCross(Problems.child(ptr, "method"), a.method(), "the id of an assessment method installed here");
            }
            GradingScheme scheme = providers.scheme(a.scheme());
            if (scheme == null) {
                problems.addCross(Problems.child(ptr, "scheme"), a.scheme(), "the id of a grading scheme installed here");
            } else if (!scheme.method().equals(a.method())) {
                problems.addCross(Problems.child(ptr, "scheme"), a.scheme(), "a scheme that grades method [" + a.method()
                        + "]; [" + a.scheme() + "] grades [" + scheme.method() + "]");
            }
            if (problems.count() > before) {
                return a;
            }
            String in = Problems.child(ptr, "input");
            Score score;
            try {
                method.validate(a.input());
                score = method.evaluate(a.input());
            } catch (ValidationException e) {
                for (Violation v : e.violations()) {
                    String key = v.path().startsWith("factors.") ? v.path().substring("factors.".length()) : null;
                    problems.addCross(key == null ? in : Problems.child(in, key), v.value(), v.allowed());
                }
                return a;
            } catch (RuntimeException e) {
                problems.addCross(in, a.input(), "factors that method [" + a.method() + "] can evaluate; it failed with: " + e);
                return a;
            }
            Grade grade;
            try {
                grade = scheme.grade(score);
            } catch (RuntimeException e) {
                problems.addCross(Problems.child(ptr, "score"), score, "a score that scheme [" + a.scheme() + "] grades; it failed with: " + e);
                return a;
            }
            boolean keep = true;
            if (score.compareTo(a.score()) != 0) {
                keep &= pass.disagreement(Problems.child(ptr, "score"), a.score(),
                        "[" + score + "], the score method [" + a.method() + "] computes from the input");
            }
            if (!grade.code().equals(a.grade().code()) || grade.level() != a.grade().level()) {
                keep &= pass.disagreement(Problems.child(ptr, "grade"), a.grade().code() + "/" + a.grade().level().code(),
                        "[" + grade.code() + "/" + grade.level().code() + "], the grade scheme [" + a.scheme()
                                + "] gives the score [" + score + "]");
            }
            if (!keep) {
                return a;
            }
            return new Assessment(a.id(), a.method(), a.scheme(), a.input(), score, grade, a.kind(), a.assessor(),
                    a.assessedAt());
        }

        @Override
        @Nullable RiskPoint item(Pass pass, JsonNode node, String ptr) {
            RiskPoint r = pass.reader.riskPoint(node, ptr);
            if (r == null) {
                return null;
            }
            long before = pass.problems.count();
            RegisterHeader h = pass.header;
            pass.unique("risk point", r.id().value(), Problems.child(ptr, "id"));
            if (h != null) {
                unit(pass, h.organization(), r.owningUnit(), Problems.child(ptr, "owningUnit"));
            }
            Map<SchemeId, GradingSchemeRef> listed = new HashMap<>();
            if (h != null) {
                for (GradingSchemeRef s : h.gradingSchemes()) {
                    listed.put(s.id(), s);
                }
            }
            List<Hazard> hazards = r.hazards();
            for (int i = 0; i < hazards.size(); i++) {
                Hazard hz = hazards.get(i);
                String hp = Problems.child(Problems.child(ptr, "hazards"), i);
                pass.unique("hazard", hz.id().value(), Problems.child(hp, "id"));
                List<ControlMeasure> ms = hz.measures();
                for (int j = 0; j < ms.size(); j++) {
                    String mp = Problems.child(Problems.child(hp, "measures"), j);
                    pass.unique("control measure", ms.get(j).id().value(), Problems.child(mp, "id"));
                    if (h != null) {
                        unit(pass, h.organization(), ms.get(j).responsibleUnit(), Problems.child(mp, "responsibleUnit"));
                    }
                }
                List<Assessment> as = hz.assessments();
                for (int j = 0; j < as.size(); j++) {
                    String ap = Problems.child(Problems.child(hp, "assessments"), j);
                    pass.unique("assessment", as.get(j).id().value(), Problems.child(ap, "id"));
                    if (h != null && !listed.containsKey(as.get(j).scheme())) {
                        pass.problems.addCross(Problems.child(ap, "scheme"), as.get(j).scheme(),
                                "a scheme listed in /gradingSchemes " + listed.keySet());
                    }
                }
            }
            return pass.problems.count() > before ? null : r;
        }

        private static void unit(Pass pass, Organization org, OrgUnitId id, String ptr) {
            if (!org.contains(id)) {
                pass.problems.addCross(ptr, id, "the id of a unit in /organization");
            }
        }
    }

    /** Keeps the generator from closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }
}
