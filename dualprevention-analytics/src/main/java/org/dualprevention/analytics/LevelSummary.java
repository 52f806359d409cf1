package org.dualprevention.analytics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.RiskLevel;

/**
 * The risk picture of an area of the risk map (a zone, or an organisation unit with its sub-units):
 * its assessed and effective level, how many risk points it has per colour, and its open and overdue
 * hidden dangers.
 *
 * <p>The level of an area is the most severe level of its risk points (从严从高), and of the area's own
 * assessment when one is given (for example from {@link EnterpriseZoneMatrix}); empty when nothing in it
 * is assessed.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param assessed the most severe assessed level, if any
 * @param effective the most severe effective level, if any
 * @param riskPoints the number of risk points
 * @param byAssessedLevel risk points per assessed level (every level present, possibly 0)
 * @param byEffectiveLevel risk points per effective level (every level present, possibly 0)
 * @param notAssessed risk points without an assessed level
 * @param openDangers open hidden dangers (closed and withdrawn ones excluded)
 * @param overdueDangers open hidden dangers past their deadline on the map's date
 * @since 0.1
 */
public record LevelSummary(Optional<RiskLevel> assessed, Optional<RiskLevel> effective, long riskPoints,
        Map<RiskLevel, Long> byAssessedLevel, Map<RiskLevel, Long> byEffectiveLevel, long notAssessed,
        long openDangers, long overdueDangers) {
    /** Validates and copies the components. */
    public LevelSummary {
        Objects.requireNonNull(assessed, "assessed");
        Objects.requireNonNull(effective, "effective");
        byAssessedLevel = complete(byAssessedLevel);
        byEffectiveLevel = complete(byEffectiveLevel);
    }

    private static Map<RiskLevel, Long> complete(Map<RiskLevel, Long> in) {
        Map<RiskLevel, Long> m = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) {
            m.put(l, in.getOrDefault(l, 0L));
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Risk points of one effective colour.
     *
     * @param level the level
     * @return the count
     */
    public long effectiveCount(RiskLevel level) {
        return byEffectiveLevel.getOrDefault(level, 0L);
    }
}
