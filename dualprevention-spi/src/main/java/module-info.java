/**
 * The dualprevention contract: immutable model types and the extension points. Depends on the JDK only
 * (plus JSpecify annotations at compile time).
 */
module org.dualprevention.spi {
    requires static org.jspecify;

    exports org.dualprevention;
    exports org.dualprevention.organization;
    exports org.dualprevention.risk;
    exports org.dualprevention.spi;
    exports org.dualprevention.spi.support;
    exports org.dualprevention.query;
    exports org.dualprevention.danger;
    exports org.dualprevention.inspection;
    exports org.dualprevention.hazmat;
    exports org.dualprevention.incident;
    exports org.dualprevention.lookback;
    exports org.dualprevention.learning;
    exports org.dualprevention.internal to org.dualprevention.core, org.dualprevention.json, org.dualprevention.jdbc;
}
