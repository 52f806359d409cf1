package org.dualprevention.analytics;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** The statistics behind the trend and Poisson rules, with Commons Math kept inside. */
final class StatisticalTests {
    private StatisticalTests() {
    }

    /** An OLS fit of count against period index 1..n. */
    static final class Trend {
        final double slope;
        final double intercept;
        final double pValue;
        final int n;

        Trend(double slope, double intercept, double pValue, int n) {
            this.slope = slope;
            this.intercept = intercept;
            this.pValue = pValue;
            this.n = n;
        }
    }

    /**
     * OLS regression of {@code counts[i]} on {@code i + 1}; the p-value is the two-sided significance of
     * the slope (t test, n − 2 degrees of freedom); 1 when the slope is 0 or undefined.
     */
    static Trend trend(long[] counts) {
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < counts.length; i++) {
            r.addData(i + 1, counts[i]);
        }
        double slope = r.getSlope();
        double p = counts.length < 3 || !(slope != 0) ? 1 : r.getSignificance();
        if (Double.isNaN(p)) {
            p = 1;
        }
        return new Trend(slope, r.getIntercept(), p, counts.length);
    }

    /** P(X ≥ k) for X ~ Poisson(mean); mean 0 gives 0 for k ≥ 1. */
    static double poissonUpperTail(double mean, long k) {
        if (k <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        PoissonDistribution d = new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        return Math.max(0, 1 - d.cumulativeProbability((int) Math.min(Integer.MAX_VALUE, k - 1)));
    }
}
