package org.dualprevention.engine.lookback;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Acceptance;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckPeriods;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.lookback.RecurrenceReason;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * The rules of look-back re-checks (回头看, DOMAIN.md §10.4), as pure functions of stored facts:
 * <ul>
 *   <li>every closed hidden danger linked to a risk point is re-checked there, against its failed control
 *       measure, the periods of its grade after the day it was closed ({@link #rechecks});</li>
 *   <li>a failed re-check is a recurrence; so is a later hidden danger (not withdrawn) at the same risk point,
 *       found after the earlier one's closing day and at most the window's days after it, that names the same
 *       failed control measure or, failing that, is on a hazard of the same GB/T 13861 class. A later hidden
 *       danger is linked to the most recently closed earlier one that matches ({@link #recurrences});</li>
 *   <li>each unit with recurrences gets one early warning on the quality of its rectification
 *       ({@link #warnings}).</li>
 * </ul>
 * The day of closing is the acceptance's instant (or, closed on the spot, the last action's) in the
 * organisation's zone. This class is stateless and thread-safe.
 *
 * @since 0.2
 */
public final class LookBack {
    private LookBack() {
    }

    /**
     * The day a closed hidden danger was closed.
     *
     * @param d the hidden danger
     * @param zone the organisation's zone
     * @return the day, empty if it is not closed
     */
    public static Optional<LocalDate> closedOn(HiddenDanger d, ZoneId zone) {
        if (d.state() != HiddenDangerState.CLOSED) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.ofInstant(d.acceptance().map(Acceptance::closedAt).orElse(d.lastActionAt()), zone));
    }

    /**
     * Every re-check of the closed hidden dangers linked to a risk point, with its result when recorded.
     *
     * @param dangers hidden dangers (others than closed ones are ignored)
     * @param periods the periods by grade
     * @param zone the organisation's zone
     * @param results the recorded results
     * @return the re-checks, by due day then id
     */
    public static List<Recheck> rechecks(Collection<HiddenDanger> dangers, RecheckPeriods periods, ZoneId zone,
            Map<RecheckId, RecheckResult> results) {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(results, "results");
        List<Recheck> out = new ArrayList<>();
        for (HiddenDanger d : dangers) {
            Optional<LocalDate> closed = closedOn(d, zone);
            if (closed.isEmpty() || d.riskPoint().isEmpty()) {
                continue;
            }
            HiddenDangerGrade grade = d.grade().orElse(HiddenDangerGrade.GENERAL);
            List<Integer> days = periods.days(grade);
            for (int i = 0; i < days.size(); i++) {
                RecheckId id = new RecheckId(d.id(), i + 1);
                out.add(new Recheck(id, d.riskPoint().get(), d.hazard(), d.failedMeasure(), d.title(), grade, d.unit(),
                        d.acceptance().map(Acceptance::acceptor), closed.get(), closed.get().plusDays(days.get(i)),
                        Optional.ofNullable(results.get(id))));
            }
        }
        out.sort(Comparator.comparing((Recheck r) -> r.dueOn()).thenComparing(r -> r.id()));
        return out;
    }

    /**
     * The re-checks due and not done on a day.
     *
     * @param rechecks the re-checks
     * @param day the day
     * @return those due by the day without a result
     */
    public static List<Recheck> due(List<Recheck> rechecks, LocalDate day) {
        return rechecks.stream().filter(r -> r.dueOn(day)).toList();
    }

    /**
     * Every recurrence shown by the re-checks and hidden dangers.
     *
     * @param dangers the hidden dangers
     * @param rechecks the re-checks with their results
     * @param categoryOf the GB/T 13861 class of a hazard of the register, empty if unknown
     * @param periods the periods (for the window)
     * @param zone the organisation's zone
     * @return the recurrences, by day then earlier id
     */
    public static List<Recurrence> recurrences(Collection<HiddenDanger> dangers, List<Recheck> rechecks,
            Function<HazardId, Optional<HazardCategory>> categoryOf, RecheckPeriods periods, ZoneId zone) {
        Objects.requireNonNull(categoryOf, "categoryOf");
        Map<String, HiddenDanger> byId = new TreeMap<>();
        dangers.forEach(d -> byId.put(d.id().value(), d));
        List<Recurrence> out = new ArrayList<>();
        for (Recheck r : rechecks) {
            if (r.result().isPresent() && !r.result().get().passed()) {
                out.add(new Recurrence(r.id().danger(), RecurrenceReason.FAILED_RECHECK, Optional.empty(),
                        Optional.of(r.id()), r.riskPoint(), r.grade(), r.unit(), r.acceptor(),
                        r.result().get().checkedOn()));
            }
        }
        for (HiddenDanger later : byId.values()) {
            if (later.state() == HiddenDangerState.WITHDRAWN || later.riskPoint().isEmpty()) {
                continue;
            }
            RiskPointId point = later.riskPoint().get();
            HiddenDanger best = null;
            RecurrenceReason bestReason = null;
            LocalDate bestClosed = null;
            for (HiddenDanger earlier : byId.values()) {
                Optional<LocalDate> closed = closedOn(earlier, zone);
                if (earlier == later || closed.isEmpty() || !earlier.riskPoint().equals(Optional.of(point))) {
                    continue;
                }
                LocalDate found = later.foundOn();
                if (!found.isAfter(closed.get()) || found.isAfter(closed.get().plusDays(periods.recurrenceWindowDays()))) {
                    continue;
                }
                Optional<RecurrenceReason> reason = match(earlier, later, categoryOf);
                if (reason.isPresent() && (bestClosed == null || closed.get().isAfter(bestClosed)
                        || closed.get().equals(bestClosed) && best != null && earlier.id().value().compareTo(best.id().value()) > 0)) {
                    best = earlier;
                    bestReason = reason.get();
                    bestClosed = closed.get();
                }
            }
            if (best != null && bestReason != null) {
                out.add(new Recurrence(best.id(), bestReason, Optional.of(later.id()), Optional.empty(), point,
                        best.grade().orElse(HiddenDangerGrade.GENERAL), best.unit(),
                        best.acceptance().map(Acceptance::acceptor), later.foundOn()));
            }
        }
        out.sort(Comparator.comparing(Recurrence::on).thenComparing(r -> r.earlier().value()));
        return out;
    }

    private static Optional<RecurrenceReason> match(HiddenDanger earlier, HiddenDanger later,
            Function<HazardId, Optional<HazardCategory>> categoryOf) {
        if (earlier.failedMeasure().isPresent() && earlier.failedMeasure().equals(later.failedMeasure())) {
            return Optional.of(RecurrenceReason.SAME_MEASURE);
        }
        Optional<HazardCategory> a = earlier.hazard().flatMap(categoryOf);
        Optional<HazardCategory> b = later.hazard().flatMap(categoryOf);
        if (a.isPresent() && a.equals(b)) {
            return Optional.of(RecurrenceReason.SAME_HAZARD_CATEGORY);
        }
        return Optional.empty();
    }

    /**
     * One early warning per unit with recurrences.
     *
     * @param recurrences the recurrences
     * @return the warnings, by unit
     */
    public static List<RectificationQualityWarning> warnings(List<Recurrence> recurrences) {
        Map<OrgUnitId, List<Recurrence>> byUnit = new TreeMap<>();
        for (Recurrence r : recurrences) {
            byUnit.computeIfAbsent(r.unit(), u -> new ArrayList<>()).add(r);
        }
        List<RectificationQualityWarning> out = new ArrayList<>();
        byUnit.forEach((u, list) -> out.add(new RectificationQualityWarning(u, list)));
        return out;
    }
}
