package org.dualprevention.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The demo's texts in one language: Simplified Chinese ({@code zh}, the default) or English ({@code en}).
 * Messages come from {@code messages_<lang>.properties} next to this class (UTF-8, {@link MessageFormat}
 * patterns, English plurals by {@code choice}); dates and numbers are formatted in the language's form
 * ({@code 2026年11月30日}, {@code November 30, 2026}, as in the library's documents). No fallback between
 * languages: a missing key is an error.
 */
public final class Texts {
    /** The languages the demo speaks, by option value. */
    public static final List<String> LANGUAGES = List.of("zh", "en");

    private final String lang;
    private final Locale locale;
    private final Map<String, String> messages;
    private final DateTimeFormatter dates;

    private Texts(String lang) {
        this.lang = lang;
        this.locale = lang.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        this.messages = load("messages_" + lang + ".properties");
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    }

    /**
     * The texts of a language.
     *
     * @param lang {@code zh} or {@code en}
     * @return the texts
     * @throws IllegalArgumentException if the language is not one of {@link #LANGUAGES}
     */
    public static Texts of(String lang) {
        Objects.requireNonNull(lang, "lang");
        if (!LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("lang [" + lang + "] is not allowed; allowed: " + LANGUAGES);
        }
        return new Texts(lang);
    }

    /**
     * Reads one of the demo's properties resources (UTF-8) into an ordered map.
     *
     * @param resource the resource name next to this class
     * @return key to text
     */
    static Map<String, String> load(String resource) {
        try (InputStream in = Texts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the class path");
            }
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> m = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code zh} or {@code en} */
    public String lang() {
        return lang;
    }

    /** @return the locale of the language ({@code zh_CN} or {@code en}) */
    public Locale locale() {
        return locale;
    }

    /** @return the language tag for HTML ({@code zh-CN} or {@code en}) */
    public String htmlLang() {
        return locale.toLanguageTag();
    }

    /** @return every key and its pattern */
    public Map<String, String> messages() {
        return messages;
    }

    /**
     * One message.
     *
     * @param key its key
     * @param args its arguments (numbers are formatted in the language's form; pass dates through {@link #date})
     * @return the text
     */
    public String get(String key, Object... args) {
        String pattern = messages.get(key);
        if (pattern == null) {
            throw new IllegalStateException("no text [" + key + "] in messages_" + lang + ".properties");
        }
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * Whether a message exists.
     *
     * @param key its key
     * @return true if it does
     */
    public boolean has(String key) {
        return messages.containsKey(key);
    }

    /**
     * A date in the language's form.
     *
     * @param d the date
     * @return e.g. {@code 2026年11月30日} or {@code November 30, 2026}
     */
    public String date(LocalDate d) {
        return dates.format(d);
    }

    /**
     * A whole number in the language's form.
     *
     * @param n the number
     * @return the text
     */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /**
     * A decimal number in the language's form with at most {@code digits} fraction digits.
     *
     * @param n the number
     * @param digits the most fraction digits
     * @return the text
     */
    public String decimal(BigDecimal n, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(0);
        return f.format(n.setScale(digits, RoundingMode.HALF_UP));
    }

    /**
     * Joins a list the language's way ({@code 、} in Chinese, {@code , } in English).
     *
     * @param items the items
     * @return the text
     */
    public String list(List<String> items) {
        return String.join(get("list.separator").replace("_", " "), items);
    }

    /**
     * Pads a text to a width counted in console columns (a CJK character takes two).
     *
     * @param s the text
     * @param width the columns
     * @param right true to align right
     * @return the padded text
     */
    public static String pad(String s, int width, boolean right) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF)
                    || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
            i += Character.charCount(cp);
        }
        String fill = " ".repeat(Math.max(0, width - w));
        return right ? fill + s : s + fill;
    }
}
