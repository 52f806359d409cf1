package org.dualprevention.jdbc.h2;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * The append-only guard of the audit table on H2 (migration V2): a row trigger that refuses every
 * {@code UPDATE} and {@code DELETE} of {@code dp_audit_entry}, as the triggers of PostgreSQL and MySQL do.
 * H2 creates it by name from the trigger's definition; the library never calls it.
 *
 * @since 0.1
 */
public final class AppendOnlyTrigger implements Trigger {
    private String table = "dp_audit_entry";

    /** Creates the trigger; H2 calls this. */
    public AppendOnlyTrigger() {
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object @Nullable [] oldRow, Object @Nullable [] newRow) throws SQLException {
        throw new SQLException(table.toLowerCase(java.util.Locale.ROOT) + " is append-only: "
                + (newRow == null ? "DELETE" : "UPDATE") + " is refused", "42501");
    }
}
