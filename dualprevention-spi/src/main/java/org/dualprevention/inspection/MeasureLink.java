package org.dualprevention.inspection;

import java.util.Objects;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * Where an inspection item derived from a control measure comes from: the risk point, the hazard and
 * the measure, with the measure's control level and the unit owning the risk point (used to decide
 * which units inspect the item, see {@link InspectionItem#fromMeasure}).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param riskPoint the risk point
 * @param hazard the hazard on it
 * @param measure the control measure of the hazard
 * @param controlLevel the measure's control level
 * @param owningUnit the unit owning the risk point
 * @since 0.1
 */
public record MeasureLink(RiskPointId riskPoint, HazardId hazard, ControlMeasureId measure, ControlLevel controlLevel,
        OrgUnitId owningUnit) {
    /** Validates the components. */
    public MeasureLink {
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(controlLevel, "controlLevel");
        Objects.requireNonNull(owningUnit, "owningUnit");
    }
}
