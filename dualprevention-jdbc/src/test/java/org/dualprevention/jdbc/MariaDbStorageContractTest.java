package org.dualprevention.jdbc;

/** The storage contract on MariaDB (127.0.0.1:3306, skipped when unreachable unless CI=true). */
class MariaDbStorageContractTest extends JdbcStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.MARIADB;
    }
}
