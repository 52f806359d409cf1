package org.dualprevention.inspection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The class of an inspection item by source (DOMAIN.md §5.3): basic management (基础管理类) or on-site (现场管理类).
 *
 * <p>Persist {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum ChecklistClass {
    /** Basic management (基础管理类): licences, organisation, responsibilities, rules, training, emergency preparedness. */
    BASIC_MANAGEMENT("basic-management"),
    /** On-site (现场管理类): equipment and facilities, places, operations and people's behaviour. */
    ON_SITE("on-site");

    private final String code;

    ChecklistClass(String code) {
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
    public static ChecklistClass fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (ChecklistClass v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("ChecklistClass code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(ChecklistClass::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("ChecklistClass." + code, locale);
    }
}
