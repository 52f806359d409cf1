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
import org.junit.jupiter.api.TestInstance;

/**
 * The testkit's contracts MH1-MH4, IN1-IN3, RC1-RC3 and TY1-TY3 on the JDBC repositories of schema version 6,
 * written once for the three databases: each subclass names its database. Each repository a rule asks for
 * serves a tenant of its own in one migrated database (a store reads only its tenant's rows, so it starts
 * empty). One instance per class, so the nested contracts share its stores and {@link #drop} closes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HazmatIncidentContracts {
    private final FreshStores stores;

    HazmatIncidentContracts(TestDatabase.Kind kind) {
        this.stores = new FreshStores(kind);
    }

    @AfterAll
    void drop() {
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
