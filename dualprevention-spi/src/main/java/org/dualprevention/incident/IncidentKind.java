package org.dualprevention.incident;

import java.util.Locale;
import org.dualprevention.internal.Labels;

/**
 * An accident or a near miss (DOMAIN.md §12). Persist {@link #code()}, never the ordinal.
 *
 * @since 0.2
 */
public enum IncidentKind {
    /** 事故: an event that caused injury, death or loss. */
    ACCIDENT("accident"),
    /** 未遂事件: an event that could have caused injury or loss and did not. */
    NEAR_MISS("near-miss");

    private final String code;

    IncidentKind(String code) {
        this.code = code;
    }

    /** @return {@code accident} or {@code near-miss} */
    public String code() {
        return code;
    }

    /**
     * The kind with a code.
     *
     * @param code the code
     * @return the kind
     * @throws IllegalArgumentException naming the codes allowed
     */
    public static IncidentKind ofCode(String code) {
        for (IncidentKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown incident kind [" + code + "]; allowed: accident, near-miss");
    }

    /**
     * The label: 事故 / 未遂事件, or English.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("IncidentKind." + code, locale);
    }
}
