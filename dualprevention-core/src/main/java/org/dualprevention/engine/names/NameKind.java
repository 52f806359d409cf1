package org.dualprevention.engine.names;

import java.util.Locale;

/**
 * What a register name stands for.
 *
 * @since 0.1
 */
public enum NameKind {
    /** A GB 6441-1986 accident type ({@code AccidentType}); written {@code accident} in an alias table. */
    ACCIDENT_TYPE("accident"),
    /** A GB/T 13861 hazard category ({@code HazardCategory}); written {@code hazard} in an alias table. */
    HAZARD_CATEGORY("hazard");

    private final String code;

    NameKind(String code) {
        this.code = code;
    }

    /** @return the word used in an alias table */
    public String code() {
        return code;
    }

    /**
     * What the kind is called, for messages.
     *
     * @param locale Chinese unless the language is English
     * @return e.g. {@code 事故类型 (GB 6441)}
     */
    public String displayName(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return this == ACCIDENT_TYPE ? (en ? "accident type (GB 6441)" : "事故类型（GB 6441）")
                : (en ? "hazard category (GB/T 13861)" : "危险有害因素类别（GB/T 13861）");
    }

    static NameKind fromCode(String code) {
        for (NameKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("name kind [" + code + "] is unknown; allowed: accident, hazard");
    }
}
