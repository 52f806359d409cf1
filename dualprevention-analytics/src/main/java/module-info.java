/**
 * Analytics over both firewalls of dualprevention: the four-colour risk map (data and SVG), statistics and
 * period reports, early warnings, AHP and the enterprise zone matrix. Reads the model of the spi only; Commons
 * Math works inside and appears in no public signature.
 */
module org.dualprevention.analytics {
    requires transitive org.dualprevention.spi;
    requires commons.math3;
    requires static org.jspecify;

    exports org.dualprevention.analytics;
    exports org.dualprevention.analytics.document;
}
