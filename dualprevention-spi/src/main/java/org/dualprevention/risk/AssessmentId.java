package org.dualprevention.risk;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies one assessment of a hazard. Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record AssessmentId(String value) implements Comparable<AssessmentId> {
    /** Validates the key. */
    public AssessmentId {
        Checks.idValue(value, "AssessmentId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static AssessmentId of(String value) {
        return new AssessmentId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static AssessmentId of(long value) {
        return new AssessmentId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static AssessmentId of(UUID value) {
        return new AssessmentId(value.toString());
    }

    @Override
    public int compareTo(AssessmentId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
