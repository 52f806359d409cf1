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
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.json.support.NonClosingOutputStream;
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
 * <p>A valid document is read once: a streaming reader reads each risk point straight into the model, holds
 * the risk points up to 16 MiB of their JSON and delivers them at the end (beyond that it validates in one pass
 * and delivers in a second). At the first thing it does not expect (any problem, a version 0 document, a lenient
 * import) it gives up, having delivered nothing, and the two-pass reader described above reads the document and
 * reports its problems, exactly as it always has.
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
        try (JsonGenerator g = WRITER.createGenerator(new NonClosingOutputStream(out))) {
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
     * @param source the document; read once if it is valid and its risk points take at most 16 MiB of JSON, twice
     *     if larger; a refused document is read up to three times more (twice, and again to name the first place
     *     of repeated ids), as the two-pass reader reads it
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
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        Reader reader = new Reader(providers);
        ImportReport fast = new RegisterStream(reader, options).run(source, sink);
        return fast != null ? fast : new Reader(providers).run(source, options, sink);
    }

    /**
     * The streaming reader of {@link #read} alone, for the tests: the report, or null where {@link #read} would
     * hand the document to the tree reader (the sink then received nothing).
     */
    static @Nullable ImportReport readStreaming(DocumentSource source, ScoringProviders providers, ImportOptions options,
            DocumentSink<RegisterHeader, RiskPoint> sink, long holdBytes) {
        return new RegisterStream(new Reader(providers), options, holdBytes).run(source, sink);
    }

    /**
     * The import of {@link #read} through the tree reader only (a Jackson tree per risk point, then the
     * model, in two passes): the reader every document took before the streaming reader, and the one that
     * reports the problems of a refused document. Kept for the equivalence tests, which hold {@link #read}
     * to it on thousands of generated and mutated documents.
     */
    static ImportReport readTrees(DocumentSource source, ScoringProviders providers, ImportOptions options,
            DocumentSink<RegisterHeader, RiskPoint> sink) {
        Objects.requireNonNull(providers, "providers");
        return new Reader(providers).run(source, options, sink);
    }

    /**
     * Imports a register document in quarantine mode, as a migration needs: every valid risk point is
     * delivered, and every risk point with a problem (of its own, or across the document: a repeated id, a
     * unit or scheme not in the header) is held back and listed with each problem in the returned report.
     * An assessment whose stored score or grade disagrees with the recomputation is imported with the
     * recomputed values, and the report keeps the stored claim beside them. A problem of the document as a
     * whole (malformed JSON or UTF-8, a breached limit, a problem in the header, the format or the version)
     * still refuses everything: the items cannot be trusted without it.
     *
     * <p>A repeated id holds back the later risk point (the report names the first place); the first stays.
     * The {@link ImportOptions#scoreDisagreement()} policy does not apply: claims are always recomputed and
     * reported.
     *
     * @param source the document; read twice (a third time when ids are repeated)
     * @param providers the methods and schemes that recompute scores and grades
     * @param options import options; {@link ImportOptions#maxProblems()} caps the lines listed, the rest counted
     * @param sink receives the header and batches of the valid risk points
     * @return every refused risk point and recomputed claim; use {@link QuarantineReport#withSources} to name
     *     the rows of a table the document was converted from
     * @throws JsonImportException if the document as a whole is unusable; the sink received nothing
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public static QuarantineReport quarantine(DocumentSource source, ScoringProviders providers, ImportOptions options,
            DocumentSink<RegisterHeader, RiskPoint> sink) {
        Objects.requireNonNull(providers, "providers");
        return new Reader(providers).quarantine(source, options, sink);
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

        /** The refs of the current pass (passes run one after another). */
        private @Nullable RegisterRefs current;

        /**
         * Ids unique in the document; units and schemes referenced by items checked against those the header
         * names, even when the header has problems of its own (its unit and scheme ids that could be read).
         */
        final class RegisterRefs extends PassRefs {
            @Nullable Set<OrgUnitId> units;
            @Nullable Map<SchemeId, Boolean> schemes;

            RegisterRefs(Pass pass) {
                super(pass);
            }

            @Override
            public void unit(OrgUnitId unit, CharSequence parent, String field) {
                if (units != null && !units.contains(unit)) {
                    pass.problems.addCross(Problems.child(parent, field), unit, "the id of a unit in /organization");
                }
            }

            @Override
            public void scheme(SchemeId scheme, CharSequence parent, String field) {
                if (schemes != null && !schemes.containsKey(scheme)) {
                    pass.problems.addCross(Problems.child(parent, field), scheme, "a scheme listed in /gradingSchemes "
                            + Problems.some(schemes.keySet(), 20));
                }
            }
        }

        @Override
        PassRefs refs(Pass pass) {
            current = new RegisterRefs(pass);
            return current;
        }

        @Override
        @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
        @Nullable RegisterHeader header(Pass pass, Map<String, JsonNode> fields) {
            ModelReader r = pass.reader;
            long before = pass.problems.count();
            Organization org = fields.containsKey("organization")
                    ? r.organization(fields.get("organization"), "/organization") : null;
            RegisterRefs refs = Objects.requireNonNull(current);
            if (org != null) {
                Set<OrgUnitId> units = new HashSet<>();
                org.units().forEach(u -> units.add(u.id()));
                refs.units = units;
            } else if (fields.containsKey("organization")) {
                refs.units = readableUnitIds(fields.get("organization"));
            }
            List<GradingSchemeRef> schemes = new ArrayList<>();
            JsonNode list = fields.get("gradingSchemes");
            if (list != null && r.array(list, "/gradingSchemes", "an array of grading schemes in use")) {
                refs.schemes = new java.util.LinkedHashMap<>();
                Map<SchemeId, Integer> seen = new HashMap<>();
                for (int i = 0; i < list.size(); i++) {
                    String p = Problems.child("/gradingSchemes", i);
                    JsonNode n = list.get(i);
                    if (n.path("id").isString()) {
                        try {
                            refs.schemes.put(SchemeId.of(n.path("id").stringValue()), Boolean.TRUE);
                        } catch (IllegalArgumentException e) {
                            // reported below
                        }
                    }
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
                    Integer first = seen.putIfAbsent(id, i);
                    if (first != null) {
                        pass.problems.repeated(Problems.child(p, "id"), id, "each grading scheme listed once",
                                Problems.child(Problems.child("/gradingSchemes", first), "id"));
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

        /** The ids of the units of an organisation that has problems, as far as they can be read. */
        private static Set<OrgUnitId> readableUnitIds(JsonNode organization) {
            Set<OrgUnitId> out = new HashSet<>();
            for (JsonNode u : organization.path("units")) {
                JsonNode id = u.path("id");
                if (id.isString() && ModelReader.badUnicode(id.stringValue(), true) < 0) {
                    try {
                        out.add(OrgUnitId.of(id.stringValue()));
                    } catch (RuntimeException e) {
                        // an unreadable id: reported by the organisation's own reading
                    }
                }
            }
            return out;
        }

        @Override
        ModelReader.AssessmentCheck check(Pass pass) {
            return new ModelReader.AssessmentCheck() {
                @Override
                public @Nullable Assessment check(CharSequence pointer, Assessment a) {
                    return recompute(pass, pointer, a);
                }

                @Override
                public void checkInput(CharSequence pointer, MethodId method, SchemeId scheme, AssessmentInput input) {
                    validate(pass, pointer, method, scheme, input);
                }
            };
        }

        /** The scores {@link #streamingCheck} keeps, by the identity of their input (a power of two). */
        static final int SCORES_KEPT = 1024;
        /**
         * The built-in methods whose {@code evaluate} calls {@code validate} on its input first, so that an input it
         * scores is one {@code validate} accepts (the classes are final; matched exactly).
         */
        private static final Set<Class<?>> VALIDATING_EVALUATE = Set.of(org.dualprevention.method.LecMethod.class,
                org.dualprevention.method.LsMethod.class, org.dualprevention.method.MesMethod.class,
                org.dualprevention.method.RiskMatrixMethod.class, org.dualprevention.method.DirectMethod.class);

        /**
         * The streaming reader's recomputation: for an assessment by a built-in method of {@link #VALIDATING_EVALUATE}
         * with an installed scheme that grades it, whose stored score and grade agree with the recomputed ones, it
         * keeps what {@link #recompute} keeps (the assessment with the recomputed score and grade) without
         * validating the input a second time before {@code evaluate} validates it, and looks the method and scheme up
         * once per pair read in a row. Anything else (another method, a failure, a disagreement, a quarantine) goes
         * through {@link #recompute} itself, which reports it exactly as before.
         */
        @Override
        ModelReader.AssessmentCheck streamingCheck(Pass pass) {
            ModelReader.AssessmentCheck full = pass.reader.check();
            return new ModelReader.AssessmentCheck() {
                private @Nullable MethodId lastMethod;
                private @Nullable SchemeId lastScheme;
                private @Nullable AssessmentMethod method;
                private @Nullable GradingScheme scheme;
                /**
                 * The scores evaluated last, by the identity of the input (the streaming reader hands the same
                 * input for the same factors) and the method: a method of {@link #VALIDATING_EVALUATE} is a final
                 * class with final fields whose evaluate depends on the input alone, so it gives that score again.
                 */
                private final @Nullable AssessmentInput[] memoInputs = new AssessmentInput[SCORES_KEPT];
                private final @Nullable AssessmentMethod[] memoMethods = new AssessmentMethod[SCORES_KEPT];
                private final @Nullable Score[] memoScores = new Score[SCORES_KEPT];

                @Override
                public @Nullable Assessment check(CharSequence pointer, Assessment a) {
                    if (pass.quarantineMode || !resolve(a.method(), a.scheme())) {
                        return full.check(pointer, a);
                    }
                    AssessmentMethod m = Objects.requireNonNull(method);
                    GradingScheme s = Objects.requireNonNull(scheme);
                    Score score;
                    Grade grade;
                    try {
                        AssessmentInput in = a.input();
                        int slot = System.identityHashCode(in) & (SCORES_KEPT - 1);
                        Score known = memoInputs[slot] == in && memoMethods[slot] == m ? memoScores[slot] : null;
                        if (known != null) {
                            score = known;
                        } else {
                            score = m.evaluate(in);
                            memoInputs[slot] = in;
                            memoMethods[slot] = m;
                            memoScores[slot] = score;
                        }
                        grade = s.grade(score);
                    } catch (RuntimeException e) {
                        return full.check(pointer, a);
                    }
                    if (score.compareTo(a.score()) != 0 || !grade.code().equals(a.grade().code())
                            || grade.level() != a.grade().level()) {
                        return full.check(pointer, a);
                    }
                    return new Assessment(a.id(), a.method(), a.scheme(), a.input(), score, grade, a.kind(), a.assessor(),
                            a.assessedAt());
                }

                /** Whether the pair is a trusted method with an installed scheme that grades it (memoised). */
                private boolean resolve(MethodId methodId, SchemeId schemeId) {
                    if (methodId.equals(lastMethod) && schemeId.equals(lastScheme)) {
                        return true;
                    }
                    AssessmentMethod m = providers.method(methodId);
                    GradingScheme s = providers.scheme(schemeId);
                    if (m == null || s == null || !s.method().equals(methodId) || !m.id().equals(methodId)
                            || !VALIDATING_EVALUATE.contains(m.getClass())) {
                        return false;
                    }
                    lastMethod = methodId;
                    lastScheme = schemeId;
                    method = m;
                    scheme = s;
                    return true;
                }

                @Override
                public void checkInput(CharSequence pointer, MethodId methodId, SchemeId schemeId, AssessmentInput input) {
                    full.checkInput(pointer, methodId, schemeId, input);
                }
            };
        }

        /**
         * Checks that the method and scheme are installed and go together, and validates the input with the
         * method, reporting each factor at its pointer ({@code (missing)} when absent); the method if all is
         * well, else null.
         */
        private @Nullable AssessmentMethod validate(Pass pass, CharSequence ptr, MethodId methodId, SchemeId schemeId,
                AssessmentInput input) {
            Problems problems = pass.problems;
            long before = problems.count();
            AssessmentMethod method = providers.method(methodId);
            if (method == null) {
                problems.addCross(Problems.child(ptr, "method"), methodId, "the id of an assessment method installed here");
            }
            GradingScheme scheme = providers.scheme(schemeId);
            if (scheme == null) {
                problems.addCross(Problems.child(ptr, "scheme"), schemeId, "the id of a grading scheme installed here");
            } else if (!scheme.method().equals(methodId)) {
                problems.addCross(Problems.child(ptr, "scheme"), schemeId, "a scheme that grades method [" + methodId
                        + "]; [" + schemeId + "] grades [" + scheme.method() + "]");
            }
            if (method == null) {
                return null;
            }
            try {
                method.validate(input);
            } catch (ValidationException e) {
                for (Violation v : e.violations()) {
                    String key = v.path().startsWith("factors.") ? v.path().substring("factors.".length()) : null;
                    boolean missing = key != null && input.value(key).isEmpty();
                    problems.addCross(key == null ? Problems.child(ptr, "input") : Problems.child(Problems.child(ptr, "input"), key), missing ? null : v.value(), v.allowed());
                }
            } catch (RuntimeException e) {
                problems.addCross(Problems.child(ptr, "input"), input, "factors that method [" + methodId + "] can validate; it failed with: " + e);
            }
            return problems.count() > before ? null : method;
        }

        @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
        private Assessment recompute(Pass pass, CharSequence ptr, Assessment a) {
            Problems problems = pass.problems;
            AssessmentMethod method = validate(pass, ptr, a.method(), a.scheme(), a.input());
            if (method == null) {
                return a;
            }
            GradingScheme scheme = Objects.requireNonNull(providers.scheme(a.scheme()));
            Score score;
            try {
                score = method.evaluate(a.input());
            } catch (ValidationException e) {
                for (Violation v : e.violations()) {
                    String key = v.path().startsWith("factors.") ? v.path().substring("factors.".length()) : null;
                    problems.addCross(key == null ? Problems.child(ptr, "input") : Problems.child(Problems.child(ptr, "input"), key), v.value(), v.allowed());
                }
                return a;
            } catch (RuntimeException e) {
                problems.addCross(Problems.child(ptr, "input"), a.input(), "factors that method [" + a.method() + "] can evaluate; it failed with: " + e);
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
            boolean gradeDiffers = !grade.code().equals(a.grade().code()) || grade.level() != a.grade().level();
            if (pass.quarantineMode) {
                StreamingImport.Quarantine q = pass.collect;
                if (q != null && (score.compareTo(a.score()) != 0 || gradeDiffers)) {
                    q.recomputed(ptr.toString(), a.score().toString(), a.grade().code(), a.grade().level().code(), score.toString(),
                            grade.code(), grade.level().code());
                }
            } else if (score.compareTo(a.score()) != 0) {
                keep &= pass.disagreement(Problems.child(ptr, "score"), a.score(),
                        "[" + score + "], the score method [" + a.method() + "] computes from the input");
            }
            if (!pass.quarantineMode && gradeDiffers) {
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

        /** Reads a risk point; its ids, units and schemes were checked across the document as they were read. */
        @Override
        @Nullable RiskPoint item(Pass pass, JsonNode node, String ptr) {
            return pass.reader.riskPoint(node, ptr);
        }
    }
}
