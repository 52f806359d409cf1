package org.dualprevention.analytics.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.dualprevention.analytics.Rate;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.danger.Funds;
import org.dualprevention.risk.RiskLevel;

/**
 * The words, dates and numbers of one language. Chinese for a locale whose language is {@code zh},
 * English otherwise. Labels are looked up with {@link Locale#CHINESE} or {@link Locale#ROOT}, never the
 * caller's locale itself, so that the JVM's default locale cannot slip another language in.
 */
final class Text {
    private static final String BUNDLE = "org.dualprevention.analytics.document.labels";

    final Locale locale;
    final boolean chinese;
    /** The locale handed to the spi's {@code displayName} methods and to the bundles. */
    final Locale labels;
    private final ResourceBundle bundle;
    private final DateTimeFormatter dates;

    Text(Locale locale) {
        this.chinese = "zh".equals(locale.getLanguage());
        this.locale = chinese ? Locale.SIMPLIFIED_CHINESE : locale;
        this.labels = chinese ? Locale.CHINESE : Locale.ROOT;
        this.bundle = ResourceBundle.getBundle(BUNDLE, labels, Text.class.getModule());
        Locale dateLocale = chinese ? Locale.SIMPLIFIED_CHINESE : ("en".equals(locale.getLanguage()) ? locale : Locale.UK);
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(dateLocale);
    }

    /** @return the BCP 47 tag of the document, {@code zh-CN} or the English locale's tag */
    String languageTag() {
        return chinese ? "zh-CN" : ("en".equals(locale.getLanguage()) ? locale.toLanguageTag() : "en");
    }

    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("missing document label [" + key + "] for " + languageTag(), e);
        }
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    String format(String key, Object... args) {
        return new MessageFormat(get(key), chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH).format(args);
    }

    String date(LocalDate day) {
        return dates.format(day);
    }

    String number(long n) {
        return NumberFormat.getIntegerInstance(chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH).format(n);
    }

    String decimal(BigDecimal value) {
        NumberFormat f = NumberFormat.getNumberInstance(chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        f.setMinimumFractionDigits(Math.max(0, Math.min(value.stripTrailingZeros().scale(), 4)));
        f.setMaximumFractionDigits(4);
        return f.format(value);
    }

    /** @return the percentage with one decimal, e.g. {@code 66.7%}, or "not applicable" */
    String percent(Rate rate) {
        return rate.percent(1).map(p -> decimalFixed(p, 1) + "%").orElse(get("label.notApplicable"));
    }

    /** @return e.g. {@code 66.7%（2/3）} or {@code 66.7% (2/3)}; "not applicable" alone for 0/0 */
    String rate(Rate rate) {
        if (!rate.isApplicable()) {
            return get("label.notApplicable");
        }
        String fraction = format("label.fraction", number(rate.numerator()), number(rate.denominator()));
        return percent(rate) + (chinese ? "（" + fraction + "）" : " (" + fraction + ")");
    }

    private String decimalFixed(BigDecimal value, int scale) {
        NumberFormat f = NumberFormat.getNumberInstance(chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
        f.setMinimumFractionDigits(scale);
        f.setMaximumFractionDigits(scale);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    String money(Funds funds) {
        String amount = decimalFixed(funds.amount(), 2);
        if (chinese && "CNY".equals(funds.currency())) {
            return amount + " 元";
        }
        return funds.currency() + " " + amount;
    }

    /** @return e.g. {@code 重大风险（红）} */
    String level(RiskLevel level) {
        String colour = level.colourName(labels);
        return chinese ? level.displayName(labels) + "（" + colour + "）" : level.displayName(labels) + " (" + colour + ")";
    }

    String days(long n) {
        return format("label.overdueDays", n);
    }

    String period(ReportingPeriod p) {
        int year = p.start().getYear();
        switch (p.kind()) {
            case QUARTER:
                return format("label.period.QUARTER", String.valueOf(year), (p.start().getMonthValue() - 1) / 3 + 1);
            case YEAR:
                return format("label.period.YEAR", String.valueOf(year));
            case MONTH:
                return format("label.period.MONTH", String.valueOf(year), p.start().getMonthValue());
            default:
                return format("label.period.CUSTOM", date(p.start()), date(p.lastDay()));
        }
    }

    /** @return the list separator, {@code 、} or {@code , } */
    String sep() {
        return chinese ? "、" : ", ";
    }
}
