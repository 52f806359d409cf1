package org.dualprevention.testsupport;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Seeds for core's own randomised tests, with the conventions of the testkit's
 * {@code org.dualprevention.testkit.Seeds} (which core's tests cannot use: the testkit's tests depend on
 * core, and Maven refuses the cycle): a fixed base seed so builds repeat, the system property
 * {@value #PROPERTY} to vary it or to replay a failure, and the seed at the start of every failure message.
 *
 * <p>Case {@code i} of a run uses {@link #seed(long, long) seed(base, i)}, and case 0 is the base itself, so
 * {@code -Ddualprevention.seed=<seed from the failure>} makes the failing case the first one.
 */
public final class Seeds {
    /** The system property that overrides the base seed. */
    public static final String PROPERTY = "dualprevention.seed";
    /** The base seed used when {@value #PROPERTY} is not set (the testkit's default too). */
    public static final long DEFAULT_BASE = 20_261_125L;

    private Seeds() {
    }

    /** @return the value of {@value #PROPERTY} (decimal or {@code 0x} hex), or {@link #DEFAULT_BASE} */
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
     * The seed of the {@code index}-th case: the base itself for index 0, then well-mixed values (the
     * testkit's mixing, so a seed means the same in both).
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
     * The generator the randomised tests draw from.
     *
     * @param seed the seed
     * @return a fresh {@code L64X128MixRandom} seeded with it
     */
    public static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /**
     * The seed as failure messages name it.
     *
     * @param seed the seed
     * @return {@code [seed=S replay with -Ddualprevention.seed=S]}
     */
    public static String describe(long seed) {
        return "[seed=" + seed + " replay with -D" + PROPERTY + "=" + seed + "]";
    }

    /**
     * Runs a check; any failure, assertion or exception, is rethrown as an {@link AssertionError} whose
     * message starts with {@link #describe(long)}, with the original as its cause.
     *
     * @param seed the seed the check draws from
     * @param body the check
     */
    public static void run(long seed, Executable body) {
        try {
            body.execute();
        } catch (Throwable t) {
            if (t instanceof AssertionError && String.valueOf(t.getMessage()).startsWith("[seed=")) {
                throw (AssertionError) t;
            }
            throw new AssertionError(describe(seed) + " " + t, t);
        }
    }
}
