package org.dualprevention.inspection;

import java.time.Instant;
import java.util.Objects;
import org.dualprevention.organization.OrgUnitId;

/**
 * An inspection task passed its due time without a record (漏检). Derived by the engine's missed-task
 * sweep, never stored.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param task the task
 * @param plan its plan
 * @param unit the inspecting unit
 * @param due when it was due
 * @param at when the sweep found it
 * @since 0.1
 */
public record TaskMissed(InspectionTaskId task, InspectionPlanId plan, OrgUnitId unit, Instant due, Instant at) {
    /** Validates the components. */
    public TaskMissed {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(at, "at");
    }
}
