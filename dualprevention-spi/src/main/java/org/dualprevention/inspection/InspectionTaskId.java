package org.dualprevention.inspection;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies an inspection task (排查任务): one occurrence of a plan, for one unit and one period. Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record InspectionTaskId(String value) implements Comparable<InspectionTaskId> {
    /** Validates the key. */
    public InspectionTaskId {
        Checks.idValue(value, "InspectionTaskId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static InspectionTaskId of(String value) {
        return new InspectionTaskId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static InspectionTaskId of(long value) {
        return new InspectionTaskId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static InspectionTaskId of(UUID value) {
        return new InspectionTaskId(value.toString());
    }

    @Override
    public int compareTo(InspectionTaskId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
