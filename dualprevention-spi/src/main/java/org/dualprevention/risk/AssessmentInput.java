package org.dualprevention.risk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The factor values given to an assessment method, by factor key: {@code {L=3, E=6, C=15}}.
 *
 * <p>Values are exact decimals. Conversion from {@code double} goes through its shortest decimal
 * text, so {@code 0.1} stays {@code 0.1}. NaN, infinities and {@code null} values are refused with a
 * {@link ValidationException} naming the factor. Whether a value is on the method's scale is checked
 * by the method ({@link org.dualprevention.spi.AssessmentMethod#validate(AssessmentInput)}).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class AssessmentInput {
    private final Map<String, BigDecimal> values;

    private AssessmentInput(Map<String, BigDecimal> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Creates an input from numbers of any JDK type.
     *
     * @param values factor key to value, in the order to keep
     * @return the input
     * @throws ValidationException for null, NaN, infinite or unparsable values
     */
    public static AssessmentInput of(Map<String, ? extends Number> values) {
        Objects.requireNonNull(values, "values");
        ValidationException.Collector v = new ValidationException.Collector("assessment input");
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "factor key");
            BigDecimal d = toDecimal(e.getValue());
            if (d == null) {
                v.add("factors." + key, e.getValue(), "a finite number");
            } else {
                out.put(key, FactorDefinition.normalise(d));
            }
        }
        v.throwIfAny();
        return new AssessmentInput(out);
    }

    /**
     * Creates an input from decimal text such as {@code "0.5"}.
     *
     * @param values factor key to decimal text
     * @return the input
     * @throws ValidationException for values that are not decimal numbers
     */
    public static AssessmentInput ofText(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        ValidationException.Collector v = new ValidationException.Collector("assessment input");
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = Objects.requireNonNull(e.getKey(), "factor key");
            String text = e.getValue();
            try {
                if (text == null || text.length() > 40) {
                    throw new NumberFormatException();
                }
                out.put(key, FactorDefinition.normalise(new BigDecimal(text.strip())));
            } catch (NumberFormatException ex) {
                v.add("factors." + key, text, "a decimal number of at most 40 characters");
            }
        }
        v.throwIfAny();
        return new AssessmentInput(out);
    }

    /**
     * Starts an empty input to add values to with {@link #with(String, BigDecimal)}.
     *
     * @return an empty input
     */
    public static AssessmentInput empty() {
        return new AssessmentInput(new LinkedHashMap<>());
    }

    /**
     * A copy with one more (or a replaced) value.
     *
     * @param key factor key
     * @param value the value
     * @return the new input
     */
    public AssessmentInput with(String key, BigDecimal value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, BigDecimal> copy = new LinkedHashMap<>(values);
        copy.put(key, FactorDefinition.normalise(value));
        return new AssessmentInput(copy);
    }

    private static @Nullable BigDecimal toDecimal(@Nullable Number n) {
        if (n == null) {
            return null;
        }
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        }
        if (n instanceof BigInteger) {
            return new BigDecimal((BigInteger) n);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return new BigDecimal(n.toString());
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @return the values by factor key, in insertion order */
    public Map<String, BigDecimal> values() {
        return values;
    }

    /**
     * The value of one factor.
     *
     * @param key factor key
     * @return the value, or empty when not given
     */
    public Optional<BigDecimal> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssessmentInput && ((AssessmentInput) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, val) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(val.toPlainString()));
        return sb.append('}').toString();
    }
}
