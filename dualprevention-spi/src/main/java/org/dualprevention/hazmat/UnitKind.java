package org.dualprevention.hazmat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The kind of unit GB 18218-2018 identifies (DOMAIN.md §11.1). Persist {@link #code()}, never the ordinal.
 *
 * @since 0.2
 */
public enum UnitKind {
    /** 生产单元: a production unit (a device, facility or site bounded by cut-off valves). */
    PRODUCTION("production"),
    /** 储存单元: a storage unit (a tank farm bounded by its dikes, a warehouse). */
    STORAGE("storage");

    private final String code;

    UnitKind(String code) {
        this.code = code;
    }

    /** @return the stable code: {@code production} or {@code storage} */
    public String code() {
        return code;
    }

    /**
     * The kind with a code.
     *
     * @param code the code
     * @return the kind
     * @throws IllegalArgumentException naming the codes allowed
     */
    public static UnitKind ofCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown unit kind [" + code + "]; allowed: production, storage"));
    }

    /**
     * The label: 生产单元 / 储存单元, or English.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("UnitKind." + code, locale);
    }
}
