package org.dualprevention.incident;

import java.util.Locale;
import org.dualprevention.internal.Labels;

/**
 * The four accident grades of 国务院令第493号 (DOMAIN.md §6.3), from the least to the most severe. The
 * engine derives the grade from the {@link Casualties}; persist {@link #code()}, never the ordinal.
 *
 * @since 0.2
 */
public enum AccidentGrade {
    /** 一般事故: fewer than 3 deaths, fewer than 10 serious injuries and under 10 million yuan direct loss. */
    GENERAL("general", 1),
    /** 较大事故: 3 to 9 deaths, or 10 to 49 serious injuries, or 10 to 50 million yuan. */
    SIGNIFICANT("significant", 2),
    /** 重大事故: 10 to 29 deaths, or 50 to 99 serious injuries, or 50 to 100 million yuan. */
    MAJOR("major", 3),
    /** 特别重大事故: 30 or more deaths, or 100 or more serious injuries, or 100 million yuan or more. */
    ESPECIALLY_MAJOR("especially-major", 4);

    private final String code;
    private final int severity;

    AccidentGrade(String code, int severity) {
        this.code = code;
        this.severity = severity;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }

    /** @return 1 (一般) to 4 (特别重大) */
    public int severity() {
        return severity;
    }

    /**
     * The grade with a code.
     *
     * @param code the code
     * @return the grade
     * @throws IllegalArgumentException naming the codes allowed
     */
    public static AccidentGrade ofCode(String code) {
        for (AccidentGrade g : values()) {
            if (g.code.equals(code)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown accident grade [" + code
                + "]; allowed: general, significant, major, especially-major");
    }

    /**
     * The label: 一般事故 … 特别重大事故, or English.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("AccidentGrade." + code, locale);
    }
}
