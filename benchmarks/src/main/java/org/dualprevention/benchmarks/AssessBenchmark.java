package org.dualprevention.benchmarks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.LecMethod;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code DualPrevention.register().assess(hazard, request)} on the in-memory store: one LEC assessment of
 * one hazard per operation, the hazards taken in turn from {@code points} risk points (one hazard each, no
 * hidden dangers linked), the 210 LEC factor combinations in turn. A fresh store per iteration, so the
 * assessment histories stay short, the same for both sides: each hazard starts with one assessment and
 * gains one per {@code points} operations (at 0.5 µs per operation, 20 in a 1 s iteration; at 5 µs, 2).
 *
 * <ul>
 *   <li>{@link #library}: finds the risk point holding the hazard, computes the effective level before
 *       and after (no hidden dangers here), validates, evaluates and grades through the providers, appends
 *       the assessment (id from the default generator), saves the risk point with a version check and
 *       keeps its indexes current;</li>
 *   <li>baseline {@link #plainMaps}: a {@code HashMap} from hazard id to risk point id and one from risk
 *       point id to the risk point, the same hand-written LEC as {@link LecBenchmark#handWritten}, the
 *       same immutable model objects ({@link Assessment}, {@code Hazard.withAssessment},
 *       {@code RiskPoint.withHazardChanged}), an id from a counter, a version check and a {@code put};</li>
 *   <li>baseline {@link #plainMapsWithLevels}: {@link #plainMaps} plus the rest of the library's duty done by hand,
 *       the effective level before and after (assessed level by the most-severe rule, the point's hidden dangers
 *       from a plain map, the default policy's two rules) and their comparison: the equivalent-work baseline
 *       ({@link #plainMaps} leaves the effective level out).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AssessBenchmark {
    /** Risk points in the store, one hazard each. */
    @Param("100000")
    public int points;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), DangerFixtures.ZONE);
    private static final String[] L = {"10", "6", "3", "1", "0.5", "0.2", "0.1"};
    private static final String[] E = {"10", "6", "3", "2", "1", "0.5"};
    private static final String[] C = {"100", "40", "15", "7", "3", "1"};
    private static final ActorId ASSESSOR = ActorId.of("assessor");

    private DualPrevention engine;
    private HazardId[] hazards;
    private AssessmentRequest[] requests;
    private Map<HazardId, RiskPointId> hazardIndex;
    private Map<RiskPointId, RiskPoint> plain;
    /** The hidden dangers per risk point for {@link #plainMapsWithLevels} (none, as in the store). */
    private final Map<RiskPointId, List<HiddenDanger>> dangersByPoint = new HashMap<>();
    /** Changes of effective level {@link #plainMapsWithLevels} found (read by nobody; keeps the comparison). */
    public long changes;
    private Grade[] bandGrades;
    private long ids;
    private int nextHazard;
    private int nextRequest;

    /** A fresh store and fresh plain maps holding the same risk points. */
    @Setup(Level.Iteration)
    public void setUp() {
        List<OrgUnitId> teams = DangerFixtures.teams(20, 5);
        engine = DualPrevention.builder().storage(InMemoryStorage.create()).clock(CLOCK).zone(DangerFixtures.ZONE)
                .build();
        engine.register().saveOrganization(DangerFixtures.organization(20, 5));
        GradingScheme scheme = engine.providers().scheme(BuiltInSchemes.LEC_V1_ID);
        bandGrades = new Grade[5];
        for (int b = 0; b < bandGrades.length; b++) {
            bandGrades[b] = LecBenchmark.gradeOfBand(scheme, b);
        }
        hazards = new HazardId[points];
        hazardIndex = new HashMap<>();
        plain = new HashMap<>();
        for (int r = 0; r < points; r++) {
            // stored straight into the repository: the same stored state as addRiskPoint, set up faster
            RiskPoint p = DangerFixtures.riskPoint(r, teams, 100).withVersion(1);
            engine.storage().riskPoints().save(p, 0);
            hazards[r] = p.hazards().get(0).id();
            hazardIndex.put(hazards[r], p.id());
            plain.put(p.id(), p);
        }
        requests = new AssessmentRequest[L.length * E.length * C.length];
        int i = 0;
        for (String l : L) {
            for (String e : E) {
                for (String c : C) {
                    requests[i++] = AssessmentRequest.of(LecMethod.ID,
                            AssessmentInput.ofText(Map.of("L", l, "E", e, "C", c)), AssessmentKind.RESIDUAL, ASSESSOR);
                }
            }
        }
        nextHazard = 0;
        nextRequest = 0;
    }

    private HazardId hazard() {
        HazardId h = hazards[nextHazard];
        nextHazard = nextHazard + 1 == hazards.length ? 0 : nextHazard + 1;
        return h;
    }

    private AssessmentRequest request() {
        AssessmentRequest r = requests[nextRequest];
        nextRequest = nextRequest + 1 == requests.length ? 0 : nextRequest + 1;
        return r;
    }

    /**
     * The library.
     *
     * @return the assessment
     */
    @Benchmark
    public Assessment library() {
        return engine.register().assess(hazard(), request());
    }

    /**
     * Baseline doing the library's whole duty by hand: {@link #plainMaps}, and around it what {@code assess} also
     * promises, the risk point's effective level before and after (its hazards' levels by the most-severe rule over
     * their current assessments, as the model keeps them; the point's hidden dangers from a plain
     * {@code HashMap}, none here; the two rules of the default policy over them) and the change of level compared
     * (an event would be published if it differed). No thread safety, atomicity, undo or indexes.
     *
     * @return the risk point with the assessment
     */
    @Benchmark
    public RiskPoint plainMapsWithLevels() {
        HazardId hazard = hazard();
        AssessmentRequest r = request();
        RiskPointId pid = hazardIndex.get(hazard);
        RiskPoint point = plain.get(pid);
        List<HiddenDanger> dangers = dangersByPoint.getOrDefault(pid, List.of());
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), DangerFixtures.ZONE);
        RiskLevel assessedBefore = assessedLevel(point);
        RiskLevel before = assessedBefore == null ? null : effective(assessedBefore, dangers, today);
        RiskPoint next = assessPlain(hazard, r, pid, point);
        if (before != null) {
            RiskLevel after = effective(Objects.requireNonNull(assessedLevel(next)), dangers,
                    LocalDate.ofInstant(CLOCK.instant(), DangerFixtures.ZONE));
            if (after != before) {
                changes++;
            }
        }
        return next;
    }

    /**
     * The most severe of the hazards' levels, each the most severe of its current assessments (the model's
     * {@link Hazard#currentAssessments()}, worked out once per immutable hazard, as the library reads them).
     */
    private static RiskLevel assessedLevel(RiskPoint p) { // null if no hazard is assessed
        RiskLevel worst = null;
        List<Hazard> hazards = p.hazards();
        for (int i = 0; i < hazards.size(); i++) {
            List<Assessment> current = hazards.get(i).currentAssessments();
            for (int j = 0; j < current.size(); j++) {
                RiskLevel l = current.get(j).level();
                worst = worst == null ? l : RiskLevel.mostSevere(worst, l);
            }
        }
        return worst;
    }

    /** The default policy's two rules: an open major hidden danger raises to major, an overdue general one by one. */
    private static RiskLevel effective(RiskLevel assessed, List<HiddenDanger> dangers, LocalDate today) {
        RiskLevel level = assessed;
        for (HiddenDanger d : dangers) {
            if (!d.isOpen() || d.grade().isEmpty()) {
                continue;
            }
            if (d.grade().get() == HiddenDangerGrade.MAJOR) {
                level = RiskLevel.MAJOR;
            } else if (d.isOverdue(today)) {
                level = RiskLevel.mostSevere(level, assessed.raisedBy(1));
            }
        }
        return level;
    }

    /**
     * Baseline: plain maps and a hand-written LEC.
     *
     * @return the risk point with the assessment
     */
    @Benchmark
    public RiskPoint plainMaps() {
        HazardId hazard = hazard();
        AssessmentRequest r = request();
        RiskPointId pid = hazardIndex.get(hazard);
        RiskPoint point = plain.get(pid);
        return assessPlain(hazard, r, pid, point);
    }

    /**
     * The part both baselines share: the hand-written LEC (scales checked, exact product, band), the same
     * {@code Assessment}, the immutable copies of the hazard and the risk point with the next version, and the
     * version-checked {@code put}.
     *
     * @return the risk point with the assessment
     */
    private RiskPoint assessPlain(HazardId hazard, AssessmentRequest r, RiskPointId pid, RiskPoint point) {
        AssessmentInput in = r.input();
        int band = LecBenchmark.band(in);
        if (band < 0) {
            throw new IllegalArgumentException("bad input " + in);
        }
        Map<String, BigDecimal> v = in.values();
        Score score = Score.of(v.get("L").multiply(v.get("E")).multiply(v.get("C")));
        Grade grade = bandGrades[band];
        Assessment a = new Assessment(AssessmentId.of(ids++), LecMethod.ID, BuiltInSchemes.LEC_V1_ID, in, score, grade,
                r.kind(), r.assessor(), CLOCK.instant());
        RiskPoint next = point.withHazardChanged(hazard, h -> h.withAssessment(a)).withVersion(point.version() + 1);
        if (plain.put(pid, next) != point) {
            throw new IllegalStateException("concurrent change");
        }
        return next;
    }
}
