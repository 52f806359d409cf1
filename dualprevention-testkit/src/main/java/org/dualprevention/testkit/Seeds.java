package org.dualprevention.testkit;

import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Seeds for property-style tests, reported in every failure so the failing case replays.
 *
 * <p>The base seed is fixed ({@link #DEFAULT_BASE}) so builds are repeatable; set the system property
 * {@value #PROPERTY} (decimal or {@code 0x} hex) to run other cases, or to replay a failure: the
 * first case of every run uses the base seed itself, so {@code -Ddualprevention.seed=<seed from the
 * failure>} makes the failing case the first one.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> savedRiskPointsAreFound() {
 *     return Seeds.cases("find after save", 200, gen -> {
 *         RiskPoint rp = gen.riskPoint(gen.organization());
 *         ...
 *     });
 * }
 * }</pre>
 * A failure reads {@code [seed=8372615 replay with -Ddualprevention.seed=8372615] expected ...}.
 *
 * @since 0.1
 */
public final class Seeds {
    /** The system property that overrides the base seed. */
    public static final String PROPERTY = "dualprevention.seed";
    /** The base seed used when {@value #PROPERTY} is not set. */
    public static final long DEFAULT_BASE = 20_261_125L;

    private Seeds() {
    }

    /**
     * The base seed of this run.
     *
     * @return the value of {@value #PROPERTY}, or {@link #DEFAULT_BASE}
     */
    public static long base() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            return DEFAULT_BASE;
        }
        try {
            return Long.decode(p.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + PROPERTY + " [" + p
                    + "] is not allowed; allowed: a long in decimal or 0x hex", e);
        }
    }

    /**
     * The seed of the {@code index}-th case: the base itself for index 0, then well-mixed values.
     *
     * @param base the base seed
     * @param index the case number
     * @return the seed
     */
    public static long seed(long base, long index) {
        if (index == 0) {
            return base;
        }
        long z = base + index * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Runs {@code body} with a generator for {@code seed}; any failure is rethrown as an
     * {@link AssertionError} whose message starts with the seed, keeping the original as its cause.
     *
     * @param seed the seed
     * @param body the check
     */
    public static void run(long seed, ThrowingConsumer<Gen> body) {
        Objects.requireNonNull(body, "body");
        try {
            body.accept(Gen.of(seed));
        } catch (Throwable t) {
            throw withSeed(seed, t);
        }
    }

    /**
     * {@code count} dynamic tests named {@code "<name> seed=<seed>"}, each running {@code body} with its
     * own generator through {@link #run(long, ThrowingConsumer)}.
     *
     * @param name what is checked
     * @param count how many cases
     * @param body the check
     * @return the tests, for a {@code @TestFactory}
     */
    public static Stream<DynamicTest> cases(String name, int count, ThrowingConsumer<Gen> body) {
        long base = base();
        return LongStream.range(0, count).mapToObj(i -> {
            long s = seed(base, i);
            return DynamicTest.dynamicTest(name + " seed=" + s, () -> run(s, body));
        });
    }

    /**
     * Runs {@code count} cases in one test (cheaper than dynamic tests for thousands of small cases),
     * stopping at the first failure, which names its seed.
     *
     * @param count how many cases
     * @param body the check
     */
    public static void forEach(int count, ThrowingConsumer<Gen> body) {
        long base = base();
        for (long i = 0; i < count; i++) {
            run(seed(base, i), body);
        }
    }

    /**
     * Wraps a failure so its message starts with the seed.
     *
     * @param seed the seed
     * @param failure the failure
     * @return an assertion error naming the seed, with {@code failure} as cause
     */
    public static AssertionError withSeed(long seed, Throwable failure) {
        String prefix = "[seed=" + seed + " replay with -D" + PROPERTY + "=" + seed + "]";
        if (failure instanceof AssertionError && String.valueOf(failure.getMessage()).startsWith("[seed=")) {
            return (AssertionError) failure;
        }
        AssertionError e = new AssertionError(prefix + " " + failure, failure);
        return e;
    }
}
