package org.dualprevention.hazmat;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.internal.Checks;

/**
 * What the engine derives for an installation from its holdings and a table (DOMAIN.md §11): S = Σ q/Q,
 * whether it is a major hazard (S ≥ 1), R = α·Σ β·q/Q and, for a major hazard, its grade. S and R are
 * rounded to 4 decimal places for display and storage; the decisions S ≥ 1 and the grade boundaries are
 * taken on the exact values before rounding.
 *
 * @param s S, rounded half-up to 4 decimal places
 * @param major whether S ≥ 1 (exactly)
 * @param alpha α for the installation's population
 * @param r R, rounded half-up to 4 decimal places
 * @param grade the grade, present exactly when {@code major}
 * @param tableEdition the edition of the table used
 * @since 0.2
 */
public record MajorHazardStatus(BigDecimal s, boolean major, BigDecimal alpha, BigDecimal r,
        Optional<MajorHazardGrade> grade, String tableEdition) {
    /** Validates the components. */
    public MajorHazardStatus {
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(r, "r");
        Objects.requireNonNull(grade, "grade");
        Checks.checkArgument(major == grade.isPresent(), "a grade is given exactly for a major hazard");
        Checks.notBlank(tableEdition, "tableEdition");
    }
}
