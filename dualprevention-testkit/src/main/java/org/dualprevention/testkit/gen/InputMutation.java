package org.dualprevention.testkit.gen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.spi.AssessmentMethod;

/**
 * The catalogue of ways to break a valid assessment input. Each mutation changes one factor (or adds
 * one) and says which violation path the method must report.
 *
 * <p>A mutation may not apply to every method (there is no "between two allowed values" for a range
 * factor); {@link #apply} then returns empty.
 *
 * @since 0.1
 */
public enum InputMutation {
    /** A factor is left out. */
    MISSING_FACTOR,
    /** A factor is above its largest allowed value. */
    ABOVE_SCALE,
    /** A factor is below its smallest allowed value. */
    BELOW_SCALE,
    /** A discrete factor lies strictly between two adjacent allowed values (e.g. LEC's E = 4.5). */
    BETWEEN_VALUES,
    /** A factor the method does not define is added. */
    UNKNOWN_FACTOR,
    /** A factor whose scale has no negative values is negative. */
    NEGATIVE,
    /** A factor is {@code Double.NaN}. */
    NAN,
    /** A factor is {@code Double.POSITIVE_INFINITY}. */
    INFINITE,
    /** A factor's value is {@code null}. */
    NULL_VALUE;

    /**
     * Breaks {@code valid} in this way.
     *
     * @param method the method the input is for
     * @param valid a valid input of that method
     * @param gen chooses which factor to break
     * @return the invalid input, or empty if this mutation does not apply to the method
     */
    public Optional<InvalidInput> apply(AssessmentMethod method, AssessmentInput valid, Gen gen) {
        List<FactorDefinition> factors = method.factors();
        if (factors.isEmpty()) {
            return this == UNKNOWN_FACTOR ? Optional.of(unknown(method, valid)) : Optional.empty();
        }
        Map<String, Number> values = new LinkedHashMap<>(valid.values());
        FactorDefinition f = gen.pick(factors);
        switch (this) {
            case MISSING_FACTOR:
                values.remove(f.key());
                return Optional.of(new InvalidInput(this, values, "factors." + f.key(), "left out " + f.key()));
            case ABOVE_SCALE: {
                BigDecimal bad = f.max().add(f.max().abs()).add(BigDecimal.ONE);
                values.put(f.key(), bad);
                return Optional.of(new InvalidInput(this, values, "factors." + f.key(), f.key() + " = " + bad.toPlainString()
                        + " above " + f.allowedText()));
            }
            case BELOW_SCALE: {
                BigDecimal bad = f.min().subtract(BigDecimal.ONE);
                values.put(f.key(), bad);
                return Optional.of(new InvalidInput(this, values, "factors." + f.key(), f.key() + " = " + bad.toPlainString()
                        + " below " + f.allowedText()));
            }
            case BETWEEN_VALUES: {
                List<FactorDefinition> candidates = new ArrayList<>();
                for (FactorDefinition d : factors) {
                    if (d.isDiscrete() && d.values().size() >= 2) {
                        candidates.add(d);
                    }
                }
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                FactorDefinition d = gen.pick(candidates);
                int i = gen.intBetween(0, d.values().size() - 2);
                BigDecimal bad = d.values().get(i).add(d.values().get(i + 1)).divide(BigDecimal.valueOf(2));
                values.put(d.key(), bad);
                return Optional.of(new InvalidInput(this, values, "factors." + d.key(), d.key() + " = " + bad.toPlainString()
                        + " between allowed values of " + d.allowedText()));
            }
            case UNKNOWN_FACTOR:
                return Optional.of(unknown(method, valid));
            case NEGATIVE: {
                List<FactorDefinition> candidates = new ArrayList<>();
                for (FactorDefinition d : factors) {
                    if (d.min().signum() >= 0) {
                        candidates.add(d);
                    }
                }
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                FactorDefinition d = gen.pick(candidates);
                BigDecimal bad = d.max().signum() > 0 ? d.max().negate() : BigDecimal.ONE.negate();
                values.put(d.key(), bad);
                return Optional.of(new InvalidInput(this, values, "factors." + d.key(), d.key() + " = " + bad.toPlainString()));
            }
            case NAN:
                values.put(f.key(), Double.NaN);
                return Optional.of(new InvalidInput(this, values, "factors." + f.key(), f.key() + " = NaN"));
            case INFINITE:
                values.put(f.key(), Double.POSITIVE_INFINITY);
                return Optional.of(new InvalidInput(this, values, "factors." + f.key(), f.key() + " = Infinity"));
            case NULL_VALUE:
                values.put(f.key(), null);
                return Optional.of(new InvalidInput(this, values, "factors." + f.key(), f.key() + " = null"));
            default:
                throw new AssertionError(this);
        }
    }

    private InvalidInput unknown(AssessmentMethod method, AssessmentInput valid) {
        String key = "Unknown_factor";
        int n = 0;
        String k = key;
        while (valid.values().containsKey(k) || isFactor(method, k)) {
            k = key + (++n);
        }
        Map<String, Number> values = new LinkedHashMap<>(valid.values());
        values.put(k, BigDecimal.ONE);
        return new InvalidInput(UNKNOWN_FACTOR, values, "factors." + k, "added factor " + k);
    }

    private static boolean isFactor(AssessmentMethod method, String key) {
        return method.factors().stream().anyMatch(fd -> fd.key().equals(key));
    }

    /**
     * One invalid input per applicable mutation.
     *
     * @param method the method
     * @param valid a valid input
     * @param gen the generator
     * @return the invalid inputs, in catalogue order
     */
    public static List<InvalidInput> all(AssessmentMethod method, AssessmentInput valid, Gen gen) {
        List<InvalidInput> out = new ArrayList<>();
        for (InputMutation m : values()) {
            m.apply(method, valid, gen).ifPresent(out::add);
        }
        return List.copyOf(out);
    }
}
