package org.dualprevention.testkit.gen;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.inspection.Cadence;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionRecord;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.inspection.Schedule;
import org.dualprevention.inspection.Shift;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;

/**
 * Seeded inspection plans, tasks (recorded or not) and good practices whose units belong to a given
 * organisation. Obtain one with {@link Gen#inspections()}.
 *
 * <p>Instances are not thread-safe; they draw from their {@link Gen}.
 *
 * @since 0.1
 */
public final class InspectionGen {
    private final Gen gen;

    InspectionGen(Gen gen) {
        this.gen = Objects.requireNonNull(gen, "gen");
    }

    /**
     * Checklist items of the host's own (not derived from control measures).
     *
     * @param count how many, at least 1
     * @return the items, with distinct ids
     */
    public List<InspectionItem> checklistItems(int count) {
        List<InspectionItem> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(InspectionItem.checklist(InspectionItemId.of(gen.hostKey("I")), "check " + gen.words(),
                    "standard: " + gen.words(), gen.pick(ChecklistClass.class)));
        }
        return List.copyOf(out);
    }

    /**
     * The items derived from the control measures of a risk point, plus sometimes checklist items.
     *
     * @param point a risk point
     * @return at least one item
     */
    public List<InspectionItem> items(RiskPoint point) {
        List<InspectionItem> out = new ArrayList<>();
        for (Hazard h : point.hazards()) {
            for (ControlMeasure m : h.measures()) {
                out.addAll(InspectionItem.fromMeasure(point, h, m));
            }
        }
        if (out.isEmpty() || gen.chance(0.3)) {
            out.addAll(checklistItems(gen.intBetween(1, 3)));
        }
        return List.copyOf(out);
    }

    /**
     * A schedule: a cadence, shifts, or a one-off window.
     *
     * @param from the first day for one-off windows
     * @return the schedule
     */
    public Schedule schedule(LocalDate from) {
        switch (gen.random().nextInt(3)) {
            case 0:
                return Schedule.perShift(List.of(Shift.of("day", LocalTime.of(8, 0), Duration.ofHours(8)),
                        Shift.of("night", LocalTime.of(20, 0), Duration.ofHours(12))));
            case 1:
                return Schedule.once(from, from.plusDays(gen.intBetween(0, 10)));
            default:
                Cadence c = gen.pick(List.of(Cadence.DAY, Cadence.WEEK, Cadence.MONTH, Cadence.QUARTER));
                return Schedule.every(c);
        }
    }

    /**
     * An inspection plan (version 0) of a unit of {@code org}: routine (controlled items) or of another
     * kind with its own checklist items.
     *
     * @param org the organisation
     * @param from the earliest first day
     * @return the plan
     */
    public InspectionPlan plan(Organization org, LocalDate from) {
        LocalDate first = gen.date(from, 60);
        PlanKind kind = gen.pick(PlanKind.class);
        InspectionPlanId id = InspectionPlanId.of(gen.hostKey("PLAN"));
        InspectionPlan p;
        if (kind == PlanKind.ROUTINE) {
            p = InspectionPlan.routine(id, "routine " + gen.words(), gen.pick(org.units()).id(),
                    Schedule.every(gen.pick(List.of(Cadence.DAY, Cadence.WEEK, Cadence.MONTH))), first);
        } else {
            p = InspectionPlan.of(id, kind.name().toLowerCase(java.util.Locale.ROOT) + " " + gen.words(), kind,
                    gen.pick(org.units()).id(), schedule(first), checklistItems(gen.intBetween(1, 4)), first,
                    gen.chance(0.5) ? Optional.of(first.plusDays(gen.intBetween(0, 90))) : Optional.empty());
        }
        if (gen.chance(0.4)) {
            p = p.withAssignee(Optional.of(gen.actorId()));
        }
        return p;
    }

    /**
     * An inspection task (version 0) of a plan, due within {@code days} after {@code from}; recorded
     * (every item passed, failed or not applicable) with probability {@code recordedShare}.
     *
     * @param plan the plan
     * @param from the earliest window start
     * @param days the span of due times, in days
     * @param recordedShare probability that the task carries a record
     * @return the task
     */
    public InspectionTask task(InspectionPlan plan, Instant from, int days, double recordedShare) {
        Instant start = gen.instant(from, Duration.ofDays(Math.max(1, days)));
        Instant due = start.plus(Duration.ofHours(gen.intBetween(1, 24 * 7)));
        if (gen.chance(0.5)) {
            // due at the end of a day, as a routine scheduler makes them: many tasks share a due time
            due = due.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(24));
        }
        List<InspectionItem> items = plan.items().isEmpty() ? checklistItems(gen.intBetween(0, 3)) : plan.items();
        InspectionTask t = InspectionTask.of(InspectionTaskId.of(gen.hostKey("TASK")), plan.id(), plan.kind(),
                plan.unit(), plan.assignee(), start, due, items);
        if (gen.chance(recordedShare)) {
            t = recorded(t);
        }
        return t;
    }

    /**
     * The task with a record: each item passed (mostly) or failed with a note and evidence, recorded by
     * someone within the task's window. The version is unchanged.
     *
     * @param task a task without a record
     * @return the recorded task
     */
    public InspectionTask recorded(InspectionTask task) {
        List<ItemResult> results = new ArrayList<>();
        for (InspectionItem i : task.items()) {
            int r = gen.random().nextInt(10);
            results.add(r < 7 ? ItemResult.passed(i.id())
                    : ItemResult.failed(i.id(), "failed: " + gen.words(),
                            List.of(URI.create("https://files.example/t/" + gen.random().nextInt(100_000) + ".jpg"))));
        }
        return task.withRecord(new InspectionRecord(gen.actorId(),
                gen.instant(task.windowStart(), Duration.between(task.windowStart(), task.due())), results));
    }

    /**
     * A good practice reported in a unit of {@code org}.
     *
     * @param org the organisation
     * @param from the earliest observation time
     * @param days the span in days
     * @return the good practice
     */
    public GoodPractice goodPractice(Organization org, Instant from, int days) {
        return new GoodPractice(GoodPracticeId.of(gen.hostKey("GP")), gen.actorId(), gen.pick(org.units()).id(),
                gen.chance(0.5) ? Optional.of(gen.riskPointId()) : Optional.empty(),
                gen.instant(from, Duration.ofDays(Math.max(1, days))), "good practice: " + gen.words(),
                gen.chance(0.5) ? List.of(URI.create("https://files.example/gp/" + gen.random().nextInt(100_000) + ".jpg"))
                        : List.of());
    }
}
