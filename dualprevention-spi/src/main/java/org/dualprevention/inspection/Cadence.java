package org.dualprevention.inspection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * How often a recurring inspection plan generates a task (排查周期). Periods are calendar periods in the organisation's time zone; a task is due at the end of its period.
 *
 * <p>Persist {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum Cadence {
    /** Once per shift of the plan's schedule; due at the shift's end. */
    SHIFT("shift"),
    /** Once per calendar day; due at the next midnight. */
    DAY("day"),
    /** Once per ISO week (Monday to Sunday); due at the midnight after Sunday. */
    WEEK("week"),
    /** Once per calendar month; due at the midnight after its last day. */
    MONTH("month"),
    /** Once per calendar quarter; due at the midnight after its last day. */
    QUARTER("quarter"),
    /** Exactly once, over the dates the schedule names. */
    ONCE("once");

    private final String code;

    Cadence(String code) {
        this.code = code;
    }

    /** @return the stable code stored in data */
    public String code() {
        return code;
    }

    /**
     * The constant with the given code.
     *
     * @param code a code as returned by {@link #code()}
     * @return the constant
     * @throws IllegalArgumentException for an unknown code, listing the known ones
     */
    public static Cadence fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (Cadence v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Cadence code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(Cadence::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("Cadence." + code, locale);
    }
}
