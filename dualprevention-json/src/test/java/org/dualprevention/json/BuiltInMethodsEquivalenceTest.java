package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.DirectMethod;
import org.dualprevention.method.LecMethod;
import org.dualprevention.method.LsMethod;
import org.dualprevention.method.Matrix4x4Method;
import org.dualprevention.method.MesMethod;
import org.dualprevention.method.RiskMatrixMethod;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader's recomputation with the built-in methods ({@code RegisterDocument.Reader.streamingCheck}:
 * {@code evaluate} without a separate {@code validate} for the core methods that validate inside
 * {@code evaluate}, the method and scheme looked up once per pair in a row) keeps what the tree reader's full
 * recomputation keeps and refuses what it refuses, word for word: seeded registers over every built-in method and
 * scheme (the 4×4 matrix, which delegates, taking the full path), valid and with stored scores, grades, levels and
 * factors tampered with, methods and schemes swapped, under the default options and with disagreements as warnings.
 * Also the shared values of the streaming reader (units, assessors, zones, grade texts, control levels matched in
 * the parser's characters) over documents with many distinct ones (beyond the tables' 1024 keys).
 */
class BuiltInMethodsEquivalenceTest {
    static final long SEED = Long.getLong("dualprevention.json.equivalenceSeed", 20261206L);
    private static final List<AssessmentMethod> METHODS = List.of(new LecMethod(), new LsMethod(), new MesMethod(),
            new RiskMatrixMethod(), new Matrix4x4Method(), new DirectMethod());
    private static final ScoringProviders PROVIDERS = ScoringProviders.of(METHODS, BuiltInSchemes.all());

    /** The schemes installed for a method. */
    private static List<GradingScheme> schemesOf(AssessmentMethod m) {
        List<GradingScheme> out = new ArrayList<>();
        for (GradingScheme s : BuiltInSchemes.all()) {
            if (s.method().equals(m.id())) {
                out.add(s);
            }
        }
        return out;
    }

    private static BigDecimal value(FactorDefinition f, SplittableRandom r) {
        if (f.isDiscrete()) {
            return f.values().get(r.nextInt(f.values().size()));
        }
        int span = f.max().subtract(f.min()).intValue();
        return f.min().add(BigDecimal.valueOf(span <= 0 ? 0 : r.nextInt(span + 1)));
    }

    static byte[] register(SplittableRandom r, int points, int distinct) {
        List<OrgUnit> units = new ArrayList<>();
        OrgUnitId root = OrgUnitId.of("plant");
        units.add(OrgUnit.root(root, "工厂", ControlLevel.COMPANY));
        for (int w = 0; w < distinct; w++) {
            units.add(OrgUnit.child(OrgUnitId.of("ws-" + w), "车间 " + w, ControlLevel.WORKSHOP, root));
        }
        List<GradingScheme> used = new ArrayList<>();
        List<RiskPoint> list = new ArrayList<>();
        int n = 0;
        for (int p = 0; p < points; p++) {
            OrgUnitId unit = OrgUnitId.of("ws-" + r.nextInt(distinct));
            List<Hazard> hazards = new ArrayList<>();
            for (int h = 0, hs = 1 + r.nextInt(4); h < hs; h++, n++) {
                List<Assessment> history = new ArrayList<>();
                for (int a = 0, as = r.nextInt(4); a < as; a++) {
                    AssessmentMethod m = METHODS.get(r.nextInt(METHODS.size()));
                    List<GradingScheme> schemes = schemesOf(m);
                    if (schemes.isEmpty()) {
                        continue;
                    }
                    GradingScheme s = schemes.get(r.nextInt(schemes.size()));
                    if (!used.contains(s)) {
                        used.add(s);
                    }
                    Map<String, BigDecimal> in = new LinkedHashMap<>();
                    for (FactorDefinition f : m.factors()) {
                        in.put(f.key(), value(f, r));
                    }
                    AssessmentInput input = AssessmentInput.of(in);
                    Score score = m.evaluate(input);
                    history.add(new Assessment(AssessmentId.of("AS-" + n + "-" + a), m.id(), s.id(), input, score,
                            s.grade(score), r.nextBoolean() ? AssessmentKind.INHERENT : AssessmentKind.RESIDUAL,
                            ActorId.of("assessor-" + r.nextInt(distinct)), Instant.ofEpochSecond(1_700_000_000L + r.nextInt(1 << 20))));
                }
                ControlMeasure measure = new ControlMeasure(ControlMeasureId.of("CM-" + n), MeasureCategory.ENGINEERING,
                        "联锁 " + n, r.nextBoolean() ? ControlLevel.WORKSHOP : ControlLevel.of("team-" + r.nextInt(distinct), 3),
                        OrgUnitId.of("ws-" + r.nextInt(distinct)), "每月测试");
                hazards.add(Hazard.of(HazardId.of("HZ-" + n), "超压 " + n, HazardCategory.PHYSICAL,
                        EnumSet.of(AccidentType.FIRE), "原因", "后果").withMeasures(List.of(measure))
                        .withHistory(history, Optional.empty()));
            }
            list.add(RiskPoint.of(RiskPointId.of("RP-" + p), "点 " + p, RiskPointKind.EQUIPMENT, unit,
                    r.nextBoolean() ? Optional.empty() : Optional.of(MapZoneId.of("Z-" + r.nextInt(distinct))))
                    .withHazards(hazards));
        }
        List<GradingSchemeRef> refs = new ArrayList<>();
        for (GradingScheme s : used) {
            refs.add(GradingSchemeRef.of(s));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterDocument.write(out, new RegisterHeader(Organization.of(units), refs), list);
        return out.toByteArray();
    }

    /** The document with one of the assessment members tampered with, or as it is. */
    static String tamper(String doc, SplittableRandom r) {
        String[][] swaps = {
            {"\"score\":", "\"score\":1"},
            {"\"code\":\"", "\"code\":\"X"},
            {"\"level\":\"red\"", "\"level\":\"blue\""},
            {"\"level\":\"blue\"", "\"level\":\"yellow\""},
            {"\"L\":", "\"L\":7"},
            {"\"C\":", "\"C\":0."},
            {"\"method\":\"LEC\"", "\"method\":\"LS\""},
            {"\"scheme\":\"LEC-V1\"", "\"scheme\":\"LEC-V2\""},
            {"\"scheme\":\"", "\"scheme\":\"NO-"},
            {"\"S\":", "\"S\":9"},
            {"\"input\":{", "\"input\":{\"Q\":1,"},
        };
        String[] s = swaps[r.nextInt(swaps.length)];
        List<Integer> at = new ArrayList<>();
        for (int i = doc.indexOf(s[0]); i >= 0; i = doc.indexOf(s[0], i + 1)) {
            at.add(i);
        }
        if (at.isEmpty()) {
            return doc;
        }
        int i = at.get(r.nextInt(at.size()));
        return doc.substring(0, i) + s[1] + doc.substring(i + s[0].length());
    }

    @Test
    void theStreamingRecomputationWithTheBuiltInMethodsAgreesWithTheTreeReader() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        int[] tally = new int[3];
        for (int c = 0; c < 400; c++) {
            long seed = seeds.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            String valid = new String(register(r, 1 + r.nextInt(6), 1 + r.nextInt(8)), StandardCharsets.UTF_8);
            boolean tampered = r.nextInt(3) > 0;
            byte[] doc = (tampered ? tamper(valid, r) : valid).getBytes(StandardCharsets.UTF_8);
            ImportOptions options = r.nextBoolean() ? ImportOptions.defaults()
                    : ImportOptions.defaults().withScoreDisagreement(ScoreDisagreement.WARN);
            String where = "seed " + seed + " (case " + c + ", base seed " + SEED + ") with " + options;
            RegisterReaderEquivalenceTest.Outcome old = RegisterReaderEquivalenceTest.outcome(doc, PROVIDERS, options, true);
            RegisterReaderEquivalenceTest.Outcome now = RegisterReaderEquivalenceTest.outcome(doc, PROVIDERS, options, false);
            assertEquals(old, now, "the readers differ; " + where + "\n" + new String(doc, StandardCharsets.UTF_8));
            CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
            ImportReport streamed = RegisterDocument.readStreaming(DocumentSource.of(doc), PROVIDERS, options, sink,
                    RegisterStream.HOLD_BYTES);
            boolean accepted = old.text().startsWith("accepted");
            if (!tampered) {
                assertTrue(accepted, "a valid register refused; " + where + ": " + old.text());
                assertNotNull(streamed, "the streaming reader gave up on a valid register; " + where);
            }
            if (streamed != null) {
                assertTrue(accepted, "the streaming reader accepted a refused document; " + where);
            } else {
                assertTrue(sink.receivedNothing(), where);
            }
            tally[accepted ? 0 : 1]++;
            tally[2] += streamed != null ? 1 : 0;
        }
        assertTrue(tally[0] > 150 && tally[1] > 50 && tally[2] > 100, "accepted, refused, streamed: "
                + java.util.Arrays.toString(tally));
    }

    /** More distinct units, assessors, zones and control levels than the streaming reader's tables keep. */
    @Test
    void manyDistinctSharedValuesReadAlike() {
        SplittableRandom r = new SplittableRandom(SEED + 1);
        byte[] doc = register(r, 900, 1500);
        RegisterReaderEquivalenceTest.Outcome old = RegisterReaderEquivalenceTest.outcome(doc, PROVIDERS,
                ImportOptions.defaults(), true);
        assertTrue(old.text().startsWith("accepted"), old.text());
        assertEquals(old, RegisterReaderEquivalenceTest.outcome(doc, PROVIDERS, ImportOptions.defaults(), false),
                "seed " + (SEED + 1));
        CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
        assertNotNull(RegisterDocument.readStreaming(DocumentSource.of(doc), PROVIDERS, ImportOptions.defaults(), sink,
                RegisterStream.HOLD_BYTES), "seed " + (SEED + 1));
    }

    /** A unit that is not in the organisation is refused the same way whether or not an earlier one was shared. */
    @Test
    void anUnknownUnitAfterKnownOnesIsStillRefused() {
        String doc = new String(register(new SplittableRandom(SEED + 2), 5, 3), StandardCharsets.UTF_8);
        int last = doc.lastIndexOf("\"responsibleUnit\":\"ws-");
        String bad = doc.substring(0, last) + "\"responsibleUnit\":\"nowhere-" + doc.substring(last + 22);
        byte[] b = bad.getBytes(StandardCharsets.UTF_8);
        RegisterReaderEquivalenceTest.Outcome old = RegisterReaderEquivalenceTest.outcome(b, PROVIDERS,
                ImportOptions.defaults(), true);
        assertTrue(old.text().startsWith("refused"), old.text());
        assertTrue(old.text().contains("nowhere-"), old.text());
        assertEquals(old, RegisterReaderEquivalenceTest.outcome(b, PROVIDERS, ImportOptions.defaults(), false));
        assertNull(RegisterDocument.readStreaming(DocumentSource.of(b), PROVIDERS, ImportOptions.defaults(),
                new CollectingSink<>(), RegisterStream.HOLD_BYTES));
    }
}
