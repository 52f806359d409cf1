package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.StaleVersionException;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.spi.Page;
import org.dualprevention.spi.PageRequest;
import org.dualprevention.spi.RiskPointQuery;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The organisation and the risk register on every database (until the testkit's storage contract covers them). */
class RegisterStorageTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void organisationAndRiskPointsRoundTripAndPage(TestDatabase.Kind kind) {
        long seed = 0x5eed_0001L;
        Gen gen = Gen.of(seed);
        try (TestDatabase db = TestDatabase.create(kind)) {
            JdbcStorage storage = JdbcStorage.builder().dataSource(db.dataSource()).migrate(true).build();
            Organization org = gen.organization(12);
            assertTrue(storage.organization().load().isEmpty());
            storage.organization().save(org, 0);
            assertEquals(org, storage.organization().load().orElseThrow().value());
            assertEquals(1, storage.organization().load().orElseThrow().version());
            StaleVersionException stale = assertThrows(StaleVersionException.class, () -> storage.organization().save(org, 0));
            assertEquals(1, stale.actualVersion());

            List<RiskPoint> points = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                RiskPoint rp = gen.riskPoint(org).withVersion(1);
                storage.riskPoints().save(rp, 0);
                points.add(rp);
            }
            for (RiskPoint rp : points) {
                assertEquals(rp, storage.riskPoints().find(rp.id()).orElseThrow(), "seed " + seed);
                rp.hazards().forEach(h -> assertEquals(rp.id(), storage.riskPoints().findByHazard(h.id()).orElseThrow().id()));
            }
            RiskPoint first = points.get(0);
            storage.riskPoints().save(first.withVersion(2), 1);
            assertThrows(StaleVersionException.class, () -> storage.riskPoints().save(first.withVersion(2), 1));
            assertThrows(IllegalArgumentException.class, () -> storage.riskPoints().save(first.withVersion(5), 2));
            assertEquals(2, storage.riskPoints().find(first.id()).orElseThrow().version());

            Set<org.dualprevention.organization.OrgUnitId> units = org.units().stream().limit(4).map(u -> u.id())
                    .collect(Collectors.toSet());
            RiskPointQuery q = RiskPointQuery.all().inUnits(units);
            List<RiskPoint> expected = points.stream().filter(q::matches).sorted(Comparator.comparing(p -> p.id().value()))
                    .collect(Collectors.toList());
            List<RiskPoint> got = Page.stream(p -> storage.riskPoints().find(q, p), 7).collect(Collectors.toList());
            assertEquals(expected.stream().map(RiskPoint::id).collect(Collectors.toList()),
                    got.stream().map(RiskPoint::id).collect(Collectors.toList()), "seed " + seed);
            assertEquals(expected.size(), storage.riskPoints().count(q));
            assertEquals(0, storage.riskPoints().count(RiskPointQuery.all().inUnits(List.of())));
            assertFalse(storage.riskPoints().find(RiskPointQuery.all(), PageRequest.first(100)).hasNext());
            assertThrows(IllegalArgumentException.class,
                    () -> storage.riskPoints().find(RiskPointQuery.all(), PageRequest.after("garbage", 5)));
        }
    }
}
