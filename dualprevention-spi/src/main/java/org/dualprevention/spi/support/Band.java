package org.dualprevention.spi.support;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.Grade;
import org.jspecify.annotations.Nullable;

/**
 * One band of a {@link BandedGradingScheme}: an interval of scores and the {@link Grade} it gives.
 *
 * <p>Each bound is optional (an open-ended band) and, when present, states explicitly whether the
 * bound value itself belongs to the band. An open bound is never inclusive. A band is never empty:
 * its lower bound is below its upper bound, or both are equal and both inclusive (a single point).
 *
 * <p>Bound values are normalised (no trailing zeros), so {@code 70} and {@code 70.0} make equal bands.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class Band {
    private final @Nullable BigDecimal lower;
    private final boolean lowerInclusive;
    private final @Nullable BigDecimal upper;
    private final boolean upperInclusive;
    private final Grade grade;

    private Band(@Nullable BigDecimal lower, boolean lowerInclusive, @Nullable BigDecimal upper, boolean upperInclusive,
            Grade grade) {
        this.lower = lower == null ? null : normalise(lower);
        this.lowerInclusive = lower != null && lowerInclusive;
        this.upper = upper == null ? null : normalise(upper);
        this.upperInclusive = upper != null && upperInclusive;
        this.grade = Objects.requireNonNull(grade, "grade");
        if (this.lower != null && this.upper != null) {
            int c = this.lower.compareTo(this.upper);
            if (c > 0 || (c == 0 && !(this.lowerInclusive && this.upperInclusive))) {
                throw new IllegalArgumentException("band " + intervalText() + " for grade [" + grade.code()
                        + "] is empty; allowed: a lower bound below the upper bound, or equal bounds that are both inclusive");
            }
        }
    }

    static BigDecimal normalise(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * A band with both bounds.
     *
     * @param lower the lower bound
     * @param lowerInclusive whether {@code lower} itself belongs to the band
     * @param upper the upper bound, not below {@code lower}
     * @param upperInclusive whether {@code upper} itself belongs to the band
     * @param grade the grade of every score in the band
     * @return the band
     * @throws IllegalArgumentException if the band would be empty
     */
    public static Band between(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive,
            Grade grade) {
        return new Band(Objects.requireNonNull(lower, "lower"), lowerInclusive, Objects.requireNonNull(upper, "upper"),
                upperInclusive, grade);
    }

    /**
     * A band open above: {@code [lower, +inf)} or {@code (lower, +inf)}.
     *
     * @param lower the lower bound
     * @param lowerInclusive whether {@code lower} itself belongs to the band
     * @param grade the grade
     * @return the band
     */
    public static Band from(BigDecimal lower, boolean lowerInclusive, Grade grade) {
        return new Band(Objects.requireNonNull(lower, "lower"), lowerInclusive, null, false, grade);
    }

    /**
     * A band open below: {@code (-inf, upper]} or {@code (-inf, upper)}.
     *
     * @param upper the upper bound
     * @param upperInclusive whether {@code upper} itself belongs to the band
     * @param grade the grade
     * @return the band
     */
    public static Band upTo(BigDecimal upper, boolean upperInclusive, Grade grade) {
        return new Band(null, false, Objects.requireNonNull(upper, "upper"), upperInclusive, grade);
    }

    /**
     * A band covering every score.
     *
     * @param grade the grade
     * @return the band
     */
    public static Band all(Grade grade) {
        return new Band(null, false, null, false, grade);
    }

    /** @return the lower bound, or empty when the band is open below */
    public Optional<BigDecimal> lower() {
        return Optional.ofNullable(lower);
    }

    /** @return whether the lower bound belongs to the band; false when open below */
    public boolean lowerInclusive() {
        return lowerInclusive;
    }

    /** @return the upper bound, or empty when the band is open above */
    public Optional<BigDecimal> upper() {
        return Optional.ofNullable(upper);
    }

    /** @return whether the upper bound belongs to the band; false when open above */
    public boolean upperInclusive() {
        return upperInclusive;
    }

    /** @return the grade given to scores in this band */
    public Grade grade() {
        return grade;
    }

    /**
     * Whether a value lies in this band.
     *
     * @param value the value
     * @return true if inside, honouring each bound's inclusivity
     */
    public boolean contains(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (lower != null) {
            int c = value.compareTo(lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = value.compareTo(upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    /**
     * The interval in mathematical notation, e.g. {@code [20, 70]}, {@code (70, 160]}, {@code (-inf, 20)}.
     *
     * @return the interval text
     */
    public String intervalText() {
        return (lower == null ? "(-inf" : (lowerInclusive ? "[" : "(") + lower.toPlainString()) + ", "
                + (upper == null ? "+inf)" : upper.toPlainString() + (upperInclusive ? "]" : ")"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Band)) {
            return false;
        }
        Band b = (Band) o;
        return Objects.equals(lower, b.lower) && lowerInclusive == b.lowerInclusive && Objects.equals(upper, b.upper)
                && upperInclusive == b.upperInclusive && grade.equals(b.grade);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lower, lowerInclusive, upper, upperInclusive, grade);
    }

    /** Renders as {@code [20, 70] -> moderate (GENERAL)}. */
    @Override
    public String toString() {
        return intervalText() + " -> " + grade.code() + " (" + grade.level() + ")";
    }
}
