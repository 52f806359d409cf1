package org.dualprevention.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.ProviderConfigurationException;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemOutcome;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.TaskMissed;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.spi.InspectionListener;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.TestClock;
import org.dualprevention.testsupport.CapturedLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The facade end to end over the in-memory store, with a hand-moved clock. */
class DualPreventionTest {
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");
    static final OrgUnitId C = OrgUnitId.of("C");
    static final OrgUnitId W = OrgUnitId.of("W");
    static final OrgUnitId T = OrgUnitId.of("T");
    static final OrgUnitId P = OrgUnitId.of("P");
    static final Organization ORG = Organization.of(List.of(
            OrgUnit.root(C, "Company", ControlLevel.COMPANY),
            OrgUnit.child(W, "Workshop", ControlLevel.WORKSHOP, C),
            OrgUnit.child(T, "Team", ControlLevel.TEAM, W),
            OrgUnit.child(P, "Post", ControlLevel.POST, T)));
    static final Actor BOSS = Actor.of(ActorId.of("boss"), C);
    static final Actor SAFETY = Actor.of(ActorId.of("safety"), C);
    static final Actor LEADER = Actor.of(ActorId.of("leader"), T);
    static final Actor WORKER = Actor.of(ActorId.of("worker"), P);
    static final URI PHOTO = URI.create("https://example.org/p.jpg");

    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:00:00Z"), ZONE); // Mon 09:00 local
    final List<Object> events = new ArrayList<>();
    final List<Object> failures = new ArrayList<>();
    /** The throwing listener's failures are logged on purpose: captured here, asserted, kept off the build log. */
    @RegisterExtension
    final CapturedLog log = CapturedLog.of("org.dualprevention.engine");
    DualPrevention dp;

    @BeforeEach
    void setUp() {
        dp = DualPrevention.builder().storage(InMemoryStorage.create()).clock(clock).discover(false)
                .register(new TestPlugins.ProductMethod("ACME.PROD", "ACME.BANDS"))
                .register(new TestPlugins.BandScheme("ACME.BANDS", "ACME.PROD"))
                .listener(new HiddenDangerListener() {
                    @Override
                    public void onEvent(HiddenDangerEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void onEffectiveLevelChanged(EffectiveLevelChanged event) {
                        events.add(event);
                    }
                })
                .listener(e -> {
                    throw new IllegalStateException("SMS gateway down");
                })
                .inspectionListener(new InspectionListener() {
                    @Override
                    public void onTaskMissed(TaskMissed event) {
                        events.add(event);
                    }
                })
                .listenerFailureHandler((subject, ex) -> failures.add(subject))
                .build();
        dp.register().saveOrganization(ORG);
    }

    static RiskPoint press() {
        Hazard h = Hazard.of(HazardId.of("H1"), "crushing", HazardCategory.PHYSICAL, Set.of(AccidentType.values()[2]),
                "", "").withMeasures(List.of(
                        new ControlMeasure(ControlMeasureId.of("M1"), MeasureCategory.ENGINEERING, "guard", ControlLevel.COMPANY,
                                C, "guard fitted"),
                        new ControlMeasure(ControlMeasureId.of("M2"), MeasureCategory.MANAGEMENT, "lockout",
                                ControlLevel.TEAM, T, "lockout procedure followed")));
        return RiskPoint.of(RiskPointId.of("RP-PRESS"), "Press", RiskPointKind.EQUIPMENT, T, Optional.empty())
                .withHazard(h);
    }

    Assessment assess(int a, int b) {
        return dp.register().assess(HazardId.of("H1"), AssessmentRequest.of(MethodId.of("ACME.PROD"),
                AssessmentInput.of(Map.of("A", BigDecimal.valueOf(a), "B", BigDecimal.valueOf(b))),
                AssessmentKind.INHERENT, ActorId.of("assessor")));
    }

    @SuppressWarnings("unchecked")
    <T> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).collect(Collectors.toList());
    }

    @Test
    void buildWithoutStorageFailsWithTheDocumentedMessage() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> DualPrevention.builder().build());
        assertEquals("No storage configured; pass one to DualPrevention.builder().storage(..), e.g. "
                + "InMemoryStorage.create() for tests and demos", e.getMessage());
    }

    @Test
    void registerValidatesUnitsAndHazardIdsAndUpdatesAreVersioned() {
        RiskPoint stored = dp.register().addRiskPoint(press());
        assertEquals(1, stored.version());
        ValidationException bad = assertThrows(ValidationException.class, () -> dp.register().addRiskPoint(
                RiskPoint.of(RiskPointId.of("RP2"), "x", RiskPointKind.PLACE, OrgUnitId.of("nowhere"), Optional.empty())
                        .withHazard(press().hazards().get(0))));
        assertEquals(List.of("owningUnit", "hazards[0].id"),
                bad.violations().stream().map(v -> v.path()).collect(Collectors.toList()));
        RiskPoint renamed = dp.register().updateRiskPoint(stored.withDetails("Press 1", stored.kind(), T, Optional.empty()));
        assertEquals(2, renamed.version());
        // a stale copy surfaces the conflict; the retry helper reloads and succeeds
        assertThrows(StaleVersionException.class,
                () -> dp.register().updateRiskPoint(stored.withDetails("Press X", stored.kind(), T, Optional.empty())));
        AtomicInteger runs = new AtomicInteger();
        RiskPoint retried = dp.retrying(3, () -> {
            RiskPoint cur = runs.incrementAndGet() == 1 ? stored : dp.register().riskPoint(stored.id()).orElseThrow();
            return dp.register().updateRiskPoint(cur.withDetails("Press Y", cur.kind(), T, Optional.empty()));
        });
        assertEquals(2, runs.get());
        assertEquals(3, retried.version());
        assertEquals("Press Y", dp.register().riskPoint(stored.id()).orElseThrow().name());
    }

    @Test
    void failedItemRegistersAHiddenDangerFlagsTheHazardAndTheLoopRaisesAndRestoresTheLevel() {
        dp.register().addRiskPoint(press());
        Assessment a = assess(1, 2);
        assertEquals(RiskLevel.LOW, a.level());
        dp.inspections().createRoutinePlans(LocalDate.of(2026, 11, 1));
        Instant dayStart = LocalDate.of(2026, 11, 2).atStartOfDay(ZONE).toInstant();
        List<InspectionTask> due = dp.inspections()
                .tasksDue(dayStart, dayStart.plus(Duration.ofDays(1)), PageRequest.first(100)).items();
        // due in [11-02 00:00, 11-03 00:00): the team's task of 11-01 (due 11-02 00:00) and the post's day
        // shift (due 16:00); the team's task of 11-02 is due 11-03 00:00, outside; company monthly/quarterly
        // and workshop weekly are not due on this day
        assertEquals(List.of("routine.T@2026-11-01", "routine.P@2026-11-02/day"), due.stream()
                .map(t -> t.id().value()).collect(Collectors.toList()));
        InspectionTask post = due.get(1);
        // the post inspects the company-level guard and the team-level lockout (cascade)
        assertEquals(List.of("M1#1", "M2#1"), post.items().stream().map(i -> i.id().value()).collect(Collectors.toList()));

        InspectionTask recorded = dp.inspections().recordTask(post.id(), WORKER, List.of(
                ItemResult.failed(post.items().get(0).id(), "guard removed", List.of(PHOTO)),
                ItemResult.passed(post.items().get(1).id())));
        HiddenDangerId hd = HiddenDangerId.of("routine.P@2026-11-02/day/M1#1");
        assertEquals(Optional.of(hd), recorded.record().orElseThrow().results().get(0).hiddenDanger());
        HiddenDanger reported = dp.hiddenDangers().find(hd).orElseThrow();
        assertEquals(HiddenDangerSource.INSPECTION, reported.source());
        assertEquals(Optional.of(ControlMeasureId.of("M1")), reported.failedMeasure());
        assertEquals(P, reported.unit());
        // not flagged yet: the closed loop asks for reassessment once the report is verified
        assertEquals(0, dp.register().riskPoints(RiskPointQuery.all().flaggedForReassessment(), PageRequest.first(5))
                .items().size());
        // the throwing listener did not block anything, and its failure was reported
        assertFalse(failures.isEmpty());
        assertEquals(failures.size(), log.warnings("A listener or follow-up failed"), "each failure logged once:\n"
                + log.text());
        assertEquals(1, events(HiddenDangerEvent.Reported.class).size());
        // recording twice is refused
        assertThrows(IllegalStateException.class, () -> dp.inspections().recordTask(post.id(), WORKER, List.of()));

        // verify as major: the effective level rises to MAJOR while it is open
        dp.hiddenDangers().apply(hd, HiddenDangerCommand.Verify.major(SAFETY, "confirmed",
                new AuthorityReport("s", "h", "t")));
        // the reverse check: the hazard is flagged
        assertTrue(dp.register().riskPoint(RiskPointId.of("RP-PRESS")).orElseThrow().hazard(HazardId.of("H1")).orElseThrow()
                .reassessment().isPresent());
        assertEquals(1, dp.register().riskPoints(RiskPointQuery.all().flaggedForReassessment(), PageRequest.first(5))
                .items().size());
        List<EffectiveLevelChanged> changes = events(EffectiveLevelChanged.class);
        assertEquals(1, changes.size());
        assertEquals(RiskLevel.LOW, changes.get(0).from());
        assertEquals(RiskLevel.MAJOR, changes.get(0).to().effective());
        assertEquals(RiskLevel.MAJOR, dp.register().effectiveLevel(RiskPointId.of("RP-PRESS")).orElseThrow().effective());

        // a major hidden danger is planned and accepted at company level (organisation policy)
        LocalDate deadline = LocalDate.of(2026, 11, 10);
        dp.hiddenDangers().apply(hd, new HiddenDangerCommand.Plan(BOSS, new RectificationPlan(LEADER.id(), "refit guard",
                Funds.cny("500"), deadline, "stop the press", Optional.of(new GovernanceScheme("g", "m", "f", "o", "t",
                        "s")))));
        dp.hiddenDangers().apply(hd, HiddenDangerCommand.Start.by(LEADER));
        dp.hiddenDangers().apply(hd, new HiddenDangerCommand.Submit(LEADER, "refitted", List.of(PHOTO),
                LocalDate.of(2026, 11, 2)));
        assertThrows(AccessDeniedException.class, () -> dp.hiddenDangers().apply(hd, new HiddenDangerCommand.Accept(
                Actor.of(ActorId.of("other-leader"), T), "ok")));
        HiddenDanger closed = dp.hiddenDangers().apply(hd, new HiddenDangerCommand.Accept(SAFETY, "ok"));
        assertEquals(HiddenDangerState.CLOSED, closed.state());
        assertEquals(2, events(EffectiveLevelChanged.class).size());
        assertEquals(RiskLevel.LOW, events(EffectiveLevelChanged.class).get(1).to().effective());
        assertTrue(dp.hiddenDangers().verifyAuditChain(hd).isValid());
        assertEquals(closed.version(), dp.hiddenDangers().auditEntries(hd).size());

        // a new assessment clears the flag
        assess(1, 1);
        assertTrue(dp.register().riskPoint(RiskPointId.of("RP-PRESS")).orElseThrow().hazard(HazardId.of("H1")).orElseThrow()
                .reassessment().isEmpty());
    }

    @Test
    void overdueSweepReportsEachNewlyOverdueOnceGivenTheLastSweepDay() {
        HiddenDangerId id = HiddenDangerId.of("HD-1");
        dp.hiddenDangers().report(HiddenDangerCommand.Report.of(WORKER, id, "oil leak", "",
                HiddenDangerSource.RANDOM_OBSERVATION, T, LocalDate.of(2026, 11, 2)));
        dp.hiddenDangers().apply(id, HiddenDangerCommand.Verify.general(LEADER, "ok"));
        dp.hiddenDangers().apply(id, new HiddenDangerCommand.Plan(LEADER, RectificationPlan.of(LEADER.id(), "fix",
                Funds.cny("0"), LocalDate.of(2026, 11, 4), "drip tray")));
        assertEquals(List.of(), dp.hiddenDangers().sweepOverdue(LocalDate.of(2026, 11, 1)));
        clock.advance(Duration.ofDays(3)); // 11-05: past the deadline 11-04
        assertEquals(1, dp.hiddenDangers().sweepOverdue(LocalDate.of(2026, 11, 4)).size());
        assertEquals(List.of(), dp.hiddenDangers().sweepOverdue(LocalDate.of(2026, 11, 5)),
                "already reported at the previous sweep");
        assertEquals(1, dp.hiddenDangers().find(HiddenDangerQuery.all().overdueAsOf(dp.today())
                .inUnits(dp.register().unitAndBelow(W)), PageRequest.first(10)).items().size());
        assertEquals(1, events(HiddenDangerEvent.Overdue.class).size());
    }

    @Test
    void missedTasksAreReportedOncePerSweepWindow() {
        dp.register().addRiskPoint(press());
        dp.inspections().createRoutinePlans(LocalDate.of(2026, 11, 2));
        Instant start = clock.instant();
        clock.advance(Duration.ofDays(2)); // Wed 09:00
        List<TaskMissed> missed = dp.inspections().sweepMissed(start);
        // team daily due 11-03 00:00 and 11-04 00:00; post day shift due 11-02 16:00 and 11-03 16:00
        assertEquals(List.of("routine.P@2026-11-02/day", "routine.T@2026-11-02", "routine.P@2026-11-03/day",
                "routine.T@2026-11-03"), missed.stream().map(m -> m.task().value()).collect(Collectors.toList()));
        assertEquals(List.of(), dp.inspections().sweepMissed(clock.instant()));
        assertEquals(4, events(TaskMissed.class).size());
        assertEquals(org.dualprevention.inspection.TaskStatus.MISSED,
                dp.inspections().task(InspectionTaskId.of("routine.T@2026-11-02")).orElseThrow().status(clock.instant()));
    }

    @Test
    void concurrentCommandsThroughTheFacadeLoseNothing() throws Exception {
        HiddenDangerId id = HiddenDangerId.of("HD-C");
        dp.hiddenDangers().report(HiddenDangerCommand.Report.of(WORKER, id, "leak", "",
                HiddenDangerSource.RANDOM_OBSERVATION, T, LocalDate.of(2026, 11, 2)));
        dp.hiddenDangers().apply(id, HiddenDangerCommand.Verify.general(LEADER, "ok"));
        dp.hiddenDangers().apply(id, new HiddenDangerCommand.Plan(LEADER, RectificationPlan.of(LEADER.id(), "fix",
                Funds.cny("0"), LocalDate.of(2026, 11, 4), "tray")));
        dp.hiddenDangers().apply(id, HiddenDangerCommand.Start.by(LEADER));
        int threads = 6;
        int perThread = 15;
        AtomicInteger conflicts = new AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Actor actor = Actor.of(ActorId.of("w" + i), T);
                fs.add(pool.submit(() -> {
                    for (int k = 0; k < perThread; k++) {
                        dp.retrying(1000, () -> {
                            HiddenDanger cur = dp.hiddenDangers().find(id).orElseThrow();
                            try {
                                return dp.hiddenDangers().apply(id, new HiddenDangerCommand.ExtendDeadline(actor,
                                        cur.deadline().orElseThrow().plusDays(1), "more time", BOSS));
                            } catch (StaleVersionException e) {
                                conflicts.incrementAndGet();
                                throw e;
                            } catch (ValidationException e) {
                                // read an older deadline than the one stored by the time of the guard: retry
                                throw new StaleVersionException(id.value(), cur.version(), -1);
                            }
                        });
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : fs) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        HiddenDanger last = dp.hiddenDangers().find(id).orElseThrow();
        assertEquals(4 + threads * perThread, last.version());
        assertEquals(LocalDate.of(2026, 11, 4).plusDays(threads * perThread), last.deadline().orElseThrow());
        assertEquals(threads * perThread, last.extensionCount());
        assertTrue(dp.hiddenDangers().verifyAuditChain(id).isValid());
        assertEquals(last.version(), dp.hiddenDangers().auditEntries(id).size());
    }

    @Test
    void noEffectiveLevelEventForAnUnassessedRiskPointNorForItsFirstAssessment() {
        dp.register().addRiskPoint(press());
        HiddenDangerId id = HiddenDangerId.of("HD-U");
        dp.hiddenDangers().report(HiddenDangerCommand.Report.of(WORKER, id, "guard", "",
                HiddenDangerSource.RANDOM_OBSERVATION, T, LocalDate.of(2026, 11, 2))
                .withRiskPoint(RiskPointId.of("RP-PRESS")));
        dp.hiddenDangers().apply(id, HiddenDangerCommand.Verify.major(SAFETY, "serious",
                new AuthorityReport("s", "h", "t")));
        assertEquals(List.of(), events(EffectiveLevelChanged.class));
        assertTrue(dp.register().effectiveLevel(RiskPointId.of("RP-PRESS")).isEmpty());
        assess(1, 1);
        assertEquals(List.of(), events(EffectiveLevelChanged.class));
        assertEquals(RiskLevel.MAJOR, dp.register().effectiveLevel(RiskPointId.of("RP-PRESS")).orElseThrow().effective());
        // a reassessment that changes the assessed level is reported only if the effective level moves: it stays MAJOR
        assess(3, 3);
        assertEquals(List.of(), events(EffectiveLevelChanged.class));
    }

    @Test
    void goodPracticesAreSharedWithoutATask() {
        GoodPractice g = new GoodPractice(GoodPracticeId.of("GP-1"), WORKER.id(), P, Optional.empty(), clock.instant(),
                "tidy tool board", List.of(PHOTO));
        dp.inspections().shareGoodPractice(g);
        assertEquals(Optional.of(g), dp.storage().goodPractices().find(g.id()));
        assertThrows(StaleVersionException.class, () -> dp.inspections().shareGoodPractice(g));
        assertThrows(ValidationException.class, () -> dp.inspections().shareGoodPractice(new GoodPractice(
                GoodPracticeId.of("GP-2"), WORKER.id(), OrgUnitId.of("nowhere"), Optional.empty(), clock.instant(), "x",
                List.of())));
        assertTrue(List.of(ItemOutcome.values()).contains(ItemOutcome.NOT_APPLICABLE));
        assertTrue(InspectionItem.class.isRecord());
    }
}
