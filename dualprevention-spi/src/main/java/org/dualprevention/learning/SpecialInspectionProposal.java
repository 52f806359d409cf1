package org.dualprevention.learning;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.risk.RiskPointId;

/**
 * A proposed special inspection item (专项排查) at a risk point similar to the one where a verified hidden
 * danger was found (举一反三). The engine proposes; a host decides whether to put the item into a plan.
 *
 * @param source the verified hidden danger
 * @param riskPoint the similar risk point
 * @param bases what it shares with the source's risk point, at least one
 * @param item the item to inspect there: the shared measure's own item when a measure template is shared,
 *     otherwise a checklist item naming the hidden danger
 * @since 0.2
 */
public record SpecialInspectionProposal(HiddenDangerId source, RiskPointId riskPoint, Set<SimilarityBasis> bases,
        InspectionItem item) {
    /** Validates the components. */
    public SpecialInspectionProposal {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(bases, "bases");
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("a proposal needs at least one similarity basis");
        }
        bases = Collections.unmodifiableSet(EnumSet.copyOf(bases));
        Objects.requireNonNull(item, "item");
    }
}
