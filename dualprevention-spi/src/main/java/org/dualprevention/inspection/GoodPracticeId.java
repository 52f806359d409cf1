package org.dualprevention.inspection;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies a good practice reported by a random observation (随手拍). Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record GoodPracticeId(String value) implements Comparable<GoodPracticeId> {
    /** Validates the key. */
    public GoodPracticeId {
        Checks.idValue(value, "GoodPracticeId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static GoodPracticeId of(String value) {
        return new GoodPracticeId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static GoodPracticeId of(long value) {
        return new GoodPracticeId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static GoodPracticeId of(UUID value) {
        return new GoodPracticeId(value.toString());
    }

    @Override
    public int compareTo(GoodPracticeId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
