package org.dualprevention.inspection;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies an inspection plan (排查计划). Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record InspectionPlanId(String value) implements Comparable<InspectionPlanId> {
    /** Validates the key. */
    public InspectionPlanId {
        Checks.idValue(value, "InspectionPlanId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static InspectionPlanId of(String value) {
        return new InspectionPlanId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static InspectionPlanId of(long value) {
        return new InspectionPlanId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static InspectionPlanId of(UUID value) {
        return new InspectionPlanId(value.toString());
    }

    @Override
    public int compareTo(InspectionPlanId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
