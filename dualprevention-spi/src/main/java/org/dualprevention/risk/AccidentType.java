package org.dualprevention.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The 20 accident types of GB 6441-1986 (企业职工伤亡事故分类); the code is the standard's number 01 to 20.
 *
 * <p>Persist {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum AccidentType {
    /** 01 物体打击, struck by an object. */
    STRUCK_BY_OBJECT("01"),
    /** 02 车辆伤害, vehicle injury. */
    VEHICLE("02"),
    /** 03 机械伤害, machinery injury. */
    MACHINERY("03"),
    /** 04 起重伤害, lifting injury. */
    LIFTING("04"),
    /** 05 触电, electric shock. */
    ELECTRIC_SHOCK("05"),
    /** 06 淹溺, drowning. */
    DROWNING("06"),
    /** 07 灼烫, burns and scalds. */
    BURN("07"),
    /** 08 火灾, fire. */
    FIRE("08"),
    /** 09 高处坠落, fall from height. */
    FALL_FROM_HEIGHT("09"),
    /** 10 坍塌, collapse. */
    COLLAPSE("10"),
    /** 11 冒顶片帮, roof or side fall. */
    ROOF_FALL("11"),
    /** 12 透水, water inrush. */
    WATER_INRUSH("12"),
    /** 13 放炮, blasting. */
    BLASTING("13"),
    /** 14 火药爆炸, explosive-powder explosion. */
    POWDER_EXPLOSION("14"),
    /** 15 瓦斯爆炸, gas explosion. */
    GAS_EXPLOSION("15"),
    /** 16 锅炉爆炸, boiler explosion. */
    BOILER_EXPLOSION("16"),
    /** 17 容器爆炸, pressure-vessel explosion. */
    VESSEL_EXPLOSION("17"),
    /** 18 其他爆炸, other explosion. */
    OTHER_EXPLOSION("18"),
    /** 19 中毒和窒息, poisoning and asphyxia. */
    POISONING_ASPHYXIA("19"),
    /** 20 其他伤害, other injury. */
    OTHER_INJURY("20");

    /** {@link #values()} once: {@code values()} copies the array on every call. */
    private static final AccidentType[] VALUES = values();

    private final String code;

    AccidentType(String code) {
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
    public static AccidentType fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (AccidentType v : VALUES) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("AccidentType code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(AccidentType::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("AccidentType." + code, locale);
    }
}
