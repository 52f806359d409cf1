package org.dualprevention.hazmat;

import java.math.BigDecimal;
import java.util.Objects;
import org.dualprevention.internal.Checks;

/**
 * One row of a {@link CriticalQuantityTable}: a named substance or a hazard category, its critical
 * quantity Q in tonnes and its correction factor β, each with the source it was taken from.
 *
 * @param ref the row's basis and key
 * @param nameZh the Chinese name as the standard writes it
 * @param nameEn an English name
 * @param cas the CAS number of a named substance, empty for a category or a mixture
 * @param criticalTonnes Q in tonnes, greater than 0
 * @param beta β, greater than 0
 * @param quantitySource where Q comes from (standard, table, and how certain)
 * @param betaSource where β comes from
 * @since 0.2
 */
public record TableEntry(SubstanceRef ref, String nameZh, String nameEn, String cas, BigDecimal criticalTonnes,
        BigDecimal beta, String quantitySource, String betaSource) {
    /** Validates the components. */
    public TableEntry {
        Objects.requireNonNull(ref, "ref");
        Checks.notBlank(nameZh, "nameZh");
        Checks.notBlank(nameEn, "nameEn");
        Objects.requireNonNull(cas, "cas");
        Objects.requireNonNull(criticalTonnes, "criticalTonnes");
        Objects.requireNonNull(beta, "beta");
        Checks.checkArgument(criticalTonnes.signum() > 0, "critical quantity of [%s] must be > 0, was [%s]", ref,
                criticalTonnes);
        Checks.checkArgument(beta.signum() > 0, "beta of [%s] must be > 0, was [%s]", ref, beta);
        Checks.notBlank(quantitySource, "quantitySource");
        Checks.notBlank(betaSource, "betaSource");
    }
}
