package org.dualprevention.engine.hazmat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.dualprevention.hazmat.AlphaBand;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.TableEntry;

/**
 * The computation of one installation, term by term, so that a register or a report can show how S and R
 * were reached and from which table rows (DOMAIN.md §11).
 *
 * @param terms one term per holding, in the installation's order
 * @param alphaBand the α band used
 * @param status the result
 * @since 0.2
 */
public record MajorHazardEvaluation(List<Term> terms, AlphaBand alphaBand, MajorHazardStatus status) {
    /** Validates the components. */
    public MajorHazardEvaluation {
        terms = List.copyOf(terms);
        Objects.requireNonNull(alphaBand, "alphaBand");
        Objects.requireNonNull(status, "status");
    }

    /**
     * One holding's share: q/Q and β·q/Q, rounded to 6 decimal places for display (the sums are exact).
     *
     * @param holding the holding
     * @param entry the table row it counts under
     * @param ratio q/Q, rounded half-up to 6 places
     * @param weighted β·q/Q, rounded half-up to 6 places
     * @since 0.2
     */
    public record Term(Holding holding, TableEntry entry, BigDecimal ratio, BigDecimal weighted) {
        /** Validates the components. */
        public Term {
            Objects.requireNonNull(holding, "holding");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(ratio, "ratio");
            Objects.requireNonNull(weighted, "weighted");
        }
    }
}
