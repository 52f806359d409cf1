package org.dualprevention.inspection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The status of an inspection task, derived from its record, its due time and the clock; never stored.
 *
 * <p>Where a status is exported (reports, JSON), use {@link #code()}, never the ordinal. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum TaskStatus {
    /** Not recorded yet, and the due time has not passed. */
    PENDING("pending"),
    /** Recorded at or before its due time. */
    DONE("done"),
    /** Recorded after its due time. */
    DONE_LATE("done-late"),
    /** Not recorded, and the due time has passed (漏检). */
    MISSED("missed");

    private final String code;

    TaskStatus(String code) {
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
    public static TaskStatus fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (TaskStatus v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("TaskStatus code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(TaskStatus::code).toList());
    }

    /**
     * The label in the given locale.
     *
     * @param locale the locale, e.g. {@link Locale#CHINESE}
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("TaskStatus." + code, locale);
    }
}
