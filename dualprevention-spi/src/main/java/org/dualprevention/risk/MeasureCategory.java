package org.dualprevention.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The category of a control measure (管控措施): engineering, management, training, personal protection or emergency.
 *
 * <p>Persist {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum MeasureCategory {
    /** Engineering and technical measures (工程技术措施). */
    ENGINEERING("engineering"),
    /** Management measures (管理措施). */
    MANAGEMENT("management"),
    /** Training and education (培训教育措施). */
    TRAINING("training"),
    /** Personal protective equipment (个体防护措施). */
    PERSONAL_PROTECTION("personal-protection"),
    /** Emergency measures (应急处置措施). */
    EMERGENCY("emergency");

    private final String code;

    MeasureCategory(String code) {
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
    public static MeasureCategory fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (MeasureCategory v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("MeasureCategory code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(MeasureCategory::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("MeasureCategory." + code, locale);
    }
}
