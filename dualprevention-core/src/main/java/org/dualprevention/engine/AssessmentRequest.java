package org.dualprevention.engine;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;

/**
 * What to assess: the method, the factor values, inherent or residual, who assesses, and optionally
 * the grading scheme (else the method's default) and the assessment's id (else a generated one).
 *
 * <pre>{@code
 * AssessmentRequest r = AssessmentRequest.of(MethodId.of("LEC"),
 *         AssessmentInput.of(Map.of("L", 3, "E", 6, "C", 15)), AssessmentKind.INHERENT, ActorId.of("u-17"))
 *     .withScheme(SchemeId.of("LEC-V1"));
 * }</pre>
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class AssessmentRequest {
    private final MethodId method;
    private final AssessmentInput input;
    private final AssessmentKind kind;
    private final ActorId assessor;
    private final Optional<SchemeId> scheme;
    private final Optional<AssessmentId> id;

    private AssessmentRequest(MethodId method, AssessmentInput input, AssessmentKind kind, ActorId assessor,
            Optional<SchemeId> scheme, Optional<AssessmentId> id) {
        this.method = Objects.requireNonNull(method, "method");
        this.input = Objects.requireNonNull(input, "input");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.assessor = Objects.requireNonNull(assessor, "assessor");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * A request graded by the method's default scheme, with a generated id.
     *
     * @param method the assessment method
     * @param input the factor values
     * @param kind inherent or residual
     * @param assessor who assesses
     * @return the request
     */
    public static AssessmentRequest of(MethodId method, AssessmentInput input, AssessmentKind kind, ActorId assessor) {
        return new AssessmentRequest(method, input, kind, assessor, Optional.empty(), Optional.empty());
    }

    /**
     * A copy graded by the given scheme instead of the method's default.
     *
     * @param schemeId the scheme; it must grade the method
     * @return the copy
     */
    public AssessmentRequest withScheme(SchemeId schemeId) {
        return new AssessmentRequest(method, input, kind, assessor, Optional.of(schemeId), id);
    }

    /**
     * A copy whose assessment gets the given id (e.g. the host's key) instead of a generated one.
     *
     * @param assessmentId the id
     * @return the copy
     */
    public AssessmentRequest withId(AssessmentId assessmentId) {
        return new AssessmentRequest(method, input, kind, assessor, scheme, Optional.of(assessmentId));
    }

    /** @return the method */
    public MethodId method() {
        return method;
    }

    /** @return the factor values */
    public AssessmentInput input() {
        return input;
    }

    /** @return inherent or residual */
    public AssessmentKind kind() {
        return kind;
    }

    /** @return who assesses */
    public ActorId assessor() {
        return assessor;
    }

    /** @return the scheme asked for, empty for the method's default */
    public Optional<SchemeId> scheme() {
        return scheme;
    }

    /** @return the id asked for, empty for a generated one */
    public Optional<AssessmentId> id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AssessmentRequest)) {
            return false;
        }
        AssessmentRequest r = (AssessmentRequest) o;
        return method.equals(r.method) && input.equals(r.input) && kind == r.kind && assessor.equals(r.assessor)
                && scheme.equals(r.scheme) && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, input, kind, assessor, scheme, id);
    }

    @Override
    public String toString() {
        return "AssessmentRequest[" + method + " " + input + " " + kind.code() + " by " + assessor
                + scheme.map(s -> " scheme " + s).orElse("") + id.map(i -> " id " + i).orElse("") + "]";
    }
}
