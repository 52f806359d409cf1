/**
 * Jackson 3 support for dualprevention: a {@link tools.jackson.databind.JacksonModule} for every model
 * type, versioned import and export documents (register, hidden-danger ledger, audit log) with their
 * JSON Schemas, and a streaming, all-or-nothing import that reports every problem with a JSON Pointer.
 */
module org.dualprevention.json {
    requires transitive org.dualprevention.spi;
    requires org.dualprevention.core;
    requires transitive tools.jackson.databind;
    requires static org.jspecify;

    exports org.dualprevention.json;
    // the id set the Excel reader shares with the JSON import; not an API for hosts
    exports org.dualprevention.json.support to org.dualprevention.excel;

    provides tools.jackson.databind.JacksonModule with org.dualprevention.json.DualPreventionModule;
}
