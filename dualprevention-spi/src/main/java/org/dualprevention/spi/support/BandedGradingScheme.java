package org.dualprevention.spi.support;

import org.dualprevention.spi.GradingScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.internal.Checks;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.jspecify.annotations.Nullable;

/**
 * A grading scheme given by score bands, such as the LEC table {@code <20}, {@code [20,70]},
 * {@code (70,160]}, {@code (160,320]}, {@code >320}.
 *
 * <h2>Rules checked at construction</h2>
 * <ul>
 *   <li>the bands are listed from the lowest scores to the highest;</li>
 *   <li>they are contiguous and do not overlap: where one band ends the next begins, and the boundary
 *       value belongs to exactly one of the two (one side inclusive, the other exclusive);</li>
 *   <li>only the first band may be open below and only the last open above; together the bands cover
 *       their stated domain without a hole;</li>
 *   <li>levels are monotonic: a higher band never has a less severe {@link org.dualprevention.risk.RiskLevel};</li>
 *   <li>grade codes are unique.</li>
 * </ul>
 * Every broken rule is reported at once in one {@link ValidationException}, with paths such as
 * {@code bands[2]}.
 *
 * <h2>Grading</h2>
 * {@link #grade(Score)} grades by {@link Score#value()} (a matrix cell is graded by its value). A value
 * outside the covered domain is refused with a {@link ValidationException} whose violation has the path
 * {@code score}, the value and the allowed range.
 *
 * <h2>Building from thresholds</h2>
 * <pre>{@code
 * BandedGradingScheme.builder(SchemeId.of("ACME.LEC"), MethodId.of("LEC"))
 *     .name("LEC five grades").source("DOMAIN.md §1.4")
 *     .lowest(slight)                                        // (-inf, 20)
 *     .threshold(new BigDecimal("20"), BoundarySide.UPPER, moderate)    // [20, 70]
 *     .threshold(new BigDecimal("70"), BoundarySide.LOWER, substantial) // (70, 160]
 *     .threshold(new BigDecimal("160"), BoundarySide.LOWER, high)       // (160, 320]
 *     .threshold(new BigDecimal("320"), BoundarySide.LOWER, extreme)    // (320, +inf)
 *     .build();
 * }</pre>
 * Changing one {@link BoundarySide} moves that boundary value into the other band.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class BandedGradingScheme implements GradingScheme {
    private final SchemeId id;
    private final String name;
    private final String source;
    private final MethodId method;
    private final List<Band> bands;
    private final List<Grade> grades;

    private BandedGradingScheme(SchemeId id, String name, String source, MethodId method, List<Band> bands) {
        this.id = id;
        this.name = name;
        this.source = source;
        this.method = method;
        this.bands = List.copyOf(bands);
        validate(id, this.bands);
        List<Grade> g = new ArrayList<>();
        for (Band b : this.bands) {
            g.add(b.grade());
        }
        Collections.reverse(g);
        this.grades = List.copyOf(g);
    }

    private static void validate(SchemeId id, List<Band> bands) {
        ValidationException.Collector v = new ValidationException.Collector("bands of grading scheme [" + id + "]");
        if (bands.isEmpty()) {
            v.add("bands", "[]", "at least one band");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            if (!codes.add(b.grade().code())) {
                v.add("bands[" + i + "].grade.code", b.grade().code(), "a grade code not used by another band");
            }
            if (i == 0) {
                continue;
            }
            Band prev = bands.get(i - 1);
            String here = "bands[" + i + "]";
            String after = "a band starting where bands[" + (i - 1) + "] " + prev.intervalText() + " ends";
            if (prev.upper().isEmpty()) {
                v.add(here, b.intervalText(), "nothing after bands[" + (i - 1) + "] " + prev.intervalText()
                        + ", which is open above (the bands overlap; list bands from the lowest scores to the highest)");
            } else if (b.lower().isEmpty()) {
                v.add(here, b.intervalText(), after + " (a band open below overlaps bands[" + (i - 1)
                        + "]; only the first band may be open below)");
            } else {
                BigDecimal end = prev.upper().get();
                int c = b.lower().get().compareTo(end);
                if (c < 0) {
                    v.add(here, b.intervalText(), after + " (overlap: it starts below " + end.toPlainString()
                            + "; list bands from the lowest scores to the highest)");
                } else if (c > 0) {
                    v.add(here, b.intervalText(), after + " (gap: scores between " + end.toPlainString() + " and "
                            + b.lower().get().toPlainString() + " would have no grade)");
                } else if (prev.upperInclusive() && b.lowerInclusive()) {
                    v.add(here, b.intervalText(), after + " with " + end.toPlainString()
                            + " exclusive (overlap: both bands include the boundary " + end.toPlainString() + ")");
                } else if (!prev.upperInclusive() && !b.lowerInclusive()) {
                    v.add(here, b.intervalText(), after + " with " + end.toPlainString()
                            + " inclusive (gap: neither band includes the boundary " + end.toPlainString() + ")");
                }
            }
            if (prev.grade().level().isMoreSevereThan(b.grade().level())) {
                v.add(here + ".grade.level", b.grade().level(), "a level at least as severe as "
                        + prev.grade().level() + " of bands[" + (i - 1) + "] (a higher band never has a less severe level)");
            }
        }
        v.throwIfAny();
    }

    /**
     * Starts a builder.
     *
     * @param id the scheme id
     * @param method the method whose scores the scheme grades
     * @return a builder
     */
    public static Builder builder(SchemeId id, MethodId method) {
        return new Builder(id, method);
    }

    @Override
    public SchemeId id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public MethodId method() {
        return method;
    }

    /** @return every grade, most severe first (the bands' grades from the highest band down) */
    @Override
    public List<Grade> grades() {
        return grades;
    }

    /** @return the bands from the lowest scores to the highest; immutable */
    public List<Band> bands() {
        return bands;
    }

    /**
     * Whether a value lies in the domain the bands cover.
     *
     * @param value a score value
     * @return true if exactly one band contains it
     */
    public boolean covers(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        for (Band b : bands) {
            if (b.contains(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The covered domain as an interval, e.g. {@code (0, +inf)} or {@code [1, 25]}.
     *
     * @return the domain text
     */
    public String domainText() {
        Band first = bands.get(0);
        Band last = bands.get(bands.size() - 1);
        String lo = first.intervalText();
        String hi = last.intervalText();
        return lo.substring(0, lo.indexOf(',')) + hi.substring(hi.indexOf(','));
    }

    /**
     * Grades a score by its value.
     *
     * @param score the score
     * @return the grade of the one band containing the value
     * @throws ValidationException with path {@code score} if no band contains the value
     */
    @Override
    public Grade grade(Score score) {
        Objects.requireNonNull(score, "score");
        for (Band b : bands) {
            if (b.contains(score.value())) {
                return b.grade();
            }
        }
        throw new ValidationException("score for grading scheme [" + id + "]",
                List.of(org.dualprevention.Violation.of("score", score.value().toPlainString(),
                        "a score in " + domainText())));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BandedGradingScheme)) {
            return false;
        }
        BandedGradingScheme s = (BandedGradingScheme) o;
        return id.equals(s.id) && name.equals(s.name) && source.equals(s.source) && method.equals(s.method)
                && bands.equals(s.bands);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, source, method, bands);
    }

    /** Renders as {@code LEC-V1 (LEC) [(-inf, 20) -> slight (LOW), …]}. */
    @Override
    public String toString() {
        return id + " (" + method + ") " + bands;
    }

    /**
     * Builds a {@link BandedGradingScheme}, either from explicit {@link Band}s (ascending) or from a
     * lowest grade plus ascending thresholds. The two styles cannot be mixed.
     *
     * <p>This class is not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final SchemeId id;
        private final MethodId method;
        private @Nullable String name;
        private @Nullable String source;
        private final List<Band> bands = new ArrayList<>();
        private @Nullable Grade lowest;
        private @Nullable BigDecimal lowestBound;
        private boolean lowestInclusive;
        private final List<BigDecimal> thresholds = new ArrayList<>();
        private final List<BoundarySide> sides = new ArrayList<>();
        private final List<Grade> above = new ArrayList<>();
        private @Nullable BigDecimal upperLimit;
        private boolean upperLimitInclusive;

        private Builder(SchemeId id, MethodId method) {
            this.id = Objects.requireNonNull(id, "id");
            this.method = Objects.requireNonNull(method, "method");
        }

        /**
         * Sets the human-readable name.
         *
         * @param name the name, not blank
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Checks.notBlank(name, "name");
            return this;
        }

        /**
         * Sets the source the thresholds come from (standard, document, URL).
         *
         * @param source the source, not blank
         * @return this builder
         */
        public Builder source(String source) {
            this.source = Checks.notBlank(source, "source");
            return this;
        }

        /**
         * Adds the next band; bands go from the lowest scores to the highest.
         *
         * @param band the band
         * @return this builder
         * @throws IllegalStateException if thresholds were used
         */
        public Builder band(Band band) {
            Objects.requireNonNull(band, "band");
            if (lowest != null) {
                throw new IllegalStateException("scheme [" + id + "]: band(..) cannot be mixed with lowest(..)/threshold(..)");
            }
            bands.add(band);
            return this;
        }

        /**
         * Sets the grade of the lowest band, open below.
         *
         * @param grade the grade of scores below the first threshold
         * @return this builder
         */
        public Builder lowest(Grade grade) {
            return lowest(grade, null, false);
        }

        /**
         * Sets the grade of the lowest band and where the domain starts.
         *
         * @param grade the grade of scores below the first threshold
         * @param lowerBound the smallest value covered, or {@code null} for none
         * @param inclusive whether {@code lowerBound} itself is covered
         * @return this builder
         * @throws IllegalStateException if bands were added or the lowest grade is already set
         */
        public Builder lowest(Grade grade, @Nullable BigDecimal lowerBound, boolean inclusive) {
            Objects.requireNonNull(grade, "grade");
            if (!bands.isEmpty()) {
                throw new IllegalStateException("scheme [" + id + "]: lowest(..) cannot be mixed with band(..)");
            }
            if (lowest != null) {
                throw new IllegalStateException("scheme [" + id + "]: the lowest grade is already set to [" + lowest.code() + "]");
            }
            this.lowest = grade;
            this.lowestBound = lowerBound;
            this.lowestInclusive = inclusive;
            return this;
        }

        /**
         * Adds a threshold above the previous one; scores from it upwards get {@code grade}.
         *
         * @param value the threshold, above the previous one
         * @param side which band the threshold value itself belongs to
         * @param grade the grade of the band starting at this threshold
         * @return this builder
         * @throws IllegalStateException if {@link #lowest(Grade)} was not called first
         */
        public Builder threshold(BigDecimal value, BoundarySide side, Grade grade) {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(grade, "grade");
            if (lowest == null) {
                throw new IllegalStateException("scheme [" + id + "]: call lowest(..) before threshold(..)");
            }
            thresholds.add(value);
            sides.add(side);
            above.add(grade);
            return this;
        }

        /**
         * Like {@link #threshold(BigDecimal, BoundarySide, Grade)} with the value as decimal text.
         *
         * @param value the threshold, e.g. {@code "70"}
         * @param side which band the threshold value belongs to
         * @param grade the grade of the band starting at this threshold
         * @return this builder
         */
        public Builder threshold(String value, BoundarySide side, Grade grade) {
            return threshold(new BigDecimal(Objects.requireNonNull(value, "value")), side, grade);
        }

        /**
         * Closes the highest band of a threshold-built scheme; without it, it is open above.
         *
         * @param limit the largest value covered
         * @param inclusive whether {@code limit} itself is covered
         * @return this builder
         */
        public Builder upperLimit(BigDecimal limit, boolean inclusive) {
            this.upperLimit = Objects.requireNonNull(limit, "limit");
            this.upperLimitInclusive = inclusive;
            return this;
        }

        /**
         * Builds and validates the scheme.
         *
         * @return the scheme
         * @throws IllegalStateException if name or source is missing
         * @throws ValidationException listing every gap, overlap, non-monotonic level or duplicate code
         * @throws IllegalArgumentException if a threshold-built band would be empty
         */
        public BandedGradingScheme build() {
            if (name == null || source == null) {
                throw new IllegalStateException("scheme [" + id + "] needs a name and a source; call name(..) and source(..)");
            }
            List<Band> list = new ArrayList<>(bands);
            if (lowest != null) {
                BigDecimal lo = lowestBound;
                boolean loIn = lowestInclusive;
                Grade g = lowest;
                for (int i = 0; i <= thresholds.size(); i++) {
                    BigDecimal hi = i < thresholds.size() ? thresholds.get(i) : upperLimit;
                    boolean hiIn = i < thresholds.size() ? sides.get(i) == BoundarySide.LOWER : upperLimitInclusive;
                    list.add(band(lo, loIn, hi, hiIn, g));
                    if (i < thresholds.size()) {
                        lo = thresholds.get(i);
                        loIn = sides.get(i) == BoundarySide.UPPER;
                        g = above.get(i);
                    }
                }
            } else if (upperLimit != null) {
                throw new IllegalStateException("scheme [" + id + "]: upperLimit(..) needs lowest(..)/threshold(..)");
            }
            return new BandedGradingScheme(id, name, source, method, list);
        }

        private static Band band(@Nullable BigDecimal lo, boolean loIn, @Nullable BigDecimal hi, boolean hiIn,
                Grade g) {
            if (lo == null) {
                return hi == null ? Band.all(g) : Band.upTo(hi, hiIn, g);
            }
            return hi == null ? Band.from(lo, loIn, g) : Band.between(lo, loIn, hi, hiIn, g);
        }
    }
}
