package org.dualprevention.danger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rectification plan of a hidden danger (五落实) and the extensions of its deadline (延期), in order.
 * The deadline in force is the last extension's, or the plan's when there is none.
 *
 * <p>The constructor checks that the extensions chain: the first extends the plan's deadline, each next one
 * the previous one's new deadline, and each moves the deadline later.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param plan the plan
 * @param extensions every extension of its deadline, in the order granted
 * @since 0.1
 */
public record Planning(RectificationPlan plan, List<DeadlineExtension> extensions) {
    /** Checks the components and that the extensions chain from the plan's deadline; copies the list. */
    public Planning {
        Objects.requireNonNull(plan, "plan");
        extensions = List.copyOf(extensions);
        LocalDate inForce = plan.deadline();
        for (int i = 0; i < extensions.size(); i++) {
            DeadlineExtension e = extensions.get(i);
            if (!e.from().equals(inForce)) {
                throw new IllegalArgumentException("extensions[" + i + "] extends [" + e.from() + "]; allowed: the deadline"
                        + " in force before it [" + inForce + "]");
            }
            if (!e.to().isAfter(e.from())) {
                throw new IllegalArgumentException("extensions[" + i + "] moves the deadline to [" + e.to() + "]; allowed:"
                        + " a date after [" + e.from() + "]");
            }
            inForce = e.to();
        }
    }

    /**
     * A plan without extensions.
     *
     * @param plan the plan
     * @return the planning
     */
    public static Planning of(RectificationPlan plan) {
        return new Planning(plan, List.of());
    }

    /** @return the plan's own deadline */
    public LocalDate originalDeadline() {
        return plan.deadline();
    }

    /** @return the deadline in force: the last extension's, or the plan's */
    public LocalDate deadline() {
        return extensions.isEmpty() ? plan.deadline() : extensions.get(extensions.size() - 1).to();
    }

    /**
     * A copy with one more extension.
     *
     * @param extension the extension, of the deadline in force
     * @return the copy
     */
    public Planning withExtension(DeadlineExtension extension) {
        List<DeadlineExtension> all = new ArrayList<>(extensions);
        all.add(Objects.requireNonNull(extension, "extension"));
        return new Planning(plan, all);
    }
}
