package org.dualprevention.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What a schema holds, as sorted lines: tables with their columns, indexes, triggers (and functions on
 * PostgreSQL), the recorded schema versions and any left-over migration steps. Two schemas migrated to the
 * same version compare equal; a half-made table, a missing index or trigger does not. Generated names (H2's
 * primary-key indexes, the schema name inside PostgreSQL index definitions) are normalised.
 */
final class Catalogue {
    private Catalogue() {
    }

    static List<String> of(DataSource ds, Dialect dialect) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            switch (dialect) {
                case H2:
                    add(s, out, "column", "SELECT LOWER(TABLE_NAME), LOWER(COLUMN_NAME), DATA_TYPE, IS_NULLABLE,"
                            + " CHARACTER_MAXIMUM_LENGTH, COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA");
                    add(s, out, "index", "SELECT LOWER(I.TABLE_NAME), REGEXP_REPLACE(I.INDEX_NAME, 'PRIMARY_KEY_[0-9A-F]+', 'PK'),"
                            + " I.INDEX_TYPE_NAME, C.ORDINAL_POSITION, LOWER(C.COLUMN_NAME) FROM INFORMATION_SCHEMA.INDEXES I"
                            + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C ON C.INDEX_SCHEMA = I.INDEX_SCHEMA AND C.INDEX_NAME = I.INDEX_NAME"
                            + " WHERE I.TABLE_SCHEMA = CURRENT_SCHEMA");
                    add(s, out, "trigger", "SELECT LOWER(TRIGGER_NAME), EVENT_MANIPULATION, LOWER(EVENT_OBJECT_TABLE), ACTION_TIMING,"
                            + " JAVA_CLASS FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = CURRENT_SCHEMA");
                    break;
                case MYSQL:
                    add(s, out, "column", "SELECT LOWER(TABLE_NAME), LOWER(COLUMN_NAME), COLUMN_TYPE, IS_NULLABLE, COLLATION_NAME,"
                            + " COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = DATABASE()");
                    add(s, out, "index", "SELECT LOWER(TABLE_NAME), LOWER(INDEX_NAME), NON_UNIQUE, SEQ_IN_INDEX, LOWER(COLUMN_NAME)"
                            + " FROM INFORMATION_SCHEMA.STATISTICS WHERE TABLE_SCHEMA = DATABASE()");
                    add(s, out, "trigger", "SELECT LOWER(TRIGGER_NAME), EVENT_MANIPULATION, LOWER(EVENT_OBJECT_TABLE), ACTION_TIMING,"
                            + " ACTION_STATEMENT FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()");
                    break;
                case POSTGRESQL:
                    add(s, out, "column", "SELECT table_name, column_name, data_type, is_nullable, character_maximum_length,"
                            + " collation_name, column_default FROM information_schema.columns WHERE table_schema = current_schema()");
                    add(s, out, "index", "SELECT tablename, indexname, replace(indexdef, current_schema() || '.', '')"
                            + " FROM pg_indexes WHERE schemaname = current_schema()");
                    add(s, out, "trigger", "SELECT trigger_name, event_manipulation, event_object_table, action_timing,"
                            + " action_orientation, replace(action_statement, current_schema() || '.', '') FROM information_schema.triggers WHERE trigger_schema = current_schema()");
                    add(s, out, "function", "SELECT p.proname, replace(pg_get_functiondef(p.oid), current_schema() || '.', '') FROM pg_proc p JOIN pg_namespace n"
                            + " ON n.oid = p.pronamespace WHERE n.nspname = current_schema()");
                    break;
                default:
                    throw new IllegalArgumentException(dialect.toString());
            }
            add(s, out, "version", "SELECT version, script, checksum FROM dp_schema_version");
            if (dialect != Dialect.POSTGRESQL) {
                add(s, out, "left-over step", "SELECT version, step FROM dp_schema_step");
            }
        }
        out.sort(null);
        return out;
    }

    private static void add(Statement s, List<String> out, String what, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder(what);
                for (int i = 1; i <= n; i++) {
                    line.append(" | ").append(rs.getString(i));
                }
                out.add(line.toString());
            }
        }
    }
}
