package org.dualprevention.json;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.jspecify.annotations.Nullable;

/**
 * The assessment methods and grading schemes an import recomputes stored scores and grades with. The json
 * module does not discover providers itself: the caller passes lookups, typically backed by the engine's
 * provider registry. A lookup returns {@code null} or throws for an id it does not know; the import then
 * reports the id as unknown.
 *
 * @param methods finds a method by id
 * @param schemes finds a grading scheme by id
 * @since 0.1
 */
public record ScoringProviders(Function<MethodId, @Nullable AssessmentMethod> methods,
        Function<SchemeId, @Nullable GradingScheme> schemes) {
    /** Validates the components. */
    public ScoringProviders {
        Objects.requireNonNull(methods, "methods");
        Objects.requireNonNull(schemes, "schemes");
    }

    /**
     * Lookups over fixed collections.
     *
     * @param methods the methods
     * @param schemes the schemes
     * @return the providers
     */
    public static ScoringProviders of(Collection<? extends AssessmentMethod> methods,
            Collection<? extends GradingScheme> schemes) {
        Map<MethodId, AssessmentMethod> m = methods.stream()
                .collect(Collectors.toUnmodifiableMap(AssessmentMethod::id, x -> x));
        Map<SchemeId, GradingScheme> s = schemes.stream()
                .collect(Collectors.toUnmodifiableMap(GradingScheme::id, x -> x));
        return new ScoringProviders(m::get, s::get);
    }

    @Nullable AssessmentMethod method(MethodId id) {
        try {
            return methods.apply(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Nullable GradingScheme scheme(SchemeId id) {
        try {
            return schemes.apply(id);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
