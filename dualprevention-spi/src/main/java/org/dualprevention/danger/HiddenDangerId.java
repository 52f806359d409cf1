package org.dualprevention.danger;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies a hidden danger (隐患), e.g. {@code HD-2024-0012}. Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record HiddenDangerId(String value) implements Comparable<HiddenDangerId> {
    /** Validates the key. */
    public HiddenDangerId {
        Checks.idValue(value, "HiddenDangerId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static HiddenDangerId of(String value) {
        return new HiddenDangerId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static HiddenDangerId of(long value) {
        return new HiddenDangerId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static HiddenDangerId of(UUID value) {
        return new HiddenDangerId(value.toString());
    }

    @Override
    public int compareTo(HiddenDangerId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
