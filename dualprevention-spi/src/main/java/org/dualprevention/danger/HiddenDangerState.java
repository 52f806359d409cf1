package org.dualprevention.danger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The state of a hidden danger (隐患) in its closed loop. The transitions between states are the engine's
 * transition table (in {@code dualprevention-core}); overdue is derived from the deadline and never a state.
 *
 * <p>Persist {@link #code()}, never the ordinal or the name. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum HiddenDangerState {
    /** Reported, not yet verified (已上报). */
    REPORTED("reported", false),
    /** Verified and graded general or major (已核实定级). */
    VERIFIED("verified", false),
    /** Rectification planned: the five implementations are in place (已制定整改方案). */
    PLANNED("planned", false),
    /** Rectification in progress (整改中). */
    RECTIFYING("rectifying", false),
    /** Rectified; waiting for acceptance by someone else (待验收). */
    AWAITING_ACCEPTANCE("awaiting-acceptance", false),
    /** Accepted: the loop is closed (验收销号). Terminal. */
    CLOSED("closed", true),
    /** Withdrawn as not a hidden danger, with a reason (撤销). Terminal. */
    WITHDRAWN("withdrawn", true);

    private final String code;
    private final boolean terminal;

    HiddenDangerState(String code, boolean terminal) {
        this.code = code;
        this.terminal = terminal;
    }

    /** @return the stable code stored in data */
    public String code() {
        return code;
    }

    /**
     * Whether no action is possible any more ({@link #CLOSED} and {@link #WITHDRAWN}).
     *
     * @return true for a terminal state
     */
    public boolean isTerminal() {
        return terminal;
    }

    /**
     * The constant with the given code.
     *
     * @param code a code as returned by {@link #code()}
     * @return the constant
     * @throws IllegalArgumentException for an unknown code, listing the known ones
     */
    public static HiddenDangerState fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (HiddenDangerState v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("HiddenDangerState code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(HiddenDangerState::code).toList());
    }

    /**
     * The label in the given locale, e.g. for {@link Locale#CHINESE} or {@link Locale#ENGLISH}.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("HiddenDangerState." + code, locale);
    }
}
