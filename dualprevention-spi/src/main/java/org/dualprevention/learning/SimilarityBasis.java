package org.dualprevention.learning;

/**
 * What a risk point shares with the one where a hidden danger was found (举一反三). Persist {@link #code()}.
 *
 * @since 0.2
 */
public enum SimilarityBasis {
    /** The same kind of risk point (place, equipment, operation). */
    RISK_POINT_KIND("risk-point-kind"),
    /** A hazard of the same GB/T 13861 class as the hidden danger's hazard. */
    HAZARD_CATEGORY("hazard-category"),
    /** A control measure from the same template: same category and the same description. */
    MEASURE_TEMPLATE("measure-template");

    private final String code;

    SimilarityBasis(String code) {
        this.code = code;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }
}
