package org.dualprevention.analytics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.organization.OrgUnitId;

/**
 * Look-back figures of a period (DOMAIN.md §10.4), per unit and per grade:
 * <ul>
 *   <li>re-check completion = re-checks due in the period that are done ÷ re-checks due in the period;</li>
 *   <li>recurrence rate = hidden dangers closed in the period that came back (any recurrence, whenever shown)
 *       ÷ hidden dangers closed in the period.</li>
 * </ul>
 * Only hidden dangers linked to a risk point are re-checked, so both rates count those. A rate with nothing
 * to count is not applicable, never 0 % or 100 %. The period is the days {@code [from, to]}, both included.
 *
 * @param total the figures of all units
 * @param byUnit per unit responsible for the hidden danger
 * @param byGrade per grade
 * @since 0.2
 */
public record LookBackStatistics(Figures total, Map<OrgUnitId, Figures> byUnit, Map<HiddenDangerGrade, Figures> byGrade) {
    /** Copies the maps. */
    public LookBackStatistics {
        Objects.requireNonNull(total, "total");
        byUnit = java.util.Collections.unmodifiableMap(new TreeMap<>(byUnit));
        EnumMap<HiddenDangerGrade, Figures> g = new EnumMap<>(HiddenDangerGrade.class);
        g.putAll(byGrade);
        byGrade = java.util.Collections.unmodifiableMap(g);
    }

    /**
     * The figures of the re-checks and recurrences for a period.
     *
     * @param rechecks every re-check with its result
     * @param recurrences every recurrence
     * @param from the first day
     * @param to the last day
     * @return the statistics
     */
    public static LookBackStatistics of(Collection<Recheck> rechecks, Collection<Recurrence> recurrences,
            LocalDate from, LocalDate to) {
        Objects.requireNonNull(rechecks, "rechecks");
        Objects.requireNonNull(recurrences, "recurrences");
        Checks.checkArgument(!to.isBefore(from), "period end [%s] is before its start [%s]", to, from);
        Set<HiddenDanger> closedKeys = new HashSet<>();
        Set<HiddenDangerId> cameBack = new HashSet<>();
        recurrences.forEach(r -> cameBack.add(r.earlier()));
        Acc total = new Acc();
        Map<OrgUnitId, Acc> units = new TreeMap<>();
        Map<HiddenDangerGrade, Acc> grades = new EnumMap<>(HiddenDangerGrade.class);
        for (Recheck r : rechecks) {
            Acc u = units.computeIfAbsent(r.unit(), k -> new Acc());
            Acc g = grades.computeIfAbsent(r.grade(), k -> new Acc());
            if (in(r.dueOn(), from, to)) {
                for (Acc a : new Acc[] {total, u, g}) {
                    a.due++;
                    a.done += r.done() ? 1 : 0;
                }
            }
            if (in(r.closedOn(), from, to) && closedKeys.add(new HiddenDanger(r.id().danger()))) {
                for (Acc a : new Acc[] {total, u, g}) {
                    a.closed++;
                    a.recurred += cameBack.contains(r.id().danger()) ? 1 : 0;
                }
            }
        }
        Map<OrgUnitId, Figures> fu = new TreeMap<>();
        units.forEach((k, v) -> fu.put(k, v.figures()));
        Map<HiddenDangerGrade, Figures> fg = new EnumMap<>(HiddenDangerGrade.class);
        grades.forEach((k, v) -> fg.put(k, v.figures()));
        return new LookBackStatistics(total.figures(), fu, fg);
    }

    private static boolean in(LocalDate d, LocalDate from, LocalDate to) {
        return !d.isBefore(from) && !d.isAfter(to);
    }

    /** A key so a hidden danger with several rounds is counted once among the closed. */
    private record HiddenDanger(HiddenDangerId id) {
    }

    private static final class Acc {
        long due;
        long done;
        long closed;
        long recurred;

        Figures figures() {
            return new Figures(Rate.of(done, due), Rate.of(recurred, closed));
        }
    }

    /**
     * The two look-back rates.
     *
     * @param completion re-checks done ÷ due in the period
     * @param recurrence closed in the period that came back ÷ closed in the period
     * @since 0.2
     */
    public record Figures(Rate completion, Rate recurrence) {
        /** Validates the components. */
        public Figures {
            Objects.requireNonNull(completion, "completion");
            Objects.requireNonNull(recurrence, "recurrence");
        }
    }
}
