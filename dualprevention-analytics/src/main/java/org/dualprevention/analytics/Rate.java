package org.dualprevention.analytics;

import static org.dualprevention.analytics.Checks.checkArgument;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A rate of DOMAIN.md §5.4 / §10.3 as numerator, denominator and ratio, for example the
 * rectification rate (整改率) 45 rectified of 50 found, where <em>rectified</em> means the rectification is
 * finished (submitted for acceptance, done on the spot, or already closed), beside the closed-loop rate
 * (闭环率, 销号率) 40 closed after acceptance of the same 50. The two differ on purpose (DOMAIN.md §10.3):
 * where one is shown, show both ({@link UnitStatistics#rectification()}, {@link UnitStatistics#closedLoop()}).
 *
 * <p>A rate with a zero denominator is <em>not applicable</em>: {@link #ratio()} is empty, never 0 % or
 * 100 %. The ratio is computed with {@link BigDecimal}: exactly when the quotient terminates (3/4 =
 * 0.75), otherwise rounded half-even to 34 significant digits ({@link MathContext#DECIMAL128}), which is
 * far beyond any displayed precision. Use {@link #percent(int)} to display.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param numerator how many met the condition, 0 to {@code denominator}
 * @param denominator how many were counted, not negative
 * @since 0.1
 */
public record Rate(long numerator, long denominator) {
    /** Validates the counts. */
    public Rate {
        checkArgument(denominator >= 0, "Rate denominator [%s] must not be negative", denominator);
        checkArgument(numerator >= 0 && numerator <= denominator,
                "Rate numerator [%s] is not allowed; allowed: 0 to the denominator [%s]", numerator, denominator);
    }

    /**
     * A rate.
     *
     * @param numerator how many met the condition
     * @param denominator how many were counted
     * @return the rate
     */
    public static Rate of(long numerator, long denominator) {
        return new Rate(numerator, denominator);
    }

    /**
     * Whether the rate has a ratio, i.e. the denominator is not zero.
     *
     * @return true when applicable
     */
    public boolean isApplicable() {
        return denominator != 0;
    }

    /**
     * The ratio numerator ÷ denominator between 0 and 1.
     *
     * @return the ratio, exact when it terminates; empty when not applicable
     */
    public Optional<BigDecimal> ratio() {
        if (denominator == 0) {
            return Optional.empty();
        }
        BigDecimal n = BigDecimal.valueOf(numerator);
        BigDecimal d = BigDecimal.valueOf(denominator);
        try {
            return Optional.of(n.divide(d).stripTrailingZeros());
        } catch (ArithmeticException nonTerminating) {
            return Optional.of(n.divide(d, MathContext.DECIMAL128));
        }
    }

    /**
     * The ratio as a percentage rounded half-up to {@code scale} decimals, e.g. {@code 66.67} for 2/3 and
     * scale 2.
     *
     * @param scale decimals to keep, 0 to 10
     * @return the percentage; empty when not applicable
     */
    public Optional<BigDecimal> percent(int scale) {
        checkArgument(scale >= 0 && scale <= 10, "scale [%s] is not allowed; allowed: 0 to 10", scale);
        if (denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP));
    }

    /**
     * The sum of two rates over disjoint populations: numerators and denominators add.
     *
     * @param other another rate
     * @return the combined rate
     */
    public Rate plus(Rate other) {
        Objects.requireNonNull(other, "other");
        return new Rate(Math.addExact(numerator, other.numerator), Math.addExact(denominator, other.denominator));
    }

    /** Renders as {@code 3/4 (75.00%)} or {@code 0/0 (not applicable)}. */
    @Override
    public String toString() {
        return numerator + "/" + denominator + " ("
                + percent(2).map(p -> p.toPlainString() + "%").orElse("not applicable") + ")";
    }
}
