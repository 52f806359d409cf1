package org.dualprevention.excel;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * A difference between an imported register and the register it replaces (the baseline), so that a hand
 * edit in Excel is reported rather than applied unseen.
 *
 * @param kind what happened
 * @param row the workbook row that carries the change (the header is row 1); 0 for a removal, which has no row
 * @param riskPoint the risk point
 * @param hazard the hazard, for hazard and measure changes
 * @param measure the control measure, for measure changes
 * @param detail what changed, in the context's language, e.g. {@code 因子 E：6 → 3；风险值：270 → 135}
 * @since 0.1
 */
public record RegisterChange(Kind kind, int row, RiskPointId riskPoint, Optional<HazardId> hazard,
        Optional<ControlMeasureId> measure, String detail) {
    /** Validates the components. */
    public RegisterChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(detail, "detail");
    }

    /** The kinds of change. */
    public enum Kind {
        /** A risk point not in the baseline. */
        RISK_POINT_ADDED,
        /** A risk point's own fields (name, kind, unit, zone) changed. */
        RISK_POINT_CHANGED,
        /** A baseline risk point that the workbook no longer has. */
        RISK_POINT_REMOVED,
        /** A hazard row not in the baseline risk point. */
        HAZARD_ADDED,
        /** A hazard row whose own fields or assessments differ from the baseline (measures are reported apart). */
        HAZARD_CHANGED,
        /** A baseline hazard that the workbook's risk point no longer has. */
        HAZARD_REMOVED,
        /** A measure line not in the baseline hazard. */
        MEASURE_ADDED,
        /** A measure line whose description, category, control level, unit or standard differs from the baseline. */
        MEASURE_CHANGED,
        /** A baseline measure that the workbook's hazard no longer has. */
        MEASURE_REMOVED
    }

    /**
     * The change as a sentence, e.g. {@code 第 5 行 风险点 RP-1 危险源 HZ-2：因子 E：6 → 3；风险值：270 → 135}.
     *
     * @param locale Chinese unless the language is English
     * @return the sentence
     */
    public String message(java.util.Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        StringBuilder sb = new StringBuilder();
        if (row > 0) {
            sb.append(en ? "row " + row + " " : "第 " + row + " 行 ");
        }
        sb.append(en ? "risk point " : "风险点 ").append(riskPoint.value());
        hazard.ifPresent(h -> sb.append(en ? " hazard " : " 危险源 ").append(h.value()));
        measure.ifPresent(m -> sb.append(en ? " measure " : " 措施 ").append(m.value()));
        return sb.append(en ? ": " : "：").append(detail).toString();
    }
}
