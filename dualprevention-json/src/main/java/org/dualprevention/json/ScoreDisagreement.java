package org.dualprevention.json;

/**
 * What an import does when a stored score, grade or grading-scheme description disagrees with what the
 * installed {@code AssessmentMethod} and {@code GradingScheme} compute. Stored values are never trusted
 * silently.
 *
 * @since 0.1
 */
public enum ScoreDisagreement {
    /** Each disagreement is a problem; the document is refused. */
    REJECT,
    /** Each disagreement is a warning in the {@link ImportReport}; the recomputed values are imported. */
    WARN
}
