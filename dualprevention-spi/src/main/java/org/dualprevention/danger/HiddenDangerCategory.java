package org.dualprevention.danger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The class of a hidden danger in the Shandong registers (DOMAIN.md §5.3): basic management
 * (基础管理类隐患: licences, organisation, responsibilities, rules, training, emergency) or on site
 * (现场管理类隐患: equipment, places, operations, people).
 *
 * <p>Persist {@link #code()}, never the ordinal or the name. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum HiddenDangerCategory {
    /** 基础管理类隐患: licences, organisation, rules, training, emergency preparedness. */
    BASIC_MANAGEMENT("basic-management"),
    /** 现场管理类隐患: equipment, places, operations and people on site. */
    ON_SITE("on-site");

    private final String code;

    HiddenDangerCategory(String code) {
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
    public static HiddenDangerCategory fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (HiddenDangerCategory v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("HiddenDangerCategory code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(HiddenDangerCategory::code).toList());
    }

    /**
     * The label in the given locale, e.g. for {@link Locale#CHINESE} or {@link Locale#ENGLISH}.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("HiddenDangerCategory." + code, locale);
    }
}
