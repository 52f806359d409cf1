package org.dualprevention.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The kind of a risk point (风险点): a place or area, equipment or a facility, or an operation or activity.
 *
 * <p>Persist {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum RiskPointKind {
    /** Place or area (场所/区域). */
    PLACE("place"),
    /** Equipment or facility (设备设施). */
    EQUIPMENT("equipment"),
    /** Operation or activity (作业活动). */
    OPERATION("operation");

    private final String code;

    RiskPointKind(String code) {
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
    public static RiskPointKind fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (RiskPointKind v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("RiskPointKind code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(RiskPointKind::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("RiskPointKind." + code, locale);
    }
}
