package org.dualprevention.risk;

import java.time.Instant;
import java.util.Objects;
import org.dualprevention.organization.ActorId;

/**
 * One assessment of a hazard: the method and scheme used, the factor values, the score, the grade
 * and so the four-colour level, whether it rates the inherent or the residual risk, who assessed and when.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param id the assessment's id
 * @param method the assessment method used
 * @param scheme the grading scheme used
 * @param input the factor values
 * @param score the score the method computed
 * @param grade the grade the scheme gave
 * @param kind inherent or residual
 * @param assessor who assessed
 * @param assessedAt when
 * @since 0.1
 */
public record Assessment(AssessmentId id, MethodId method, SchemeId scheme, AssessmentInput input, Score score,
        Grade grade, AssessmentKind kind, ActorId assessor, Instant assessedAt) {
    /** Validates the components. */
    public Assessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(assessor, "assessor");
        Objects.requireNonNull(assessedAt, "assessedAt");
    }

    /** @return the four-colour level, which is the grade's level */
    public RiskLevel level() {
        return grade.level();
    }
}
