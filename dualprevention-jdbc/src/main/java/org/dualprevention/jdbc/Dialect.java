package org.dualprevention.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The SQL dialects the JDBC storage supports. Each has its own migration scripts under
 * {@code /org/dualprevention/jdbc/migration/<folder>/} in the jar.
 *
 * @since 0.1
 */
public enum Dialect {
    /** H2 2.x, embedded (file or memory). */
    H2("h2"),
    /** PostgreSQL 12 or newer. */
    POSTGRESQL("postgresql"),
    /** MySQL 8 or MariaDB 10.5 or newer (InnoDB). */
    MYSQL("mysql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** @return the folder name of this dialect's migration scripts, e.g. {@code "postgresql"} */
    public String folder() {
        return folder;
    }

    /**
     * The class-path location of this dialect's migration scripts, as Flyway expects it
     * ({@code classpath:org/dualprevention/jdbc/migration/postgresql}).
     *
     * @return the location without a leading slash
     */
    public String migrationLocation() {
        return "org/dualprevention/jdbc/migration/" + folder;
    }

    /**
     * Finds the dialect from the database's product name.
     *
     * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
     * @return the dialect
     * @throws JdbcStorageException if the product is not supported
     */
    public static Dialect fromProductName(String productName) {
        String p = Objects.requireNonNull(productName, "productName").toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return H2;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("mysql") || p.contains("mariadb")) {
            return MYSQL;
        }
        throw new JdbcStorageException("Database product [" + productName
                + "] is not supported; supported: [H2, PostgreSQL, MySQL, MariaDB]");
    }

    /**
     * Finds the dialect of a connection.
     *
     * @param connection an open connection
     * @return the dialect
     * @throws JdbcStorageException if the product is not supported or the metadata cannot be read
     */
    public static Dialect detect(Connection connection) {
        try {
            return fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new JdbcStorageException("Cannot read the database product name", e);
        }
    }

    /**
     * Finds the dialect of a data source, opening and closing one connection.
     *
     * @param dataSource the data source
     * @return the dialect
     * @throws JdbcStorageException if the database cannot be reached or is not supported
     */
    public static Dialect detect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return detect(c);
        } catch (SQLException e) {
            throw new JdbcStorageException("Cannot connect to detect the SQL dialect", e);
        }
    }
}
