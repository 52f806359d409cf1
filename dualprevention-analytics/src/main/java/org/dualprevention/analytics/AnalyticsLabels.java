package org.dualprevention.analytics;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Labels of the analytics package from {@code org/dualprevention/analytics/labels*.properties}. */
final class AnalyticsLabels {
    private static final String BUNDLE = "org.dualprevention.analytics.labels";

    private AnalyticsLabels() {
    }

    static String get(String key, Locale locale) {
        // Chinese for zh, the English base bundle otherwise: never the JVM's default locale as a fallback
        Locale lookup = "zh".equals(locale.getLanguage()) ? locale : Locale.ROOT;
        try {
            return ResourceBundle.getBundle(BUNDLE, lookup, AnalyticsLabels.class.getModule()).getString(key);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, AnalyticsLabels.class.getModule()).getString(key);
        }
    }
}
