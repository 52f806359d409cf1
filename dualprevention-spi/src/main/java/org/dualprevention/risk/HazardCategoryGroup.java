package org.dualprevention.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The four top-level categories of GB/T 13861-2022 (生产过程危险和有害因素分类与代码); the code is the standard's first digit.
 *
 * <p>Persist {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum HazardCategoryGroup {
    /** 1 人的因素, human factors. */
    HUMAN("1"),
    /** 2 物的因素, material factors. */
    MATERIAL("2"),
    /** 3 环境因素, environmental factors. */
    ENVIRONMENT("3"),
    /** 4 管理因素, management factors. */
    MANAGEMENT("4");

    private final String code;

    HazardCategoryGroup(String code) {
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
    public static HazardCategoryGroup fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (HazardCategoryGroup v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("HazardCategoryGroup code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(HazardCategoryGroup::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("HazardCategoryGroup." + code, locale);
    }
}
