package org.dualprevention.benchmarks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.Assessor;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.Providers;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.LecMethod;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.support.BandedGradingScheme;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * LEC evaluate + grade. One operation = one of 210 factor combinations (every allowed L × E × C, in turn).
 *
 * <ul>
 *   <li>{@link #spi}: the library through the spi objects a host holds — {@code providers.method(LEC)}
 *       {@code .evaluate(input)} (which validates every factor against its scale) and
 *       {@code providers.scheme(LEC-V1).grade(score)};</li>
 *   <li>{@link #assessor}: the whole {@link Assessor#assess} (look-ups, validation, evaluate, grade, the
 *       grade-in-scheme check, the {@link Assessment} with a host-supplied id counter);</li>
 *   <li>baseline {@link #handWritten}: a hand-written loop over the same {@link AssessmentInput}'s value map:
 *       reads the three exact decimals, checks each against its scale (the same allowed values, compared
 *       with {@code compareTo}), rejects any other key, multiplies them exactly, strips trailing zeros and
 *       finds the LEC-V1 band among the same thresholds ({@code (0,20) [20,70] (70,160] (160,320] (320,+inf)}).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xmx1g", "-Xms1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LecBenchmark {
    private static final String[] L = {"10", "6", "3", "1", "0.5", "0.2", "0.1"};
    private static final String[] E = {"10", "6", "3", "2", "1", "0.5"};
    private static final String[] C = {"100", "40", "15", "7", "3", "1"};
    private static final BigDecimal[] LV = decimals(L);
    private static final BigDecimal[] EV = decimals(E);
    private static final BigDecimal[] CV = decimals(C);
    private static final BigDecimal[] BOUNDS = decimals(new String[] {"20", "70", "160", "320"});

    private AssessmentInput[] inputs;
    private AssessmentRequest[] requests;
    private AssessmentMethod method;
    private GradingScheme scheme;
    private Assessor assessor;
    private Clock clock;
    private long ids;
    private int next;

    private static BigDecimal[] decimals(String[] s) {
        BigDecimal[] d = new BigDecimal[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = new BigDecimal(s[i]);
        }
        return d;
    }

    /** The 210 inputs, the providers of a default engine, and a check that both sides agree on every input. */
    @Setup
    public void setUp() {
        Providers providers = DualPrevention.builder().storage(InMemoryStorage.create()).build().providers();
        method = providers.method(LecMethod.ID);
        scheme = providers.scheme(BuiltInSchemes.LEC_V1_ID);
        clock = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneOffset.UTC);
        assessor = Assessor.of(providers, () -> AssessmentId.of(ids++));
        inputs = new AssessmentInput[L.length * E.length * C.length];
        requests = new AssessmentRequest[inputs.length];
        int i = 0;
        for (String l : L) {
            for (String e : E) {
                for (String c : C) {
                    inputs[i] = AssessmentInput.ofText(Map.of("L", l, "E", e, "C", c));
                    requests[i] = AssessmentRequest.of(LecMethod.ID, inputs[i], AssessmentKind.INHERENT,
                            ActorId.of("assessor"));
                    i++;
                }
            }
        }
        for (AssessmentInput in : inputs) {
            Grade g = scheme.grade(method.evaluate(in));
            int band = band(in);
            if (band < 0 || !gradeOfBand(scheme, band).equals(g)) {
                throw new IllegalStateException("library and hand-written loop disagree on " + in);
            }
        }
    }

    /** The grade of a band of a banded scheme, for the hand-written side. */
    static Grade gradeOfBand(GradingScheme scheme, int band) {
        return ((BandedGradingScheme) scheme).bands().get(band).grade();
    }

    private AssessmentInput nextInput() {
        AssessmentInput in = inputs[next];
        next = next + 1 == inputs.length ? 0 : next + 1;
        return in;
    }

    /**
     * The library through the spi objects.
     *
     * @return the grade
     */
    @Benchmark
    public Grade spi() {
        Score s = method.evaluate(nextInput());
        return scheme.grade(s);
    }

    /**
     * The library's whole assessor (no storage).
     *
     * @return the assessment
     */
    @Benchmark
    public Assessment assessor() {
        AssessmentRequest r = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return assessor.assess(r, clock);
    }

    /**
     * Baseline: the same checks, product and band search written by hand.
     *
     * @return the band index, or -1 for an invalid input
     */
    @Benchmark
    public int handWritten() {
        return band(nextInput());
    }

    static int band(AssessmentInput input) {
        Map<String, BigDecimal> v = input.values();
        BigDecimal l = v.get("L");
        BigDecimal e = v.get("E");
        BigDecimal c = v.get("C");
        if (v.size() != 3 || !allowed(l, LV) || !allowed(e, EV) || !allowed(c, CV)) {
            return -1;
        }
        BigDecimal d = l.multiply(e).multiply(c).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        // LEC-V1: (0, 20) [20, 70] (70, 160] (160, 320] (320, +inf)
        if (d.compareTo(BOUNDS[0]) < 0) {
            return 0;
        }
        int band = 1;
        while (band < BOUNDS.length && d.compareTo(BOUNDS[band]) > 0) {
            band++;
        }
        return band;
    }

    private static boolean allowed(BigDecimal x, BigDecimal[] scale) {
        if (x == null) {
            return false;
        }
        for (BigDecimal s : scale) {
            if (s.compareTo(x) == 0) {
                return true;
            }
        }
        return false;
    }
}
