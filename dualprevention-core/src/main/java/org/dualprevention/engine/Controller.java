package org.dualprevention.engine;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.risk.ControlMeasureId;

/**
 * One unit that controls a hazard, why, and which of the hazard's control measures it is responsible for.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param unit the unit, with its control level
 * @param bases why it controls the hazard, never empty
 * @param measures the hazard's measures naming this unit as responsible, in the hazard's order
 * @since 0.1
 */
public record Controller(OrgUnit unit, Set<ControlBasis> bases, List<ControlMeasureId> measures) {
    /** Validates and copies the components. */
    public Controller {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(bases, "bases");
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("controller [" + unit.id() + "] needs at least one basis");
        }
        bases = Collections.unmodifiableSet(EnumSet.copyOf(bases));
        measures = List.copyOf(measures);
    }
}
