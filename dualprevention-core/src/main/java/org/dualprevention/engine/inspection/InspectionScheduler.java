package org.dualprevention.engine.inspection;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.MeasureLink;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.inspection.Schedule;
import org.dualprevention.inspection.Shift;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;

/**
 * Turns inspection plans into tasks, deterministically: the same plan, items and window always give the
 * same tasks with the same ids ({@code <plan id>@<period key>}). It reads no clock; the caller passes
 * the window.
 *
 * <h2>Which items a unit inspects (the cascade of DOMAIN.md §4.3 and §10.1)</h2>
 * A unit U inspects an item derived from a control measure M on risk point P when
 * <ol>
 *   <li>M's control level is U's level or above it ("上级负责管控的风险，下级必须负责管控": a risk controlled
 *       at a level is inspected at that level and every level below), and</li>
 *   <li>U is on P's branch of the organisation: P's owning unit is U, below U, or above U.</li>
 * </ol>
 * So a workshop inspects the company-, department- and workshop-level measures of the risk points of its
 * own subtree and of the units above it, and a team does the same plus the team-level measures. Assign a
 * risk point to the lowest unit that physically holds it to keep the lists short.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class InspectionScheduler {
    private final ZoneId zone;

    /**
     * A scheduler for an organisation's time zone.
     *
     * @param zone the zone in which calendar periods and shifts are counted
     */
    public InspectionScheduler(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @return the zone */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The units whose risk points a unit may inspect: itself, every unit below it and every unit above it.
     *
     * @param org the organisation
     * @param unit the inspecting unit
     * @return the units of the unit's branch
     */
    public static Set<OrgUnitId> branch(Organization org, OrgUnitId unit) {
        Set<OrgUnitId> out = new LinkedHashSet<>(org.selfAndDescendants(unit));
        for (OrgUnit u : org.selfAndAncestors(unit)) {
            out.add(u.id());
        }
        return out;
    }

    /**
     * Whether a unit inspects an item derived from a control measure (the cascade rule above).
     *
     * @param org the organisation
     * @param unit the inspecting unit
     * @param link the item's measure link
     * @return true if the unit inspects it
     */
    public static boolean inspects(Organization org, OrgUnitId unit, MeasureLink link) {
        OrgUnit u = org.require(unit);
        if (u.level().isAbove(link.controlLevel())) {
            return false;
        }
        return org.contains(link.owningUnit())
                && (org.isWithin(link.owningUnit(), unit) || org.isWithin(unit, link.owningUnit()));
    }

    /**
     * The items a unit inspects among the measures of some risk points, in the order of points, hazards,
     * measures and standard lines.
     *
     * @param org the organisation
     * @param unit the inspecting unit
     * @param points risk points (those outside the unit's branch are skipped)
     * @return the items
     */
    public static List<InspectionItem> controlledItems(Organization org, OrgUnitId unit, Collection<RiskPoint> points) {
        List<InspectionItem> out = new ArrayList<>();
        for (RiskPoint p : points) {
            for (Hazard h : p.hazards()) {
                for (ControlMeasure m : h.measures()) {
                    for (InspectionItem item : InspectionItem.fromMeasure(p, h, m)) {
                        if (inspects(org, unit, item.measure().orElseThrow())) {
                            out.add(item);
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The tasks of a plan due in {@code [from, before)}, version 1 (ready to store), with the plan's own
     * items followed by the given controlled items (ignored unless the plan includes them; an item id
     * already among the plan's items is not repeated).
     *
     * @param plan the plan
     * @param controlled the items the plan's unit controls (see {@link #controlledItems})
     * @param from inclusive start of the due window
     * @param before exclusive end of the due window
     * @return the tasks in ascending due time
     */
    public List<InspectionTask> tasks(InspectionPlan plan, List<InspectionItem> controlled, Instant from,
            Instant before) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(controlled, "controlled");
        Map<InspectionItemId, InspectionItem> items = new LinkedHashMap<>();
        for (InspectionItem i : plan.items()) {
            items.put(i.id(), i);
        }
        if (plan.includesControlledItems()) {
            for (InspectionItem i : controlled) {
                items.putIfAbsent(i.id(), i);
            }
        }
        List<InspectionItem> list = List.copyOf(items.values());
        List<InspectionTask> out = new ArrayList<>();
        for (Occurrence o : occurrences(plan, from, before)) {
            out.add(InspectionTask.of(taskId(plan.id(), o.key()), plan.id(), plan.kind(), plan.unit(), plan.assignee(),
                    o.start(), o.due(), list).withVersion(1));
        }
        return out;
    }

    /**
     * The id of a plan's task for one period.
     *
     * @param plan the plan
     * @param periodKey the period's key
     * @return {@code <plan>@<period key>}
     */
    public static InspectionTaskId taskId(InspectionPlanId plan, String periodKey) {
        return InspectionTaskId.of(plan.value() + "@" + periodKey);
    }

    /**
     * The periods of a plan's schedule that start on a day the plan is valid and are due in
     * {@code [from, before)}, in ascending due time.
     *
     * @param plan the plan
     * @param from inclusive start of the due window
     * @param before exclusive end of the due window
     * @return the periods
     */
    public List<Occurrence> occurrences(InspectionPlan plan, Instant from, Instant before) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
        List<Occurrence> out = new ArrayList<>();
        if (!before.isAfter(from)) {
            return out;
        }
        Schedule s = plan.schedule();
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(before, zone);
        if (first.isBefore(plan.validFrom().minusDays(1))) {
            first = plan.validFrom().minusDays(1);
        }
        switch (s.cadence()) {
            case ONCE: {
                LocalDate a = s.firstDay().orElseThrow();
                LocalDate b = s.lastDay().orElseThrow();
                add(out, plan, a, "once", start(a), start(b.plusDays(1)), from, before);
                break;
            }
            case DAY:
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    add(out, plan, d, d.toString(), start(d), start(d.plusDays(1)), from, before);
                }
                break;
            case WEEK:
                for (LocalDate d = first.minusDays(7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                        !d.isAfter(last); d = d.plusWeeks(1)) {
                    String key = String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                            d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                    add(out, plan, d, key, start(d), start(d.plusWeeks(1)), from, before);
                }
                break;
            case MONTH:
                for (LocalDate d = first.minusMonths(1).withDayOfMonth(1); !d.isAfter(last); d = d.plusMonths(1)) {
                    add(out, plan, d, String.format("%d-%02d", d.getYear(), d.getMonthValue()), start(d),
                            start(d.plusMonths(1)), from, before);
                }
                break;
            case QUARTER:
                for (LocalDate d = quarterStart(first.minusMonths(3)); !d.isAfter(last); d = d.plusMonths(3)) {
                    add(out, plan, d, d.getYear() + "-Q" + (1 + (d.getMonthValue() - 1) / 3), start(d),
                            start(d.plusMonths(3)), from, before);
                }
                break;
            case SHIFT:
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    for (Shift sh : s.shifts()) {
                        ZonedDateTime st = ZonedDateTime.of(d, sh.start(), zone);
                        add(out, plan, d, d + "/" + sh.code(), st.toInstant(), st.plus(sh.length()).toInstant(),
                                from, before);
                    }
                }
                break;
            default:
                throw new IllegalStateException("unknown cadence " + s.cadence());
        }
        out.sort((a, b) -> {
            int c = a.due().compareTo(b.due());
            return c != 0 ? c : a.key().compareTo(b.key());
        });
        return out;
    }

    private static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), ((d.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    private Instant start(LocalDate d) {
        return d.atStartOfDay(zone).toInstant();
    }

    private static void add(List<Occurrence> out, InspectionPlan plan, LocalDate startDay, String key, Instant start,
            Instant due, Instant from, Instant before) {
        if (plan.isValidOn(startDay) && !due.isBefore(from) && due.isBefore(before)) {
            out.add(new Occurrence(key, start, due));
        }
    }

    /**
     * One routine plan per unit whose level has a routine schedule (id {@code routine.<unit>}), plus one
     * comprehensive plan per unit whose level has a comprehensive schedule (id
     * {@code comprehensive.<unit>}); all include the controlled items and run from {@code validFrom} on. The
     * plans are named in Chinese ({@code <unit>日常排查}, {@code <unit>综合性排查}), the language of the safety
     * managers who read them; {@link #routinePlans(Organization, RoutineCadence, LocalDate, Locale)} names them in
     * English on request.
     *
     * @param org the organisation
     * @param cadence the schedules per level
     * @param validFrom the first day
     * @return the plans, version 0, in the organisation's unit order
     */
    public static List<InspectionPlan> routinePlans(Organization org, RoutineCadence cadence, LocalDate validFrom) {
        return routinePlans(org, cadence, validFrom, Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * The routine and comprehensive plans of {@link #routinePlans(Organization, RoutineCadence, LocalDate)},
     * named in the given language: English ({@code Routine inspection of <unit>}) when its language is
     * {@code en}, Chinese otherwise. Only the names differ; ids, units, schedules and items are the same.
     *
     * @param org the organisation
     * @param cadence the schedules per level
     * @param validFrom the first day
     * @param locale the language of the plans' names
     * @return the plans, version 0, in the organisation's unit order
     */
    public static List<InspectionPlan> routinePlans(Organization org, RoutineCadence cadence, LocalDate validFrom,
            Locale locale) {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(validFrom, "validFrom");
        boolean english = "en".equals(Objects.requireNonNull(locale, "locale").getLanguage());
        List<InspectionPlan> out = new ArrayList<>();
        for (OrgUnit u : org.units()) {
            String routineName = english ? "Routine inspection of " + u.name() : u.name() + "日常排查";
            String comprehensiveName = english ? "Comprehensive inspection of " + u.name() : u.name() + "综合性排查";
            cadence.routine(u.level()).ifPresent(s -> out.add(InspectionPlan.routine(
                    InspectionPlanId.of("routine." + u.id().value()), routineName, u.id(), s, validFrom)));
            cadence.comprehensive(u.level()).ifPresent(s -> out.add(InspectionPlan.routine(
                    InspectionPlanId.of("comprehensive." + u.id().value()), comprehensiveName, u.id(), s, validFrom)
                    .withDetails(comprehensiveName, PlanKind.COMPREHENSIVE, s)));
        }
        return List.copyOf(out);
    }
}
