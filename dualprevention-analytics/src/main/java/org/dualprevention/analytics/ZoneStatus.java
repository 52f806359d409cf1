package org.dualprevention.analytics;

import java.util.List;
import java.util.Objects;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.RiskPointId;

/**
 * One zone of the risk map with its geometry, its risk picture and its risk points.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param zone the zone as given in the register
 * @param summary levels, colour counts and hidden dangers of its risk points
 * @param riskPoints its risk points, in the order the register lists them
 * @since 0.1
 */
public record ZoneStatus(MapZone zone, LevelSummary summary, List<RiskPointId> riskPoints) {
    /** Validates and copies the components. */
    public ZoneStatus {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(summary, "summary");
        riskPoints = List.copyOf(riskPoints);
    }
}
