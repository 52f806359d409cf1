package org.dualprevention.analytics.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dualprevention.analytics.RecordRef;
import org.dualprevention.analytics.Warning;
import org.dualprevention.analytics.WarningRule;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;

/**
 * Early warnings in words a safety manager reads: the rule's name ({@link WarningRule#displayName(Locale)})
 * and a sentence built from the warning's figures, in Chinese by default or English, naming units, risk
 * points, zones and control measures by their names from the register, hidden dangers by their titles when
 * given ({@link #withHiddenDangers(List)}), otherwise by their ids, and tasks by their ids. {@link Warning#message()} stays the English log line; this class is for people.
 *
 * <pre>{@code
 * WarningTexts texts = WarningTexts.of(Locale.SIMPLIFIED_CHINESE, organization, riskPoints, zones);
 * for (Warning w : warnings) {
 *     System.out.println(texts.ruleName(w.rule()) + "：" + texts.describe(w));
 * }
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class WarningTexts {
    private final Text text;
    private final Map<String, String> names;

    private WarningTexts(Text text, Map<String, String> names) {
        this.text = text;
        this.names = names;
    }

    /**
     * Texts in the language of a locale (Chinese for {@code zh}, English otherwise), naming subjects from the
     * organisation and the register.
     *
     * @param locale the locale
     * @param organization the organisation (units' names)
     * @param riskPoints the risk points (their names and their control measures' descriptions)
     * @param zones the map zones (their names)
     * @return the texts
     */
    public static WarningTexts of(Locale locale, Organization organization, List<RiskPoint> riskPoints,
            List<MapZone> zones) {
        Objects.requireNonNull(locale, "locale");
        Map<String, String> names = new HashMap<>();
        for (OrgUnit u : organization.units()) {
            names.put(RecordRef.ORG_UNIT + ":" + u.id().value(), u.name());
        }
        for (RiskPoint p : riskPoints) {
            names.put(RecordRef.RISK_POINT + ":" + p.id().value(), p.name());
            p.hazards().forEach(h -> h.measures().forEach(m -> names.put(RecordRef.CONTROL_MEASURE + ":"
                    + m.id().value(), m.description())));
        }
        for (MapZone z : zones) {
            names.put(RecordRef.MAP_ZONE + ":" + z.id().value(), z.name());
        }
        return new WarningTexts(new Text(locale), Map.copyOf(names));
    }

    /**
     * A copy that names hidden dangers by their titles instead of their ids.
     *
     * @param dangers the hidden dangers
     * @return the copy
     */
    public WarningTexts withHiddenDangers(List<org.dualprevention.danger.HiddenDanger> dangers) {
        Map<String, String> m = new HashMap<>(names);
        for (org.dualprevention.danger.HiddenDanger d : dangers) {
            m.put(RecordRef.HIDDEN_DANGER + ":" + d.id().value(), d.title());
        }
        return new WarningTexts(text, Map.copyOf(m));
    }

    /**
     * The rule's name.
     *
     * @param rule the rule
     * @return e.g. "隐患逾期未整改"
     */
    public String ruleName(WarningRule rule) {
        return rule.displayName(text.labels);
    }

    /**
     * The subject in words, e.g. {@code 风险点“1号反应釜”}.
     *
     * @param subject the subject
     * @return the words
     */
    public String subject(RecordRef subject) {
        String name = names.getOrDefault(subject.kind() + ":" + subject.id(), subject.id());
        String key = "warn.subject." + subject.kind();
        return text.has(key) ? text.format(key, name) : name;
    }

    /**
     * One sentence saying what the warning found, from its figures.
     *
     * @param warning the warning
     * @return the sentence
     */
    public String describe(Warning warning) {
        String s = subject(warning.subject());
        switch (warning.rule()) {
            case EFFECTIVE_LEVEL_RISE: {
                RiskLevel from = RiskLevel.ofSeverity(warning.figure("assessedSeverity").intValueExact());
                RiskLevel to = RiskLevel.ofSeverity(warning.figure("effectiveSeverity").intValueExact());
                return text.format("warn.effective-level-rise", s, text.level(from), text.level(to),
                        warning.figure("records").longValue());
            }
            case HIDDEN_DANGER_OVERDUE:
                return text.format("warn.hidden-danger-overdue", s, warning.figure("daysOverdue").longValue());
            case HIDDEN_DANGER_DUE_SOON: {
                long left = warning.figure("daysLeft").longValue();
                return left == 0 ? text.format("warn.hidden-danger-due-today", s)
                        : text.format("warn.hidden-danger-due-soon", s, left);
            }
            case INSPECTION_MISSED:
                return text.format("warn.inspection-missed", s, warning.figure("lookbackDays").longValue(),
                        text.number(warning.figure("due").longValue()), text.number(warning.figure("missed").longValue()));
            case RISING_TREND:
                return text.format("warn.rising-trend", s, warning.figure("periods").longValue(),
                        round(warning.figure("slope"), 2), pValue(warning.figure("pValue")));
            case IMPROBABLE_COUNT:
                return text.format("warn.improbable-count", s, text.number(warning.figure("observed").longValue()),
                        warning.figure("historyMonths").longValue(), round(warning.figure("mean"), 2),
                        pValue(warning.figure("pValue")));
            case REPEATED_HIDDEN_DANGER:
                return text.format("warn.repeated-hidden-danger", s, warning.figure("windowDays").longValue(),
                        text.number(warning.figure("count").longValue()));
            default:
                throw new IllegalStateException("no text for warning rule [" + warning.rule().code() + "]");
        }
    }

    private String round(BigDecimal v, int scale) {
        return text.decimal(v.setScale(scale, RoundingMode.HALF_UP));
    }

    private static String pValue(BigDecimal p) {
        return p.compareTo(new BigDecimal("0.0001")) < 0 ? "< 0.0001" : p.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }
}
