package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dualprevention.engine.hazmat.CriticalQuantityTables;
import org.dualprevention.engine.hazmat.MajorHazards;
import org.dualprevention.engine.incident.Incidents;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.organization.ActorId;
import org.dualprevention.spi.IncidentRepository;
import org.dualprevention.spi.MajorHazardRepository;
import org.dualprevention.spi.RiskPointRepository;
import org.dualprevention.spi.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 on H2: the engine areas that write several things (an incident and its reassessment flags, an
 * installation and the grade of its risk points) open the unit of work themselves, so a host that does not call
 * {@code atomically} gets all of it or none.
 */
class AreaUnitOfWorkTest {
    private static final Instant AT = Instant.parse("2026-11-02T01:00:00Z");
    private FreshStores stores;
    private JdbcStorage s;

    @AfterEach
    void drop() {
        if (stores != null) {
            stores.close();
        }
    }

    private JdbcStorage store() {
        stores = new FreshStores(TestDatabase.Kind.H2_MEM);
        s = stores.create();
        return s;
    }

    @SuppressWarnings("unchecked")
    private static <T> T failing(Class<T> type, T real, String method, boolean writeFirst) {
        return (T) Proxy.newProxyInstance(AreaUnitOfWorkTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> {
                    try {
                        if (m.getName().equals(method)) {
                            if (writeFirst) {
                                m.invoke(real, args);
                            }
                            throw new IllegalStateException(method + " failed");
                        }
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The store, except that every risk-point save throws. */
    private Storage flagSaveFails(JdbcStorage real) {
        RiskPointRepository points = failing(RiskPointRepository.class, real.riskPoints(), "save", false);
        return (Storage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Storage.class},
                (p, m, args) -> {
                    if (m.getName().equals("riskPoints")) {
                        return points;
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aNearMissWhoseFlagSaveFailsStoresNothing() {
        JdbcStorage real = store();
        EngineFixture f = new EngineFixture(real).withRegister();
        Incidents broken = Incidents.of(new EngineFixture(flagSaveFails(real)).dp, real.incidents());
        assertThrows(IllegalStateException.class, () -> broken.record(HazmatIncidentStorageTest.nearMiss("NM-1", AT)));
        assertEquals(Optional.empty(), real.incidents().find(IncidentId.of("NM-1")), "no incident");
        assertFalse(f.flagged(), "no flag");
        Incidents.of(f.dp, real.incidents()).record(HazmatIncidentStorageTest.nearMiss("NM-1", AT));
        assertTrue(f.flagged());
        assertEquals(1, real.incidents().findAll().size());
    }

    @Test
    void aNearMissStoredThenFailingStoresNeitherItNorItsFlags() {
        JdbcStorage real = store();
        EngineFixture f = new EngineFixture(real).withRegister();
        IncidentRepository writesThenFails = failing(IncidentRepository.class, real.incidents(), "add", true);
        assertThrows(IllegalStateException.class, () -> Incidents.of(f.dp, writesThenFails)
                .record(HazmatIncidentStorageTest.nearMiss("NM-1", AT)));
        assertEquals(List.of(), real.incidents().findAll(), "the incident's row was rolled back");
        assertFalse(f.flagged(), "and the flag written before it");
    }

    @Test
    void anInstallationWhoseRegradeFailsIsNotStored() {
        JdbcStorage real = store();
        EngineFixture f = new EngineFixture(real).withRegister();
        MajorHazards broken = MajorHazards.of(new EngineFixture(flagSaveFails(real)).dp, real.majorHazards(),
                CriticalQuantityTables.gb18218_2018());
        assertThrows(IllegalStateException.class,
                () -> broken.register(HazmatIncidentStorageTest.tankFarm("600").withVersion(0), ActorId.of("safety")));
        assertEquals(List.of(), real.majorHazards().findAll(), "no installation without its risk point's grade");
        MajorHazardRepository writesThenFails = failing(MajorHazardRepository.class, real.majorHazards(), "save", true);
        MajorHazards late = MajorHazards.of(f.dp, writesThenFails, CriticalQuantityTables.gb18218_2018());
        long before = real.riskPoints().find(EngineFixture.RP).orElseThrow().version();
        assertThrows(IllegalStateException.class,
                () -> late.register(HazmatIncidentStorageTest.tankFarm("600").withVersion(0), ActorId.of("safety")));
        assertEquals(List.of(), real.majorHazards().findAll(), "the installation's row was rolled back");
        assertEquals(before, real.riskPoints().find(EngineFixture.RP).orElseThrow().version(), "and the regrade");
        MajorHazards.of(f.dp, real.majorHazards(), CriticalQuantityTables.gb18218_2018())
                .register(HazmatIncidentStorageTest.tankFarm("600").withVersion(0), ActorId.of("safety"));
        assertEquals(before + 1, real.riskPoints().find(EngineFixture.RP).orElseThrow().version(), "regraded once");
        assertEquals(1, real.majorHazards().findAll().size());
    }
}
