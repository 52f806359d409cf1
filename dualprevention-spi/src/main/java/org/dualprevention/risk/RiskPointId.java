package org.dualprevention.risk;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies a risk point (风险点): a place, a piece of equipment or an operation. Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record RiskPointId(String value) implements Comparable<RiskPointId> {
    /** Validates the key. */
    public RiskPointId {
        Checks.idValue(value, "RiskPointId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static RiskPointId of(String value) {
        return new RiskPointId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static RiskPointId of(long value) {
        return new RiskPointId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static RiskPointId of(UUID value) {
        return new RiskPointId(value.toString());
    }

    @Override
    public int compareTo(RiskPointId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
