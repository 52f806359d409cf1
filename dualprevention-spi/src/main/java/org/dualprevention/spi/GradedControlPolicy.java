package org.dualprevention.spi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.RiskLevel;

/**
 * Graded control (分级管控): maps a risk level to the highest control level responsible for it.
 * Every level below the responsible one in the owning unit's chain controls it too ("上级负责管控的风险，
 * 下级必须负责管控，并逐级落实具体措施", DOMAIN.md §4.3).
 *
 * <p>The default ({@link #defaults()}) is DOMAIN.md §7: 重大 (major) → company, 较大 (significant) →
 * department, 一般 (general) → workshop, 低 (low) → team (and so also post). An enterprise with
 * another hierarchy (a coal mine's 矿、专业、区队、班组、岗位, or merged levels) supplies its own map
 * with {@link #of(Map)}, using {@link ControlLevel#of(String, int)} for its levels.
 *
 * <h2>Contract</h2>
 * Implementations are immutable, thread-safe and deterministic; {@link #responsibleLevel} returns a
 * level for each of the four risk levels, never {@code null}, and a more severe risk never gets a
 * lower responsible level than a less severe one ("风险越大，管控级别越高").
 *
 * <h2>Registration</h2>
 * Not discovered: pass an instance to the engine's builder explicitly.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface GradedControlPolicy {
    /**
     * The highest control level responsible for a risk of the given level.
     *
     * @param level the risk level
     * @return the responsible control level; lower levels of the chain control it too
     */
    ControlLevel responsibleLevel(RiskLevel level);

    /**
     * The default policy of DOMAIN.md §7: major → {@link ControlLevel#COMPANY}, significant →
     * {@link ControlLevel#DEPARTMENT}, general → {@link ControlLevel#WORKSHOP}, low → {@link ControlLevel#TEAM}.
     *
     * @return the default policy
     */
    static GradedControlPolicy defaults() {
        return of(Map.of(RiskLevel.MAJOR, ControlLevel.COMPANY, RiskLevel.SIGNIFICANT, ControlLevel.DEPARTMENT,
                RiskLevel.GENERAL, ControlLevel.WORKSHOP, RiskLevel.LOW, ControlLevel.TEAM));
    }

    /**
     * A policy from an explicit map.
     *
     * @param responsibleLevels a responsible level for each of the four risk levels
     * @return the policy
     * @throws IllegalArgumentException if a risk level is missing, or if a more severe risk would be
     *     controlled at a lower level than a less severe one
     */
    static GradedControlPolicy of(Map<RiskLevel, ControlLevel> responsibleLevels) {
        Objects.requireNonNull(responsibleLevels, "responsibleLevels");
        Map<RiskLevel, ControlLevel> copy = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) {
            ControlLevel c = responsibleLevels.get(level);
            if (c == null) {
                throw new IllegalArgumentException("graded control map has no control level for risk level ["
                        + level.code() + "]; allowed: a map with all of [major, significant, general, low]");
            }
            copy.put(level, c);
        }
        for (Map.Entry<RiskLevel, ControlLevel> more : copy.entrySet()) {
            for (Map.Entry<RiskLevel, ControlLevel> less : copy.entrySet()) {
                if (more.getKey().isMoreSevereThan(less.getKey()) && less.getValue().isAbove(more.getValue())) {
                    throw new IllegalArgumentException("graded control map puts risk level [" + more.getKey().code()
                            + "] at control level [" + more.getValue() + "], below [" + less.getValue()
                            + "] of the less severe [" + less.getKey().code()
                            + "]; allowed: a more severe risk is controlled at the same or a higher level");
                }
            }
        }
        Map<RiskLevel, ControlLevel> frozen = Collections.unmodifiableMap(copy);
        return new GradedControlPolicy() {
            @Override
            public ControlLevel responsibleLevel(RiskLevel level) {
                // the map holds every risk level (checked above), so the lookup always finds one
                return Objects.requireNonNull(frozen.get(Objects.requireNonNull(level, "level")));
            }

            @Override
            public String toString() {
                return "GradedControlPolicy" + frozen;
            }
        };
    }
}
