package org.dualprevention.organization;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies an organisation unit (company, department, workshop, team or post). Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record OrgUnitId(String value) implements Comparable<OrgUnitId> {
    /** Validates the key. */
    public OrgUnitId {
        Checks.idValue(value, "OrgUnitId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static OrgUnitId of(String value) {
        return new OrgUnitId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static OrgUnitId of(long value) {
        return new OrgUnitId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static OrgUnitId of(UUID value) {
        return new OrgUnitId(value.toString());
    }

    @Override
    public int compareTo(OrgUnitId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
