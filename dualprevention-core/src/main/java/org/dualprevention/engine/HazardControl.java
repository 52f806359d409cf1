package org.dualprevention.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;

/**
 * Who controls one hazard: its level, the control level responsible for that level, and the
 * controlling units ordered from the top (highest level) down. See {@link GradedControl} for the rules.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param riskPoint the hazard's risk point
 * @param hazard the hazard
 * @param owningUnit the unit owning the risk point
 * @param level the hazard's combined level, empty if never assessed
 * @param responsibleLevel the highest control level responsible under the policy, empty if never assessed
 * @param controllers the controlling units, top down (by level rank, then id); never empty
 * @since 0.1
 */
public record HazardControl(RiskPointId riskPoint, HazardId hazard, OrgUnitId owningUnit, Optional<RiskLevel> level,
        Optional<ControlLevel> responsibleLevel, List<Controller> controllers) {
    /** Validates and copies the components. */
    public HazardControl {
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(owningUnit, "owningUnit");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(responsibleLevel, "responsibleLevel");
        controllers = List.copyOf(controllers);
        if (controllers.isEmpty()) {
            throw new IllegalArgumentException("hazard [" + hazard + "] needs at least one controller");
        }
    }

    /** @return the ids of the controlling units, top down */
    public List<OrgUnitId> controllerIds() {
        return controllers.stream().map(c -> c.unit().id()).collect(Collectors.toUnmodifiableList());
    }

    /** @return the highest controlling unit */
    public Controller top() {
        return controllers.get(0);
    }

    /**
     * Whether a unit controls this hazard.
     *
     * @param unit a unit id
     * @return true if it is one of the controllers
     */
    public boolean isControlledBy(OrgUnitId unit) {
        return controllers.stream().anyMatch(c -> c.unit().id().equals(unit));
    }

    /**
     * The controller entry of one unit.
     *
     * @param unit a unit id
     * @return its entry, or empty if it does not control this hazard
     */
    public Optional<Controller> controller(OrgUnitId unit) {
        return controllers.stream().filter(c -> c.unit().id().equals(unit)).findFirst();
    }
}
