package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.engine.incident.Incidents;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.UnitKind;
import org.dualprevention.incident.Casualties;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.learning.TypicalHiddenDanger;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBC repositories of schema version 6 (issue 16) beyond the testkit's contracts: bad values are refused
 * naming the field and value with nothing stored, a unit of work that throws stores none of its rows, a row
 * changed outside the library is reported, the runtime account cannot rewrite the write-once tables, and a
 * database at schema version 5 with rows upgrades to 6.
 */
class HazmatIncidentStorageTest {
    private static final Instant AT = Instant.parse("2026-11-02T01:00:00Z");
    private FreshStores stores;

    @AfterEach
    void drop() {
        Migrations.hook = null;
        if (stores != null) {
            stores.close();
        }
    }

    private JdbcStorage store(TestDatabase.Kind kind) {
        stores = new FreshStores(kind);
        return stores.create();
    }

    static MajorHazardInstallation tankFarm(String tonnes) {
        return MajorHazardInstallation.of(InstallationId.of("tank-farm"), "甲醇罐区", UnitKind.STORAGE, EngineFixture.T,
                List.of(Holding.named("methanol", tonnes)), 35, List.of(EngineFixture.RP)).withVersion(1);
    }

    static Incident nearMiss(String id, Instant at) {
        return new Incident(IncidentId.of(id), IncidentKind.NEAR_MISS, EngineFixture.RP, List.of(EngineFixture.H1),
                List.of(ControlMeasureId.of("M1")), AccidentType.values()[2], Casualties.NONE, EngineFixture.T, at,
                ActorId.of("worker"), "防护罩缺失，及时发现未造成伤害");
    }

    static RecheckResult result(LocalDate on) {
        return new RecheckResult(false, ActorId.of("safety"), on, "整改后防护罩再次被拆除");
    }

    static TypicalHiddenDanger typical(String danger, Instant at) {
        return new TypicalHiddenDanger(HiddenDangerId.of(danger), "冲床防护罩被拆除", "为赶进度拆除防护罩",
                Optional.of(RiskPointKind.EQUIPMENT), Optional.of(HazardCategory.PHYSICAL), ActorId.of("safety"), at,
                "同类冲床逐台检查防护罩与联锁");
    }

    private static void assertNames(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "the message names [" + p + "]: " + e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void badValuesAreRefusedNamingFieldAndValueAndNothingIsStored(TestDatabase.Kind kind) {
        JdbcStorage s = store(kind);
        // a holding of 0 t has no JSON form (tonnes greater than 0): refused before the row is written
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.majorHazards().save(tankFarm("0"), 0));
        assertNames(e, "tank-farm", "/holdings/0/tonnes", "0", "greater than 0");
        e = assertThrows(IllegalArgumentException.class, () -> s.majorHazards().save(tankFarm("300").withVersion(3), 0));
        assertNames(e, "tank-farm", "[3]", "[0]", "next version = expected + 1");
        assertEquals(Optional.empty(), s.majorHazards().find(InstallationId.of("tank-farm")));
        assertEquals(List.of(), s.majorHazards().findAll());
        assertEquals(List.of(), s.majorHazards().findByRiskPoint(EngineFixture.RP));
        // and a refused update leaves the stored version and its risk points as they were
        s.majorHazards().save(tankFarm("300"), 0);
        MajorHazardInstallation bad = tankFarm("300").withHoldings(List.of(Holding.named("methanol", "-1")))
                .withRiskPoints(List.of(RiskPointId.of("elsewhere"))).withVersion(2);
        e = assertThrows(IllegalArgumentException.class, () -> s.majorHazards().save(bad, 1));
        assertNames(e, "/holdings/0/tonnes", "-1");
        assertEquals(List.of(tankFarm("300")), s.majorHazards().findByRiskPoint(EngineFixture.RP));
        assertEquals(List.of(), s.majorHazards().findByRiskPoint(RiskPointId.of("elsewhere")));

        Instant late = Instant.parse("2300-01-01T00:00:00Z");
        e = assertThrows(IllegalArgumentException.class, () -> s.incidents().add(nearMiss("NM-late", late)));
        assertNames(e, "NM-late", "occurredAt", "2300-01-01T00:00:00Z", "2262-04-11");
        assertEquals(List.of(), s.incidents().findAll());

        RecheckId rc = new RecheckId(HiddenDangerId.of("HD-1"), 1);
        e = assertThrows(IllegalArgumentException.class, () -> s.rechecks().add(rc, result(LocalDate.of(10_000, 1, 1))));
        assertNames(e, "HD-1#1", "checkedOn", "+10000-01-01", "9999-12-31");
        e = assertThrows(IllegalArgumentException.class, () -> s.rechecks().add(rc, result(LocalDate.of(999, 12, 31))));
        assertNames(e, "checkedOn", "0999-12-31", "1000-01-01");
        assertEquals(Map.of(), s.rechecks().findAll());

        e = assertThrows(IllegalArgumentException.class, () -> s.typicalHiddenDangers().add(typical("HD-1", late)));
        assertNames(e, "HD-1", "markedAt", "2300-01-01T00:00:00Z");
        assertEquals(List.of(), s.typicalHiddenDangers().findAll());

        // the edges themselves are stored
        s.rechecks().add(rc, result(LocalDate.of(9999, 12, 31)));
        s.rechecks().add(new RecheckId(HiddenDangerId.of("HD-1"), 2), result(LocalDate.of(1000, 1, 1)));
        assertEquals(Optional.of(result(LocalDate.of(9999, 12, 31))), s.rechecks().find(rc));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aNearMissAndTheReassessmentFlagsItSetsCommitTogetherOrNotAtAll(TestDatabase.Kind kind) {
        JdbcStorage s = store(kind);
        EngineFixture f = new EngineFixture(s).withRegister();
        Incidents incidents = Incidents.of(f.dp, s.incidents());
        IllegalStateException boom = assertThrows(IllegalStateException.class, () -> s.atomically(() -> {
            assertEquals(List.of(EngineFixture.H1), incidents.record(nearMiss("NM-1", AT)));
            s.majorHazards().save(tankFarm("300"), 0);
            s.rechecks().add(new RecheckId(HiddenDangerId.of("HD-1"), 1), result(LocalDate.of(2026, 12, 2)));
            s.typicalHiddenDangers().add(typical("HD-1", AT));
            assertTrue(f.flagged(), "inside the unit the flag is visible");
            throw new IllegalStateException("the host fails after the incident");
        }));
        assertEquals("the host fails after the incident", boom.getMessage());
        assertEquals(Optional.empty(), s.incidents().find(IncidentId.of("NM-1")), "no incident");
        assertFalse(f.flagged(), "no reassessment flag");
        assertEquals(List.of(), s.majorHazards().findAll(), "no installation");
        assertEquals(List.of(), s.majorHazards().findByRiskPoint(EngineFixture.RP), "no risk point link");
        assertEquals(Map.of(), s.rechecks().findAll(), "no re-check result");
        assertEquals(List.of(), s.typicalHiddenDangers().findAll(), "no typical entry");

        s.atomically(() -> incidents.record(nearMiss("NM-1", AT)));
        assertEquals(nearMiss("NM-1", AT), s.incidents().find(IncidentId.of("NM-1")).orElseThrow());
        assertTrue(f.flagged(), "the flag committed with the incident");
        assertEquals(List.of(nearMiss("NM-1", AT)), JdbcStorage.builder().dataSource(stores.pool())
                .tenant(s.tenant()).build().incidents().findByRiskPoint(EngineFixture.RP), "another store sees it");
    }

    @Test
    void aRowChangedOutsideTheLibraryIsReportedNamingTheRow() throws SQLException {
        JdbcStorage s = store(TestDatabase.Kind.H2_MEM);
        s.incidents().add(nearMiss("NM-1", AT));
        s.incidents().add(nearMiss("NM-2", AT.plusSeconds(60)));
        s.majorHazards().save(tankFarm("300"), 0);
        DataSource ds = stores.pool();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE dp_incident SET doc = (SELECT doc FROM dp_incident WHERE id = 'NM-2') WHERE id = 'NM-1'");
            st.executeUpdate("UPDATE dp_major_hazard SET version = 5");
        }
        JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> s.incidents().find(IncidentId.of("NM-1")));
        assertTrue(e.getMessage().contains("dp_incident row [NM-1]"), e.getMessage());
        assertEquals(nearMiss("NM-2", AT.plusSeconds(60)), s.incidents().find(IncidentId.of("NM-2")).orElseThrow(),
                "the sound row is still served");
        e = assertThrows(JdbcStorageException.class, () -> s.majorHazards().findAll());
        assertTrue(e.getMessage().contains("dp_major_hazard row [tank-farm]") && e.getMessage().contains("[5]"), e.getMessage());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE dp_incident SET risk_point_id = 'RP-OTHER' WHERE id = 'NM-2'");
        }
        e = assertThrows(JdbcStorageException.class, () -> s.incidents().findByRiskPoint(RiskPointId.of("RP-OTHER")));
        assertTrue(e.getMessage().contains("dp_incident row [NM-2]") && e.getMessage().contains("[RP-OTHER]"), e.getMessage());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE dp_incident SET doc = '{\"format\": \"x\"}' WHERE id = 'NM-2'");
        }
        e = assertThrows(JdbcStorageException.class, () -> s.incidents().find(IncidentId.of("NM-2")));
        assertTrue(e.getMessage().contains("dp_incident row [NM-2]") && e.getMessage().contains("/format"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void theRuntimeAccountCannotRewriteTheWriteOnceTables(TestDatabase.Kind kind) throws SQLException {
        JdbcStorage s = store(kind);
        s.incidents().add(nearMiss("NM-1", AT));
        s.rechecks().add(new RecheckId(HiddenDangerId.of("HD-1"), 1), result(LocalDate.of(2026, 12, 2)));
        s.typicalHiddenDangers().add(typical("HD-1", AT));
        s.majorHazards().save(tankFarm("300"), 0);
        List<String> refused = List.of("UPDATE dp_incident SET unit_id = 'x'", "DELETE FROM dp_incident",
                "UPDATE dp_recheck SET passed = TRUE", "DELETE FROM dp_recheck",
                "UPDATE dp_typical_danger SET marked_ns = 0", "DELETE FROM dp_typical_danger",
                "DELETE FROM dp_major_hazard", "DROP TABLE dp_incident", "ALTER TABLE dp_recheck ADD COLUMN x INT");
        try (Connection c = stores.accounts().get(0).appDataSource().getConnection(); Statement st = c.createStatement()) {
            for (String sql : refused) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), "the runtime account may not: " + sql);
                String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                assertTrue("42501".equals(e.getSQLState()) || m.contains("permission denied") || m.contains("must be owner")
                        || m.contains("command denied") || m.contains("access denied"), sql + ": " + e.getMessage());
            }
        }
        assertEquals(nearMiss("NM-1", AT), s.incidents().find(IncidentId.of("NM-1")).orElseThrow());
        assertEquals(1, s.rechecks().findAll().size());
        assertEquals(1, s.typicalHiddenDangers().findAll().size());
        assertEquals(1, s.majorHazards().findAll().size());
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aDatabaseAtVersion5WithRowsUpgradesTo6(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.hook = (d, v, k, p) -> {
                if (v == 6 && k == 1 && p == Migrations.Point.BEFORE) {
                    throw new SQLException("stop at version 5", "08006");
                }
            };
            assertThrows(JdbcStorageException.class, () -> Migrations.migrate(db.dataSource()));
            Migrations.hook = null;
            assertEquals(5, Migrations.currentVersion(db.dataSource()));
            JdbcStorage old = JdbcStorage.of(db.dataSource());
            EngineFixture f = new EngineFixture(old).withRegister();
            assertThrows(JdbcStorageException.class, () -> old.incidents().add(nearMiss("NM-1", AT)),
                    "at version 5 there is no incident table");
            assertEquals(Migrations.latestVersion(), Migrations.migrate(db.dataSource()));
            JdbcStorage upgraded = JdbcStorage.of(db.dataSource());
            assertEquals(f.dp.register().organization(),
                    new EngineFixture(upgraded).dp.register().organization(), "the rows of version 5 are served");
            Incidents incidents = Incidents.of(new EngineFixture(upgraded).dp, upgraded.incidents());
            upgraded.atomically(() -> incidents.record(nearMiss("NM-1", AT)));
            assertEquals(List.of(nearMiss("NM-1", AT)), upgraded.incidents().findAll());
            assertTrue(new EngineFixture(upgraded).flagged());
            try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM dp_schema_version WHERE version = 6"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void numbersTheDocumentCannotHoldAreRefusedNamingTheRecordAndNothingIsStored() {
        JdbcStorage s = store(TestDatabase.Kind.H2_MEM);
        for (String tonnes : List.of("1E+10000", "1E-10000", "1" + "0".repeat(1200))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.majorHazards().save(tankFarm(tonnes), 0), tonnes);
            assertNames(e, "major hazard installation [tank-farm]", "cannot be stored");
        }
        assertEquals(List.of(), s.majorHazards().findAll());
        Incident i = nearMiss("AC-1", AT);
        Incident costly = new Incident(i.id(), IncidentKind.ACCIDENT, i.riskPoint(), i.hazards(), i.failedMeasures(),
                i.accidentType(), new Casualties(0, 0, 1, new BigDecimal("1E+10000")), i.unit(), i.occurredAt(),
                i.reporter(), i.description());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.incidents().add(costly));
        assertNames(e, "incident [AC-1]", "cannot be stored");
        assertEquals(List.of(), s.incidents().findAll());
    }

    @Test
    void theTonnesOfAHoldingAreStoredToTheLastDigit() {
        JdbcStorage s = store(TestDatabase.Kind.H2_MEM);
        MajorHazardInstallation m = tankFarm("123456789012345678901234567890.000000000000000000001");
        s.majorHazards().save(m, 0);
        BigDecimal back = s.majorHazards().find(m.id()).orElseThrow().holdings().get(0).tonnes();
        assertEquals(new BigDecimal("123456789012345678901234567890.000000000000000000001"), back);
    }
}
