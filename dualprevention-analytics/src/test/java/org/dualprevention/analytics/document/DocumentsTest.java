package org.dualprevention.analytics.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every document, rendered from generated plants in Chinese and in English, passes the strict check of
 * {@link HtmlCheck}, shows no code where a label belongs, and writes dates and numbers in the language's
 * form.
 */
class DocumentsTest {
    private static final Pattern LOWER_WORD = Pattern.compile("\\b[a-z][a-z-]{2,}\\b");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern ZH_DATE = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日");
    private static final Pattern EN_DATE = Pattern.compile("(January|February|March|April|May|June|July|August"
            + "|September|October|November|December) \\d{1,2}, \\d{4}");

    /** Every code of every enumerated value a document can show. */
    static Set<String> codes() {
        Set<String> out = new HashSet<>();
        for (RiskLevel l : RiskLevel.values()) {
            out.add(l.code());
            out.add(l.colour());
        }
        Stream.of(RiskPointKind.values()).forEach(v -> out.add(v.code()));
        Stream.of(MeasureCategory.values()).forEach(v -> out.add(v.code()));
        Stream.of(AssessmentKind.values()).forEach(v -> out.add(v.code()));
        Stream.of(HiddenDangerGrade.values()).forEach(v -> out.add(v.code()));
        Stream.of(HiddenDangerState.values()).forEach(v -> out.add(v.code()));
        Stream.of(HiddenDangerAction.values()).forEach(v -> out.add(v.code()));
        Stream.of(HiddenDangerSource.values()).forEach(v -> out.add(v.code()));
        Stream.of(HiddenDangerCategory.values()).forEach(v -> out.add(v.code()));
        for (ControlLevel l : List.of(ControlLevel.COMPANY, ControlLevel.DEPARTMENT, ControlLevel.WORKSHOP,
                ControlLevel.TEAM, ControlLevel.POST)) {
            out.add(l.code());
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> chineseDocumentsAreValidAndShowNoCode() {
        Set<String> codes = codes();
        return Seeds.cases("chinese documents", 6, gen -> {
            Plant plant = new Plant(gen);
            for (Map.Entry<String, String> e : plant.documents(Documents.chinese()).entrySet()) {
                String name = e.getKey() + " (zh, seed " + gen.seed() + ")";
                Document doc = HtmlCheck.check(e.getValue(), name);
                assertEquals("zh-CN", doc.getDocumentElement().getAttribute("lang"), name);
                for (String text : HtmlCheck.libraryText(doc)) {
                    Matcher m = LOWER_WORD.matcher(text);
                    while (m.find()) {
                        throw new AssertionError(name + ": untranslated word [" + m.group() + "]"
                                + (codes.contains(m.group()) ? " (a code)" : "") + " in [" + text + "]");
                    }
                }
                for (String cls : List.of("accident-types", "hazard-category")) {
                    for (Element cell : HtmlCheck.byClass(doc, cls)) {
                        assertFalse(cell.getTextContent().matches("(?s).*\\d.*"), name + ": a code in " + cls + " ["
                                + cell.getTextContent() + "]");
                    }
                }
                for (Element cell : HtmlCheck.byClass(doc, "date").stream().filter(x -> x.getLocalName().equals("td"))
                        .toList()) {
                    if (!cell.getTextContent().isBlank()) {
                        assertTrue(ZH_DATE.matcher(cell.getTextContent()).lookingAt(), name + ": date ["
                                + cell.getTextContent() + "]");
                    }
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> englishDocumentsAreValidAndEnglish() {
        Set<String> codes = codes();
        Set<String> accidentLabels = new HashSet<>();
        for (AccidentType t : AccidentType.values()) {
            accidentLabels.add(t.displayName(Locale.ENGLISH));
        }
        return Seeds.cases("english documents", 6, gen -> {
            Plant plant = new Plant(gen);
            for (Map.Entry<String, String> e : plant.documents(Documents.of(Locale.ENGLISH)).entrySet()) {
                String name = e.getKey() + " (en, seed " + gen.seed() + ")";
                Document doc = HtmlCheck.check(e.getValue(), name);
                assertEquals("en", doc.getDocumentElement().getAttribute("lang"), name);
                for (String text : HtmlCheck.libraryText(doc)) {
                    assertFalse(HAN.matcher(text).find(), name + ": Chinese in the English document: [" + text + "]");
                    for (String code : codes) {
                        assertFalse(text.equals(code), name + ": a cell shows the bare code [" + code + "]");
                    }
                }
                for (Element cell : HtmlCheck.byClass(doc, "accident-types")) {
                    for (String part : cell.getTextContent().split(", ")) {
                        assertTrue(accidentLabels.contains(part) || part.equals("None"), name + ": [" + part + "] is not an accident label");
                    }
                }
                for (Element cell : HtmlCheck.byClass(doc, "state")) {
                    Set<String> labels = new HashSet<>();
                    Stream.of(HiddenDangerState.values()).forEach(s -> labels.add(s.displayName(Locale.ENGLISH)));
                    assertTrue(labels.contains(cell.getTextContent()), name + ": state [" + cell.getTextContent() + "]");
                }
                for (Element cell : HtmlCheck.byClass(doc, "date").stream().filter(x -> x.getLocalName().equals("td"))
                        .toList()) {
                    if (!cell.getTextContent().isBlank()) {
                        assertTrue(EN_DATE.matcher(cell.getTextContent()).lookingAt(), name + ": date ["
                                + cell.getTextContent() + "]");
                    }
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> theRegisterHasARowPerHazardAndTheLevelsInTheirColours() {
        return Seeds.cases("register rows", 6, gen -> {
            Plant plant = new Plant(gen);
            Document doc = HtmlCheck.parse(Documents.chinese().riskRegister(plant.org, plant.points, plant.zones,
                    plant.asOf));
            int expected = plant.points.stream().mapToInt(p -> Math.max(1, p.hazards().size())).sum();
            List<Element> rows = new ArrayList<>();
            org.w3c.dom.NodeList trs = doc.getElementsByTagNameNS(HtmlCheck.XHTML, "tr");
            for (int i = 0; i < trs.getLength(); i++) {
                if (((Element) trs.item(i)).hasAttribute("data-risk-point")) {
                    rows.add((Element) trs.item(i));
                }
            }
            assertEquals(expected, rows.size(), "seed " + gen.seed());
            for (Element level : HtmlCheck.byClass(doc, "level")) {
                RiskLevel l = null;
                for (RiskLevel x : RiskLevel.values()) {
                    if (level.getAttribute("class").contains("level-" + x.code())) {
                        l = x;
                    }
                }
                assertTrue(l != null, level.getAttribute("class"));
                assertTrue(level.getAttribute("style").contains("background-color:" + l.rgb()), level.getAttribute("style"));
                assertTrue(level.getTextContent().startsWith(l.displayName(Locale.CHINESE)), level.getTextContent());
            }
        });
    }
}
