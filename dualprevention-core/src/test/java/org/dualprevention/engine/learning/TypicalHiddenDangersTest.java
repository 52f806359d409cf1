package org.dualprevention.engine.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.learning.SimilarityBasis;
import org.dualprevention.learning.SpecialInspectionProposal;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.InMemoryTypicalHiddenDangerRepository;
import org.dualprevention.storage.memory.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 举一反三 proposals and the typical hidden-danger library. */
class TypicalHiddenDangersTest {
    static final OrgUnitId C = OrgUnitId.of("C");
    static final OrgUnitId P = OrgUnitId.of("P");
    static final Actor SAFETY = Actor.of(ActorId.of("safety"), C);
    static final Actor WORKER = Actor.of(ActorId.of("worker"), P);
    static final HiddenDangerId HD = HiddenDangerId.of("HD-1");

    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    DualPrevention dp;
    TypicalHiddenDangers lib;

    static RiskPoint point(String id, RiskPointKind kind, String hazard, HazardCategory cat, String measure,
            String description) {
        return RiskPoint.of(RiskPointId.of(id), id, kind, P, Optional.empty()).withHazard(Hazard.of(HazardId.of(hazard),
                hazard, cat, EnumSet.of(AccidentType.MACHINERY), "c", "c").withMeasure(new ControlMeasure(
                        ControlMeasureId.of(measure), MeasureCategory.ENGINEERING, description, ControlLevel.TEAM, P,
                        "防护罩无缺损；连锁有效")));
    }

    @BeforeEach
    void setUp() {
        dp = DualPrevention.builder().storage(InMemoryStorage.create()).clock(clock).build();
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(C, "公司", ControlLevel.COMPANY),
                OrgUnit.child(P, "岗位", ControlLevel.POST, C))));
        dp.register().addRiskPoint(point("press-a", RiskPointKind.EQUIPMENT, "guard-a", HazardCategory.PHYSICAL, "m-a",
                "防护罩完好"));
        dp.register().addRiskPoint(point("press-b", RiskPointKind.EQUIPMENT, "guard-b", HazardCategory.PHYSICAL, "m-b",
                "防护罩 完好"));
        dp.register().addRiskPoint(point("tank", RiskPointKind.PLACE, "leak", HazardCategory.CHEMICAL, "m-t", "围堰完好"));
        dp.register().addRiskPoint(point("walkway", RiskPointKind.PLACE, "slip", HazardCategory.PHYSICAL, "m-w",
                "地面防滑"));
        lib = TypicalHiddenDangers.of(dp, new InMemoryTypicalHiddenDangerRepository());
        dp.hiddenDangers().report(HiddenDangerCommand.Report.of(WORKER, HD, "冲床防护罩拆除", "光电保护被短接",
                HiddenDangerSource.RANDOM_OBSERVATION, P, LocalDate.of(2026, 11, 2)).withFailedMeasure(
                        RiskPointId.of("press-a"), HazardId.of("guard-a"), ControlMeasureId.of("m-a")));
    }

    @Test
    @DisplayName("举一反三: a proposal for each risk point sharing kind, hazard class or measure template, none elsewhere")
    void proposals() {
        List<SpecialInspectionProposal> ps = lib.proposals(HD);
        assertEquals(List.of(RiskPointId.of("press-b"), RiskPointId.of("walkway")),
                ps.stream().map(SpecialInspectionProposal::riskPoint).toList(), ps.toString());
        SpecialInspectionProposal b = ps.get(0);
        assertEquals(Set.of(SimilarityBasis.RISK_POINT_KIND, SimilarityBasis.HAZARD_CATEGORY,
                SimilarityBasis.MEASURE_TEMPLATE), b.bases());
        assertEquals(ControlMeasureId.of("m-b"), b.item().measure().orElseThrow().measure());
        assertEquals("防护罩无缺损", b.item().standard());
        assertEquals("learn:HD-1@press-b", b.item().id().value());
        SpecialInspectionProposal w = ps.get(1);
        assertEquals(Set.of(SimilarityBasis.HAZARD_CATEGORY), w.bases());
        assertTrue(w.item().measure().isEmpty());
        assertEquals("举一反三专项排查：冲床防护罩拆除", w.item().content());
        assertTrue(w.item().standard().contains("HD-1") && w.item().standard().contains("光电保护被短接"));
    }

    @Test
    @DisplayName("only a verified hidden danger is marked typical, once; inspections draw its item by kind or class")
    void library() {
        ValidationException notVerified = assertThrows(ValidationException.class, () -> lib.mark(HD, SAFETY.id(), "x"));
        assertEquals("state", notVerified.violations().get(0).path());
        dp.hiddenDangers().apply(HD, HiddenDangerCommand.Verify.general(SAFETY, "属实"));
        lib.mark(HD, SAFETY.id(), "检查所有冲床光电保护是否被短接");
        assertThrows(StaleVersionException.class, () -> lib.mark(HD, SAFETY.id(), "again"));
        assertEquals(1, lib.library().size());
        assertEquals(Optional.of(RiskPointKind.EQUIPMENT), lib.library().get(0).riskPointKind());
        var walkway = dp.register().riskPoint(RiskPointId.of("walkway")).orElseThrow();
        var tank = dp.register().riskPoint(RiskPointId.of("tank")).orElseThrow();
        assertEquals(List.of("典型隐患：冲床防护罩拆除"), lib.itemsFor(walkway).stream().map(i -> i.content()).toList());
        assertEquals("检查所有冲床光电保护是否被短接", lib.itemsFor(walkway).get(0).standard());
        assertEquals(List.of(), lib.itemsFor(tank));
        assertEquals("id", assertThrows(ValidationException.class,
                () -> lib.mark(HiddenDangerId.of("ghost"), SAFETY.id(), "x")).violations().get(0).path());
    }
}
