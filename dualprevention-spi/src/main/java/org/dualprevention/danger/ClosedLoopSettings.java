package org.dualprevention.danger;

import java.util.Objects;

/**
 * Settings of the closed loop that an organisation may change.
 *
 * <ul>
 *   <li>{@code separationOfDuties} (default on, DOMAIN.md §5.2): the acceptor of a rectification is none of
 *       its rectifiers, submitters or its plan's responsible person, and a deadline extension is approved
 *       by someone other than the requester.</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class ClosedLoopSettings {
    private static final ClosedLoopSettings DEFAULTS = new ClosedLoopSettings(true);

    private final boolean separationOfDuties;

    private ClosedLoopSettings(boolean separationOfDuties) {
        this.separationOfDuties = separationOfDuties;
    }

    /** @return the defaults: separation of duties on */
    public static ClosedLoopSettings defaults() {
        return DEFAULTS;
    }

    /** @return whether separation of duties is enforced */
    public boolean separationOfDuties() {
        return separationOfDuties;
    }

    /**
     * A copy with separation of duties on or off.
     *
     * @param on whether to enforce it
     * @return the copy
     */
    public ClosedLoopSettings withSeparationOfDuties(boolean on) {
        return new ClosedLoopSettings(on);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClosedLoopSettings && ((ClosedLoopSettings) o).separationOfDuties == separationOfDuties;
    }

    @Override
    public int hashCode() {
        return Objects.hash(separationOfDuties);
    }

    @Override
    public String toString() {
        return "ClosedLoopSettings[separationOfDuties=" + separationOfDuties + "]";
    }
}
