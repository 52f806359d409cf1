package org.dualprevention.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * Whether an assessment rates the hazard before its control measures (inherent) or with them in place (residual).
 *
 * <p>Persist {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum AssessmentKind {
    /** Before control measures (固有风险). */
    INHERENT("inherent"),
    /** With the control measures in place (剩余风险). */
    RESIDUAL("residual");

    private final String code;

    AssessmentKind(String code) {
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
    public static AssessmentKind fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (AssessmentKind v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("AssessmentKind code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(AssessmentKind::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("AssessmentKind." + code, locale);
    }
}
