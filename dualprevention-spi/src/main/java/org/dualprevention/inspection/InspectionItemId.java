package org.dualprevention.inspection;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies an inspection item (排查项): one thing an inspector checks. Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record InspectionItemId(String value) implements Comparable<InspectionItemId> {
    /** Validates the key. */
    public InspectionItemId {
        Checks.idValue(value, "InspectionItemId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static InspectionItemId of(String value) {
        return new InspectionItemId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static InspectionItemId of(long value) {
        return new InspectionItemId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static InspectionItemId of(UUID value) {
        return new InspectionItemId(value.toString());
    }

    @Override
    public int compareTo(InspectionItemId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
