package org.dualprevention.danger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * An action of the hidden-danger closed loop: the name of a command ({@link HiddenDangerCommand}). The
 * engine (in {@code dualprevention-core}) defines each action in one place: the states it is allowed in, the
 * state it leads to, its guards, its effect, its events and its audit encoding.
 *
 * <p>Persist {@link #code()}, never the ordinal or the name. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum HiddenDangerAction {
    /** Report a hidden danger (上报); creates it in {@link HiddenDangerState#REPORTED}. */
    REPORT("report"),
    /** Verify and grade it general or major (核实定级). */
    VERIFY("verify"),
    /** Withdraw it as not a hidden danger, with a reason (撤销). */
    WITHDRAW("withdraw"),
    /** Rectify a general one at once (立查立改); it then awaits acceptance by someone else. */
    RECTIFY_ON_SPOT("rectify-on-spot"),
    /** Plan rectification with the five implementations (五落实), plus the governance scheme for a major one. */
    PLAN("plan"),
    /** Start rectification (开始整改). */
    START("start"),
    /** Extend the deadline, with reason and approver (延期). */
    EXTEND_DEADLINE("extend-deadline"),
    /** Submit the rectification with evidence for acceptance (提交验收). */
    SUBMIT("submit"),
    /** Accept the rectification and close the loop (验收销号). */
    ACCEPT("accept"),
    /** Reject the rectification, with a reason; back to rectification (验收不通过). */
    REJECT("reject");

    private final String code;

    HiddenDangerAction(String code) {
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
    public static HiddenDangerAction fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (HiddenDangerAction v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("HiddenDangerAction code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(HiddenDangerAction::code).toList());
    }

    /**
     * The label in the given locale, e.g. for {@link Locale#CHINESE} or {@link Locale#ENGLISH}.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("HiddenDangerAction." + code, locale);
    }
}
