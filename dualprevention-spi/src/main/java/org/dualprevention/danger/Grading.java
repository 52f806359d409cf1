package org.dualprevention.danger;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.ActorId;

/**
 * How a hidden danger was graded (核实定级): general or major, by whom, and for a major one the report to
 * the authority (16号令 Art. 14).
 *
 * <p>A verification sets all three. A rectification on the spot (立查立改) of a hidden danger nobody verified
 * grades it general without a verifier. So a major grade always has its verifier and its authority report;
 * the constructor rejects a major grading without them.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param grade general or major
 * @param verifier who verified it; empty when a rectification on the spot graded it general
 * @param authorityReport the report to the authority, always present for a major one
 * @since 0.1
 */
public record Grading(HiddenDangerGrade grade, Optional<ActorId> verifier, Optional<AuthorityReport> authorityReport) {
    /** Checks the components: a major grade has a verifier and an authority report. */
    public Grading {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(authorityReport, "authorityReport");
        if (grade == HiddenDangerGrade.MAJOR && (verifier.isEmpty() || authorityReport.isEmpty())) {
            throw new IllegalArgumentException("a MAJOR grading without " + (verifier.isEmpty() ? "verifier" : "authority"
                    + " report") + "; allowed: a MAJOR grade only with its verifier and its authority report");
        }
    }

    /**
     * The grading a verification gives.
     *
     * @param grade the grade
     * @param verifier who verified
     * @param authorityReport the authority report, required for a major grade
     * @return the grading
     */
    public static Grading verified(HiddenDangerGrade grade, ActorId verifier, Optional<AuthorityReport> authorityReport) {
        return new Grading(grade, Optional.of(verifier), authorityReport);
    }

    /** @return the grading a rectification on the spot gives an unverified hidden danger: general, no verifier */
    public static Grading generalOnTheSpot() {
        return new Grading(HiddenDangerGrade.GENERAL, Optional.empty(), Optional.empty());
    }
}
