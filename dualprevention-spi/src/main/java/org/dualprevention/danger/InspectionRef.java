package org.dualprevention.danger;

import org.dualprevention.internal.Checks;

/**
 * Points from a hidden danger to the inspection that found it: the task and the failed item, as the
 * inspection model's ids (their {@code value()} strings). The hidden-danger model does not depend on
 * the inspection model; the link is by key.
 *
 * <p>Blank keys are reported by the report guard as violations at {@code inspection.task} and
 * {@code inspection.item}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param task the inspection task's key
 * @param item the failed inspection item's key
 * @since 0.1
 */
public record InspectionRef(String task, String item) {
    /** Checks the components are present. */
    public InspectionRef {
        Checks.text(task, "task");
        Checks.text(item, "item");
    }

    /**
     * A reference.
     *
     * @param task the task's key
     * @param item the item's key
     * @return the reference
     */
    public static InspectionRef of(String task, String item) {
        return new InspectionRef(task, item);
    }
}
