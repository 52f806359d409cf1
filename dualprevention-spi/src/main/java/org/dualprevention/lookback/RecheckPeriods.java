package org.dualprevention.lookback;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.internal.Checks;

/**
 * When closed hidden dangers are re-checked, by grade, and how long after closing a new hidden danger still
 * counts as a recurrence (DOMAIN.md §10.4, a library rule: no standard fixes the periods). Data, replaceable
 * by a host: {@link #defaults()} re-checks a general hidden danger 30 days after closing and a major one 90
 * and 180 days after, within a 180-day recurrence window.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.2
 */
public final class RecheckPeriods {
    private static final RecheckPeriods DEFAULTS = of(Map.of(HiddenDangerGrade.GENERAL, List.of(30),
            HiddenDangerGrade.MAJOR, List.of(90, 180)), 180, "DOMAIN.md §10.4 (library rule)");

    private final Map<HiddenDangerGrade, List<Integer>> days;
    private final int recurrenceWindowDays;
    private final String source;

    private RecheckPeriods(Map<HiddenDangerGrade, List<Integer>> days, int recurrenceWindowDays, String source) {
        EnumMap<HiddenDangerGrade, List<Integer>> copy = new EnumMap<>(HiddenDangerGrade.class);
        for (HiddenDangerGrade g : HiddenDangerGrade.values()) {
            List<Integer> d = Objects.requireNonNull(days.get(g), () -> "no re-check periods for grade " + g);
            int last = 0;
            for (Integer x : d) {
                Checks.checkArgument(x != null && x > last, "re-check days of grade %s must be positive and "
                        + "increasing, got %s", g, d);
                last = x;
            }
            copy.put(g, List.copyOf(new ArrayList<>(d)));
        }
        Checks.checkArgument(recurrenceWindowDays > 0, "recurrence window [%s] must be positive", recurrenceWindowDays);
        this.days = java.util.Collections.unmodifiableMap(copy);
        this.recurrenceWindowDays = recurrenceWindowDays;
        this.source = Checks.notBlank(source, "source");
    }

    /**
     * Periods from data.
     *
     * @param days for every grade, the days after closing of each re-check (increasing; empty for none)
     * @param recurrenceWindowDays how many days after closing a new hidden danger counts as a recurrence
     * @param source where the values come from
     * @return the periods
     * @throws IllegalArgumentException if a grade is missing, days are not positive and increasing, or the
     *     window is not positive
     */
    public static RecheckPeriods of(Map<HiddenDangerGrade, List<Integer>> days, int recurrenceWindowDays,
            String source) {
        return new RecheckPeriods(Objects.requireNonNull(days, "days"), recurrenceWindowDays, source);
    }

    /** @return general 30 days; major 90 and 180 days; window 180 days */
    public static RecheckPeriods defaults() {
        return DEFAULTS;
    }

    /**
     * The re-check days of a grade.
     *
     * @param grade the grade
     * @return days after closing, increasing
     */
    public List<Integer> days(HiddenDangerGrade grade) {
        return Objects.requireNonNull(days.get(Objects.requireNonNull(grade, "grade")), "every grade has periods");
    }

    /** @return days after closing in which a new hidden danger counts as a recurrence */
    public int recurrenceWindowDays() {
        return recurrenceWindowDays;
    }

    /** @return where the values come from */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "RecheckPeriods" + days + " window " + recurrenceWindowDays + " days (" + source + ")";
    }
}
