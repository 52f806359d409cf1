package org.dualprevention.risk;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies a zone of the site plan used for the four-colour risk map. Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record MapZoneId(String value) implements Comparable<MapZoneId> {
    /** Validates the key. */
    public MapZoneId {
        Checks.idValue(value, "MapZoneId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static MapZoneId of(String value) {
        return new MapZoneId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static MapZoneId of(long value) {
        return new MapZoneId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static MapZoneId of(UUID value) {
        return new MapZoneId(value.toString());
    }

    @Override
    public int compareTo(MapZoneId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
