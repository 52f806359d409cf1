/**
 * Excel workbooks for dualprevention: the risk register (风险分级管控清单), the hidden-danger ledger
 * (隐患排查治理台账) and the statistics tables in the standard Chinese forms, written with Apache POI's
 * streaming SXSSF writer and read with its SAX event API, so that large registers stay in a small heap.
 */
module org.dualprevention.excel {
    requires transitive org.dualprevention.spi;
    requires transitive org.dualprevention.json;
    requires transitive org.dualprevention.analytics;
    requires org.dualprevention.core;
    requires org.apache.poi.poi;
    requires org.apache.poi.ooxml;
    requires java.xml;
    requires static org.jspecify;

    exports org.dualprevention.excel;
}
