package org.dualprevention.jdbc;

/** The storage contract on PostgreSQL (127.0.0.1:5432, skipped when unreachable unless CI=true). */
class PostgresStorageContractTest extends JdbcStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.POSTGRESQL;
    }
}
