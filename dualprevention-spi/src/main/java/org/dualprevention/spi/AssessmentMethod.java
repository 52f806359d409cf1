package org.dualprevention.spi;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;

/**
 * Turns validated factor values into a score, e.g. LEC (D = L × E × C) or LS (R = L × S).
 * A {@link GradingScheme} then turns the score into a grade and one of the four levels.
 *
 * <h2>Contract</h2>
 * Implementations are stateless, thread-safe and side-effect free; they do no I/O.
 * {@link #evaluate} is deterministic and total over {@link #factors()}: every combination of allowed
 * values yields a score. Invalid input is reported with a {@link ValidationException} listing every
 * violation with its path ({@code factors.E}), the bad value and the allowed values; never with
 * {@code null}. {@link #factors()} returns an immutable list. Scores are exact decimals, never
 * computed through {@code double}.
 *
 * <h2>Registration</h2>
 * List the class in {@code META-INF/services/org.dualprevention.spi.AssessmentMethod} and, for the
 * module path, declare {@code provides org.dualprevention.spi.AssessmentMethod with com.acme.AcmeMethod;}.
 * A public no-argument constructor is required for discovery. Instances may also be registered by hand
 * on the engine's builder. Ids must be unique; the built-in ids ({@code LEC}, {@code LS}, {@code MATRIX},
 * {@code MES}, {@code DIRECT}) are reserved, and third parties namespace theirs ({@code ACME.RISK6}).
 * The testkit's {@code AssessmentMethodContract} checks all of this.
 *
 * @since 0.1
 */
public interface AssessmentMethod {
    /** @return the stable id, e.g. {@code LEC} */
    MethodId id();

    /** @return the factors in order, with their allowed values; immutable */
    List<FactorDefinition> factors();

    /**
     * The grading scheme used when the caller names none.
     *
     * @return a scheme id that grades this method's scores
     */
    SchemeId defaultScheme();

    /**
     * Computes the score. Implementations call {@link #validate(AssessmentInput)} first (or check
     * at least as much).
     *
     * @param input factor values
     * @return the score
     * @throws ValidationException when the input breaks any rule
     */
    Score evaluate(AssessmentInput input);

    /**
     * Checks an input against {@link #factors()}: every factor present, no unknown factor, every value
     * allowed. Reports all violations at once.
     *
     * @param input the input
     * @throws ValidationException listing every violation
     */
    default void validate(AssessmentInput input) {
        if (allValid(factors(), input)) {
            return; // the usual case, checked without building any text
        }
        ValidationException.Collector v = new ValidationException.Collector("assessment input for method [" + id() + "]");
        Set<String> known = new HashSet<>();
        for (FactorDefinition f : factors()) {
            known.add(f.key());
            Optional<BigDecimal> value = input.value(f.key());
            if (value.isEmpty()) {
                v.add("factors." + f.key(), null, f.allowedText());
            } else if (!f.allows(value.get())) {
                v.add("factors." + f.key(), value.get().toPlainString(), f.allowedText());
            }
        }
        for (Map.Entry<String, BigDecimal> e : input.values().entrySet()) {
            if (!known.contains(e.getKey())) {
                v.add("factors." + e.getKey(), e.getValue().toPlainString(),
                        "only the factors " + factors().stream().map(FactorDefinition::key).toList());
            }
        }
        v.throwIfAny();
    }

    /**
     * Whether every factor is present with an allowed value and no other key is given: a check that builds
     * nothing, so that valid input (almost all of it) costs no more than the comparisons.
     */
    private static boolean allValid(List<FactorDefinition> factors, AssessmentInput input) {
        Map<String, BigDecimal> values = input.values();
        if (values.size() != factors.size()) {
            return false;
        }
        for (FactorDefinition f : factors) {
            BigDecimal value = values.get(f.key());
            if (value == null || !f.allows(value)) {
                return false;
            }
        }
        return true; // as many keys as factors, each factor found: no unknown key (factor keys are distinct)
    }

    /**
     * A display name.
     *
     * @param locale the locale
     * @return the name; defaults to the id
     */
    default String displayName(Locale locale) {
        return id().value();
    }

    /**
     * The implementation version, for diagnostics only.
     *
     * @return the jar's implementation version, if its manifest has one
     */
    default Optional<String> version() {
        Package p = getClass().getPackage();
        return Optional.ofNullable(p == null ? null : p.getImplementationVersion());
    }
}
