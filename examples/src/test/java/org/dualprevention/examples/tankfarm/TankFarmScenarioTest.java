package org.dualprevention.examples.tankfarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.examples.demo.SimClock;
import org.dualprevention.hazmat.MajorHazardGrade;
import org.dualprevention.lookback.RecurrenceReason;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** The tank farm scenario: R and grade, one recurrence found by a re-check, one near miss flagging reassessment. */
class TankFarmScenarioTest {
    @Test
    void playsOut() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        SimClock clock = new SimClock(Instant.parse("2026-11-02T01:00:00Z"), zone);
        DualPrevention dp = DualPrevention.builder().storage(InMemoryStorage.create()).clock(clock).build();
        OrgUnitId c = OrgUnitId.of("C");
        OrgUnitId farm = OrgUnitId.of("TF");
        OrgUnitId team = OrgUnitId.of("TF-T");
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(c, "公司", ControlLevel.COMPANY),
                OrgUnit.child(farm, "罐区", ControlLevel.WORKSHOP, c), OrgUnit.child(team, "罐区班组", ControlLevel.TEAM, farm))));
        TankFarmScenario.Result r = TankFarmScenario.play(dp, farm, Actor.of(ActorId.of("safety"), c),
                Actor.of(ActorId.of("leader"), team), Actor.of(ActorId.of("worker"), team),
                d -> clock.set(clock.instant().plus(d)));

        assertEquals(new BigDecimal("1.4000"), r.status().s());
        assertEquals(new BigDecimal("2.1600"), r.status().r());
        assertEquals(Optional.of(MajorHazardGrade.GRADE_4), r.status().grade());
        for (var p : List.of(TankFarmScenario.TANKS, TankFarmScenario.LOADING)) {
            assertEquals(RiskLevel.MAJOR, dp.register().assessedLevel(dp.register().riskPoint(p).orElseThrow())
                    .orElseThrow(), p.toString());
        }
        assertFalse(r.recheck().result().orElseThrow().passed());
        assertEquals(1, r.recurrences().size());
        assertEquals(RecurrenceReason.FAILED_RECHECK, r.recurrences().get(0).reason());
        assertEquals(TankFarmScenario.CLAMP, r.recurrences().get(0).earlier());
        assertEquals(1, r.warnings().size());
        assertEquals(List.of(TankFarmScenario.LEAK), r.flagged());
        assertTrue(dp.register().riskPoint(TankFarmScenario.TANKS).orElseThrow().hazard(TankFarmScenario.LEAK)
                .orElseThrow().reassessment().isPresent());
        assertEquals("重大危险源 罐区（储存单元）：S = 1.4，R = 2.16，四级重大危险源（GB 18218-2018）", r.lines().get(0));
        assertTrue(r.lines().get(1).endsWith("不合格，隐患反弹"), r.lines().get(1));
    }
}
