package org.dualprevention.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of a migration script on a dialect where DDL commits by itself (H2, MySQL), with the catalogue
 * lookup that tells whether it already ran. Every statement of those scripts must be one of the kinds below;
 * an interrupted migration relies on it, and {@link #of} refuses anything else.
 */
final class MigrationStep {
    /** What a statement does, and so how to tell that it ran. */
    enum Kind {
        /** {@code CREATE TABLE name}: the table exists. */
        TABLE,
        /** {@code CREATE [UNIQUE] INDEX name ON table}: the index exists on the table. */
        INDEX,
        /** {@code CREATE TRIGGER name}: the trigger exists. */
        TRIGGER,
        /** {@code ALTER TABLE table ADD [COLUMN] name}: the column exists. */
        COLUMN,
        /** {@code DROP INDEX name [ON table]}: done once the index is gone. */
        DROP_INDEX,
        /** {@code ALTER TABLE table DROP PRIMARY KEY}: done once the table has no primary key or one holding {@code tenant_id}. */
        DROP_PRIMARY_KEY,
        /** {@code ALTER TABLE table ADD PRIMARY KEY (tenant_id, …)}: done once the primary key holds {@code tenant_id}. */
        ADD_PRIMARY_KEY,
        /** {@code INSERT}, {@code UPDATE}, {@code DELETE}: runs in one transaction with its record. */
        DML
    }

    private static final Pattern TABLE = Pattern.compile("(?is)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\b.*");
    private static final Pattern INDEX = Pattern.compile(
            "(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+ON\\s+(\\w+)\\b.*");
    private static final Pattern TRIGGER = Pattern.compile("(?is)CREATE\\s+TRIGGER\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\b.*");
    private static final Pattern COLUMN = Pattern.compile(
            "(?is)ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + "(?!(?:PRIMARY|CONSTRAINT|UNIQUE|INDEX|KEY|FOREIGN|CHECK)\\b)(\\w+)\\b.*");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)DROP\\s+INDEX\\s+(\\w+)(?:\\s+ON\\s+(\\w+))?\\s*");
    private static final Pattern DROP_PK = Pattern.compile("(?is)ALTER\\s+TABLE\\s+(\\w+)\\s+DROP\\s+PRIMARY\\s+KEY\\s*");
    private static final Pattern ADD_PK = Pattern.compile(
            "(?is)ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+PRIMARY\\s+KEY\\s*\\(\\s*tenant_id\\s*,.*");
    private static final Pattern DML = Pattern.compile("(?is)(?:INSERT|UPDATE|DELETE)\\b.*");

    private final String sql;
    private final Kind kind;
    private final String table;
    private final String name;

    private MigrationStep(String sql, Kind kind, String table, String name) {
        this.sql = sql;
        this.kind = kind;
        this.table = table;
        this.name = name;
    }

    /**
     * Classifies a statement.
     *
     * @param sql the statement
     * @param dialect the dialect, for the message
     * @return the step
     * @throws IllegalStateException if the statement is DDL of a kind whose completion cannot be looked up
     */
    static MigrationStep of(String sql, Dialect dialect) {
        Objects.requireNonNull(sql, "sql");
        Matcher m;
        if ((m = TABLE.matcher(sql)).matches()) {
            return new MigrationStep(sql, Kind.TABLE, m.group(1), m.group(1));
        }
        if ((m = INDEX.matcher(sql)).matches()) {
            return new MigrationStep(sql, Kind.INDEX, m.group(2), m.group(1));
        }
        if ((m = TRIGGER.matcher(sql)).matches()) {
            return new MigrationStep(sql, Kind.TRIGGER, "", m.group(1));
        }
        if ((m = ADD_PK.matcher(sql)).matches()) {
            return new MigrationStep(sql, Kind.ADD_PRIMARY_KEY, m.group(1), "PRIMARY KEY");
        }
        if ((m = COLUMN.matcher(sql)).matches()) {
            return new MigrationStep(sql, Kind.COLUMN, m.group(1), m.group(2));
        }
        if ((m = DROP_INDEX.matcher(sql)).matches()) {
            return new MigrationStep(sql, Kind.DROP_INDEX, m.group(2) == null ? "" : m.group(2), m.group(1));
        }
        if ((m = DROP_PK.matcher(sql)).matches()) {
            return new MigrationStep(sql, Kind.DROP_PRIMARY_KEY, m.group(1), "PRIMARY KEY");
        }
        if (DML.matcher(sql).matches()) {
            return new MigrationStep(sql, Kind.DML, "", "");
        }
        throw new IllegalStateException("Migration statement [" + sql + "] on " + dialect + " is neither DML nor a DDL whose"
                + " completion can be looked up (CREATE TABLE / INDEX / TRIGGER, ALTER TABLE … ADD COLUMN, DROP INDEX, ALTER TABLE … DROP PRIMARY KEY, ALTER TABLE … ADD PRIMARY KEY (tenant_id, …)); an interrupted"
                + " migration could not tell whether it ran");
    }

    /** @return the statement */
    String sql() {
        return sql;
    }

    /** @return its kind */
    Kind kind() {
        return kind;
    }

    /** @return the object it creates (table, index, trigger or column name) */
    String name() {
        return name;
    }

    /**
     * Whether the object this DDL step creates exists already, from the catalogue of the connection's current
     * schema (H2) or database (MySQL).
     *
     * @param c the connection
     * @param dialect H2 or MYSQL
     * @return true if the step ran before
     * @throws SQLException if the catalogue cannot be read
     */
    boolean exists(Connection c, Dialect dialect) throws SQLException {
        String schema = dialect == Dialect.H2 ? "CURRENT_SCHEMA" : "DATABASE()";
        if (kind == Kind.DROP_INDEX) {
            String where = (dialect == Dialect.H2 ? "INDEXES" : "STATISTICS") + " WHERE TABLE_SCHEMA = " + schema
                    + " AND LOWER(INDEX_NAME) = ?" + (table.isEmpty() ? "" : " AND LOWER(TABLE_NAME) = ?");
            return count(c, where, table.isEmpty() ? List.of(name) : List.of(name, table)) == 0;
        }
        if (kind == Kind.DROP_PRIMARY_KEY || kind == Kind.ADD_PRIMARY_KEY) {
            String pk = "KEY_COLUMN_USAGE k JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA ="
                    + " k.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND t.TABLE_NAME = k.TABLE_NAME"
                    + " WHERE t.CONSTRAINT_TYPE = 'PRIMARY KEY' AND k.TABLE_SCHEMA = " + schema + " AND LOWER(k.TABLE_NAME) = ?";
            boolean tenantLed = count(c, pk + " AND LOWER(k.COLUMN_NAME) = 'tenant_id'", List.of(table)) > 0;
            if (kind == Kind.ADD_PRIMARY_KEY) {
                return tenantLed;
            }
            return tenantLed || count(c, pk, List.of(table)) == 0;
        }
        String from;
        List<String> params;
        switch (kind) {
            case TABLE:
                from = "TABLES WHERE TABLE_SCHEMA = " + schema + " AND LOWER(TABLE_NAME) = ?";
                params = List.of(name);
                break;
            case INDEX:
                from = (dialect == Dialect.H2 ? "INDEXES" : "STATISTICS") + " WHERE TABLE_SCHEMA = " + schema
                        + " AND LOWER(TABLE_NAME) = ? AND LOWER(INDEX_NAME) = ?";
                params = List.of(table, name);
                break;
            case TRIGGER:
                from = "TRIGGERS WHERE TRIGGER_SCHEMA = " + schema + " AND LOWER(TRIGGER_NAME) = ?";
                params = List.of(name);
                break;
            case COLUMN:
                from = "COLUMNS WHERE TABLE_SCHEMA = " + schema + " AND LOWER(TABLE_NAME) = ? AND LOWER(COLUMN_NAME) = ?";
                params = List.of(table, name);
                break;
            default:
                throw new IllegalStateException("a DML step has no catalogue entry");
        }
        return count(c, from, params) > 0;
    }

    private static long count(Connection c, String from, List<String> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA." + from)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setString(i + 1, params.get(i).toLowerCase(Locale.ROOT));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
