package org.dualprevention.inspection;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.internal.Checks;

/**
 * When an inspection plan generates tasks: a recurring {@link Cadence} (per shift, day, week, month or
 * quarter), or once over a range of dates.
 *
 * <p>Periods are calendar periods in the organisation's time zone. A task's window is its period and it
 * is due at the period's end (exclusive): a daily task of 2026-11-25 is due at 2026-11-26T00:00 local
 * time, a shift task at the shift's end, a once-task at the midnight after its last date.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class Schedule {
    private final Cadence cadence;
    private final List<Shift> shifts;
    private final Optional<LocalDate> from;
    private final Optional<LocalDate> until;

    private Schedule(Cadence cadence, List<Shift> shifts, Optional<LocalDate> from, Optional<LocalDate> until) {
        this.cadence = cadence;
        this.shifts = List.copyOf(shifts);
        this.from = from;
        this.until = until;
    }

    /**
     * A recurring schedule of calendar periods.
     *
     * @param cadence {@link Cadence#DAY}, {@link Cadence#WEEK}, {@link Cadence#MONTH} or {@link Cadence#QUARTER}
     * @return the schedule
     * @throws IllegalArgumentException for {@link Cadence#SHIFT} (use {@link #perShift}) or {@link Cadence#ONCE}
     *     (use {@link #once})
     */
    public static Schedule every(Cadence cadence) {
        Objects.requireNonNull(cadence, "cadence");
        Checks.checkArgument(cadence != Cadence.SHIFT && cadence != Cadence.ONCE,
                "cadence [%s] is not allowed here; allowed: DAY, WEEK, MONTH, QUARTER (use perShift or once)", cadence);
        return new Schedule(cadence, List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * One task per shift per day.
     *
     * @param shifts the shifts, at least one, codes unique
     * @return the schedule
     */
    public static Schedule perShift(List<Shift> shifts) {
        Objects.requireNonNull(shifts, "shifts");
        Checks.checkArgument(!shifts.isEmpty(), "a per-shift schedule needs at least one shift");
        Set<String> codes = new HashSet<>();
        for (Shift s : shifts) {
            Checks.checkArgument(codes.add(Objects.requireNonNull(s, "shift").code()), "shift code [%s] appears twice",
                    s.code());
        }
        return new Schedule(Cadence.SHIFT, shifts, Optional.empty(), Optional.empty());
    }

    /**
     * One task over a range of dates, e.g. the two days before a holiday.
     *
     * @param firstDay the first day, inclusive
     * @param lastDay the last day, inclusive; the task is due at the midnight after it
     * @return the schedule
     */
    public static Schedule once(LocalDate firstDay, LocalDate lastDay) {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Checks.checkArgument(!lastDay.isBefore(firstDay), "lastDay [%s] is before firstDay [%s]", lastDay, firstDay);
        return new Schedule(Cadence.ONCE, List.of(), Optional.of(firstDay), Optional.of(lastDay));
    }

    /** @return the cadence */
    public Cadence cadence() {
        return cadence;
    }

    /** @return the shifts of a {@link Cadence#SHIFT} schedule, empty otherwise */
    public List<Shift> shifts() {
        return shifts;
    }

    /** @return the first day of a {@link Cadence#ONCE} schedule, empty otherwise */
    public Optional<LocalDate> firstDay() {
        return from;
    }

    /** @return the last day of a {@link Cadence#ONCE} schedule, empty otherwise */
    public Optional<LocalDate> lastDay() {
        return until;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Schedule)) {
            return false;
        }
        Schedule s = (Schedule) o;
        return cadence == s.cadence && shifts.equals(s.shifts) && from.equals(s.from) && until.equals(s.until);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cadence, shifts, from, until);
    }

    @Override
    public String toString() {
        switch (cadence) {
            case SHIFT:
                return "Schedule[per shift " + shifts + "]";
            case ONCE:
                return "Schedule[once " + from.get() + ".." + until.get() + "]";
            default:
                return "Schedule[every " + cadence + "]";
        }
    }
}
