package org.dualprevention.risk;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies a control measure (管控措施) of a hazard. Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record ControlMeasureId(String value) implements Comparable<ControlMeasureId> {
    /** Validates the key. */
    public ControlMeasureId {
        Checks.idValue(value, "ControlMeasureId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static ControlMeasureId of(String value) {
        return new ControlMeasureId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static ControlMeasureId of(long value) {
        return new ControlMeasureId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static ControlMeasureId of(UUID value) {
        return new ControlMeasureId(value.toString());
    }

    @Override
    public int compareTo(ControlMeasureId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
