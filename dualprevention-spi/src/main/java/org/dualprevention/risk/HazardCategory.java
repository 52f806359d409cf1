package org.dualprevention.risk;

import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * A hazard category code of GB/T 13861-2022: 1 digit (category), 2 digits (class), 4 or 6 digits
 * (finer levels), e.g. {@code 1}, {@code 21}, {@code 1101}, {@code 110101}. The first digit is 1 to 4.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param code the code, digits only, length 1, 2, 4 or 6, first digit 1–4
 * @since 0.1
 */
public record HazardCategory(String code) {
    /** 11 心理、生理性危险和有害因素. */
    public static final HazardCategory PSYCHOLOGICAL_PHYSIOLOGICAL = new HazardCategory("11");
    /** 12 行为性危险和有害因素. */
    public static final HazardCategory BEHAVIOURAL = new HazardCategory("12");
    /** 21 物理性危险和有害因素. */
    public static final HazardCategory PHYSICAL = new HazardCategory("21");
    /** 22 化学性危险和有害因素. */
    public static final HazardCategory CHEMICAL = new HazardCategory("22");
    /** 23 生物性危险和有害因素. */
    public static final HazardCategory BIOLOGICAL = new HazardCategory("23");
    /** 31 室内作业场所环境不良. */
    public static final HazardCategory INDOOR_ENVIRONMENT = new HazardCategory("31");
    /** 32 室外作业场地环境不良. */
    public static final HazardCategory OUTDOOR_ENVIRONMENT = new HazardCategory("32");
    /** 33 地下（含水下）作业环境不良. */
    public static final HazardCategory UNDERGROUND_ENVIRONMENT = new HazardCategory("33");
    /** 39 其他作业环境不良. */
    public static final HazardCategory OTHER_ENVIRONMENT = new HazardCategory("39");
    /** 41 管理机构设置和人员配备不健全. */
    public static final HazardCategory ORGANISATION = new HazardCategory("41");
    /** 42 责任制不完善或未落实. */
    public static final HazardCategory RESPONSIBILITY = new HazardCategory("42");
    /** 43 管理规章制度不完善或未落实. */
    public static final HazardCategory RULES = new HazardCategory("43");
    /** 44 投入不足. */
    public static final HazardCategory INVESTMENT = new HazardCategory("44");
    /** 45 职业健康管理不完善. */
    public static final HazardCategory OCCUPATIONAL_HEALTH = new HazardCategory("45");
    /** 49 其他管理因素缺陷. */
    public static final HazardCategory OTHER_MANAGEMENT = new HazardCategory("49");

    /** Validates the code. */
    public HazardCategory {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[1-4](\\d|\\d{3}|\\d{5})?")) {
            throw new IllegalArgumentException("HazardCategory code [" + code
                    + "] is not allowed; allowed: a GB/T 13861 code of 1, 2, 4 or 6 digits starting with 1-4, e.g. 21 or 2101");
        }
    }

    /**
     * Parses a code.
     *
     * @param code the code
     * @return the category
     */
    public static HazardCategory of(String code) {
        return new HazardCategory(code);
    }

    /** @return the top-level group given by the first digit */
    public HazardCategoryGroup group() {
        return HazardCategoryGroup.fromCode(code.substring(0, 1));
    }

    /** @return the two-digit class this code belongs to, or this code if it has one digit */
    public HazardCategory hazardClass() {
        return code.length() <= 2 ? this : new HazardCategory(code.substring(0, 2));
    }

    /**
     * The label of this code, or of its class, in the given locale; the code itself if none is known.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        String own = Labels.label("HazardCategory." + code, locale, "");
        if (!own.isEmpty()) {
            return own;
        }
        String cls = Labels.label("HazardCategory." + hazardClass().code, locale, "");
        return cls.isEmpty() ? group().displayName(locale) + " " + code : cls + " (" + code + ")";
    }

    @Override
    public String toString() {
        return code;
    }
}
