package org.dualprevention.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Fresh, migrated stores for the tests of the schema-version-6 repositories, as {@link JdbcStorageContract} makes
 * them: on the servers the storage runs under the runtime account of the README section "Running with least
 * privilege" (the owner migrates), so every test on them also proves those grants suffice; on H2 an in-memory
 * database. {@link #create()} makes a new database each time; {@link #tenant()} a store of a new tenant in one
 * database shared by the calls (empty as a fresh database is, since a store reads only its tenant's rows, and
 * much cheaper on the servers). {@link #close()} drops them all.
 */
final class FreshStores implements AutoCloseable {
    private final TestDatabase.Kind kind;
    private final List<LeastPrivilege> accounts = new ArrayList<>();
    private final List<TestDatabase> databases = new ArrayList<>();
    private final List<TestPool> pools = new ArrayList<>();

    FreshStores(TestDatabase.Kind kind) {
        this.kind = kind;
    }

    /** @return a fresh, empty, migrated store */
    JdbcStorage create() {
        return create(JdbcStorage.DEFAULT_TENANT);
    }

    /**
     * A fresh, empty, migrated store serving a tenant.
     *
     * @param tenant the tenant
     * @return the store
     */
    JdbcStorage create(String tenant) {
        if (kind == TestDatabase.Kind.POSTGRESQL || kind == TestDatabase.Kind.MARIADB) {
            LeastPrivilege lp = LeastPrivilege.create(kind);
            accounts.add(lp);
            Migrations.migrate(lp.ownerDataSource());
            lp.grantRuntime();
            TestPool pool = new TestPool(lp.appDataSource(), 4);
            pools.add(pool);
            return JdbcStorage.builder().dataSource(pool).tenant(tenant).build();
        }
        TestDatabase db = TestDatabase.create(kind);
        databases.add(db);
        Migrations.migrate(db.dataSource());
        TestPool pool = db.pool();
        pools.add(pool);
        return JdbcStorage.builder().dataSource(pool).tenant(tenant).build();
    }

    private @org.jspecify.annotations.Nullable JdbcStorage shared;
    private int tenants;

    /**
     * A store of a tenant never used before, in the database shared by these calls.
     *
     * @return the store, empty
     */
    synchronized JdbcStorage tenant() {
        tenants++;
        if (shared == null) {
            shared = create("t-1");
            return shared;
        }
        return JdbcStorage.builder().dataSource(pools.get(0)).tenant("t-" + tenants).build();
    }

    /** @return the pool of the first store made (the owner's on H2, the runtime account's on the servers) */
    TestPool pool() {
        return pools.get(0);
    }

    /** @return the accounts made so far (servers only) */
    List<LeastPrivilege> accounts() {
        return accounts;
    }

    @Override
    public synchronized void close() {
        shared = null;
        tenants = 0;
        pools.forEach(TestPool::close);
        pools.clear();
        databases.forEach(TestDatabase::close);
        databases.clear();
        accounts.forEach(LeastPrivilege::close);
        accounts.clear();
    }
}
