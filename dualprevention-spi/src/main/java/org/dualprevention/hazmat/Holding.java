package org.dualprevention.hazmat;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One dangerous chemical in a unit: which table row it counts under and q, the largest quantity that can
 * exist in the unit, in tonnes (GB 18218-2018, definitions; DOMAIN.md §11.1). The quantity is checked by the engine
 * against the table (it must be greater than 0), so that a bad value is reported with its place in the
 * installation.
 *
 * @param substance the table row
 * @param tonnes q in tonnes, exact
 * @since 0.2
 */
public record Holding(SubstanceRef substance, BigDecimal tonnes) {
    /** Checks the components are present. */
    public Holding {
        Objects.requireNonNull(substance, "substance");
        Objects.requireNonNull(tonnes, "tonnes");
    }

    /**
     * A holding of a named substance.
     *
     * @param key the substance's key
     * @param tonnes the quantity in tonnes, as decimal text (e.g. {@code "300"})
     * @return the holding
     */
    public static Holding named(String key, String tonnes) {
        return new Holding(SubstanceRef.named(key), new BigDecimal(tonnes));
    }

    /**
     * A holding counted under a hazard category.
     *
     * @param key the category key
     * @param tonnes the quantity in tonnes, as decimal text
     * @return the holding
     */
    public static Holding category(String key, String tonnes) {
        return new Holding(SubstanceRef.category(key), new BigDecimal(tonnes));
    }

    /** Equal when the substance and the numeric quantity are equal ({@code 1.0} equals {@code 1}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Holding h && substance.equals(h.substance) && tonnes.compareTo(h.tonnes) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(substance, tonnes.stripTrailingZeros());
    }
}
