package org.dualprevention.jdbc;

/** The storage contract on H2 in memory (always runs). */
class H2StorageContractTest extends JdbcStorageContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2_MEM;
    }
}
