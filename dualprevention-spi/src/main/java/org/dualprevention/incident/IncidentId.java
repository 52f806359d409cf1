package org.dualprevention.incident;

import org.dualprevention.internal.Checks;

/**
 * The id of an {@link Incident}; any key of the host system.
 *
 * @param value the key, never blank
 * @since 0.2
 */
public record IncidentId(String value) implements Comparable<IncidentId> {
    /** Validates the key. */
    public IncidentId {
        Checks.idValue(value, "IncidentId");
    }

    /**
     * An id from the host's key.
     *
     * @param value the key
     * @return the id
     */
    public static IncidentId of(String value) {
        return new IncidentId(value);
    }

    @Override
    public int compareTo(IncidentId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
