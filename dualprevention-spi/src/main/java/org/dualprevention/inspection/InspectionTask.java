package org.dualprevention.inspection;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;

/**
 * An inspection task (排查任务): one occurrence of a plan for one unit and one period, with copies of the
 * items to check, a window {@code [windowStart, due)} and, once done, its {@link InspectionRecord}.
 * It is an aggregate with a storage {@link #version()} (0 = never stored).
 *
 * <p>Task ids are derived from the plan id and the period ({@code <plan>@<period>}, e.g.
 * {@code P-7@2026-11-25/day}), so generating the same period twice yields the same tasks.
 * Whether a task is done, late or missed is derived by {@link #status(Instant)}, never stored.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class InspectionTask {
    private final InspectionTaskId id;
    private final InspectionPlanId plan;
    private final PlanKind planKind;
    private final OrgUnitId unit;
    private final Optional<ActorId> assignee;
    private final Instant windowStart;
    private final Instant due;
    private final List<InspectionItem> items;
    private final Optional<InspectionRecord> record;
    private final long version;

    private InspectionTask(InspectionTaskId id, InspectionPlanId plan, PlanKind planKind, OrgUnitId unit,
            Optional<ActorId> assignee, Instant windowStart, Instant due, List<InspectionItem> items,
            Optional<InspectionRecord> record, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.planKind = Objects.requireNonNull(planKind, "planKind");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.assignee = Objects.requireNonNull(assignee, "assignee");
        this.windowStart = Objects.requireNonNull(windowStart, "windowStart");
        this.due = Objects.requireNonNull(due, "due");
        Checks.checkArgument(windowStart.isBefore(due), "task [%s]: windowStart [%s] is not before due [%s]", id,
                windowStart, due);
        this.items = List.copyOf(items);
        Set<InspectionItemId> ids = new HashSet<>();
        for (InspectionItem i : this.items) {
            Checks.checkArgument(ids.add(i.id()), "task [%s] lists item [%s] twice", id, i.id());
        }
        this.record = Objects.requireNonNull(record, "record");
        Checks.checkArgument(version >= 0, "version [%s] must not be negative", version);
        this.version = version;
    }

    /**
     * A new, not yet recorded task, version 0.
     *
     * @param id id
     * @param plan the plan
     * @param planKind the plan's kind
     * @param unit the inspecting unit
     * @param assignee the assigned person, if any
     * @param windowStart when the task may start
     * @param due when it is due (exclusive end of the window)
     * @param items the items to check (may be empty when the unit controls nothing yet)
     * @return the task
     */
    public static InspectionTask of(InspectionTaskId id, InspectionPlanId plan, PlanKind planKind, OrgUnitId unit,
            Optional<ActorId> assignee, Instant windowStart, Instant due, List<InspectionItem> items) {
        return new InspectionTask(id, plan, planKind, unit, assignee, windowStart, due, items, Optional.empty(), 0);
    }

    /** @return the id */
    public InspectionTaskId id() {
        return id;
    }

    /** @return the plan it comes from */
    public InspectionPlanId plan() {
        return plan;
    }

    /** @return the kind of the plan */
    public PlanKind planKind() {
        return planKind;
    }

    /** @return the inspecting unit */
    public OrgUnitId unit() {
        return unit;
    }

    /** @return the assigned person, if any */
    public Optional<ActorId> assignee() {
        return assignee;
    }

    /** @return when the task's window opens */
    public Instant windowStart() {
        return windowStart;
    }

    /** @return when the task is due (the exclusive end of its window) */
    public Instant due() {
        return due;
    }

    /** @return the items to check, copies made when the task was generated */
    public List<InspectionItem> items() {
        return items;
    }

    /** @return the record, once the task is done */
    public Optional<InspectionRecord> record() {
        return record;
    }

    /** @return the storage version, 0 if never stored */
    public long version() {
        return version;
    }

    /**
     * The status at an instant: {@link TaskStatus#DONE} if recorded at or before the due time,
     * {@link TaskStatus#DONE_LATE} if recorded after it, {@link TaskStatus#MISSED} if not recorded and
     * {@code now} is at or after the due time, else {@link TaskStatus#PENDING}.
     *
     * @param now the instant, from the engine's clock
     * @return the status
     */
    public TaskStatus status(Instant now) {
        Objects.requireNonNull(now, "now");
        if (record.isPresent()) {
            return record.get().recordedAt().isAfter(due) ? TaskStatus.DONE_LATE : TaskStatus.DONE;
        }
        return now.isBefore(due) ? TaskStatus.PENDING : TaskStatus.MISSED;
    }

    /**
     * A copy with the record of the done task. Checks that the record has exactly one result per item
     * and no result for another item.
     *
     * @param newRecord the record
     * @return the copy
     * @throws IllegalStateException if the task already has a record
     * @throws IllegalArgumentException if the results do not match the items
     */
    public InspectionTask withRecord(InspectionRecord newRecord) {
        Objects.requireNonNull(newRecord, "newRecord");
        if (record.isPresent()) {
            throw new IllegalStateException("Inspection task [" + id + "] is already recorded");
        }
        Set<InspectionItemId> expected = new HashSet<>();
        for (InspectionItem i : items) {
            expected.add(i.id());
        }
        Set<InspectionItemId> given = new HashSet<>();
        for (ItemResult r : newRecord.results()) {
            Checks.checkArgument(expected.contains(r.item()), "task [%s] has no item [%s]; its items: %s", id,
                    r.item(), expected);
            given.add(r.item());
        }
        expected.removeAll(given);
        Checks.checkArgument(expected.isEmpty(), "task [%s]: no result for items %s", id, expected);
        return new InspectionTask(id, plan, planKind, unit, assignee, windowStart, due, items, Optional.of(newRecord),
                version);
    }

    /**
     * A copy with another storage version (used by the engine when saving).
     *
     * @param newVersion the version
     * @return the copy
     */
    public InspectionTask withVersion(long newVersion) {
        return new InspectionTask(id, plan, planKind, unit, assignee, windowStart, due, items, record, newVersion);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InspectionTask)) {
            return false;
        }
        InspectionTask t = (InspectionTask) o;
        return id.equals(t.id) && plan.equals(t.plan) && planKind == t.planKind && unit.equals(t.unit)
                && assignee.equals(t.assignee) && windowStart.equals(t.windowStart) && due.equals(t.due)
                && items.equals(t.items) && record.equals(t.record) && version == t.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, plan, unit, windowStart, due, items, record, version);
    }

    @Override
    public String toString() {
        return "InspectionTask[" + id + " " + unit + " due " + due + (record.isPresent() ? " recorded" : "") + " v"
                + version + "]";
    }
}
