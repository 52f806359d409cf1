package org.dualprevention.hazmat;

import java.util.Objects;
import org.dualprevention.internal.Checks;

/**
 * Which row of a {@link CriticalQuantityTable} a holding is counted under: a substance named in the
 * standard's Table 1 ({@link Basis#NAMED}, key e.g. {@code ammonia}), or, for a chemical not named there,
 * its hazard category in Table 2 ({@link Basis#CATEGORY}, key e.g. {@code W5.3}).
 *
 * @param basis named substance or hazard category
 * @param key the row's key in the table
 * @since 0.2
 */
public record SubstanceRef(Basis basis, String key) {
    /** Validates the components. */
    public SubstanceRef {
        Objects.requireNonNull(basis, "basis");
        Checks.idValue(key, "SubstanceRef.key");
    }

    /**
     * A substance named in the table.
     *
     * @param key its key, e.g. {@code methanol}
     * @return the reference
     */
    public static SubstanceRef named(String key) {
        return new SubstanceRef(Basis.NAMED, key);
    }

    /**
     * A hazard category of the table, for a chemical not named there.
     *
     * @param key the category key, e.g. {@code J1} or {@code W5.3}
     * @return the reference
     */
    public static SubstanceRef category(String key) {
        return new SubstanceRef(Basis.CATEGORY, key);
    }

    @Override
    public String toString() {
        return basis.code() + ":" + key;
    }

    /**
     * Whether a row is a named substance or a hazard category. Persist {@link #code()}.
     *
     * @since 0.2
     */
    public enum Basis {
        /** A substance named in the standard's Table 1. */
        NAMED("named"),
        /** A hazard category of the standard's Table 2. */
        CATEGORY("category");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        /** @return {@code named} or {@code category} */
        public String code() {
            return code;
        }

        /**
         * The basis with a code.
         *
         * @param code the code
         * @return the basis
         * @throws IllegalArgumentException naming the codes allowed
         */
        public static Basis ofCode(String code) {
            for (Basis b : values()) {
                if (b.code.equals(code)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown substance basis [" + code + "]; allowed: named, category");
        }
    }
}
