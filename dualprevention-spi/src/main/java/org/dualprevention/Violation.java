package org.dualprevention;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One broken rule in an input: where it is, the value found there and what is allowed.
 *
 * <p>{@code path} uses dots and brackets ({@code factors.E}, {@code hazards[2].accidentTypes});
 * {@code value} is the offending value rendered as text ({@code "null"} when it was missing).
 *
 * @param path where the bad value sits, never blank
 * @param value the bad value as text
 * @param allowed what would have been accepted
 * @since 0.1
 */
public record Violation(String path, String value, String allowed) {
    /** Validates the components. */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(allowed, "allowed");
    }

    /**
     * Creates a violation, rendering {@code value} with {@link String#valueOf(Object)}.
     *
     * @param path where the bad value sits
     * @param value the bad value, may be {@code null} when it was missing
     * @param allowed what is allowed
     * @return the violation
     */
    public static Violation of(String path, @Nullable Object value, String allowed) {
        return new Violation(path, String.valueOf(value), allowed);
    }

    /** Renders as {@code path: value [v] is not allowed; allowed: ...}. */
    @Override
    public String toString() {
        return path + ": value [" + value + "] is not allowed; allowed: " + allowed;
    }
}
