package org.dualprevention.examples.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The demo's simulated time: a clock the simulation moves forward. Not thread-safe; the demo runs on one
 * thread.
 */
public final class SimClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    /**
     * A clock at an instant.
     *
     * @param start the first instant
     * @param zone the organisation's zone
     */
    public SimClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Moves the clock; never backwards.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new SimClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
