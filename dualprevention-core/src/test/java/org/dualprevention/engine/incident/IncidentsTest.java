package org.dualprevention.engine.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.incident.AccidentGrade;
import org.dualprevention.incident.Casualties;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.storage.memory.InMemoryIncidentRepository;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.TestClock;
import org.dualprevention.spi.RiskPointRepository;
import org.dualprevention.spi.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An incident feeds back to risk as a hidden danger does: the hazards it involves become due for reassessment. */
class IncidentsTest {
    static final OrgUnitId C = OrgUnitId.of("C");
    static final ActorId SAFETY = ActorId.of("safety");
    static final RiskPointId TANKS = RiskPointId.of("tanks");
    static final HazardId LEAK = HazardId.of("leak");
    static final HazardId FALL = HazardId.of("fall");
    static final ControlMeasureId HOSE = ControlMeasureId.of("hose-check");
    static final ControlMeasureId RAIL = ControlMeasureId.of("rail");

    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    DualPrevention dp;
    Incidents incidents;

    @BeforeEach
    void setUp() {
        dp = DualPrevention.builder().storage(faulty(InMemoryStorage.create())).clock(clock).build();
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(C, "公司", ControlLevel.COMPANY))));
        Hazard leak = Hazard.of(LEAK, "卸车泄漏", HazardCategory.CHEMICAL, EnumSet.of(AccidentType.FIRE), "软管老化", "火灾")
                .withMeasure(new ControlMeasure(HOSE, MeasureCategory.ENGINEERING, "软管每班检查", ControlLevel.TEAM, C,
                        "无渗漏"));
        Hazard fall = Hazard.of(FALL, "罐顶坠落", HazardCategory.PHYSICAL, EnumSet.of(AccidentType.FALL_FROM_HEIGHT),
                "护栏缺失", "坠落").withMeasure(new ControlMeasure(RAIL, MeasureCategory.ENGINEERING, "护栏完好",
                        ControlLevel.TEAM, C, "护栏牢固"));
        dp.register().addRiskPoint(RiskPoint.of(TANKS, "罐区", RiskPointKind.PLACE, C, Optional.empty())
                .withHazard(leak).withHazard(fall));
        for (HazardId h : List.of(LEAK, FALL)) {
            dp.register().assess(h, AssessmentRequest.of(MethodId.of("LEC"),
                    AssessmentInput.of(Map.of("L", 3, "E", 6, "C", 7)), AssessmentKind.INHERENT, SAFETY));
        }
        clock.advance(Duration.ofDays(1));
        incidents = Incidents.of(dp, new InMemoryIncidentRepository());
    }

    /** The next {@code riskPointSaveFailures} risk-point saves of the store throw. */
    final java.util.concurrent.atomic.AtomicInteger riskPointSaveFailures = new java.util.concurrent.atomic.AtomicInteger();

    Storage faulty(Storage memory) {
        RiskPointRepository points = memory.riskPoints();
        RiskPointRepository failing = (RiskPointRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RiskPointRepository.class}, (p, m, args) -> {
                    if (m.getName().equals("save") && riskPointSaveFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new IllegalStateException("disk gone");
                    }
                    try {
                        return m.invoke(points, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (Storage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Storage.class},
                (p, m, args) -> {
                    if (m.getName().equals("riskPoints")) {
                        return failing;
                    }
                    try {
                        return m.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    @DisplayName("issue 12: the flag save fails → neither the incident nor any flag is stored; a retry stores both")
    void aFailedFlagSaveStoresNothing() {
        riskPointSaveFailures.set(1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> incidents.record(nearMiss("NM-1", List.of(LEAK, FALL), List.of())));
        assertEquals("disk gone", e.getMessage());
        assertEquals(List.of(), incidents.incidents(), "no incident without its flags");
        assertEquals(Optional.empty(), hazard(LEAK).reassessment());
        assertEquals(Optional.empty(), hazard(FALL).reassessment());
        assertEquals(List.of(LEAK, FALL), incidents.record(nearMiss("NM-1", List.of(LEAK, FALL), List.of())));
        assertEquals(1, incidents.incidents().size());
        assertEquals("incident:NM-1", hazard(FALL).reassessment().orElseThrow().source());
    }

    @Test
    @DisplayName("issue 12: the incident is refused (id taken, or its store fails) → the flags it set are undone")
    void aRefusedIncidentLeavesNoFlag() {
        incidents.record(nearMiss("NM-1", List.of(LEAK), List.of()));
        assertThrows(StaleVersionException.class, () -> incidents.record(nearMiss("NM-1", List.of(FALL), List.of())));
        assertEquals(Optional.empty(), hazard(FALL).reassessment(), "the second NM-1 flagged nothing");
        Incidents broken = Incidents.of(dp, new org.dualprevention.spi.IncidentRepository() {
            @Override
            public void add(Incident incident) {
                throw new IllegalStateException("incident store gone");
            }

            @Override
            public Optional<Incident> find(IncidentId id) {
                return Optional.empty();
            }

            @Override
            public List<Incident> findAll() {
                return List.of();
            }
        });
        assertThrows(IllegalStateException.class, () -> broken.record(nearMiss("NM-2", List.of(FALL), List.of())));
        assertEquals(Optional.empty(), hazard(FALL).reassessment());
    }

    Incident nearMiss(String id, List<HazardId> hazards, List<ControlMeasureId> measures) {
        return new Incident(IncidentId.of(id), IncidentKind.NEAR_MISS, TANKS, hazards, measures, AccidentType.FIRE,
                Casualties.NONE, C, clock.instant(), SAFETY, "卸车软管渗漏，及时发现");
    }

    Hazard hazard(HazardId id) {
        return dp.register().riskPoint(TANKS).orElseThrow().hazard(id).orElseThrow();
    }

    @Test
    @DisplayName("a near miss naming a failed measure flags that measure's hazard only, and the derived rule agrees")
    void nearMissFlagsTheHazardOfItsFailedMeasure() {
        Incident nm = nearMiss("NM-1", List.of(), List.of(HOSE));
        assertEquals(List.of(LEAK), incidents.record(nm));
        assertTrue(hazard(LEAK).reassessment().orElseThrow().reason().startsWith("未遂事件"));
        assertEquals("incident:NM-1", hazard(LEAK).reassessment().orElseThrow().source());
        assertEquals(Optional.empty(), hazard(FALL).reassessment());
        assertEquals(Optional.of(nm), IncidentReassessment.dueBecauseOf(TANKS, hazard(LEAK), incidents.incidents()));
        assertEquals(Optional.empty(), IncidentReassessment.dueBecauseOf(TANKS, hazard(FALL), incidents.incidents()));
    }

    @Test
    @DisplayName("a new assessment clears the flag and the derived rule: the incident is older than the assessment")
    void reassessmentClears() {
        incidents.record(nearMiss("NM-1", List.of(LEAK), List.of()));
        clock.advance(Duration.ofHours(2));
        dp.register().assess(LEAK, AssessmentRequest.of(MethodId.of("LEC"),
                AssessmentInput.of(Map.of("L", 3, "E", 6, "C", 7)), AssessmentKind.INHERENT, SAFETY));
        assertEquals(Optional.empty(), hazard(LEAK).reassessment());
        assertEquals(Optional.empty(), IncidentReassessment.dueBecauseOf(TANKS, hazard(LEAK), incidents.incidents()));
    }

    @Test
    @DisplayName("an accident naming neither hazards nor measures flags every hazard of the point")
    void wholePoint() {
        Incident acc = new Incident(IncidentId.of("A-1"), IncidentKind.ACCIDENT, TANKS, List.of(), List.of(),
                AccidentType.FALL_FROM_HEIGHT, new Casualties(0, 1, 0, new BigDecimal("20000")), C, clock.instant(),
                SAFETY, "检修工罐顶坠落");
        assertEquals(List.of(LEAK, FALL), incidents.record(acc));
        assertEquals(Optional.of(AccidentGrade.GENERAL), Incidents.grade(acc));
        assertEquals(Optional.empty(), Incidents.grade(nearMiss("x", List.of(), List.of())));
    }

    @Test
    @DisplayName("bad references and a near miss with casualties are named together; nothing is recorded or flagged")
    void badInput() {
        Incident bad = new Incident(IncidentId.of("NM-2"), IncidentKind.NEAR_MISS, TANKS, List.of(HazardId.of("ghost")),
                List.of(RAIL), AccidentType.FIRE, new Casualties(0, 0, 1, BigDecimal.ZERO), OrgUnitId.of("nowhere"),
                clock.instant(), SAFETY, "x");
        ValidationException e = assertThrows(ValidationException.class, () -> incidents.record(bad));
        assertEquals(List.of("unit", "casualties", "hazards[0]", "failedMeasures[0]"),
                e.violations().stream().map(Violation::path).toList(), e.getMessage());
        assertTrue(incidents.incidents().isEmpty());
        assertEquals(Optional.empty(), hazard(LEAK).reassessment());
        Incident elsewhere = new Incident(IncidentId.of("NM-3"), IncidentKind.NEAR_MISS, RiskPointId.of("ghost"),
                List.of(), List.of(), AccidentType.FIRE, Casualties.NONE, C, clock.instant(), SAFETY, "x");
        assertEquals("riskPoint", assertThrows(ValidationException.class, () -> incidents.record(elsewhere))
                .violations().get(0).path());
    }

    @Test
    @DisplayName("an incident is recorded once")
    void recordedOnce() {
        incidents.record(nearMiss("NM-1", List.of(), List.of(HOSE)));
        assertThrows(StaleVersionException.class, () -> incidents.record(nearMiss("NM-1", List.of(), List.of(HOSE))));
        assertEquals(1, incidents.incidents().size());
    }
}
