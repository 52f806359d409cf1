package org.dualprevention.jdbc;

import org.dualprevention.spi.Storage;
import org.dualprevention.testkit.StorageContract;
import org.junit.jupiter.api.AfterEach;

/**
 * The testkit's storage contract on one kind of database: every test gets a fresh schema (PostgreSQL),
 * database (MariaDB) or in-memory database (H2), migrated, behind a small pool, and drops it afterwards.
 */
abstract class JdbcStorageContract extends StorageContract {
    private TestDatabase db;
    private TestPool pool;

    /** @return the database kind */
    abstract TestDatabase.Kind kind();

    @Override
    protected Storage createStorage() {
        db = TestDatabase.create(kind());
        Migrations.migrate(db.dataSource());
        pool = db.pool();
        return JdbcStorage.builder().dataSource(pool).codec(new StandInCodec()).build();
    }

    /** Fewer rows on the servers, where every save is a durable commit: the rules are the same. */
    @Override
    protected int dataSize() {
        return kind() == TestDatabase.Kind.H2_MEM ? 40 : 25;
    }

    @AfterEach
    void dropDatabase() {
        if (pool != null) {
            pool.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
