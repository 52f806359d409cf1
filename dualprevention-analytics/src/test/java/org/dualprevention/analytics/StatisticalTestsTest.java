package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Trend and Poisson statistics against closed-form values computed by hand in the test. */
class StatisticalTestsTest {
    /** CDF of Student's t with 3 degrees of freedom, closed form. */
    private static double studentT3Cdf(double t) {
        double u = t / Math.sqrt(3);
        return 0.5 + (u / (1 + u * u) + Math.atan(u)) / Math.PI;
    }

    @Test
    void exactLineHasItsSlopeAndPValueZero() {
        StatisticalTests.Trend t = StatisticalTests.trend(new long[] {5, 8, 11, 14, 17, 20});
        assertEquals(3.0, t.slope, 1e-12);
        assertEquals(2.0, t.intercept, 1e-12);
        assertEquals(0.0, t.pValue, 1e-12);
        assertEquals(6, t.n);
    }

    @Test
    void noisySeriesMatchesTheHandComputedTTest() {
        // x = 1..5, y = 2 4 5 4 5: Sxx = 10, Sxy = 6, slope 0.6; SSE = 2.4, s² = 0.8, se = sqrt(0.08), t = 0.6 / se
        StatisticalTests.Trend t = StatisticalTests.trend(new long[] {2, 4, 5, 4, 5});
        assertEquals(0.6, t.slope, 1e-12);
        double tStat = 0.6 / Math.sqrt(0.08);
        double p = 2 * (1 - studentT3Cdf(tStat));
        assertEquals(p, t.pValue, 1e-9);
        assertEquals(0.1240, p, 1e-4); // sanity: not significant at 0.05
    }

    @Test
    void flatAndFallingSeriesHaveNoRisingSignificance() {
        assertEquals(1.0, StatisticalTests.trend(new long[] {3, 3, 3, 3}).pValue);
        StatisticalTests.Trend falling = StatisticalTests.trend(new long[] {9, 7, 5, 3});
        assertEquals(-2.0, falling.slope, 1e-12);
        assertEquals(1.0, StatisticalTests.trend(new long[] {1, 2}).pValue);
    }

    private static double upperTailByHand(double mean, int k) {
        double sum = 0;
        double term = Math.exp(-mean);
        for (int i = 0; i < k; i++) {
            sum += term;
            term = term * mean / (i + 1);
        }
        return 1 - sum;
    }

    @Test
    void poissonUpperTailEqualsOneMinusTheSummedPmf() {
        for (double mean : new double[] {0.3, 1, 2.5, 7.25, 20}) {
            for (int k = 0; k <= 40; k++) {
                assertEquals(upperTailByHand(mean, k), StatisticalTests.poissonUpperTail(mean, k), 1e-10,
                        "mean " + mean + " k " + k);
            }
        }
        // P(X >= 6 | 1) = 1 - e^-1 (1 + 1 + 1/2 + 1/6 + 1/24 + 1/120)
        assertEquals(1 - Math.exp(-1) * (1 + 1 + 0.5 + 1.0 / 6 + 1.0 / 24 + 1.0 / 120),
                StatisticalTests.poissonUpperTail(1, 6), 1e-12);
        assertEquals(0.0, StatisticalTests.poissonUpperTail(0, 1));
        assertEquals(1.0, StatisticalTests.poissonUpperTail(0, 0));
    }
}
