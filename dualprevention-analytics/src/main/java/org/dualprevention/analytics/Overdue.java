package org.dualprevention.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The rule of overdue as analytics applies it to facts, stated once: a hidden danger is overdue on a day
 * when it is open on that day, has a deadline in force, and the day is after the deadline (the deadline
 * day itself is in time); days overdue are the days from the deadline to that day, 0 when not overdue.
 *
 * <p>This is the rule of the model, {@link org.dualprevention.danger.HiddenDanger#isOverdue(LocalDate)} and
 * {@link org.dualprevention.danger.HiddenDanger#daysOverdue(LocalDate)}, with "open" supplied by the caller,
 * because a fact knows whether it was open on a past day while the aggregate only knows its current state.
 * {@code OverdueDefinitionTest} holds the two together on generated hidden dangers.
 */
final class Overdue {
    private Overdue() {
    }

    /**
     * Whether a hidden danger is overdue on a day.
     *
     * @param open whether it is open (neither closed nor withdrawn) on that day
     * @param deadline the deadline in force, if one was set
     * @param day the day, in the organisation's zone
     * @return true if overdue
     */
    static boolean isOverdue(boolean open, Optional<LocalDate> deadline, LocalDate day) {
        return open && deadline.isPresent() && day.isAfter(deadline.get());
    }

    /**
     * Days past the deadline on a day.
     *
     * @param open whether it is open on that day
     * @param deadline the deadline in force, if one was set
     * @param day the day
     * @return the days overdue, 0 when not overdue
     */
    static long daysOverdue(boolean open, Optional<LocalDate> deadline, LocalDate day) {
        return isOverdue(open, deadline, day) ? ChronoUnit.DAYS.between(deadline.get(), day) : 0;
    }
}
