package org.dualprevention.analytics;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An early warning: the rule that fired, what it is about, a one-sentence English message, the numbers
 * that made it fire and the records behind it. Hosts localise using the rule code and the figures.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param rule the rule
 * @param subject what the warning is about (a unit, zone, risk point, measure or hidden danger)
 * @param message one English sentence with the numbers
 * @param figures the numbers by name, in a stable order (e.g. {@code slope}, {@code pValue}, {@code alpha})
 * @param records the records behind it (hidden dangers, tasks)
 * @since 0.1
 */
public record Warning(WarningRule rule, RecordRef subject, String message, Map<String, BigDecimal> figures,
        List<RecordRef> records) {
    /** Validates and copies the components, keeping the order of the figures. */
    public Warning {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        records = List.copyOf(records);
    }

    /**
     * One figure.
     *
     * @param name its name
     * @return the value
     * @throws IllegalArgumentException if the warning has no such figure
     */
    public BigDecimal figure(String name) {
        BigDecimal v = figures.get(name);
        if (v == null) {
            throw new IllegalArgumentException("warning [" + rule.code() + "] has no figure [" + name + "]; figures: "
                    + figures.keySet());
        }
        return v;
    }
}
