package org.dualprevention.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.internal.Checks;

/**
 * One factor of an assessment method: its key (e.g. {@code L}), a description, and the values it may
 * take — either a finite ascending list (LEC, LS, MES, matrices) or a closed range.
 *
 * <p>Values compare numerically: {@code 6}, {@code 6.0} and {@code 6.00} are the same value.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class FactorDefinition {
    private final String key;
    private final String description;
    private final List<BigDecimal> values;
    private final BigDecimal min;
    private final BigDecimal max;

    private FactorDefinition(String key, String description, List<BigDecimal> values, BigDecimal min, BigDecimal max) {
        this.key = key;
        this.description = description;
        this.values = values;
        this.min = min;
        this.max = max;
    }

    /**
     * A factor with a finite set of allowed values.
     *
     * @param key the key used in {@link AssessmentInput}, e.g. {@code L}
     * @param description what the factor means
     * @param values the allowed values, at least one, no duplicates; sorted ascending here
     * @return the definition
     */
    public static FactorDefinition discrete(String key, String description, List<BigDecimal> values) {
        checkKey(key);
        Objects.requireNonNull(values, "values");
        Checks.checkArgument(!values.isEmpty(), "factor [%s] needs at least one allowed value", key);
        List<BigDecimal> sorted = new ArrayList<>(values.size());
        for (BigDecimal v : values) {
            sorted.add(normalise(Objects.requireNonNull(v, "values[]")));
        }
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            Checks.checkArgument(sorted.get(i).compareTo(sorted.get(i - 1)) != 0,
                    "factor [%s] lists the value [%s] twice", key, sorted.get(i).toPlainString());
        }
        return new FactorDefinition(key, Checks.notBlank(description, "description"), List.copyOf(sorted),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /**
     * A factor with a finite set of allowed values, given as text such as {@code "0.1"}.
     *
     * @param key the key
     * @param description what the factor means
     * @param values the values as decimal strings
     * @return the definition
     */
    public static FactorDefinition discrete(String key, String description, String... values) {
        List<BigDecimal> list = new ArrayList<>();
        for (String v : values) {
            list.add(new BigDecimal(v));
        }
        return discrete(key, description, list);
    }

    /**
     * A factor with any value in a closed range.
     *
     * @param key the key
     * @param description what the factor means
     * @param min smallest allowed value
     * @param max largest allowed value, not below {@code min}
     * @return the definition
     */
    public static FactorDefinition range(String key, String description, BigDecimal min, BigDecimal max) {
        checkKey(key);
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Checks.checkArgument(min.compareTo(max) <= 0, "factor [%s]: min [%s] is above max [%s]", key, min, max);
        return new FactorDefinition(key, Checks.notBlank(description, "description"), List.of(), normalise(min),
                normalise(max));
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        Checks.checkArgument(key.matches("[A-Za-z][A-Za-z0-9_]{0,31}"),
                "factor key [%s] is not allowed; allowed: a letter then up to 31 letters, digits or '_'", key);
    }

    static BigDecimal normalise(BigDecimal v) {
        if (v.scale() == 0) {
            return v; // an integer at scale 0 is already in normal form (stripping then setScale(0) gives it back)
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** @return the key, e.g. {@code L} */
    public String key() {
        return key;
    }

    /** @return what the factor means */
    public String description() {
        return description;
    }

    /** @return true when the allowed values are a finite list */
    public boolean isDiscrete() {
        return !values.isEmpty();
    }

    /** @return the allowed values ascending; empty for a range factor */
    public List<BigDecimal> values() {
        return values;
    }

    /** @return the smallest allowed value */
    public BigDecimal min() {
        return min;
    }

    /** @return the largest allowed value */
    public BigDecimal max() {
        return max;
    }

    /**
     * Whether {@code value} is allowed.
     *
     * @param value a value
     * @return true if allowed
     */
    public boolean allows(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (isDiscrete()) {
            for (BigDecimal v : values) {
                if (v.compareTo(value) == 0) {
                    return true;
                }
            }
            return false;
        }
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    /**
     * The position of a value in the discrete list, 0-based.
     *
     * @param value an allowed value
     * @return its index, or empty if not allowed or not discrete
     */
    public Optional<Integer> indexOf(BigDecimal value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).compareTo(value) == 0) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** @return the allowed values as text for messages, e.g. {@code [0.5, 1, 2, 3, 6, 10]} */
    public String allowedText() {
        if (isDiscrete()) {
            return values.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", ", "[", "]"));
        }
        return "a number from " + min.toPlainString() + " to " + max.toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FactorDefinition)) {
            return false;
        }
        FactorDefinition f = (FactorDefinition) o;
        return key.equals(f.key) && description.equals(f.description) && values.equals(f.values)
                && min.equals(f.min) && max.equals(f.max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, values, min, max);
    }

    @Override
    public String toString() {
        return key + " " + allowedText();
    }
}
