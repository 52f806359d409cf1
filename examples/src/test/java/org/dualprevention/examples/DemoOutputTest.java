package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dualprevention.analytics.RecordRef;
import org.dualprevention.analytics.WarningRule;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.examples.demo.PlantDemo;
import org.dualprevention.examples.demo.Texts;
import org.dualprevention.inspection.Cadence;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.ItemOutcome;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.inspection.TaskStatus;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardCategoryGroup;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's outputs as a Chinese safety manager (default) and an English reader (-Ddemo.lang=en) see them:
 * every code rendered as its label, English plurals right, dates and numbers in the language's form, one
 * as-of date for everything, and the scripted major hidden danger telling one story.
 */
class DemoOutputTest {
    /** What one run printed and wrote, as text a reader sees (tags of the HTML and SVG removed). */
    record Run(String lang, PlantDemo.Result result, String console, String report, String map,
            Map<String, String> documents) {
        /**
         * The texts a reader sees, without what is not prose: hidden-danger numbers (an inspection finding's is
         * its task and item, e.g. {@code routine.WHS-P@2026-11-02/day/H-069-M1#1}), file names and paths.
         */
        Map<String, String> texts() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(lang + " console", prose(console));
            m.put(lang + " report.html", prose(visible(report)));
            m.put(lang + " risk-map.svg", prose(visible(map)));
            documents.forEach((name, text) -> m.put(lang + " " + name, prose(visible(text))));
            return m;
        }

        String prose(String text) {
            String s = text.replace(zhDir.toString(), "").replace(enDir.toString(), "");
            for (HiddenDanger d : result.dangers()) {
                s = s.replace(d.id().value(), "#");
            }
            for (String f : List.of("risk-map.svg", "report.html", "register.json", "ledger.json")) {
                s = s.replace(f, "#");
            }
            return s;
        }
    }

    @TempDir
    static Path zhDir;
    @TempDir
    static Path enDir;
    static Run zh;
    static Run en;

    @BeforeAll
    static void runInBothLanguages() throws IOException {
        zh = run(zhDir, "zh");
        en = run(enDir, "en");
    }

    static Run run(Path dir, String lang) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PlantDemo.Result r = PlantDemo.run(new PlantDemo.Options(dir, "memory", 4, PlantDemo.DEFAULT_SEED, lang),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        Map<String, String> documents = new LinkedHashMap<>();
        for (String f : PlantDemo.DOCUMENTS) {
            documents.put(f, Files.readString(dir.resolve(f)));
        }
        return new Run(lang, r, buf.toString(StandardCharsets.UTF_8), Files.readString(dir.resolve("report.html")),
                Files.readString(dir.resolve("risk-map.svg")), documents);
    }

    static String visible(String markup) {
        return markup.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("<[^>]*>", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    /** Every code of the model and the analytics a reader could be shown raw, with the enum constants' names. */
    static Set<String> codes() {
        Set<String> c = enumCodes();
        c.addAll(List.of(RecordRef.HIDDEN_DANGER, RecordRef.INSPECTION_TASK, RecordRef.RISK_POINT,
                RecordRef.CONTROL_MEASURE, RecordRef.ORG_UNIT, RecordRef.MAP_ZONE));
        return c;
    }

    /** The codes and constant names of the enumerations (not the record kinds, which are English compounds). */
    static Set<String> enumCodes() {
        Set<String> c = new TreeSet<>();
        List<Enum<?>[]> enums = List.of(RiskLevel.values(), MeasureCategory.values(), RiskPointKind.values(),
                AssessmentKind.values(), HazardCategoryGroup.values(), HiddenDangerState.values(),
                HiddenDangerAction.values(), HiddenDangerSource.values(), HiddenDangerGrade.values(),
                HiddenDangerCategory.values(), Cadence.values(), ItemOutcome.values(), ChecklistClass.values(),
                TaskStatus.values(), PlanKind.values(), WarningRule.values());
        for (Enum<?>[] values : enums) {
            for (Enum<?> e : values) {
                c.add(e.name());
                try {
                    c.add((String) e.getClass().getMethod("code").invoke(e));
                } catch (ReflectiveOperationException x) {
                    throw new AssertionError(x);
                }
            }
        }
        for (ControlLevel l : List.of(ControlLevel.COMPANY, ControlLevel.DEPARTMENT, ControlLevel.WORKSHOP,
                ControlLevel.TEAM, ControlLevel.POST)) {
            c.add(l.code());
        }
        c.removeIf(s -> s.chars().allMatch(Character::isDigit));
        return c;
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z_-]*[A-Za-z]");
    private static final Pattern CODE_EQUALS = Pattern.compile("[\\w-]+=\\d+");

    @Test
    void chineseIsTheDefaultAndEnglishTheOption() {
        assertEquals("zh", PlantDemo.Options.parse().lang());
        assertEquals("en", PlantDemo.Options.parse("--lang=en").lang());
        assertTrue(zh.console().contains("\n第 1 周（"), zh.console());
        assertTrue(zh.console().contains("全公司统计"), zh.console());
        assertTrue(zh.report().contains("<html lang=\"zh-CN\">"), "report language");
        assertTrue(zh.map().contains("安全风险四色分布图"), "map title in Chinese");
        assertTrue(zh.report().contains("华新精细化工有限公司") && zh.map().contains("罐区"), "the register in Chinese");
        assertTrue(en.console().contains("\nweek 1 ("), en.console());
        assertTrue(en.report().contains("<html lang=\"en\">"), "report language");
        assertTrue(en.report().contains("Huaxin Fine Chemicals Co., Ltd.") && en.map().contains("Tank farm"),
                "the register in English");
        for (String f : PlantDemo.DOCUMENTS) {
            String zhDoc = zh.documents().get(f);
            String enDoc = en.documents().get(f);
            assertTrue(Pattern.compile("\\p{IsHan}{4}").matcher(visible(zhDoc)).find(), f + " in Chinese");
            assertTrue(f.endsWith(".svg") || zhDoc.contains("lang=\"zh"), f + " declares Chinese");
            assertTrue(f.endsWith(".svg") || enDoc.contains("lang=\"en"), f + " declares English");
        }
        assertFalse(Pattern.compile("\\p{IsHan}").matcher(en.console().replace("整改率", "").replace("闭环率", ""))
                .find(), "English console with Chinese in it:\n" + en.console());
    }

    @Test
    void theLanguageChangesTheWordsNotTheSimulation() {
        assertEquals(zh.result().dangers().stream().map(d -> d.id() + " " + d.state() + " " + d.version()).toList(),
                en.result().dangers().stream().map(d -> d.id() + " " + d.state() + " " + d.version()).toList());
        assertEquals(zh.result().statistics().found(), en.result().statistics().found());
        assertEquals(zh.result().statistics().closedLoop(), en.result().statistics().closedLoop());
        assertEquals(zh.result().statistics().inspectionCompletion(), en.result().statistics().inspectionCompletion());
        assertEquals(zh.result().warnings().size(), en.result().warnings().size());
    }

    @Test
    void noOutputShowsACodeWhereALabelBelongs() {
        Set<String> codes = codes();
        Set<String> enumCodes = enumCodes();
        List<String> found = new ArrayList<>();
        for (Run r : List.of(zh, en)) {
            for (Map.Entry<String, String> e : r.texts().entrySet()) {
                String text = e.getValue();
                Matcher m = WORD.matcher(text);
                while (m.find()) {
                    String w = m.group();
                    // Chinese outputs show no code at all; English ones no hyphenated code and no enum constant
                    boolean raw = r.lang().equals("zh") ? codes.contains(w)
                            : enumCodes.contains(w) && (w.contains("-") || w.contains("_") || w.equals(w.toUpperCase()));
                    if (raw) {
                        found.add(e.getKey() + ": [" + w + "] in ..." + around(text, m.start()) + "...");
                    }
                }
                Matcher ce = CODE_EQUALS.matcher(text);
                while (ce.find()) {
                    found.add(e.getKey() + ": code=count [" + ce.group() + "] in ..." + around(text, ce.start()) + "...");
                }
            }
        }
        assertEquals(List.of(), found, "codes shown raw");
    }

    @Test
    void englishPluralsAndLocaleDatesAndNumbers() {
        Pattern onePlural = Pattern.compile("(?<![\\d.,])1 (days|tasks|items|weeks|steps|times|hidden dangers|"
                + "new hidden dangers|open hidden dangers|inspection tasks)\\b");
        Pattern iso = Pattern.compile("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?![\\w-])");
        for (Run r : List.of(zh, en)) {
            Map<String, String> texts = r.texts();
            for (Map.Entry<String, String> e : texts.entrySet()) {
                Matcher m = onePlural.matcher(e.getValue());
                assertFalse(m.find(), e.getKey() + ": " + (m.hitEnd() ? "" : around(e.getValue(), m.start())));
                Matcher d = iso.matcher(e.getValue());
                assertFalse(d.find(), e.getKey() + " shows an ISO date, not the language's form: "
                        + (d.hitEnd() ? "" : around(e.getValue(), d.start())));
            }
        }
        assertTrue(zh.console().contains("2026年11月29日"), "the last simulated day in Chinese form");
        assertTrue(en.console().contains("November 29, 2026"), "the last simulated day in English form");
    }

    @Test
    void oneAsOfDateForEverythingARunPrints() {
        for (Run r : List.of(zh, en)) {
            PlantDemo.Result res = r.result();
            Texts t = Texts.of(r.lang());
            assertEquals(PlantDemo.FIRST_DAY.plusWeeks(4).minusDays(1), res.asOf(), "the last simulated day");
            assertEquals(res.asOf(), res.mapDate(), "map and run");
            assertEquals(res.asOf(), res.statistics().asOf(), "statistics and run");
            String asOf = t.date(res.asOf());
            assertTrue(r.console().contains(t.get("demo.zones", asOf)), "zone table as of " + asOf);
            assertTrue(r.console().contains(t.get("demo.statistics", t.date(PlantDemo.FIRST_DAY), asOf, asOf)),
                    "statistics as of " + asOf + ":\n" + r.console());
            assertTrue(r.report().contains(HtmlEsc.esc(t.get("report.intro", asOf, t.date(PlantDemo.FIRST_DAY), asOf))),
                    "report as of " + asOf);
            assertTrue(r.map().contains(asOf), "map dated " + asOf);
            for (String f : List.of("risk-register.html", "ledger.html", "risk-map.html")) {
                assertTrue(r.documents().get(f).contains(asOf), f + " dated " + asOf);
            }
        }
    }

    @Test
    void theMajorHiddenDangerIsOneDefectFromFindingToCloseOut() {
        for (Run r : List.of(zh, en)) {
            List<HiddenDanger> major = r.result().dangers().stream().filter(d -> d.authorityReport().isPresent())
                    .toList();
            assertEquals(1, major.size(), "one scripted major hidden danger");
            HiddenDanger d = major.get(0);
            assertEquals(HiddenDangerGrade.MAJOR, d.grade().orElseThrow());
            assertEquals(HiddenDangerState.CLOSED, d.state(), "closed within the four weeks");
            // a failed engineering safeguard on a red hazard: stopping part of production, time to repair
            assertEquals(ControlMeasureId.of("H-001-M1"), d.failedMeasure().orElseThrow());
            String tank = "T-101";
            List<String> story = new ArrayList<>(List.of(d.title(), d.description(),
                    d.authorityReport().get().statusAndCause(), d.authorityReport().get().harmAndDifficulty(),
                    d.authorityReport().get().treatmentPlan(), d.plan().orElseThrow().measures(),
                    d.rectificationNote().orElseThrow()));
            for (String s : story) {
                assertTrue(s.contains(tank), r.lang() + ": every part of the story names " + tank + ": " + s);
            }
            String trip = r.lang().equals("zh") ? "联锁" : "trip";
            assertTrue(story.stream().filter(s -> s.contains(trip)).count() >= 5, r.lang() + ": the trip, throughout: "
                    + story);
        }
    }

    @Test
    void theTankFarmIsAMajorHazardInstallationWithItsRValueGradeRecurrenceAndNearMiss() {
        for (String text : List.of(zh.console(), visible(zh.report()))) {
            assertTrue(text.contains("重大危险源 罐区（储存单元）：S = 1.4，R = 2.16，四级重大危险源（依据 GB 18218-2018）"),
                    "the tank farm's S, R and grade in Chinese:\n" + text);
            assertTrue(text.contains("回头看复查：隐患“鹤位静电接地夹断裂”现场整改验收后，于 2026年11月29日 复查不合格，判定为隐患反弹"
                    + "（回头看复查不合格）"), "the look-back recurrence, on the as-of date:\n" + text);
            assertTrue(text.contains("未遂事件：") && text.contains("触发重新评价的危险有害因素：储罐呼吸阀、法兰泄漏，可燃蒸气积聚"),
                    "the near miss and the hazard it flags:\n" + text);
        }
        for (String text : List.of(en.console(), visible(en.report()))) {
            assertTrue(text.contains("major hazard installation Tank farm (Storage unit): S = 1.4, R = 2.16, "
                    + "Grade 4 major hazard installation (per GB 18218-2018)"), "in English:\n" + text);
            assertTrue(text.contains("failed its re-check on November 29, 2026: a recurrence (Look-back re-check failed)"),
                    "the recurrence in English:\n" + text);
            assertTrue(text.contains("rectification-quality warning: hidden dangers that came back at "), text);
        }
    }

    @Test
    void theTankFarmsRiskPointsAreDrawnRedOnTheMapAndCarded() {
        for (Run r : List.of(zh, en)) {
            for (String id : List.of("RP-TANKFARM", "RP-LOADING")) {
                java.util.regex.Matcher m = Pattern.compile("<circle class=\"risk-point\" data-risk-point=\"" + id
                        + "\" data-level=\"([a-zA-Z_]+)\"").matcher(r.map());
                assertTrue(m.find(), r.lang() + " risk-map.svg draws " + id);
                assertEquals(org.dualprevention.risk.RiskLevel.MAJOR.code(), m.group(1), r.lang() + " " + id
                        + " is red (重大) on the major hazard installation");
                m = Pattern.compile("data-risk-point=\"" + id + "\"").matcher(r.documents().get("risk-map.html"));
                assertTrue(m.find(), r.lang() + " the map page's figure draws " + id);
            }
        }
        assertTrue(visible(zh.documents().get("risk-cards.html")).contains("甲醇/液化石油气储罐区"), "a risk card for the farm");
    }

    @Test
    void theTankFarmIsInTheRegisterTheMapTheLedgerAndTheStatisticsTable() {
        Map<String, List<String>> zhExpected = Map.of(
                "risk-register.html", List.of("危险化学品重大危险源", "甲醇/液化石油气储罐区", "装卸车鹤位",
                        "重大危险源 四级，R = 2.16", "甲醇 300 吨（临界量 500 吨）", "液化石油气 40 吨（临界量 50 吨）", "四级重大危险源"),
                "risk-map.html", List.of("危险化学品重大危险源", "四级重大危险源", "2.16", "甲醇/液化石油气储罐区", "重大风险（红）"),
                "ledger.html", List.of("回头看复查", "鹤位静电接地夹断裂", "不合格", "回头看复查不合格", "复查完成率", "反弹率",
                        "事故与未遂事件", "未遂事件", "巡检发现储罐呼吸阀泄漏，可燃气体报警器未报警，及时处置未起火", "可燃气体报警器完好"),
                "statistics-table.html", List.of("事故与未遂事件统计", "未遂事件占比"));
        Map<String, List<String>> enExpected = Map.of(
                "risk-register.html", List.of("Major hazard installations", "Methanol and LPG tanks",
                        "Major hazard installation, grade 4, R = 2.16", "Methanol 300 t (critical quantity 500 t)",
                        "Grade 4 major hazard installation"),
                "risk-map.html", List.of("Grade 4 major hazard installation", "Methanol and LPG tanks"),
                "ledger.html", List.of("Look-back re-checks", "Broken earthing clamp at the loading bay", "Failed",
                        "Look-back re-check failed", "Near miss", "Flammable gas detectors in working order"),
                "statistics-table.html", List.of("Incidents and near misses in the period", "Share of near misses"));
        for (Run r : List.of(zh, en)) {
            for (Map.Entry<String, List<String>> e : (r == zh ? zhExpected : enExpected).entrySet()) {
                String text = visible(r.documents().get(e.getKey()));
                for (String expected : e.getValue()) {
                    assertTrue(text.contains(expected), r.lang() + " " + e.getKey() + " lacks [" + expected + "]");
                }
            }
        }
        assertFalse(Pattern.compile("\\p{IsHan}").matcher(visible(en.documents().get("ledger.html"))
                .replaceAll("(?s).*Look-back re-checks", "")).find(), "the tank farm's rows of the English ledger are English");
    }

    private static String around(String s, int at) {
        return s.substring(Math.max(0, at - 60), Math.min(s.length(), at + 60)).replace('\n', ' ');
    }

    /** The report's escaping, for comparing prose. */
    static final class HtmlEsc {
        static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
