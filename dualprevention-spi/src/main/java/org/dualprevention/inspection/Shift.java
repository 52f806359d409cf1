package org.dualprevention.inspection;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A work shift (班次) used by {@link Cadence#SHIFT} schedules: a code, the local start time and the
 * length. A shift may run past midnight (e.g. 22:00 for 8 hours); it belongs to the date it starts on.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param code stable code, 1-40 lower-case letters, digits or hyphens, e.g. {@code day}
 * @param start local start time
 * @param length length, more than zero and at most 24 hours
 * @since 0.1
 */
public record Shift(String code, LocalTime start, Duration length) {
    /** Validates the components. */
    public Shift {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("Shift code [" + code
                    + "] is not allowed; allowed: 1-40 lower-case letters, digits and hyphens");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("Shift length [" + length + "] is not allowed; allowed: more than 0, at most PT24H");
        }
    }

    /**
     * A shift.
     *
     * @param code the code
     * @param start the start time
     * @param length the length
     * @return the shift
     */
    public static Shift of(String code, LocalTime start, Duration length) {
        return new Shift(code, start, length);
    }
}
