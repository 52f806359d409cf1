package org.dualprevention.jdbc;

import org.dualprevention.spi.IncidentRepository;
import org.dualprevention.spi.MajorHazardRepository;
import org.dualprevention.spi.RecheckRepository;
import org.dualprevention.spi.TypicalHiddenDangerRepository;
import org.dualprevention.testkit.IncidentRepositoryContract;
import org.dualprevention.testkit.MajorHazardRepositoryContract;
import org.dualprevention.testkit.RecheckRepositoryContract;
import org.dualprevention.testkit.TypicalHiddenDangerRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * The testkit's contracts MH1-MH4, IN1-IN3, RC1-RC3 and TY1-TY3 on the JDBC repositories of schema version 6, on
 * PostgreSQL (127.0.0.1:5432, skipped when unreachable unless CI=true). Each repository a rule asks for serves a tenant of its own
 * in one migrated database (a store reads only its tenant's rows, so it starts empty).
 */
class PostgresHazmatIncidentContractTest {
    private static final FreshStores stores = new FreshStores(TestDatabase.Kind.POSTGRESQL);

    @AfterAll
    static void drop() {
        stores.close();
    }

    @Nested
    class MajorHazards extends MajorHazardRepositoryContract {
        @Override
        protected MajorHazardRepository repository() {
            return stores.tenant().majorHazards();
        }
    }

    @Nested
    class Incidents extends IncidentRepositoryContract {
        @Override
        protected IncidentRepository repository() {
            return stores.tenant().incidents();
        }
    }

    @Nested
    class Rechecks extends RecheckRepositoryContract {
        @Override
        protected RecheckRepository repository() {
            return stores.tenant().rechecks();
        }
    }

    @Nested
    class TypicalHiddenDangers extends TypicalHiddenDangerRepositoryContract {
        @Override
        protected TypicalHiddenDangerRepository repository() {
            return stores.tenant().typicalHiddenDangers();
        }
    }
}
