package org.dualprevention.analytics;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dualprevention.ValidationException;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.Score;

/**
 * The enterprise / area-level 4×4 risk matrix of DOMAIN.md §2.4(b) (a chemical-enterprise risk zoning
 * guide, as implemented in two public code bases that agree on all 16 cells): ten likelihood items and
 * five severity items, each scored 1 to 4.
 *
 * <ul>
 *   <li>L = ⌈mean of the ten {@link Side#LIKELIHOOD} item scores⌉ (computed exactly in integers).</li>
 *   <li>S = max of the five {@link Side#SEVERITY} item scores.</li>
 *   <li>The level is the cell (L, S) of the table below (rows L, columns S):
 *   <pre>
 *   L\S  1        2        3        4
 *   1    low      low      low      general
 *   2    low      general  general  significant
 *   3    low      general  signif.  major
 *   4    general  signif.  major    major
 *   </pre></li>
 * </ul>
 * The result can be given to the risk map as a zone's own assessed level, or recorded as an assessment
 * with the built-in method {@code MATRIX-4X4} and its scheme {@code MATRIX-4X4-ENTERPRISE}, which grade
 * the same 16 cells: {@link Result#toInput()} gives that method's input.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class EnterpriseZoneMatrix {
    private static final RiskLevel[][] CELLS = {
        {RiskLevel.LOW, RiskLevel.LOW, RiskLevel.LOW, RiskLevel.GENERAL},
        {RiskLevel.LOW, RiskLevel.GENERAL, RiskLevel.GENERAL, RiskLevel.SIGNIFICANT},
        {RiskLevel.LOW, RiskLevel.GENERAL, RiskLevel.SIGNIFICANT, RiskLevel.MAJOR},
        {RiskLevel.GENERAL, RiskLevel.SIGNIFICANT, RiskLevel.MAJOR, RiskLevel.MAJOR},
    };

    private EnterpriseZoneMatrix() {
    }

    /** Which axis an item scores. */
    public enum Side {
        /** Likelihood L: the mean of its items, rounded up. */
        LIKELIHOOD,
        /** Severity S: the maximum of its items. */
        SEVERITY
    }

    /**
     * The fifteen scored items. Persist {@link #code()}, never the ordinal.
     *
     * <p>The item names follow DOMAIN.md §2.4(b); the originating guide is not identified there, so the
     * three people-on-site items are named by their position.
     */
    public enum Item {
        /** L1 装置火灾危险性类别: fire-hazard class of the production units. */
        UNIT_FIRE_CLASS("L1", Side.LIKELIHOOD),
        /** L2 罐区火灾危险性类别: fire-hazard class of the tank farms. */
        TANK_FIRE_CLASS("L2", Side.LIKELIHOOD),
        /** L3 急性毒性: acute toxicity of the substances. */
        ACUTE_TOXICITY("L3", Side.LIKELIHOOD),
        /** L4 危险化工工艺: hazardous chemical processes. */
        HAZARDOUS_PROCESS("L4", Side.LIKELIHOOD),
        /** L5 反应压力: reaction pressure. */
        REACTION_PRESSURE("L5", Side.LIKELIHOOD),
        /** L6 反应温度: reaction temperature. */
        REACTION_TEMPERATURE("L6", Side.LIKELIHOOD),
        /** L7 动火作业: hot work. */
        HOT_WORK("L7", Side.LIKELIHOOD),
        /** L8 自动化控制与安全仪表系统: automation and safety instrumented systems. */
        AUTOMATION("L8", Side.LIKELIHOOD),
        /** L9 隐患排查治理: hidden-danger investigation and governance. */
        HIDDEN_DANGER_GOVERNANCE("L9", Side.LIKELIHOOD),
        /** L10 规章制度和操作规程: rules and operating procedures. */
        RULES_AND_PROCEDURES("L10", Side.LIKELIHOOD),
        /** S1 现场人员 (first rule): people on site. */
        PEOPLE_ON_SITE_1("S1", Side.SEVERITY),
        /** S2 现场人员 (second rule): people on site. */
        PEOPLE_ON_SITE_2("S2", Side.SEVERITY),
        /** S3 现场人员 (third rule): people on site. */
        PEOPLE_ON_SITE_3("S3", Side.SEVERITY),
        /** S4 重大危险源等级: grade of the major hazard installation. */
        MAJOR_HAZARD_GRADE("S4", Side.SEVERITY),
        /** S5 周边500米内敏感目标: sensitive targets within 500 m. */
        SENSITIVE_TARGETS("S5", Side.SEVERITY);

        private final String code;
        private final Side side;

        Item(String code, Side side) {
            this.code = code;
            this.side = side;
        }

        /** @return the stable code, {@code L1}…{@code L10}, {@code S1}…{@code S5} */
        public String code() {
            return code;
        }

        /** @return the axis the item scores */
        public Side side() {
            return side;
        }

        /**
         * The item's label.
         *
         * @param locale the locale (Chinese or English labels)
         * @return the label
         */
        public String displayName(Locale locale) {
            return AnalyticsLabels.get("ZoneItem." + code, locale);
        }
    }

    /**
     * The result of an assessment.
     *
     * <p>This class is immutable and thread-safe and must be treated as a value type.
     *
     * @param likelihood L, 1 to 4
     * @param severity S, 1 to 4
     * @param level the level of cell (L, S)
     * @since 0.1
     */
    public record Result(int likelihood, int severity, RiskLevel level) {
        /** Validates the components. */
        public Result {
            Objects.requireNonNull(level, "level");
        }

        /** @return the input {@code L}, {@code S} of the built-in method {@code MATRIX-4X4} */
        public AssessmentInput toInput() {
            return AssessmentInput.of(Map.of("L", likelihood, "S", severity));
        }

        /** @return the cell as a score (row L, column S, value L×S), as {@code MATRIX-4X4} computes it */
        public Score score() {
            return Score.ofCell(likelihood, severity, BigDecimal.valueOf((long) likelihood * severity));
        }
    }

    /**
     * The level of a cell.
     *
     * @param likelihood L, 1 to 4
     * @param severity S, 1 to 4
     * @return the level
     */
    public static RiskLevel level(int likelihood, int severity) {
        if (likelihood < 1 || likelihood > 4 || severity < 1 || severity > 4) {
            throw new IllegalArgumentException("cell [" + likelihood + "," + severity
                    + "] is not allowed; allowed: L and S from 1 to 4");
        }
        return CELLS[likelihood - 1][severity - 1];
    }

    /**
     * Assesses a zone from its fifteen item scores.
     *
     * @param scores a score 1 to 4 for every item
     * @return L, S and the level
     * @throws ValidationException listing every missing item and every score out of range
     */
    public static Result assess(Map<Item, Integer> scores) {
        Objects.requireNonNull(scores, "scores");
        ValidationException.Collector v = new ValidationException.Collector("enterprise 4x4 zone matrix items");
        Map<Item, Integer> copy = new EnumMap<>(Item.class);
        for (Item item : Item.values()) {
            Integer s = scores.get(item);
            if (s == null || s < 1 || s > 4) {
                v.add("items." + item.code(), s, "an integer score from 1 to 4");
            } else {
                copy.put(item, s);
            }
        }
        v.throwIfAny();
        int sum = 0;
        int count = 0;
        int max = 0;
        for (Map.Entry<Item, Integer> e : copy.entrySet()) {
            if (e.getKey().side() == Side.LIKELIHOOD) {
                sum += e.getValue();
                count++;
            } else {
                max = Math.max(max, e.getValue());
            }
        }
        int l = (sum + count - 1) / count;
        return new Result(l, max, level(l, max));
    }
}
