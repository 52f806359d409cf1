package org.dualprevention.engine.lookback;

import java.util.List;
import java.util.Objects;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.organization.OrgUnitId;

/**
 * An early warning on the quality of rectification (整改质量预警, DOMAIN.md §10.4): hidden dangers whose
 * rectification a unit accepted came back. It names the unit, how many came back and the recurrences behind
 * it; {@link #message()} is the Chinese text a safety manager reads.
 *
 * @param unit the unit responsible for the hidden dangers that came back
 * @param recurrences the recurrences, by day
 * @since 0.2
 */
public record RectificationQualityWarning(OrgUnitId unit, List<Recurrence> recurrences) {
    /** Validates the components. */
    public RectificationQualityWarning {
        Objects.requireNonNull(unit, "unit");
        recurrences = List.copyOf(recurrences);
        if (recurrences.isEmpty()) {
            throw new IllegalArgumentException("a warning needs at least one recurrence");
        }
    }

    /** @return how many distinct closed hidden dangers came back */
    public long dangersThatCameBack() {
        return recurrences.stream().map(Recurrence::earlier).distinct().count();
    }

    /** @return e.g. {@code 整改质量预警：单位 [P] 已验收销号的隐患中有 2 项反弹（共 3 次）} */
    public String message() {
        return "整改质量预警：单位 [" + unit + "] 已验收销号的隐患中有 " + dangersThatCameBack() + " 项反弹（共 "
                + recurrences.size() + " 次）";
    }
}
