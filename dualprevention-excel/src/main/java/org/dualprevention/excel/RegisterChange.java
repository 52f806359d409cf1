package org.dualprevention.excel;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * A difference between an imported register and the register it replaces (the baseline), so that a hand
 * edit in Excel is reported rather than applied unseen.
 *
 * @param kind what happened
 * @param row the workbook row that carries the change (the header is row 1); 0 for a removal, which has no row
 * @param riskPoint the risk point
 * @param hazard the hazard, for hazard changes
 * @param detail what changed, in the context's language, e.g. {@code 因子 E：6 → 3；风险值：270 → 135}
 * @since 0.1
 */
public record RegisterChange(Kind kind, int row, RiskPointId riskPoint, Optional<HazardId> hazard, String detail) {
    /** Validates the components. */
    public RegisterChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(hazard, "hazard");
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
        /** A hazard row whose content differs from the baseline. */
        HAZARD_CHANGED,
        /** A baseline hazard that the workbook's risk point no longer has. */
        HAZARD_REMOVED
    }
}
