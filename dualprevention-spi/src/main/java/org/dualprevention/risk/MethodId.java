package org.dualprevention.risk;

import java.util.Objects;

/**
 * The stable id of an assessment method, e.g. {@code LEC}, {@code LS}, {@code MATRIX}, {@code MES}.
 *
 * <p>Ids are upper-case: letters, digits, {@code _ . -}, starting with a letter or digit, at most 64
 * characters. Third parties namespace theirs ({@code ACME.LEC-GB}); the built-in ids are reserved.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the id
 * @since 0.1
 */
public record MethodId(String value) implements Comparable<MethodId> {
    /** Validates the id. */
    public MethodId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Z0-9][A-Z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("MethodId [" + value
                    + "] is not allowed; allowed: 1-64 characters of A-Z, 0-9, '_', '.', '-', starting with a letter or digit");
        }
    }

    /**
     * Creates an id.
     *
     * @param value the id text
     * @return the id
     */
    public static MethodId of(String value) {
        return new MethodId(value);
    }

    @Override
    public int compareTo(MethodId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
