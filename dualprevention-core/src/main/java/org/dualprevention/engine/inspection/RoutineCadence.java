package org.dualprevention.engine.inspection;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.inspection.Cadence;
import org.dualprevention.inspection.Schedule;
import org.dualprevention.inspection.Shift;
import org.dualprevention.organization.ControlLevel;

/**
 * The schedule of routine inspection per control level (排查周期), DOMAIN.md §10.1, which is a library
 * default, not a standard: company monthly plus a comprehensive inspection quarterly, department and
 * workshop weekly, team daily, post every shift. The default shift is one day shift from 08:00 for 8
 * hours. Every entry is configurable; levels of the host's own hierarchy need an entry.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class RoutineCadence {
    /** The default shift: {@code day}, 08:00, 8 hours. */
    public static final Shift DAY_SHIFT = Shift.of("day", LocalTime.of(8, 0), Duration.ofHours(8));

    private final Map<ControlLevel, Schedule> routine;
    private final Map<ControlLevel, Schedule> comprehensive;

    private RoutineCadence(Map<ControlLevel, Schedule> routine, Map<ControlLevel, Schedule> comprehensive) {
        this.routine = Map.copyOf(routine);
        this.comprehensive = Map.copyOf(comprehensive);
    }

    /** @return the defaults of DOMAIN.md §10.1 */
    public static RoutineCadence defaults() {
        Map<ControlLevel, Schedule> r = new HashMap<>();
        r.put(ControlLevel.COMPANY, Schedule.every(Cadence.MONTH));
        r.put(ControlLevel.DEPARTMENT, Schedule.every(Cadence.WEEK));
        r.put(ControlLevel.WORKSHOP, Schedule.every(Cadence.WEEK));
        r.put(ControlLevel.TEAM, Schedule.every(Cadence.DAY));
        r.put(ControlLevel.POST, Schedule.perShift(List.of(DAY_SHIFT)));
        return new RoutineCadence(r, Map.of(ControlLevel.COMPANY, Schedule.every(Cadence.QUARTER)));
    }

    /**
     * A copy with another routine schedule for a level.
     *
     * @param level the level
     * @param schedule its schedule
     * @return the copy
     */
    public RoutineCadence withRoutine(ControlLevel level, Schedule schedule) {
        Map<ControlLevel, Schedule> r = new HashMap<>(routine);
        r.put(Objects.requireNonNull(level, "level"), Objects.requireNonNull(schedule, "schedule"));
        return new RoutineCadence(r, comprehensive);
    }

    /**
     * A copy with a comprehensive inspection schedule for a level, or none.
     *
     * @param level the level
     * @param schedule its schedule, or empty for none
     * @return the copy
     */
    public RoutineCadence withComprehensive(ControlLevel level, Optional<Schedule> schedule) {
        Map<ControlLevel, Schedule> c = new HashMap<>(comprehensive);
        if (schedule.isPresent()) {
            c.put(Objects.requireNonNull(level, "level"), schedule.get());
        } else {
            c.remove(level);
        }
        return new RoutineCadence(routine, c);
    }

    /**
     * The routine schedule of a level.
     *
     * @param level the level
     * @return the schedule, empty if the level has none (no routine plan is made for it)
     */
    public Optional<Schedule> routine(ControlLevel level) {
        return Optional.ofNullable(routine.get(level));
    }

    /**
     * The comprehensive inspection schedule of a level.
     *
     * @param level the level
     * @return the schedule, empty if the level has none
     */
    public Optional<Schedule> comprehensive(ControlLevel level) {
        return Optional.ofNullable(comprehensive.get(level));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutineCadence && ((RoutineCadence) o).routine.equals(routine)
                && ((RoutineCadence) o).comprehensive.equals(comprehensive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(routine, comprehensive);
    }

    @Override
    public String toString() {
        return "RoutineCadence[routine=" + routine + ", comprehensive=" + comprehensive + "]";
    }
}
