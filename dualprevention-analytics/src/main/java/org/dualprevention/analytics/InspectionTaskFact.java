package org.dualprevention.analytics;

import static org.dualprevention.analytics.Checks.checkArgument;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.inspection.InspectionRecord;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.ItemOutcome;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.organization.OrgUnitId;

/**
 * What analytics needs to know about one inspection task (排查任务): the unit, the plan that generated
 * it, its due time, when it was done, and how many items were checked and passed.
 *
 * <p>A task is <em>done on time</em> when {@code doneAt <= dueAt}, and <em>missed</em> when it was not
 * done by its due time (issue 3: missed is derived, never stored).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param id the task's id (the host's key)
 * @param unit the unit that carries it out
 * @param plan the id of the inspection plan that generated it; empty for an ad-hoc task
 * @param dueAt when it is due
 * @param doneAt when it was recorded as done; empty while not done
 * @param itemsChecked items checked, 0 while not done
 * @param itemsPassed items that passed, 0 to {@code itemsChecked}
 * @since 0.1
 */
public record InspectionTaskFact(String id, OrgUnitId unit, Optional<String> plan, Instant dueAt,
        Optional<Instant> doneAt, int itemsChecked, int itemsPassed) {
    /** Validates the components. */
    public InspectionTaskFact {
        Objects.requireNonNull(id, "id");
        checkArgument(!id.isBlank(), "inspection task id must not be blank");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(doneAt, "doneAt");
        checkArgument(itemsChecked >= 0 && itemsPassed >= 0 && itemsPassed <= itemsChecked,
                "task [%s] items passed [%s] / checked [%s] are not allowed; allowed: 0 <= passed <= checked", id,
                itemsPassed, itemsChecked);
        checkArgument(doneAt.isPresent() || itemsChecked == 0, "task [%s] is not done but has [%s] items checked", id,
                itemsChecked);
    }

    /**
     * The facts of a stored inspection task: done when it has a record (at the record's time); items
     * checked are the results other than {@link ItemOutcome#NOT_APPLICABLE}, items passed those
     * {@link ItemOutcome#PASSED}.
     *
     * @param task the task
     * @return the facts
     */
    public static InspectionTaskFact from(InspectionTask task) {
        Objects.requireNonNull(task, "task");
        Optional<InspectionRecord> r = task.record();
        int checked = 0;
        int passed = 0;
        if (r.isPresent()) {
            for (ItemResult res : r.get().results()) {
                if (res.outcome() != ItemOutcome.NOT_APPLICABLE) {
                    checked++;
                    if (res.outcome() == ItemOutcome.PASSED) {
                        passed++;
                    }
                }
            }
        }
        return new InspectionTaskFact(task.id().value(), task.unit(), Optional.of(task.plan().value()), task.due(),
                r.map(InspectionRecord::recordedAt), checked, passed);
    }

    /**
     * A task not done yet.
     *
     * @param id id
     * @param unit unit
     * @param plan plan id, if any
     * @param dueAt due time
     * @return the fact
     */
    public static InspectionTaskFact pending(String id, OrgUnitId unit, Optional<String> plan, Instant dueAt) {
        return new InspectionTaskFact(id, unit, plan, dueAt, Optional.empty(), 0, 0);
    }

    /**
     * A task done.
     *
     * @param id id
     * @param unit unit
     * @param plan plan id, if any
     * @param dueAt due time
     * @param doneAt when done
     * @param itemsChecked items checked
     * @param itemsPassed items passed
     * @return the fact
     */
    public static InspectionTaskFact done(String id, OrgUnitId unit, Optional<String> plan, Instant dueAt,
            Instant doneAt, int itemsChecked, int itemsPassed) {
        return new InspectionTaskFact(id, unit, plan, dueAt, Optional.of(doneAt), itemsChecked, itemsPassed);
    }

    /**
     * Whether it was done at or before an instant.
     *
     * @param t the instant
     * @return true if done by then
     */
    public boolean isDoneBy(Instant t) {
        return doneAt.isPresent() && !doneAt.get().isAfter(t);
    }

    /** @return whether it was done by its due time */
    public boolean isOnTime() {
        return isDoneBy(dueAt);
    }
}
