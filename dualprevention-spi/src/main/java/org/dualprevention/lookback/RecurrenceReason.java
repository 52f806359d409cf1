package org.dualprevention.lookback;

import java.util.Locale;
import org.dualprevention.internal.Labels;

/**
 * Why a hidden danger counts as having come back (反弹, DOMAIN.md §10.4). Persist {@link #code()}.
 *
 * @since 0.2
 */
public enum RecurrenceReason {
    /** A look-back re-check failed. */
    FAILED_RECHECK("failed-recheck"),
    /** A new hidden danger at the same risk point names the same failed control measure. */
    SAME_MEASURE("same-measure"),
    /** A new hidden danger at the same risk point is on a hazard of the same GB/T 13861 class. */
    SAME_HAZARD_CATEGORY("same-hazard-category");

    private final String code;

    RecurrenceReason(String code) {
        this.code = code;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }

    /**
     * The label in Chinese or English.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("RecurrenceReason." + code, locale);
    }
}
