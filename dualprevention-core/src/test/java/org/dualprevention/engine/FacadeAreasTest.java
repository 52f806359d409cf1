package org.dualprevention.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.inspection.Cadence;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.inspection.Schedule;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.query.PageRequest;
import org.dualprevention.spi.InspectionListener;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.TestClock;
import org.dualprevention.testsupport.CapturedLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the split of the facade into areas must keep: one instance per area, inspection listeners isolated
 * from each other, and the reasons behind the named constants of {@link Inspections}.
 */
class FacadeAreasTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OrgUnitId C = OrgUnitId.of("C");
    static final OrgUnitId P = OrgUnitId.of("P");
    static final Actor WORKER = Actor.of(ActorId.of("worker"), P);

    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:00:00Z"), ZONE); // Mon 09:00 local
    final List<InspectionTask> heard = new ArrayList<>();
    final List<Object> failures = new ArrayList<>();
    /** The throwing listener's failures are logged on purpose: captured here, asserted, kept off the build log. */
    @RegisterExtension
    final CapturedLog log = CapturedLog.of("org.dualprevention.engine");
    DualPrevention dp;

    @BeforeEach
    void setUp() {
        dp = DualPrevention.builder().storage(InMemoryStorage.create()).clock(clock).discover(false)
                .inspectionListener(new InspectionListener() {
                    @Override
                    public void onTaskRecorded(InspectionTask task) {
                        throw new IllegalStateException("MES screen down");
                    }
                })
                .inspectionListener(new InspectionListener() {
                    @Override
                    public void onTaskRecorded(InspectionTask task) {
                        heard.add(task);
                    }
                })
                .listenerFailureHandler((subject, ex) -> failures.add(subject))
                .build();
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(C, "Company", ControlLevel.COMPANY),
                OrgUnit.child(P, "Post", ControlLevel.POST, C))));
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    static InspectionItem item(String id) {
        return InspectionItem.checklist(InspectionItemId.of(id), "exit", "exit kept clear", ChecklistClass.ON_SITE);
    }

    @Test
    void eachAreaIsOneInstanceOfItsEngine() {
        assertSame(dp.register(), dp.register());
        assertSame(dp.hiddenDangers(), dp.hiddenDangers());
        assertSame(dp.inspections(), dp.inspections());
    }

    @Test
    void aThrowingInspectionListenerStopsNeitherTheRecordNorTheOtherListener() {
        dp.inspections().savePlan(InspectionPlan.of(InspectionPlanId.of("daily"), "daily", PlanKind.SPECIAL, P,
                Schedule.every(Cadence.DAY), List.of(item("A")), LocalDate.of(2026, 11, 1), Optional.empty()));
        LocalDate day = LocalDate.of(2026, 11, 2);
        InspectionTask task = dp.inspections().tasksDue(startOf(day), startOf(day.plusDays(1)), PageRequest.first(10))
                .items().get(0);

        InspectionTask recorded = dp.inspections().recordTask(task.id(), WORKER,
                List.of(ItemResult.passed(InspectionItemId.of("A"))));

        assertTrue(dp.inspections().task(task.id()).orElseThrow().record().isPresent());
        assertEquals(List.of(recorded), heard);
        assertEquals(List.of(recorded), failures);
        assertEquals(1, log.warnings("A listener or follow-up failed"), log.text());
        assertTrue(log.text().contains("MES screen down"), log.text());
    }

    @Test
    void aFailedItemsHiddenDangerIsNamedAfterTaskAndItemUnlessThatIsLongerThanAnIdMayBe() {
        String longPlan = "p".repeat(100);
        String longItem = "i".repeat(30);
        dp.inspections().savePlan(InspectionPlan.of(InspectionPlanId.of(longPlan), "long ids", PlanKind.SPECIAL, P,
                Schedule.every(Cadence.DAY), List.of(item("A"), item(longItem)), LocalDate.of(2026, 11, 1),
                Optional.empty()));
        LocalDate day = LocalDate.of(2026, 11, 2);
        InspectionTask task = dp.inspections().tasksDue(startOf(day), startOf(day.plusDays(1)), PageRequest.first(10))
                .items().get(0);
        assertEquals(longPlan + "@2026-11-01", task.id().value());

        InspectionTask recorded = dp.inspections().recordTask(task.id(), WORKER, List.of(
                ItemResult.failed(InspectionItemId.of("A"), "blocked", List.of()),
                ItemResult.failed(InspectionItemId.of(longItem), "blocked", List.of())));

        String shortKey = task.id().value() + "/A";   // 113 characters: kept as it is
        String longKey = task.id().value() + "/" + longItem;   // 142 characters: too long for an id
        assertEquals(113, shortKey.length());
        assertEquals(142, longKey.length());
        HiddenDangerId expectedLong = HiddenDangerId.of(UUID.nameUUIDFromBytes(longKey.getBytes(StandardCharsets.UTF_8)));
        List<Optional<HiddenDangerId>> linked = recorded.record().orElseThrow().results().stream()
                .map(ItemResult::hiddenDanger).collect(Collectors.toList());
        assertEquals(List.of(Optional.of(HiddenDangerId.of(shortKey)), Optional.of(expectedLong)), linked);
        assertTrue(dp.hiddenDangers().find(HiddenDangerId.of(shortKey)).isPresent());
        assertTrue(dp.hiddenDangers().find(expectedLong).isPresent());
    }

    @Test
    void aTaskOfTheLongestQuarterIsScheduledFromAPlanValidOnlyOnItsFirstDay() {
        // July to September has 92 days: the period began 92 days before its task falls due on 1 October
        LocalDate quarterStart = LocalDate.of(2026, 7, 1);
        LocalDate due = LocalDate.of(2026, 10, 1);
        assertEquals(92, quarterStart.until(due, java.time.temporal.ChronoUnit.DAYS));
        dp.inspections().savePlan(InspectionPlan.of(InspectionPlanId.of("Q"), "quarterly", PlanKind.SPECIAL, P,
                Schedule.every(Cadence.QUARTER), List.of(item("A")), quarterStart, Optional.of(quarterStart)));
        clock.set(startOf(due).plus(Duration.ofHours(9)));

        assertEquals(1, dp.inspections().scheduleTasks(startOf(due), startOf(due.plusDays(1))));
        assertTrue(dp.inspections().task(InspectionTaskId.of("Q@2026-Q3")).isPresent());
    }
}
