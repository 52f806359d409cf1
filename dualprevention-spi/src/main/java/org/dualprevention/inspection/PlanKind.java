package org.dualprevention.inspection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The kind of an inspection plan (排查计划): routine by control level, or one of the non-routine kinds of DOMAIN.md §10.1.
 *
 * <p>Persist {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum PlanKind {
    /** Routine inspection (日常排查) at a unit's control level, with the level's cadence. */
    ROUTINE("routine"),
    /** Comprehensive inspection (综合性排查), e.g. the company's quarterly one. */
    COMPREHENSIVE("comprehensive"),
    /** Special inspection (专项排查) of one subject, e.g. hot work or confined spaces. */
    SPECIAL("special"),
    /** Seasonal inspection (季节性排查): rainy season, flood season, winter. */
    SEASONAL("seasonal"),
    /** Holiday inspection (节假日前后排查), before and after a holiday. */
    HOLIDAY("holiday"),
    /** Inspection after a change or an accident elsewhere (事故类比排查). */
    EVENT("event");

    private final String code;

    PlanKind(String code) {
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
    public static PlanKind fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (PlanKind v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("PlanKind code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(PlanKind::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("PlanKind." + code, locale);
    }
}
