package org.dualprevention.inspection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The outcome of checking one inspection item.
 *
 * <p>Persist {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum ItemOutcome {
    /** The item conforms to its standard (符合). */
    PASSED("passed"),
    /** The item does not conform (不符合); a hidden danger is registered for it. */
    FAILED("failed"),
    /** The item could not apply this time (e.g. the equipment was out of service); counted neither way. */
    NOT_APPLICABLE("not-applicable");

    private final String code;

    ItemOutcome(String code) {
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
    public static ItemOutcome fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (ItemOutcome v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("ItemOutcome code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(ItemOutcome::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("ItemOutcome." + code, locale);
    }
}
