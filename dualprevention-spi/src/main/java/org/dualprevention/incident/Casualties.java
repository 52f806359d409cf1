package org.dualprevention.incident;

import java.math.BigDecimal;
import java.util.Objects;
import org.dualprevention.internal.Checks;

/**
 * The consequences of an incident that 国务院令第493号 grades by (DOMAIN.md §6.3): deaths, serious injuries
 * (including acute industrial poisoning) and direct economic loss in yuan, plus minor injuries. A near miss
 * has none.
 *
 * @param deaths deaths, 0 or more
 * @param seriousInjuries serious injuries including acute poisoning, 0 or more
 * @param minorInjuries minor injuries, 0 or more
 * @param directLossYuan direct economic loss in yuan, 0 or more
 * @since 0.2
 */
public record Casualties(int deaths, int seriousInjuries, int minorInjuries, BigDecimal directLossYuan) {
    /** No injury and no loss. */
    public static final Casualties NONE = new Casualties(0, 0, 0, BigDecimal.ZERO);

    /** Validates the components. */
    public Casualties {
        Checks.checkArgument(deaths >= 0, "deaths [%s] must not be negative", deaths);
        Checks.checkArgument(seriousInjuries >= 0, "seriousInjuries [%s] must not be negative", seriousInjuries);
        Checks.checkArgument(minorInjuries >= 0, "minorInjuries [%s] must not be negative", minorInjuries);
        Objects.requireNonNull(directLossYuan, "directLossYuan");
        Checks.checkArgument(directLossYuan.signum() >= 0, "directLossYuan [%s] must not be negative", directLossYuan);
    }

    /** @return true if nobody was hurt and nothing was lost */
    public boolean none() {
        return deaths == 0 && seriousInjuries == 0 && minorInjuries == 0 && directLossYuan.signum() == 0;
    }

    /** Equal when the counts and the numeric loss are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Casualties c && deaths == c.deaths && seriousInjuries == c.seriousInjuries
                && minorInjuries == c.minorInjuries && directLossYuan.compareTo(c.directLossYuan) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(deaths, seriousInjuries, minorInjuries, directLossYuan.stripTrailingZeros());
    }
}
