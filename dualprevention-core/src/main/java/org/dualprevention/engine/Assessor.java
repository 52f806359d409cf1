package org.dualprevention.engine;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dualprevention.AssessmentFailedException;
import org.dualprevention.DualPreventionException;
import org.dualprevention.UnknownProviderException;
import org.dualprevention.ValidationException;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.jspecify.annotations.Nullable;

/**
 * Assesses hazards: runs an {@link AssessmentMethod} on validated factor values and grades the score
 * with a {@link GradingScheme}, yielding an immutable {@link Assessment}.
 *
 * <h2>Order of checks</h2>
 * <ol>
 *   <li>The method and the scheme (the one asked for, else the method's default) are looked up; an
 *       unknown id throws {@link UnknownProviderException} listing the ids available.</li>
 *   <li>Then every rule is checked and all violations are reported together in one
 *       {@link ValidationException}: the scheme must grade the chosen method (path {@code scheme}),
 *       the input must satisfy {@link AssessmentMethod#validate} (paths {@code factors.*}), and a
 *       supplied id must not already be used by the hazard (path {@code id}). Nothing is computed
 *       from invalid input.</li>
 *   <li>Then the method evaluates and the scheme grades. The time is {@code clock.instant()}.</li>
 * </ol>
 *
 * <p>Exceptions of this library thrown by a plug-in ({@link DualPreventionException} and its
 * subtypes) pass through unchanged. Any other exception, a {@code null} result, or a grade the scheme
 * does not list in {@link GradingScheme#grades()} is wrapped once in an {@link AssessmentFailedException}
 * naming the plug-in and the input.
 *
 * <p>This class is immutable and thread-safe as long as the providers and the id supplier are.
 *
 * @since 0.1
 */
public final class Assessor {
    private final Providers providers;
    private final Supplier<AssessmentId> ids;

    private Assessor(Providers providers, Supplier<AssessmentId> ids) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * An assessor generating its own unique ids (UUID-shaped text, see {@link AssessmentIds}).
     *
     * @param providers the methods and schemes to use
     * @return the assessor
     */
    public static Assessor of(Providers providers) {
        return new Assessor(providers, AssessmentIds::next);
    }

    /**
     * An assessor with its own id generator (e.g. the host's key sequence).
     *
     * @param providers the methods and schemes to use
     * @param ids supplies a fresh id for requests that name none
     * @return the assessor
     */
    public static Assessor of(Providers providers, Supplier<AssessmentId> ids) {
        return new Assessor(providers, ids);
    }

    /** @return the providers this assessor uses */
    public Providers providers() {
        return providers;
    }

    /**
     * Assesses factor values.
     *
     * @param request what to assess
     * @param clock the clock giving the assessment time
     * @return the assessment
     * @throws UnknownProviderException if the method or scheme is unknown
     * @throws ValidationException listing every violation of the input
     * @throws AssessmentFailedException if a plug-in failed with an exception of its own
     */
    public Assessment assess(AssessmentRequest request, Clock clock) {
        return run(request, clock, null);
    }

    /**
     * Assesses a hazard and returns the hazard with the new assessment appended (which clears its
     * reassessment flag). The hazard given is not changed.
     *
     * @param hazard the hazard
     * @param request what to assess
     * @param clock the clock giving the assessment time
     * @return the next version of the hazard
     * @throws UnknownProviderException if the method or scheme is unknown
     * @throws ValidationException listing every violation, including a supplied id the hazard already uses
     * @throws AssessmentFailedException if a plug-in failed with an exception of its own
     */
    public Hazard assess(Hazard hazard, AssessmentRequest request, Clock clock) {
        Objects.requireNonNull(hazard, "hazard");
        Assessment a = run(request, clock, hazard);
        return hazard.withAssessment(a);
    }

    private Assessment run(AssessmentRequest request, Clock clock, @Nullable Hazard hazard) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(clock, "clock");
        MethodId methodId = request.method();
        AssessmentMethod method = providers.method(methodId);
        SchemeId schemeId = request.scheme().isPresent() ? request.scheme().get()
                : call(method, "defaultScheme", "", method::defaultScheme);
        GradingScheme scheme = providers.scheme(schemeId);

        // the collector (and its subject text) is made only when a rule is broken: the valid path builds no text
        ValidationException.@Nullable Collector v = null;
        MethodId graded = call(scheme, "method", "", scheme::method);
        if (!graded.equals(methodId)) {
            v = collector(methodId, schemeId);
            v.add("scheme", schemeId, "a scheme grading method [" + methodId + "]: " + providers.schemesFor(methodId)
                    .stream().map(s -> s.id().value()).collect(Collectors.toList()));
        }
        try {
            method.validate(request.input());
        } catch (ValidationException e) {
            v = v == null ? collector(methodId, schemeId) : v;
            v.addAll("", e);
        } catch (DualPreventionException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw failed(method, "validate", request.input(), e);
        }
        if (hazard != null && request.id().isPresent()) {
            AssessmentId wanted = request.id().get();
            boolean used = hazard.assessments().stream().anyMatch(a -> a.id().equals(wanted));
            if (used) {
                v = v == null ? collector(methodId, schemeId) : v;
                v.add("id", wanted, "an assessment id not yet used by hazard [" + hazard.id() + "]");
            }
        }
        if (v != null) {
            v.throwIfAny();
        }

        Score score = call(method, "evaluate", request.input(), () -> method.evaluate(request.input()));
        Grade grade = call(scheme, "grade", score, () -> scheme.grade(score));
        List<Grade> grades = call(scheme, "grades", "", scheme::grades);
        if (!holdsSame(grades, grade) && !grades.contains(grade)) {
            throw new AssessmentFailedException(describe(scheme) + " graded score [" + score + "] as " + grade
                    + ", which is not one of its grades()", null);
        }
        Instant at = clock.instant();
        AssessmentId id = request.id().orElseGet(ids);
        return new Assessment(id, methodId, schemeId, request.input(), score, grade, request.kind(),
                request.assessor(), at);
    }

    /** Whether the list holds this very grade (a scheme usually returns one of its own): no equals called. */
    private static boolean holdsSame(List<Grade> grades, Grade grade) {
        for (int i = 0, n = grades.size(); i < n; i++) {
            if (grades.get(i) == grade) {
                return true;
            }
        }
        return false;
    }

    private static ValidationException.Collector collector(MethodId methodId, SchemeId schemeId) {
        return new ValidationException.Collector("assessment with method [" + methodId + "] and scheme [" + schemeId
                + "]");
    }

    /** Runs a plug-in call; {@code input} is turned into text only when the call fails. */
    private static <T> T call(Object plugin, String operation, Object input, Supplier<T> action) {
        T result;
        try {
            result = action.get();
        } catch (DualPreventionException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw failed(plugin, operation, input, e);
        }
        if (result == null) {
            throw failed(plugin, operation, input, new NullPointerException(operation + "() returned null"));
        }
        return result;
    }

    private static AssessmentFailedException failed(Object plugin, String operation, Object input, Throwable cause) {
        return new AssessmentFailedException(describe(plugin) + " failed in " + operation + "("
                + input + "): " + cause, cause);
    }

    private static String describe(Object plugin) {
        String kind = plugin instanceof GradingScheme ? "GradingScheme" : "AssessmentMethod";
        String id;
        try {
            id = plugin instanceof GradingScheme ? String.valueOf(((GradingScheme) plugin).id())
                    : String.valueOf(((AssessmentMethod) plugin).id());
        } catch (RuntimeException e) {
            id = "?";
        }
        return kind + " [" + id + "] (" + plugin.getClass().getName() + ")";
    }
}
