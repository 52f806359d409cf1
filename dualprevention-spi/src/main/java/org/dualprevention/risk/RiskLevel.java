package org.dualprevention.risk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The four risk levels and their colours (安委办〔2016〕11号): 重大 red, 较大 orange, 一般 yellow, 低 blue.
 *
 * <p>This is the meaning of a grade. Numerals and letters such as "A/1级" are only labels of a
 * {@link Grade}; the level is what the library reasons with. Persist {@link #code()}, never the ordinal.
 *
 * @since 0.1
 */
public enum RiskLevel {
    /** 重大风险, red: many hazards, hard to control; may cause very large losses or many deaths. */
    MAJOR("major", "red", "#E53935", 4),
    /** 较大风险, orange. */
    SIGNIFICANT("significant", "orange", "#FB8C00", 3),
    /** 一般风险, yellow. */
    GENERAL("general", "yellow", "#FDD835", 2),
    /** 低风险, blue. */
    LOW("low", "blue", "#1E88E5", 1);

    private final String code;
    private final String colour;
    private final String rgb;
    private final int severity;

    RiskLevel(String code, String colour, String rgb, int severity) {
        this.code = code;
        this.colour = colour;
        this.rgb = rgb;
        this.severity = severity;
    }

    /** @return the stable code stored in data: {@code major}, {@code significant}, {@code general}, {@code low} */
    public String code() {
        return code;
    }

    /** @return the colour name: {@code red}, {@code orange}, {@code yellow} or {@code blue} */
    public String colour() {
        return colour;
    }

    /** @return the colour as {@code #RRGGBB} for maps */
    public String rgb() {
        return rgb;
    }

    /** @return 4 for {@link #MAJOR} down to 1 for {@link #LOW}; higher is more severe */
    public int severity() {
        return severity;
    }

    /**
     * Whether this level is more severe than {@code other}.
     *
     * @param other the level to compare with
     * @return true if strictly more severe
     */
    public boolean isMoreSevereThan(RiskLevel other) {
        return severity > other.severity;
    }

    /**
     * The more severe of two levels.
     *
     * @param a a level
     * @param b another level
     * @return the more severe one
     */
    public static RiskLevel mostSevere(RiskLevel a, RiskLevel b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return a.severity >= b.severity ? a : b;
    }

    /**
     * This level raised by {@code steps}, capped at {@link #MAJOR}.
     *
     * @param steps how many steps, not negative
     * @return the raised level
     */
    public RiskLevel raisedBy(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps [" + steps + "] must not be negative");
        }
        return ofSeverity(Math.min(4, severity + steps));
    }

    /**
     * The level with the given severity.
     *
     * @param severity 1 to 4
     * @return the level
     */
    public static RiskLevel ofSeverity(int severity) {
        for (RiskLevel l : values()) {
            if (l.severity == severity) {
                return l;
            }
        }
        throw new IllegalArgumentException("severity [" + severity + "] is not allowed; allowed: 1 (low) to 4 (major)");
    }

    /**
     * The level with the given code.
     *
     * @param code a code as returned by {@link #code()}
     * @return the level
     * @throws IllegalArgumentException for an unknown code, listing the known ones
     */
    public static RiskLevel fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (RiskLevel l : values()) {
            if (l.code.equals(code)) {
                return l;
            }
        }
        throw new IllegalArgumentException("RiskLevel code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(RiskLevel::code).toList());
    }

    /**
     * The label in the given locale, e.g. "重大风险" or "Major risk".
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("RiskLevel." + code, locale);
    }

    /**
     * The colour's label in the given locale, e.g. "红" or "Red".
     *
     * @param locale the locale
     * @return the label
     */
    public String colourName(Locale locale) {
        return Labels.required("Colour." + colour, locale);
    }
}
