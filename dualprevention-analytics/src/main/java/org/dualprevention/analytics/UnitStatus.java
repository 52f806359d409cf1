package org.dualprevention.analytics;

import java.util.Objects;
import org.dualprevention.organization.OrgUnitId;

/**
 * One organisation unit on the risk map, with its sub-units: the risk picture of every risk point it
 * owns, and every hidden danger it is responsible for (also those not linked to a risk point).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param unit the unit
 * @param summary levels, colour counts and hidden dangers
 * @since 0.1
 */
public record UnitStatus(OrgUnitId unit, LevelSummary summary) {
    /** Validates the components. */
    public UnitStatus {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(summary, "summary");
    }
}
