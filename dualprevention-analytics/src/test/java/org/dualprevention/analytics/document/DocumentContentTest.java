package org.dualprevention.analytics.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.InspectionTaskFact;
import org.dualprevention.analytics.PeriodReport;
import org.dualprevention.analytics.Rate;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.Statistics;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What the documents say, on small hand-made data with known answers. */
class DocumentContentTest {
    private static final OrgUnitId C = OrgUnitId.of("C");
    private static final OrgUnitId W = OrgUnitId.of("W");
    private static final OrgUnitId T = OrgUnitId.of("T");
    private static final OrgUnitId P = OrgUnitId.of("P");
    private static final Organization ORG = Organization.of(List.of(
            OrgUnit.root(C, "华信精细化工有限公司", ControlLevel.COMPANY),
            OrgUnit.child(W, "合成车间", ControlLevel.WORKSHOP, C),
            OrgUnit.child(T, "反应班组", ControlLevel.TEAM, W),
            OrgUnit.child(P, "反应釜操作岗", ControlLevel.POST, T)));
    private static final LocalDate DAY = LocalDate.of(2026, 7, 20);
    private static final MapZone Z1 = MapZone.rectangle(MapZoneId.of("Z1"), "合成区", 0, 0, 100, 60, Optional.of(W));

    private static RiskPoint reactor() {
        Assessment lec = new Assessment(AssessmentId.of("A1"), MethodId.of("LEC"), SchemeId.of("LEC-V1"),
                AssessmentInput.of(Map.of("L", 6, "E", 6, "C", 7)), Score.of("252"),
                Grade.of("high", "高度危险", RiskLevel.SIGNIFICANT), AssessmentKind.INHERENT, ActorId.of("u1"),
                Instant.parse("2026-01-10T02:00:00Z"));
        Hazard h = Hazard.of(HazardId.of("H1"), "反应失控超温超压", HazardCategory.CHEMICAL,
                EnumSet.of(AccidentType.FIRE, AccidentType.OTHER_EXPLOSION), "", "")
                .withMeasure(new ControlMeasure(ControlMeasureId.of("M1"), MeasureCategory.ENGINEERING,
                        "温度高高联锁切断进料", ControlLevel.WORKSHOP, W, "联锁投用"))
                .withMeasure(new ControlMeasure(ControlMeasureId.of("M2"), MeasureCategory.EMERGENCY,
                        "立即关闭进料阀，启动紧急冷却", ControlLevel.POST, P, "会操作"))
                .withAssessment(lec);
        return RiskPoint.of(RiskPointId.of("RP1"), "1号反应釜", RiskPointKind.EQUIPMENT, T, Optional.of(Z1.id()))
                .withHazard(h);
    }

    private static String text(Document doc, String cls) {
        return HtmlCheck.byClass(doc, cls).get(0).getTextContent();
    }

    @Test
    void registerRowSaysEverythingInChinese() throws Exception {
        Directory dir = Directory.empty().withResponsible(W, "李强");
        Document doc = HtmlCheck.check(Documents.chinese().withDirectory(dir).riskRegister(ORG, List.of(reactor()),
                List.of(Z1), DAY), "register");
        String row = HtmlCheck.byClass(doc, "measures-engineering").get(0).getParentNode().getTextContent();
        for (String expected : List.of("1号反应釜", "设备设施", "反应班组", "合成区", "反应失控超温超压", "化学性危险和有害因素",
                "火灾、其他爆炸", "作业条件危险性评价法（LEC）", "L = 6；E = 6；C = 7", "252", "较大风险（橙）", "车间级、岗位级", "合成车间", "李强", "未登记", "温度高高联锁切断进料", "立即关闭进料阀，启动紧急冷却")) {
            assertTrue(row.contains(expected), "[" + expected + "] missing in " + row);
        }
        assertTrue(text(doc, "summary").contains("较大风险（橙） 1"), text(doc, "summary"));
        assertTrue(doc.getDocumentElement().getTextContent().contains("截至日期：2026年7月20日"));
    }

    @Test
    void cardsOfTheRiskPointAndOfThePost() throws Exception {
        Directory dir = Directory.empty().withContact(W, "车间值班室", "0531-12345678").withContact(C, "安全环保部",
                "0531-87654321");
        Documents zh = Documents.chinese().withDirectory(dir);
        Document card = HtmlCheck.check(zh.riskCards(ORG, List.of(reactor()), List.of(Z1), DAY), "risk card");
        String all = card.getDocumentElement().getTextContent();
        assertEquals(1, HtmlCheck.byClass(card, "card").size());
        assertTrue(HtmlCheck.byClass(card, "card-head").get(0).getAttribute("style").contains(RiskLevel.SIGNIFICANT.rgb()));
        List<String> contacts = new ArrayList<>();
        for (Element li : HtmlCheck.byClass(card, "contacts")) {
            contacts.add(li.getTextContent());
        }
        assertEquals(List.of("车间值班室：0531-12345678安全环保部：0531-87654321火警 119急救 120报警 110"), contacts,
                "the unit's own contact first, then those above it, then the public numbers");
        assertTrue(all.contains("立即关闭进料阀，启动紧急冷却"), all);
        // the post works at the risk points of its team (its parent), having none of its own named
        Document post = HtmlCheck.check(zh.postCards(ORG, List.of(reactor()), DAY), "post card");
        assertEquals(1, HtmlCheck.byClass(post, "card").size());
        assertTrue(post.getDocumentElement().getTextContent().contains("反应釜操作岗"));
        assertTrue(post.getDocumentElement().getTextContent().contains("1号反应釜"));
        // naming other risk points for the post replaces its parent's: RP1 stays only through its own measure M2
        RiskPoint other = RiskPoint.of(RiskPointId.of("RP2"), "2号储罐", RiskPointKind.EQUIPMENT, W, Optional.empty());
        Document named = HtmlCheck.check(zh.withDirectory(Directory.empty().withPostRiskPoints(P, Set.of(other.id())))
                .postCards(ORG, List.of(reactor(), other), DAY), "named post card");
        String namedText = named.getDocumentElement().getTextContent();
        assertTrue(namedText.contains("2号储罐") && namedText.contains("1号反应釜"), namedText);
        // the emergency card: the measure under each accident type
        Document emergency = HtmlCheck.check(zh.emergencyCards(ORG, List.of(reactor()), DAY), "emergency card");
        List<Element> types = HtmlCheck.byClass(emergency, "accident-types");
        assertEquals(List.of("火灾", "其他爆炸"), types.stream().map(Element::getTextContent).toList());
        assertTrue(types.get(0).getParentNode().getTextContent().contains("立即关闭进料阀，启动紧急冷却"));
        // an organisation without posts says so
        Organization noPosts = Organization.of(List.of(OrgUnit.root(C, "公司", ControlLevel.COMPANY)));
        assertTrue(zh.postCards(noPosts, List.of(), DAY).contains("没有岗位级单位"));
    }

    @Test
    void ledgerSaysOneDayAndRatesAgreeWithStatistics() throws Exception {
        Gen gen = Gen.of(77);
        Organization org = ORG;
        List<HiddenDanger> dangers = new ArrayList<>();
        HiddenDanger planned = null;
        for (int i = 0; i < 30; i++) {
            HiddenDangerState state = HiddenDangerState.values()[i % HiddenDangerState.values().length];
            List<Transition> h = gen.dangers(Plant.ZONE).history(org, Optional.of(reactor()), state,
                    Instant.parse("2026-05-01T01:00:00Z").plusSeconds(3600L * 24 * (i % 20)));
            HiddenDanger d = h.get(h.size() - 1).next();
            dangers.add(d);
            if (state == HiddenDangerState.PLANNED && planned == null) {
                planned = d;
            }
        }
        LocalDate asOf = planned.deadline().orElseThrow().plusDays(1);
        List<HiddenDanger> shown = dangers.stream().filter(d -> !d.foundOn().isAfter(asOf)).toList();
        Document en = HtmlCheck.check(Documents.of(Locale.ENGLISH).hiddenDangerLedger(org, List.of(reactor()), List.of(Z1),
                dangers, asOf, Plant.ZONE), "ledger en");
        String id = planned.id().value();
        Element row = HtmlCheck.byClass(en, "overdue").stream()
                .filter(e -> ((Element) e.getParentNode()).getAttribute("data-hidden-danger").equals(id)).findFirst()
                .orElseThrow();
        assertEquals("1 day", row.getTextContent());
        Document zh = HtmlCheck.check(Documents.chinese().hiddenDangerLedger(org, List.of(reactor()), List.of(Z1),
                dangers, asOf, Plant.ZONE), "ledger zh");
        assertTrue(HtmlCheck.byClass(zh, "overdue").stream().anyMatch(e -> e.getTextContent().equals("1天")));
        // the rates per grade, against Statistics over the days of the ledger
        List<HiddenDangerFact> facts = new ArrayList<>();
        HiddenDangerFact.project(shown, Map.of(reactor().id(), reactor()), Plant.ZONE).forEach(facts::add);
        LocalDate first = shown.stream().map(HiddenDanger::foundOn).min(LocalDate::compareTo).orElseThrow();
        java.time.Clock clock = java.time.Clock.fixed(asOf.atTime(23, 0).atZone(Plant.ZONE).toInstant(), Plant.ZONE);
        UnitStatistics s = Statistics.of(org, clock, Plant.ZONE).compute(C, ReportingPeriod.of(first, asOf.plusDays(1)),
                facts, List.<InspectionTaskFact>of());
        Element general = HtmlCheck.byClass(zh, "grade-general").get(0);
        String rect = HtmlCheck.byClass(zh, "rate-rectification").get(0).getTextContent();
        Rate expected = s.rectificationOf(HiddenDangerFact.GENERAL);
        assertTrue(rect.endsWith("（" + expected.numerator() + "/" + expected.denominator() + "）"), rect + " vs "
                + expected);
        assertTrue(general.getTextContent().startsWith("一般事故隐患"), general.getTextContent());
        Element total = HtmlCheck.byClass(zh, "total").get(0);
        assertTrue(total.getTextContent().contains("（" + s.rectification().numerator() + "/" + s.found() + "）"),
                total.getTextContent() + " vs " + s.rectification());
        assertTrue(total.getTextContent().contains("（" + s.closedLoop().numerator() + "/" + s.found() + "）"),
                total.getTextContent() + " vs " + s.closedLoop());
        assertFalse(zh.getDocumentElement().getTextContent().contains("已撤销"), "withdrawn ones are left out");
    }

    @Test
    void statisticsTableIsReadyToSend() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-10-03T02:00:00Z"), Plant.ZONE);
        List<HiddenDangerFact> facts = List.of(
                HiddenDangerFact.builder("a", T, "general", LocalDate.of(2026, 7, 2)).rectifiedOn(LocalDate.of(2026, 7, 3))
                        .closedOn(LocalDate.of(2026, 7, 4)).build(),
                HiddenDangerFact.builder("b", T, "major", LocalDate.of(2026, 8, 2)).planned(true)
                        .deadline(LocalDate.of(2026, 9, 1)).build(),
                HiddenDangerFact.builder("c", W, "general", LocalDate.of(2026, 9, 2)).rectifiedOn(LocalDate.of(2026, 9, 5))
                        .build());
        PeriodReport q3 = Statistics.of(ORG, clock, Plant.ZONE).report(C, ReportingPeriod.quarter(2026, 3), facts,
                List.of());
        Document zh = HtmlCheck.check(Documents.chinese().statisticsTable(ORG, q3), "statistics zh");
        String all = zh.getDocumentElement().getTextContent();
        assertTrue(all.contains("2026年第3季度"), all);
        assertTrue(all.contains("报送截止日期：2026年10月15日"), all);
        assertTrue(all.contains("单位主要负责人（签字）") && all.contains("填报单位（盖章）"), all);
        List<Element> rows = HtmlCheck.byClass(zh, "unit");
        assertEquals(1, rows.size(), "one row per direct sub-unit");
        Element total = HtmlCheck.byClass(zh, "total").get(0);
        assertEquals(List.of("合计 · 华信精细化工有限公司", "3", "2", "1", "2", "66.7%（2/3）", "100.0%（2/2）", "0.0%（0/1）",
                "33.3%（1/3）", "1", "0.0%（0/1）", "1", "不适用"), cells(total));
        Document en = HtmlCheck.check(Documents.of(Locale.ENGLISH).statisticsTable(ORG, q3), "statistics en");
        String enText = en.getDocumentElement().getTextContent();
        assertTrue(enText.contains("Q3 2026") && enText.contains("Due by: October 15, 2026"), enText);
        assertEquals("not applicable", cells(HtmlCheck.byClass(en, "total").get(0)).get(12));
    }

    @Test
    void ratesChartShowsBothRatesOrNotApplicable() throws Exception {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-10-03T02:00:00Z"), Plant.ZONE);
        List<HiddenDangerFact> facts = List.of(
                HiddenDangerFact.builder("a", T, "general", LocalDate.of(2026, 7, 2)).rectifiedOn(LocalDate.of(2026, 7, 3))
                        .closedOn(LocalDate.of(2026, 7, 4)).build(),
                HiddenDangerFact.builder("b", T, "major", LocalDate.of(2026, 8, 2)).build(),
                HiddenDangerFact.builder("c", W, "general", LocalDate.of(2026, 9, 2)).rectifiedOn(LocalDate.of(2026, 9, 5))
                        .build());
        Map<OrgUnitId, UnitStatistics> all = Statistics.of(ORG, clock, Plant.ZONE).computeAll(
                ReportingPeriod.quarter(2026, 3), facts, List.of());
        Document chart = HtmlCheck.parse(Charts.of(Locale.SIMPLIFIED_CHINESE).ratesByUnit(List.of(all.get(W), all.get(P)),
                ORG));
        assertEquals(List.of("66.7%", "33.3%", "不适用"), HtmlCheck.byClass(chart, "chart-value").stream()
                .map(Element::getTextContent).toList(), "整改率 and 闭环率 of 合成车间, nothing found at the post");
    }

    private static List<String> cells(Element row) {
        List<String> out = new ArrayList<>();
        for (org.w3c.dom.Node c = row.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) {
                out.add(c.getTextContent());
            }
        }
        return out;
    }

    @Test
    void weeklyChartsCountWhatTheySay() throws Exception {
        LocalDate mon = LocalDate.of(2026, 3, 2);
        List<HiddenDangerFact> facts = List.of(
                HiddenDangerFact.builder("a", W, "general", mon).closedOn(mon.plusDays(2)).build(),
                HiddenDangerFact.builder("b", W, "general", mon.plusDays(1)).deadline(mon.plusDays(1)).build(),
                HiddenDangerFact.builder("c", W, "general", mon.plusDays(8)).build(),
                HiddenDangerFact.builder("w", W, "general", mon.plusDays(8)).withdrawn().build());
        Charts zh = Charts.of(Locale.SIMPLIFIED_CHINESE);
        Document weekly = HtmlCheck.parse(zh.foundAndClosedPerWeek(facts, mon, mon.plusDays(10)));
        assertEquals(List.of("2", "1", "1"), HtmlCheck.byClass(weekly, "chart-value").stream()
                .map(Element::getTextContent).toList(), "week 1: 2 found, 1 closed; week 2: 1 found");
        assertEquals(List.of("3月2日", "3月9日"), HtmlCheck.byClass(weekly, "chart-x").stream()
                .map(e -> e.getFirstChild().getNodeValue()).toList());
        Document overdue = HtmlCheck.parse(zh.overdueTrend(facts, mon, mon.plusDays(10)));
        assertEquals(List.of("1", "1"), HtmlCheck.byClass(overdue, "chart-value").stream()
                .map(Element::getTextContent).toList(), "b is overdue at both weeks' ends");
        assertEquals(8, Charts.niceTop(7));
        assertEquals(3, Charts.niceTop(3));
        assertThrows(IllegalArgumentException.class, () -> zh.foundAndClosedPerWeek(facts, mon, mon.minusDays(1)));
    }

    @Test
    void numbersDatesAndMoneyInEachLanguage() {
        Text zh = new Text(Locale.SIMPLIFIED_CHINESE);
        Text en = new Text(Locale.ENGLISH);
        assertEquals("12,345", zh.number(12_345));
        assertEquals("66.7%（2/3）", zh.rate(Rate.of(2, 3)));
        assertEquals("66.7% (2/3)", en.rate(Rate.of(2, 3)));
        assertEquals("不适用", zh.percent(Rate.of(0, 0)));
        assertEquals("12,000.50 元", zh.money(Funds.cny("12000.5")));
        assertEquals("CNY 12,000.50", en.money(Funds.cny("12000.5")));
        assertEquals("2026年3月2日", zh.date(LocalDate.of(2026, 3, 2)));
        assertEquals("March 2, 2026", en.date(LocalDate.of(2026, 3, 2)));
        assertEquals("1 day", en.days(1));
        assertEquals("2 days", en.days(2));
        assertEquals("1天", zh.days(1));
        assertEquals("重大风险（红）", zh.level(RiskLevel.MAJOR));
        assertEquals("6", zh.decimal(new BigDecimal("6")));
        assertEquals("0.5", zh.decimal(new BigDecimal("0.50")));
        // a locale that is neither Chinese nor English gets English, on a Chinese JVM too
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.CHINA);
            Text fr = new Text(Locale.FRENCH);
            assertEquals("Rectification rate", fr.get("col.rectification"));
            assertEquals("Major risk (Red)", fr.level(RiskLevel.MAJOR));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void directoryRefusesBlankValuesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Directory.empty().withResponsible(W, " "));
        assertTrue(e.getMessage().contains("person"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Directory.empty().withContact(W, "值班室", ""));
        assertTrue(e.getMessage().contains("phone"), e.getMessage());
        assertEquals(List.of(new Directory.Contact("a", "1"), new Directory.Contact("b", "2")), Directory.empty()
                .withContact(C, "b", "2").withContact(T, "a", "1").contactsFor(ORG, P));
    }
}
