package org.dualprevention.engine.inspection;

import java.time.Instant;
import java.util.Objects;

/**
 * One period of a schedule: its stable key (e.g. {@code 2026-11-25}, {@code 2026-W48}, {@code 2026-11},
 * {@code 2026-Q4}, {@code 2026-11-25/day} for a shift, {@code once}), when it starts and when it is due.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param key the period's key, used in task ids
 * @param start the start of the window
 * @param due the end of the window, when the task is due
 * @since 0.1
 */
public record Occurrence(String key, Instant start, Instant due) {
    /** Validates the components. */
    public Occurrence {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
    }
}
