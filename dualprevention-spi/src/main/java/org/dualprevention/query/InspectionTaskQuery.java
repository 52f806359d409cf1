package org.dualprevention.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.OrgUnitId;

/**
 * Which inspection tasks to find: those due in a window {@code [dueFrom, dueBefore)}, optionally only
 * of some units, of one plan, or only recorded or unrecorded ones. Criteria combine with AND; a present
 * but empty set matches nothing. {@link #matches(InspectionTask)} is the reference meaning (rule S9 of
 * {@link org.dualprevention.spi.Storage}); results come in ascending due time (rule S11).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class InspectionTaskQuery {
    private final Instant dueFrom;
    private final Instant dueBefore;
    private final Optional<Set<OrgUnitId>> units;
    private final Optional<InspectionPlanId> plan;
    private final Optional<Boolean> recorded;

    private InspectionTaskQuery(Instant dueFrom, Instant dueBefore, Optional<Set<OrgUnitId>> units,
            Optional<InspectionPlanId> plan, Optional<Boolean> recorded) {
        this.dueFrom = dueFrom;
        this.dueBefore = dueBefore;
        this.units = units;
        this.plan = plan;
        this.recorded = recorded;
    }

    /**
     * Tasks due at or after {@code from} and before {@code before}.
     *
     * @param from inclusive start
     * @param before exclusive end, not before {@code from}
     * @return the query
     */
    public static InspectionTaskQuery dueBetween(Instant from, Instant before) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
        Checks.checkArgument(!before.isBefore(from), "window end [%s] is before its start [%s]", before, from);
        return new InspectionTaskQuery(from, before, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Only tasks of these inspecting units.
     *
     * @param unitIds the units
     * @return the narrowed query
     */
    public InspectionTaskQuery inUnits(Collection<OrgUnitId> unitIds) {
        return new InspectionTaskQuery(dueFrom, dueBefore, Optional.of(Set.copyOf(unitIds)), plan, recorded);
    }

    /**
     * Only tasks of one plan.
     *
     * @param planId the plan
     * @return the narrowed query
     */
    public InspectionTaskQuery ofPlan(InspectionPlanId planId) {
        return new InspectionTaskQuery(dueFrom, dueBefore, units, Optional.of(planId), recorded);
    }

    /**
     * Only recorded (done) tasks, or only unrecorded ones.
     *
     * @param isRecorded true for recorded tasks, false for unrecorded ones
     * @return the narrowed query
     */
    public InspectionTaskQuery recorded(boolean isRecorded) {
        return new InspectionTaskQuery(dueFrom, dueBefore, units, plan, Optional.of(isRecorded));
    }

    /** @return the inclusive start of the due window */
    public Instant dueFrom() {
        return dueFrom;
    }

    /** @return the exclusive end of the due window */
    public Instant dueBefore() {
        return dueBefore;
    }

    /** @return the units, if filtered */
    public Optional<Set<OrgUnitId>> units() {
        return units;
    }

    /** @return the plan, if filtered */
    public Optional<InspectionPlanId> plan() {
        return plan;
    }

    /** @return true for recorded only, false for unrecorded only, empty for both */
    public Optional<Boolean> recorded() {
        return recorded;
    }

    /**
     * The reference meaning of the query.
     *
     * @param task a task
     * @return whether it matches every criterion
     */
    public boolean matches(InspectionTask task) {
        Objects.requireNonNull(task, "task");
        if (task.due().isBefore(dueFrom) || !task.due().isBefore(dueBefore)) {
            return false;
        }
        if (units.isPresent() && !units.get().contains(task.unit())) {
            return false;
        }
        if (plan.isPresent() && !plan.get().equals(task.plan())) {
            return false;
        }
        return recorded.isEmpty() || recorded.get() == task.record().isPresent();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InspectionTaskQuery)) {
            return false;
        }
        InspectionTaskQuery q = (InspectionTaskQuery) o;
        return dueFrom.equals(q.dueFrom) && dueBefore.equals(q.dueBefore) && units.equals(q.units)
                && plan.equals(q.plan) && recorded.equals(q.recorded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dueFrom, dueBefore, units, plan, recorded);
    }

    @Override
    public String toString() {
        return "InspectionTaskQuery[due " + dueFrom + ".." + dueBefore + ", units="
                + units.map(Object::toString).orElse("any") + ", plan=" + plan.map(Object::toString).orElse("any")
                + ", recorded=" + recorded.map(Object::toString).orElse("any") + "]";
    }
}
