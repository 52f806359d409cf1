package org.dualprevention.internal;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Looks up display labels of enums and codes in the {@code org.dualprevention.internal.labels}
 * resource bundles (English default, Chinese {@code zh}). Not exported.
 *
 * <p>A locale whose language is not {@code zh} gets the English base bundle, whatever the JVM's default
 * locale: {@code ResourceBundle} would otherwise fall back to the default locale, so that English asked
 * for on a Chinese machine came out Chinese.
 */
public final class Labels {
    private static final String BUNDLE = "org.dualprevention.internal.labels";

    private Labels() {
    }

    /**
     * Returns the label for {@code key} in {@code locale}, or {@code fallback} if none exists.
     *
     * @param key the bundle key, e.g. {@code RiskLevel.major}
     * @param locale the locale
     * @param fallback returned when no label exists
     * @return the label
     */
    public static String label(String key, Locale locale, String fallback) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(locale, "locale");
        try {
            Locale lookup = "zh".equals(locale.getLanguage()) ? locale : Locale.ROOT;
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, lookup, Labels.class.getModule());
            return bundle.containsKey(key) ? bundle.getString(key) : fallback;
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    /**
     * Returns the label for {@code key} or throws if it is missing (used for built-in enums, whose
     * labels must exist).
     *
     * @param key the key
     * @param locale the locale
     * @return the label
     */
    public static String required(String key, Locale locale) {
        String label = label(key, locale, "");
        if (label.isEmpty()) {
            throw new IllegalStateException("missing label [" + key + "] for locale [" + locale + "]");
        }
        return label;
    }
}
