package org.dualprevention.danger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The grade of a hidden danger (隐患等级) under 国家安监总局令第16号 Art. 3: general (一般事故隐患: small
 * harm and easy to rectify at once) or major (重大事故隐患: needs a stop of production and a governance
 * scheme over time, or cannot be removed by the unit itself).
 *
 * <p>Persist {@link #code()}, never the ordinal or the name. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum HiddenDangerGrade {
    /** 一般事故隐患: little harm, can be rectified at once after it is found. */
    GENERAL("general"),
    /** 重大事故隐患: great harm or hard to rectify; needs a governance scheme and is reported to the authority. */
    MAJOR("major");

    private final String code;

    HiddenDangerGrade(String code) {
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
    public static HiddenDangerGrade fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (HiddenDangerGrade v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("HiddenDangerGrade code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(HiddenDangerGrade::code).toList());
    }

    /**
     * The label in the given locale, e.g. for {@link Locale#CHINESE} or {@link Locale#ENGLISH}.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("HiddenDangerGrade." + code, locale);
    }
}
