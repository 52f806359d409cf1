package org.dualprevention.query;

import java.util.Objects;
import org.dualprevention.internal.Checks;

/**
 * A stored value with its storage version, for aggregates whose type carries no version of its own
 * (the {@link org.dualprevention.organization.Organization}).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param value the value
 * @param version the storage version, at least 1
 * @param <T> the value type
 * @since 0.1
 */
public record Versioned<T>(T value, long version) {
    /** Validates the components. */
    public Versioned {
        Objects.requireNonNull(value, "value");
        Checks.checkArgument(version >= 1, "a stored version [%s] is at least 1", version);
    }
}
