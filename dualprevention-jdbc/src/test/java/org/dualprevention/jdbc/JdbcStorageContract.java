package org.dualprevention.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.dualprevention.spi.Storage;
import org.dualprevention.testkit.StorageContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The testkit's storage contract on one kind of database: every storage a test asks for gets a fresh schema (PostgreSQL),
 * database (MariaDB) or in-memory database (H2), migrated, behind a small pool, and drops it afterwards. On the servers
 * the storage runs under the runtime account of the README section "Running with least privilege" (the owner
 * migrates), so the contract also proves those grants suffice.
 */
abstract class JdbcStorageContract extends StorageContract {
    private final List<LeastPrivilege> accounts = new ArrayList<>();
    private final List<TestDatabase> databases = new ArrayList<>();
    private final List<TestPool> pools = new ArrayList<>();

    /** @return the database kind */
    abstract TestDatabase.Kind kind();

    @Override
    protected Storage createStorage() {
        if (kind() == TestDatabase.Kind.POSTGRESQL || kind() == TestDatabase.Kind.MARIADB) {
            LeastPrivilege lp = LeastPrivilege.create(kind());
            accounts.add(lp);
            Migrations.migrate(lp.ownerDataSource());
            lp.grantRuntime();
            TestPool pool = new TestPool(lp.appDataSource(), 8);
            pools.add(pool);
            return JdbcStorage.builder().dataSource(pool).build();
        }
        TestDatabase db = TestDatabase.create(kind());
        databases.add(db);
        Migrations.migrate(db.dataSource());
        TestPool pool = db.pool();
        pools.add(pool);
        return JdbcStorage.builder().dataSource(pool).build();
    }

    /** Fewer rows on the servers, where every save is a durable commit: the rules are the same. */
    @Override
    protected int dataSize() {
        return kind() == TestDatabase.Kind.H2_MEM ? 40 : 25;
    }

    @AfterEach
    void dropDatabase() {
        pools.forEach(TestPool::close);
        pools.clear();
        databases.forEach(TestDatabase::close);
        databases.clear();
        accounts.forEach(LeastPrivilege::close);
        accounts.clear();
    }
}
