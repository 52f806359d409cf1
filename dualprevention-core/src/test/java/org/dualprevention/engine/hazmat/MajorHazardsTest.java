package org.dualprevention.engine.hazmat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardGrade;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.MajorHazardStatusChanged;
import org.dualprevention.hazmat.UnitKind;
import org.dualprevention.method.DirectMethod;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.storage.memory.InMemoryMajorHazardRepository;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Risk points on a major hazard installation are graded 重大 by direct determination, and regraded on change. */
class MajorHazardsTest {
    static final OrgUnitId C = OrgUnitId.of("C");
    static final ActorId SAFETY = ActorId.of("safety");
    static final RiskPointId TANKS = RiskPointId.of("tanks");
    static final HazardId LEAK = HazardId.of("tanks-leak");
    static final InstallationId FARM = InstallationId.of("farm");

    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    final List<MajorHazardStatusChanged> heard = new ArrayList<>();
    DualPrevention dp;
    MajorHazards mh;

    /** While true, every risk-point save of the store throws. */
    final java.util.concurrent.atomic.AtomicBoolean riskPointSaveFails = new java.util.concurrent.atomic.AtomicBoolean();

    @Test
    @DisplayName("issue 12: regrading the risk point fails → the installation is not stored either")
    void aFailedRegradeStoresNoInstallation() {
        riskPointSaveFails.set(true);
        assertThrows(IllegalStateException.class, () -> mh.register(farm("300"), SAFETY));
        riskPointSaveFails.set(false);
        assertEquals(List.of(), mh.installations(), "no installation without the grade of its risk point");
        assertEquals(RiskLevel.GENERAL, levelOfTanks());
        assertEquals(List.of(), heard);
        mh.register(farm("300"), SAFETY);
        assertEquals(RiskLevel.MAJOR, levelOfTanks());
    }

    @BeforeEach
    void setUp() {
        InMemoryStorage memory = InMemoryStorage.create();
        org.dualprevention.spi.RiskPointRepository points = memory.riskPoints();
        org.dualprevention.spi.RiskPointRepository failing = (org.dualprevention.spi.RiskPointRepository)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.dualprevention.spi.RiskPointRepository.class}, (p, m, args) -> {
                            if (m.getName().equals("save") && riskPointSaveFails.get()) {
                                throw new IllegalStateException("disk gone");
                            }
                            try {
                                return m.invoke(points, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        org.dualprevention.spi.Storage storage = (org.dualprevention.spi.Storage) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {org.dualprevention.spi.Storage.class},
                        (p, m, args) -> {
                            if (m.getName().equals("riskPoints")) {
                                return failing;
                            }
                            try {
                                return m.invoke(memory, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        dp = DualPrevention.builder().storage(storage).clock(clock).build();
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(C, "公司", ControlLevel.COMPANY))));
        dp.register().addRiskPoint(RiskPoint.of(TANKS, "甲醇储罐区", RiskPointKind.PLACE, C, Optional.empty())
                .withHazard(Hazard.of(LEAK, "储罐泄漏", HazardCategory.CHEMICAL, EnumSet.of(AccidentType.FIRE),
                        "密封失效", "火灾爆炸")));
        // LEC 3 × 6 × 7 = 126: 一般 (yellow) under the default LEC scheme
        dp.register().assess(LEAK, AssessmentRequest.of(MethodId.of("LEC"),
                AssessmentInput.of(Map.of("L", 3, "E", 6, "C", 7)), AssessmentKind.INHERENT, SAFETY));
        mh = MajorHazards.of(dp, new InMemoryMajorHazardRepository(), CriticalQuantityTables.gb18218_2018())
                .addListener(heard::add);
    }

    RiskLevel levelOfTanks() {
        return dp.register().assessedLevel(dp.register().riskPoint(TANKS).orElseThrow()).orElseThrow();
    }

    MajorHazardInstallation farm(String methanolTonnes) {
        return MajorHazardInstallation.of(FARM, "罐区", UnitKind.STORAGE, C,
                List.of(Holding.named("methanol", methanolTonnes), Holding.named("lpg", "40")), 35, List.of(TANKS));
    }

    @Test
    @DisplayName("issue 12: the installation's store refuses it → the regrading of its risk points is undone")
    void aRefusedInstallationLeavesNoGrade() {
        InMemoryMajorHazardRepository real = new InMemoryMajorHazardRepository();
        java.util.concurrent.atomic.AtomicBoolean fail = new java.util.concurrent.atomic.AtomicBoolean(true);
        org.dualprevention.spi.MajorHazardRepository failing = (org.dualprevention.spi.MajorHazardRepository)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.dualprevention.spi.MajorHazardRepository.class}, (p, m, args) -> {
                            if (m.getName().equals("save") && fail.get()) {
                                throw new IllegalStateException("installation store gone");
                            }
                            try {
                                return m.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        MajorHazards area = MajorHazards.of(dp, failing, CriticalQuantityTables.gb18218_2018()).addListener(heard::add);
        assertThrows(IllegalStateException.class, () -> area.register(farm("300"), SAFETY));
        assertEquals(RiskLevel.GENERAL, levelOfTanks(), "no 重大 without its installation");
        assertEquals(List.of(), area.installations());
        assertEquals(List.of(), heard, "no event for what was not stored");
        fail.set(false);
        area.register(farm("300"), SAFETY);
        assertEquals(RiskLevel.MAJOR, levelOfTanks());
        assertEquals(1, heard.size());
        // a stale change (another writer got there first) regrades nothing either
        assertThrows(StaleVersionException.class, () -> area.register(farm("1"), SAFETY));
        assertEquals(RiskLevel.MAJOR, levelOfTanks());
    }

    @Test
    @DisplayName("registering a major hazard installation grades its risk point 重大 by DIRECT, MAJOR_HAZARD = 1")
    void registeringGradesTheRiskPointMajor() {
        assertEquals(RiskLevel.GENERAL, levelOfTanks());
        mh.register(farm("300"), SAFETY);
        assertEquals(RiskLevel.MAJOR, levelOfTanks());
        Hazard h = dp.register().riskPoint(TANKS).orElseThrow().hazard(LEAK).orElseThrow();
        var direct = h.assessments().get(h.assessments().size() - 1);
        assertEquals(DirectMethod.ID, direct.method());
        assertEquals(0, direct.input().value("MAJOR_HAZARD").orElseThrow().intValueExact() - 1);
        assertEquals(0, direct.input().value("LAW").orElseThrow().signum());
        assertEquals(1, heard.size());
        assertEquals(Optional.empty(), heard.get(0).before());
        assertEquals(Optional.of(MajorHazardGrade.GRADE_4), heard.get(0).after().grade());
        assertEquals(List.of(TANKS), heard.get(0).regraded());
        assertTrue(mh.onMajorHazard(TANKS));
    }

    @Test
    @DisplayName("a change of stored quantities below S = 1 regrades the point back to its assessed level, with an event")
    void loweringTheQuantitiesRegrades() {
        MajorHazardInstallation v1 = mh.register(farm("300"), SAFETY);
        clock.advance(Duration.ofDays(1));
        // 100 t 甲醇 + 40 t LPG: S = 0.2 + 0.8 = 1.0, still major
        MajorHazardInstallation v2 = mh.changeHoldings(FARM, farm("100").holdings(), v1.version(), SAFETY);
        assertEquals(RiskLevel.MAJOR, levelOfTanks());
        assertEquals(List.of(), heard.get(1).regraded(), "status changed, direct determination unchanged");
        clock.advance(Duration.ofDays(1));
        // 99.999 t: S < 1
        mh.changeHoldings(FARM, farm("99.999").holdings(), v2.version(), SAFETY);
        assertEquals(RiskLevel.GENERAL, levelOfTanks());
        MajorHazardStatusChanged last = heard.get(heard.size() - 1);
        assertTrue(last.before().orElseThrow().major());
        assertFalse(last.after().major());
        assertEquals(List.of(TANKS), last.regraded());
        assertFalse(mh.onMajorHazard(TANKS));
        assertEquals(3, heard.size());
    }

    @Test
    @DisplayName("the same quantities again add no assessment and no event")
    void unchangedStatusAddsNothing() {
        MajorHazardInstallation v1 = mh.register(farm("300"), SAFETY);
        int assessments = dp.register().riskPoint(TANKS).orElseThrow().hazard(LEAK).orElseThrow().assessments().size();
        mh.changeHoldings(FARM, farm("300.000").holdings(), v1.version(), SAFETY);
        assertEquals(assessments,
                dp.register().riskPoint(TANKS).orElseThrow().hazard(LEAK).orElseThrow().assessments().size());
        assertEquals(1, heard.size());
    }

    @Test
    @DisplayName("direct determination keeps a hazard's reassessment flag and its other criteria")
    void keepsFlagAndOtherCriteria() {
        dp.register().assess(LEAK, AssessmentRequest.of(DirectMethod.ID, AssessmentInput.of(Map.of("LAW", 1,
                "ACCIDENT", 0, "MAJOR_HAZARD", 0, "CROWDED", 1, "HIGHEST", 0)), AssessmentKind.INHERENT, SAFETY));
        RiskPoint p = dp.register().riskPoint(TANKS).orElseThrow();
        ReassessmentFlag flag = new ReassessmentFlag("incident", "test", clock.instant());
        dp.register().updateRiskPoint(p.withHazardChanged(LEAK, h -> h.withReassessment(flag)));
        clock.advance(Duration.ofHours(1));
        mh.register(farm("300"), SAFETY);
        Hazard h = dp.register().riskPoint(TANKS).orElseThrow().hazard(LEAK).orElseThrow();
        assertEquals(Optional.of(flag), h.reassessment());
        var direct = h.assessments().get(h.assessments().size() - 1);
        assertEquals(1, direct.input().value("LAW").orElseThrow().intValue());
        assertEquals(1, direct.input().value("CROWDED").orElseThrow().intValue());
        assertEquals(1, direct.input().value("MAJOR_HAZARD").orElseThrow().intValue());
    }

    @Test
    @DisplayName("an unknown risk point or unit and a bad holding are reported together; nothing is stored")
    void badReferencesAreReportedAndNothingStored() {
        MajorHazardInstallation bad = MajorHazardInstallation.of(FARM, "罐区", UnitKind.STORAGE, OrgUnitId.of("nowhere"),
                List.of(Holding.named("methanol", "-1")), 35, List.of(RiskPointId.of("ghost")));
        ValidationException e = assertThrows(ValidationException.class, () -> mh.register(bad, SAFETY));
        assertEquals(List.of("holdings[0].tonnes", "unit", "riskPoints[0]"),
                e.violations().stream().map(Violation::path).toList(), e.getMessage());
        assertTrue(mh.installations().isEmpty());
        assertTrue(heard.isEmpty());
    }

    @Test
    @DisplayName("a stale version is refused and changes nothing")
    void staleVersion() {
        mh.register(farm("300"), SAFETY);
        assertThrows(StaleVersionException.class, () -> mh.changeHoldings(FARM, farm("1").holdings(), 0, SAFETY));
        assertEquals(1, mh.installation(FARM).orElseThrow().version());
        assertTrue(mh.status(FARM).orElseThrow().major());
    }

    @Test
    @DisplayName("more people outside the site raise α and R: 35 → 150 people takes R from 2.16 to 3.6")
    void populationChangesAlpha() {
        MajorHazardInstallation v1 = mh.register(farm("300"), SAFETY);
        mh.changePopulation(FARM, 150, v1.version(), SAFETY);
        assertEquals(new java.math.BigDecimal("3.6000"), mh.status(FARM).orElseThrow().r());
        assertEquals(2, heard.size());
    }
}
