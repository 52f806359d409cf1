package org.dualprevention.analytics;

import static org.dualprevention.analytics.Fixtures.C;
import static org.dualprevention.analytics.Fixtures.SHANGHAI;
import static org.dualprevention.analytics.Fixtures.W1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionRecord;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same answers through the storage SPI (in-memory store) as from plain iterables. */
class StorageAnalyticsTest {
    private static final Clock CLOCK = Fixtures.clockAt("2026-03-20T12:00");
    private Storage storage;
    private List<HiddenDanger> dangers;
    private List<InspectionTask> tasks;

    private static Instant t(String s) {
        return LocalDateTime.parse(s).atZone(SHANGHAI).toInstant();
    }

    @BeforeEach
    void fill() {
        storage = InMemoryStorage.create();
        storage.organization().save(Fixtures.ORG, 0);
        for (RiskPoint p : MapFixtures.points()) {
            storage.riskPoints().save(p.withVersion(1), 0);
        }
        Dangers.sink = tr -> storage.hiddenDangers().save(tr.next(), tr.next().version() - 1, tr.audit());
        dangers = MapFixtures.dangers();
        Dangers.sink = tr -> { };
        List<InspectionItem> items = List.of(
                InspectionItem.checklist(InspectionItemId.of("i1"), "guard", "fitted", ChecklistClass.ON_SITE),
                InspectionItem.checklist(InspectionItemId.of("i2"), "sign", "visible", ChecklistClass.ON_SITE));
        InspectionTask done = InspectionTask.of(InspectionTaskId.of("t1"), InspectionPlanId.of("P1"), PlanKind.ROUTINE,
                W1, Optional.empty(), t("2026-03-16T08:00"), t("2026-03-16T17:00"), items)
                .withRecord(new InspectionRecord(ActorId.of("inspector"), t("2026-03-16T15:00"), List.of(
                        ItemResult.passed(InspectionItemId.of("i1")),
                        ItemResult.failed(InspectionItemId.of("i2"), "faded", List.of()))));
        InspectionTask missed = InspectionTask.of(InspectionTaskId.of("t2"), InspectionPlanId.of("P1"), PlanKind.ROUTINE,
                W1, Optional.empty(), t("2026-03-18T08:00"), t("2026-03-18T17:00"), items);
        InspectionTask later = InspectionTask.of(InspectionTaskId.of("t3"), InspectionPlanId.of("P1"), PlanKind.ROUTINE,
                W1, Optional.empty(), t("2026-03-25T08:00"), t("2026-03-25T17:00"), items);
        tasks = List.of(done.withVersion(1), missed.withVersion(1), later.withVersion(1));
        storage.inspectionTasks().insertMissing(tasks);
    }

    @AfterEach
    void reset() {
        Dangers.sink = tr -> { };
    }

    @Test
    void statisticsFromStorageEqualThoseFromIterables() {
        ReportingPeriod q1 = ReportingPeriod.quarter(2026, 1);
        UnitStatistics viaStorage = StorageAnalytics.of(storage, CLOCK, Fixtures.SHANGHAI).statistics(C, q1);
        Map<org.dualprevention.risk.RiskPointId, RiskPoint> register = MapFixtures.points().stream()
                .collect(Collectors.toMap(RiskPoint::id, p -> p));
        List<InspectionTaskFact> taskFacts = tasks.stream().map(InspectionTaskFact::from).toList();
        UnitStatistics direct = Statistics.of(Fixtures.ORG, CLOCK, Fixtures.SHANGHAI).compute(C, q1,
                HiddenDangerFact.project(dangers, register, SHANGHAI), taskFacts);
        assertEquals(direct.toString(), viaStorage.toString());
        // h1..h5 found (h6 withdrawn), h3 closed on the spot, h2 overdue since 03-11
        assertEquals(5, viaStorage.found());
        assertEquals(1, viaStorage.withdrawn());
        assertEquals(Rate.of(1, 5), viaStorage.closedLoop());
        assertEquals(Rate.of(1, 5), viaStorage.rectification());
        assertEquals(1, viaStorage.overdueOpen());
        assertEquals(Map.of("general", 2L, "major", 1L, "ungraded", 2L), viaStorage.byGrade());
        // t1 done with 1 of 2 items passed, t2 missed, t3 not due yet
        assertEquals(Rate.of(1, 2), viaStorage.inspectionCompletion());
        assertEquals(Rate.of(1, 2), viaStorage.itemConformity());
        assertEquals(Map.of("P1", Rate.of(1, 2)), viaStorage.planExecution());
        assertEquals(java.time.LocalDate.of(2026, 4, 15),
                StorageAnalytics.of(storage, CLOCK, Fixtures.SHANGHAI).report(C, q1).deadline().orElseThrow());
    }

    @Test
    void riskMapAndWarningsFromStorage() {
        StorageAnalytics a = StorageAnalytics.of(storage, CLOCK, Fixtures.SHANGHAI);
        RiskMap map = a.riskMap(MapFixtures.zones(), DefaultEffectiveLevelPolicy.create());
        RiskMap expected = MapFixtures.map();
        assertEquals(expected.points(), map.points());
        assertEquals(expected.zones(), map.zones());
        List<Warning> w = a.warnings(map, WarningSettings.defaults());
        List<String> seen = new ArrayList<>();
        for (Warning x : w) {
            seen.add(x.rule().code() + ":" + x.subject().id());
        }
        assertTrue(seen.contains("effective-level-rise:P1"), seen.toString());
        assertTrue(seen.contains("effective-level-rise:P2"), seen.toString());
        assertTrue(seen.contains("hidden-danger-overdue:h2"), seen.toString());
        assertTrue(seen.contains("inspection-missed:W1"), seen.toString());
    }

    @Test
    void noOrganisationIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StorageAnalytics.of(InMemoryStorage.create(), CLOCK, Fixtures.SHANGHAI).organization());
        assertTrue(e.getMessage().contains("No organisation stored"), e.getMessage());
    }
}
