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
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, AnalyticsLabels.class.getModule()).getString(key);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, AnalyticsLabels.class.getModule()).getString(key);
        }
    }
}
