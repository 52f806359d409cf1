package org.dualprevention.danger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * How a hidden danger was found: by an inspection (排查) with a task and a failed item, by a random
 * observation (随手拍) of any employee without a task, or otherwise (an authority's check, a report by
 * a third party).
 *
 * <p>Persist {@link #code()}, never the ordinal or the name. Labels in Chinese and English come from
 * {@link #displayName(Locale)}.
 *
 * @since 0.1
 */
public enum HiddenDangerSource {
    /** Found by an inspection task: an inspection item failed (排查发现). */
    INSPECTION("inspection"),
    /** Reported by any employee without a task (随手拍). */
    RANDOM_OBSERVATION("random-observation"),
    /** Any other way, e.g. an authority's check or a report by a third party. */
    OTHER("other");

    private final String code;

    HiddenDangerSource(String code) {
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
    public static HiddenDangerSource fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (HiddenDangerSource v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("HiddenDangerSource code [" + code + "] is unknown; allowed: "
                + Arrays.stream(values()).map(HiddenDangerSource::code).toList());
    }

    /**
     * The label in the given locale, e.g. for {@link Locale#CHINESE} or {@link Locale#ENGLISH}.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("HiddenDangerSource." + code, locale);
    }
}
