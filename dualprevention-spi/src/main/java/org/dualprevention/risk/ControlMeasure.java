package org.dualprevention.risk;

import java.util.Objects;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;

/**
 * A control measure (管控措施) of a hazard: its category, what it is, the control level and unit
 * responsible for it, and the inspection standard (排查标准) that becomes an inspection item.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param id the measure's id
 * @param category engineering, management, training, personal protection or emergency
 * @param description what the measure is
 * @param controlLevel the control level responsible
 * @param responsibleUnit the unit responsible
 * @param inspectionStandard what an inspector checks, e.g. "guard fitted and interlock works"
 * @since 0.1
 */
public record ControlMeasure(ControlMeasureId id, MeasureCategory category, String description,
        ControlLevel controlLevel, OrgUnitId responsibleUnit, String inspectionStandard) {
    /** Validates the components. */
    public ControlMeasure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        description = Checks.notBlank(description, "description");
        Objects.requireNonNull(controlLevel, "controlLevel");
        Objects.requireNonNull(responsibleUnit, "responsibleUnit");
        inspectionStandard = Checks.notBlank(inspectionStandard, "inspectionStandard");
    }
}
