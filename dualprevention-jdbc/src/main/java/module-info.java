/**
 * The dualprevention storage SPI over plain JDBC: H2 (embedded, file mode), PostgreSQL and MySQL/MariaDB.
 * Aggregates are stored as JSON documents with indexed columns for the queries; the audit log is an
 * append-only table; versions are optimistic. The host brings the driver and the {@code DataSource}.
 */
module org.dualprevention.jdbc {
    requires transitive org.dualprevention.spi;
    requires org.dualprevention.core;
    requires transitive java.sql;
    requires org.dualprevention.json;
    requires tools.jackson.databind;
    requires static org.jspecify;
    requires static com.h2database;

    exports org.dualprevention.jdbc;
    exports org.dualprevention.jdbc.h2 to com.h2database;
}
