package org.dualprevention.organization;

import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * Identifies a person acting in the host system (the host's user key). Wraps the host system's own key (any printable string of at most 128 characters),
 * so an ERP can keep its primary keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the host's key, never blank
 * @since 0.1
 */
public record ActorId(String value) implements Comparable<ActorId> {
    /** Validates the key. */
    public ActorId {
        Checks.idValue(value, "ActorId");
    }

    /**
     * Wraps a host key.
     *
     * @param value the key
     * @return the id
     */
    public static ActorId of(String value) {
        return new ActorId(value);
    }

    /**
     * Wraps a numeric host key.
     *
     * @param value the key
     * @return the id
     */
    public static ActorId of(long value) {
        return new ActorId(Long.toString(value));
    }

    /**
     * Wraps a UUID host key.
     *
     * @param value the key
     * @return the id
     */
    public static ActorId of(UUID value) {
        return new ActorId(value.toString());
    }

    @Override
    public int compareTo(ActorId other) {
        return value.compareTo(other.value);
    }

    /** Returns the key itself. */
    @Override
    public String toString() {
        return value;
    }
}
