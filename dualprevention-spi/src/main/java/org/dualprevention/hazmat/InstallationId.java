package org.dualprevention.hazmat;

import org.dualprevention.internal.Checks;

/**
 * The id of a {@link MajorHazardInstallation}; any key of the host system.
 *
 * @param value the key, never blank
 * @since 0.2
 */
public record InstallationId(String value) implements Comparable<InstallationId> {
    /** Validates the key. */
    public InstallationId {
        Checks.idValue(value, "InstallationId");
    }

    /**
     * An id from the host's key.
     *
     * @param value the key
     * @return the id
     */
    public static InstallationId of(String value) {
        return new InstallationId(value);
    }

    @Override
    public int compareTo(InstallationId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
