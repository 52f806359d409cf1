package org.dualprevention.risk;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies a hazard (危险有害因素) on a risk point. Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record HazardId(String value) implements Comparable<HazardId> {
    /** Validates the key. */
    public HazardId {
        Checks.idValue(value, "HazardId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static HazardId of(String value) {
        return new HazardId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static HazardId of(long value) {
        return new HazardId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static HazardId of(UUID value) {
        return new HazardId(value.toString());
    }

    @Override
    public int compareTo(HazardId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
