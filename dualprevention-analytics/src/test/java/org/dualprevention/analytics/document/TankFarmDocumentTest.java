package org.dualprevention.analytics.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dualprevention.analytics.InspectionTaskFact;
import org.dualprevention.analytics.PeriodReport;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.RiskMap;
import org.dualprevention.analytics.Statistics;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.engine.hazmat.CriticalQuantityTables;
import org.dualprevention.engine.hazmat.MajorHazardCalculator;
import org.dualprevention.hazmat.CriticalQuantityTable;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.UnitKind;
import org.dualprevention.incident.Casualties;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.lookback.RecurrenceReason;
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
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The tank farm of DOMAIN.md §11.2 (300 t methanol and 40 t LPG, 35 people outside: S = 1.4, R = 2.16,
 * 四级) in the register and on the map page, its failed look-back re-check in the ledger and its near miss in the
 * ledger and the statistics table, in Chinese and English; known answers on hand-made data.
 */
class TankFarmDocumentTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final OrgUnitId C = OrgUnitId.of("C");
    private static final OrgUnitId TNK = OrgUnitId.of("TNK");
    private static final Organization ORG = Organization.of(List.of(
            OrgUnit.root(C, "华信精细化工有限公司", ControlLevel.COMPANY),
            OrgUnit.child(TNK, "罐区", ControlLevel.WORKSHOP, C)));
    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final MapZone ZONE_A = MapZone.rectangle(MapZoneId.of("ZA"), "储运区", 0, 0, 100, 60,
            Optional.of(TNK));
    private static final CriticalQuantityTable GB = CriticalQuantityTables.gb18218_2018();
    private static final RiskPointId TANKS = RiskPointId.of("RP-TANKS");
    private static final ControlMeasureId GAS = ControlMeasureId.of("CM-GAS");

    private static RiskPoint tanks() {
        Hazard leak = Hazard.of(HazardId.of("HZ-LEAK"), "储罐呼吸阀泄漏", HazardCategory.CHEMICAL,
                EnumSet.of(AccidentType.FIRE), "", "").withMeasure(new ControlMeasure(GAS, MeasureCategory.ENGINEERING,
                        "可燃气体报警器完好", ControlLevel.TEAM, TNK, "每班测试"));
        return RiskPoint.of(TANKS, "甲醇储罐区", RiskPointKind.PLACE, TNK, Optional.of(ZONE_A.id())).withHazard(leak);
    }

    private static MajorHazardInstallation farm(String methanol) {
        return MajorHazardInstallation.of(InstallationId.of("MH-1"), "罐区", UnitKind.STORAGE, TNK,
                List.of(Holding.named("methanol", methanol), Holding.named("lpg", "40")), 35, List.of(TANKS));
    }

    private static MajorHazardStatus status(MajorHazardInstallation m) {
        return MajorHazardCalculator.of(GB).evaluate(m).status();
    }

    private static final HiddenDangerId CLAMP = HiddenDangerId.of("HD-CLAMP");
    private static final Recheck RECHECK = new Recheck(new RecheckId(CLAMP, 1), TANKS, Optional.empty(), Optional.empty(),
            "静电接地夹断裂", HiddenDangerGrade.GENERAL, TNK, Optional.of(ActorId.of("safety")), DAY.minusDays(31),
            DAY.minusDays(1), Optional.of(new RecheckResult(false, ActorId.of("safety"), DAY, "再次断裂")));
    private static final Recheck NOT_DUE = new Recheck(new RecheckId(HiddenDangerId.of("HD-2"), 1), TANKS,
            Optional.empty(), Optional.empty(), "阻火器堵塞", HiddenDangerGrade.MAJOR, TNK, Optional.empty(),
            DAY.minusDays(10), DAY.plusDays(80), Optional.empty());
    private static final Recurrence CAME_BACK = new Recurrence(CLAMP, RecurrenceReason.FAILED_RECHECK, Optional.empty(),
            Optional.of(RECHECK.id()), TANKS, HiddenDangerGrade.GENERAL, TNK, Optional.of(ActorId.of("safety")), DAY);
    private static final Incident NEAR_MISS = new Incident(IncidentId.of("NM-1"), IncidentKind.NEAR_MISS, TANKS,
            List.of(), List.of(GAS), AccidentType.FIRE, Casualties.NONE, TNK, DAY.atTime(10, 0).atZone(ZONE).toInstant(),
            ActorId.of("worker"), "呼吸阀泄漏，报警器未报警");

    private static Documents docs(Locale locale, MajorHazardInstallation m) {
        return Documents.of(locale).withMajorHazard(m, status(m), GB).withLookBack(List.of(RECHECK, NOT_DUE),
                List.of(CAME_BACK)).withIncidents(List.of(NEAR_MISS), ZONE);
    }

    private static String text(Document doc, String cls) {
        return HtmlCheck.byClass(doc, cls).get(0).getTextContent();
    }

    @Test
    void theRegisterShowsTheInstallationAndWhyItsRiskPointIsMajor() throws Exception {
        MajorHazardInstallation m = farm("300");
        Document zh = HtmlCheck.check(docs(Locale.SIMPLIFIED_CHINESE, m).riskRegister(ORG, List.of(tanks()),
                List.of(ZONE_A), DAY), "register zh");
        assertEquals("重大危险源 四级，R = 2.16", text(zh, "major-hazard"));
        Element row = (Element) HtmlCheck.byClass(zh, "major-hazards").get(0).getElementsByTagNameNS(HtmlCheck.XHTML, "tr")
                .item(1);
        String all = row.getTextContent();
        for (String expected : List.of("罐区", "储存单元", "甲醇 300 吨（临界量 500 吨）", "液化石油气 40 吨（临界量 50 吨）", "1.4",
                "1.2", "2.16", "四级重大危险源", "甲醇储罐区", "GB 18218-2018")) {
            assertTrue(all.contains(expected), "[" + expected + "] missing in " + all);
        }
        assertEquals("2.16", text(zh, "r"));
        assertEquals("1.4", text(zh, "s"));
        Document en = HtmlCheck.check(docs(Locale.ENGLISH, m).riskRegister(ORG, List.of(tanks()), List.of(ZONE_A), DAY),
                "register en");
        assertEquals("Major hazard installation, grade 4, R = 2.16", text(en, "major-hazard"));
        assertTrue(text(en, "major-hazards").contains("Methanol 300 t (critical quantity 500 t)"), text(en, "major-hazards"));
        assertTrue(text(en, "major-hazard-grade").contains("Grade 4 major hazard installation"));
    }

    @Test
    void anInstallationBelowItsCriticalQuantitiesIsNamedButNotMajor() throws Exception {
        MajorHazardInstallation m = farm("10").withHoldings(List.of(Holding.named("methanol", "10")));
        Document zh = HtmlCheck.check(docs(Locale.SIMPLIFIED_CHINESE, m).riskRegister(ORG, List.of(tanks()),
                List.of(ZONE_A), DAY), "register zh");
        assertEquals("危险化学品储存或生产单元，S = 0.02，未构成重大危险源", text(zh, "major-hazard"));
        assertEquals("未构成重大危险源", text(zh, "major-hazard-grade"));
    }

    @Test
    void theMapPageShowsTheInstallationWithItsRiskPoints() throws Exception {
        RiskMap map = RiskMap.builder(ORG, DAY, DefaultEffectiveLevelPolicy.create()).zones(List.of(ZONE_A))
                .riskPoints(List.of(tanks())).build();
        Document zh = HtmlCheck.check(docs(Locale.SIMPLIFIED_CHINESE, farm("300")).riskMap(map), "map zh");
        String table = text(zh, "major-hazards");
        for (String expected : List.of("罐区", "1.4", "2.16", "四级重大危险源", "甲醇储罐区")) {
            assertTrue(table.contains(expected), "[" + expected + "] missing in " + table);
        }
        Document en = HtmlCheck.check(docs(Locale.ENGLISH, farm("300")).riskMap(map), "map en");
        assertTrue(text(en, "major-hazards").contains("Grade 4 major hazard installation"), text(en, "major-hazards"));
    }

    @Test
    void theLedgerShowsTheLookBackRatesTheRecheckAndTheNearMiss() throws Exception {
        Document zh = HtmlCheck.check(docs(Locale.SIMPLIFIED_CHINESE, farm("300")).hiddenDangerLedger(ORG,
                List.of(tanks()), List.of(ZONE_A), List.of(), DAY, ZONE), "ledger zh");
        // due in the period: the clamp's re-check (done); closed in the period: both, the clamp came back
        Element total = HtmlCheck.byClass(zh, "look-back-rates").get(0);
        assertTrue(total.getTextContent().contains("一般事故隐患"), total.getTextContent());
        List<Element> completion = HtmlCheck.byClass(zh, "rate-recheck-completion");
        List<Element> recurrence = HtmlCheck.byClass(zh, "rate-recurrence");
        // rows: general, major, unit TNK, total
        assertEquals(List.of("100.0%（1/1）", "不适用", "100.0%（1/1）", "100.0%（1/1）"),
                completion.stream().map(Element::getTextContent).toList());
        assertEquals(List.of("100.0%（1/1）", "0.0%（0/1）", "50.0%（1/2）", "50.0%（1/2）"),
                recurrence.stream().map(Element::getTextContent).toList());
        List<Element> results = HtmlCheck.byClass(zh, "recheck-result");
        assertEquals(List.of("不合格", "未到期"), results.stream().map(Element::getTextContent).toList());
        assertEquals("回头看复查不合格", text(zh, "recurrence"));
        String incidents = text(zh, "incidents");
        for (String expected : List.of("未遂事件", "甲醇储罐区", "火灾", "可燃气体报警器完好", "呼吸阀泄漏，报警器未报警")) {
            assertTrue(incidents.contains(expected), "[" + expected + "] missing in " + incidents);
        }
        Document en = HtmlCheck.check(docs(Locale.ENGLISH, farm("300")).hiddenDangerLedger(ORG, List.of(tanks()),
                List.of(ZONE_A), List.of(), DAY, ZONE), "ledger en");
        assertEquals(List.of("Failed", "Not yet due"), HtmlCheck.byClass(en, "recheck-result").stream()
                .map(Element::getTextContent).toList());
        assertTrue(text(en, "incidents").contains("Near miss"), text(en, "incidents"));
    }

    @Test
    void theStatisticsTableCountsTheNearMissOfItsPeriod() throws Exception {
        Clock clock = Clock.fixed(DAY.atTime(18, 0).atZone(ZONE).toInstant(), ZONE);
        PeriodReport q = Statistics.of(ORG, clock, ZONE).report(C, ReportingPeriod.quarterOf(DAY), List.of(),
                List.<InspectionTaskFact>of());
        Document zh = HtmlCheck.check(docs(Locale.SIMPLIFIED_CHINESE, farm("300")).statisticsTable(ORG, q), "statistics zh");
        String figures = text(zh, "incident-figures");
        assertTrue(figures.contains("罐区") && figures.contains("火灾"), figures);
        assertEquals(3, HtmlCheck.byClass(zh, "rate-near-miss-share").size(), "the unit, the accident type and the total");
        for (Element e : HtmlCheck.byClass(zh, "rate-near-miss-share")) {
            assertEquals("100.0%（1/1）", e.getTextContent());
        }
        for (Element e : HtmlCheck.byClass(zh, "near-miss-ratio")) {
            assertEquals("不适用", e.getTextContent(), "no accident: the ratio is not applicable");
        }
        // a period without it: nothing counted, the table still says so
        PeriodReport earlier = Statistics.of(ORG, clock, ZONE).report(C, ReportingPeriod.quarterOf(DAY.minusMonths(6)),
                List.of(), List.<InspectionTaskFact>of());
        Document before = HtmlCheck.check(docs(Locale.SIMPLIFIED_CHINESE, farm("300")).statisticsTable(ORG, earlier),
                "statistics zh earlier");
        assertEquals(1, HtmlCheck.byClass(before, "rate-near-miss-share").size());
        assertEquals("不适用", text(before, "rate-near-miss-share"));
        Document en = HtmlCheck.check(docs(Locale.ENGLISH, farm("300")).statisticsTable(ORG, q), "statistics en");
        assertFalse(text(en, "incident-figures").isBlank());
    }
}
