package org.dualprevention.excel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import org.dualprevention.engine.names.NameKind;
import org.dualprevention.engine.names.NameMatch;
import org.dualprevention.engine.names.RegisterNames;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointKind;
import org.jspecify.annotations.Nullable;

/** Labels both ways (Chinese and English; never codes) and the text forms of times and numbers. */
final class Text {
    static final Locale ZH = Locale.CHINESE;
    static final Locale EN = Locale.ENGLISH;
    /** Separator of several values in one cell (accident types). */
    static final String LIST = "、";
    /** Separator of fields inside one line of a multi-line cell. */
    static final String FIELD = "｜";

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().toFormatter(Locale.ROOT);

    static final List<HazardCategory> KNOWN_CATEGORIES = List.of(HazardCategory.PSYCHOLOGICAL_PHYSIOLOGICAL,
            HazardCategory.BEHAVIOURAL, HazardCategory.PHYSICAL, HazardCategory.CHEMICAL, HazardCategory.BIOLOGICAL,
            HazardCategory.INDOOR_ENVIRONMENT, HazardCategory.OUTDOOR_ENVIRONMENT, HazardCategory.UNDERGROUND_ENVIRONMENT,
            HazardCategory.OTHER_ENVIRONMENT, HazardCategory.ORGANISATION, HazardCategory.RESPONSIBILITY,
            HazardCategory.RULES, HazardCategory.INVESTMENT, HazardCategory.OCCUPATIONAL_HEALTH,
            HazardCategory.OTHER_MANAGEMENT);

    private Text() {
    }

    /** A label-to-value map over both languages, in the order of {@code values}. */
    static <T> Map<String, T> labels(List<T> values, Function<T, Function<Locale, String>> label) {
        Map<String, T> map = new LinkedHashMap<>();
        for (Locale l : List.of(ZH, EN)) {
            for (T v : values) {
                map.putIfAbsent(label.apply(v).apply(l), v);
            }
        }
        return map;
    }

    static final Map<String, RiskPointKind> KINDS = labels(List.of(RiskPointKind.values()), k -> k::displayName);
    static final Map<String, AssessmentKind> ASSESSMENT_KINDS = labels(List.of(AssessmentKind.values()), k -> k::displayName);
    static final Map<String, MeasureCategory> MEASURES = labels(List.of(MeasureCategory.values()), k -> k::displayName);
    static final Map<String, RiskLevel> LEVELS = labels(List.of(RiskLevel.values()), k -> k::displayName);
    /**
     * Accident types and hazard categories by name, as the CSV example and hosts read them (core's
     * {@link RegisterNames}: standard Chinese and English names, codes, the alias table as data; ambiguous
     * aliases are never resolved).
     */
    static final RegisterNames NAMES = RegisterNames.standard();

    /** An accident type by any name {@link #NAMES} knows. */
    static NameMatch<AccidentType> accidentType(String text) {
        return NAMES.accidentType(text);
    }

    /**
     * A hazard category: a finer class as the register writes it, "label (code)", or any name {@link #NAMES}
     * knows (the categories' and classes' labels in both languages among them).
     */
    static NameMatch<HazardCategory> hazardCategory(String text) {
        HazardCategory fine = category(text);
        if (fine != null) {
            return new NameMatch<>(NameKind.HAZARD_CATEGORY, text, Optional.of(fine), Optional.empty(), List.of(),
                    List.of());
        }
        return NAMES.hazardCategory(text);
    }

    /** A hazard category from the forms only the register writes: "label code" and a finer class "label (code)". */
    static @Nullable HazardCategory category(String text) {
        int space = text.lastIndexOf(' ');
        if (space > 0) {
            try {
                HazardCategory coarse = HazardCategory.of(text.substring(space + 1));
                for (Locale l : List.of(ZH, EN)) {
                    if (coarse.displayName(l).equals(text)) {
                        return coarse;
                    }
                }
            } catch (IllegalArgumentException e) {
                // not a code after the space; try the other forms
            }
        }
        int open = text.lastIndexOf('(');
        if (open >= 0 && text.endsWith(")")) {
            try {
                HazardCategory fine = HazardCategory.of(text.substring(open + 1, text.length() - 1).strip());
                for (Locale l : List.of(ZH, EN)) {
                    if (fine.displayName(l).equals(text)) {
                        return fine;
                    }
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    static @Nullable ControlLevel controlLevel(String text, List<ControlLevel> levels) {
        for (Locale l : List.of(ZH, EN)) {
            for (ControlLevel c : levels) {
                if (c.displayName(l).equals(text)) {
                    return c;
                }
            }
        }
        return null;
    }

    static String time(Instant t, ZoneId zone) {
        return TIME.format(LocalDateTime.ofInstant(t, zone));
    }

    static @Nullable Instant time(String text, ZoneId zone) {
        try {
            return LocalDateTime.parse(text.strip(), TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String number(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    static @Nullable BigDecimal number(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String pick(boolean chinese, String zh, String en) {
        return chinese ? zh : en;
    }

    /** Excel's column letters for a zero-based index. */
    static String column(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    /** Zero-based column index from a cell reference such as {@code AB12}. */
    static int columnOf(String ref) {
        int n = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }
}
