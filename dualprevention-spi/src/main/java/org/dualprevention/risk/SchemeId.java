package org.dualprevention.risk;

import java.util.Objects;

/**
 * The stable id of a grading scheme, e.g. {@code LEC-V1}.
 *
 * <p>Ids are upper-case: letters, digits, {@code _ . -}, starting with a letter or digit, at most 64
 * characters. Third parties namespace theirs ({@code ACME.LEC-GB}); the built-in ids are reserved.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the id
 * @since 0.1
 */
public record SchemeId(String value) implements Comparable<SchemeId> {
    /** Validates the id. */
    public SchemeId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Z0-9][A-Z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("SchemeId [" + value
                    + "] is not allowed; allowed: 1-64 characters of A-Z, 0-9, '_', '.', '-', starting with a letter or digit");
        }
    }

    /**
     * Creates an id.
     *
     * @param value the id text
     * @return the id
     */
    public static SchemeId of(String value) {
        return new SchemeId(value);
    }

    @Override
    public int compareTo(SchemeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
