package org.dualprevention.inspection;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;

/**
 * An inspection plan (排查计划): which unit inspects, which items, on what {@link Schedule}, between
 * which dates. It is an aggregate with a storage {@link #version()} (0 = never stored).
 *
 * <p>The items of a task are the plan's own {@link #items()} (checklist items, or measure items the host
 * picked) plus, when {@link #includesControlledItems()} is true, the items derived from every control
 * measure the plan's unit controls, computed from the risk register when the task is generated. Which
 * measures a unit controls follows the cascade of DOMAIN.md §10.1 (see the engine's scheduler).
 * A routine plan ({@link #routine}) includes the controlled items and has no items of its own unless added.
 *
 * <p>A plan generates a task for every period of its schedule that starts on a day between
 * {@link #validFrom()} and {@link #validUntil()} (inclusive); a {@link Cadence#ONCE} schedule generates
 * one task if its first day is in that range.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class InspectionPlan {
    private final InspectionPlanId id;
    private final String name;
    private final PlanKind kind;
    private final OrgUnitId unit;
    private final Optional<ActorId> assignee;
    private final Schedule schedule;
    private final boolean includesControlledItems;
    private final List<InspectionItem> items;
    private final LocalDate validFrom;
    private final Optional<LocalDate> validUntil;
    private final long version;

    private InspectionPlan(InspectionPlanId id, String name, PlanKind kind, OrgUnitId unit, Optional<ActorId> assignee,
            Schedule schedule, boolean includesControlledItems, List<InspectionItem> items, LocalDate validFrom,
            Optional<LocalDate> validUntil, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Checks.notBlank(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.assignee = Objects.requireNonNull(assignee, "assignee");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.includesControlledItems = includesControlledItems;
        this.items = List.copyOf(items);
        Set<InspectionItemId> ids = new HashSet<>();
        for (InspectionItem i : this.items) {
            Checks.checkArgument(ids.add(i.id()), "plan [%s] lists item [%s] twice", id, i.id());
        }
        this.validFrom = Objects.requireNonNull(validFrom, "validFrom");
        this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
        Checks.checkArgument(validUntil.isEmpty() || !validUntil.get().isBefore(validFrom),
                "plan [%s]: validUntil [%s] is before validFrom [%s]", id, validUntil.orElse(null), validFrom);
        Checks.checkArgument(includesControlledItems || !this.items.isEmpty(),
                "plan [%s] has no items: give items or include the controlled items", id);
        Checks.checkArgument(version >= 0, "version [%s] must not be negative", version);
        this.version = version;
    }

    /**
     * A routine plan (日常排查) of a unit: the items the unit controls, on the given schedule, from a date on.
     *
     * @param id id
     * @param name name
     * @param unit the inspecting unit
     * @param schedule usually the cadence of the unit's control level
     * @param validFrom first day
     * @return the plan, version 0
     */
    public static InspectionPlan routine(InspectionPlanId id, String name, OrgUnitId unit, Schedule schedule,
            LocalDate validFrom) {
        return new InspectionPlan(id, name, PlanKind.ROUTINE, unit, Optional.empty(), schedule, true, List.of(),
                validFrom, Optional.empty(), 0);
    }

    /**
     * A plan with its own item set, e.g. a special, seasonal or holiday plan.
     *
     * @param id id
     * @param name name
     * @param kind the kind
     * @param unit the inspecting unit
     * @param schedule the schedule
     * @param items the plan's items, at least one
     * @param validFrom first day
     * @param validUntil last day, if any
     * @return the plan, version 0
     */
    public static InspectionPlan of(InspectionPlanId id, String name, PlanKind kind, OrgUnitId unit,
            Schedule schedule, List<InspectionItem> items, LocalDate validFrom, Optional<LocalDate> validUntil) {
        return new InspectionPlan(id, name, kind, unit, Optional.empty(), schedule, false, items, validFrom,
                validUntil, 0);
    }

    /** @return the id */
    public InspectionPlanId id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the kind */
    public PlanKind kind() {
        return kind;
    }

    /** @return the inspecting unit */
    public OrgUnitId unit() {
        return unit;
    }

    /** @return the person the tasks are assigned to, if any (else anyone of the unit) */
    public Optional<ActorId> assignee() {
        return assignee;
    }

    /** @return the schedule */
    public Schedule schedule() {
        return schedule;
    }

    /** @return whether tasks include the items derived from the measures the unit controls */
    public boolean includesControlledItems() {
        return includesControlledItems;
    }

    /** @return the plan's own items */
    public List<InspectionItem> items() {
        return items;
    }

    /** @return the first day */
    public LocalDate validFrom() {
        return validFrom;
    }

    /** @return the last day, empty for open-ended */
    public Optional<LocalDate> validUntil() {
        return validUntil;
    }

    /** @return the storage version, 0 if never stored */
    public long version() {
        return version;
    }

    /**
     * Whether the plan generates tasks for periods starting on {@code day}.
     *
     * @param day a day
     * @return true if {@code validFrom <= day <= validUntil}
     */
    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil.isEmpty() || !day.isAfter(validUntil.get()));
    }

    /**
     * A copy with another name, kind and schedule.
     *
     * @param newName name
     * @param newKind kind
     * @param newSchedule schedule
     * @return the copy
     */
    public InspectionPlan withDetails(String newName, PlanKind newKind, Schedule newSchedule) {
        return new InspectionPlan(id, newName, newKind, unit, assignee, newSchedule, includesControlledItems, items,
                validFrom, validUntil, version);
    }

    /**
     * A copy with other own items and controlled-items setting.
     *
     * @param newItems the plan's own items
     * @param includeControlled whether the controlled items are included
     * @return the copy
     */
    public InspectionPlan withItems(List<InspectionItem> newItems, boolean includeControlled) {
        return new InspectionPlan(id, name, kind, unit, assignee, schedule, includeControlled, newItems, validFrom,
                validUntil, version);
    }

    /**
     * A copy assigned to a person.
     *
     * @param newAssignee the assignee, or empty
     * @return the copy
     */
    public InspectionPlan withAssignee(Optional<ActorId> newAssignee) {
        return new InspectionPlan(id, name, kind, unit, newAssignee, schedule, includesControlledItems, items,
                validFrom, validUntil, version);
    }

    /**
     * A copy valid over other dates (e.g. ended by setting the last day).
     *
     * @param newFrom first day
     * @param newUntil last day, if any
     * @return the copy
     */
    public InspectionPlan withValidity(LocalDate newFrom, Optional<LocalDate> newUntil) {
        return new InspectionPlan(id, name, kind, unit, assignee, schedule, includesControlledItems, items, newFrom,
                newUntil, version);
    }

    /**
     * A copy with another storage version (used by the engine when saving).
     *
     * @param newVersion the version
     * @return the copy
     */
    public InspectionPlan withVersion(long newVersion) {
        return new InspectionPlan(id, name, kind, unit, assignee, schedule, includesControlledItems, items, validFrom,
                validUntil, newVersion);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InspectionPlan)) {
            return false;
        }
        InspectionPlan p = (InspectionPlan) o;
        return id.equals(p.id) && name.equals(p.name) && kind == p.kind && unit.equals(p.unit)
                && assignee.equals(p.assignee) && schedule.equals(p.schedule)
                && includesControlledItems == p.includesControlledItems && items.equals(p.items)
                && validFrom.equals(p.validFrom) && validUntil.equals(p.validUntil) && version == p.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, kind, unit, assignee, schedule, includesControlledItems, items, validFrom,
                validUntil, version);
    }

    @Override
    public String toString() {
        return "InspectionPlan[" + id + " " + kind.code() + " " + unit + " " + schedule + " v" + version + "]";
    }
}
