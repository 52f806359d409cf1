package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG is parsed as XML and checked for zones, colours, points, legend, title and date. */
class SvgRiskMapRendererTest {
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document doc, String tag, String cls) {
        NodeList nl = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void zonesAreFilledByTheirEffectiveColour() throws Exception {
        Document doc = parse(SvgRiskMapRenderer.of(Locale.ENGLISH).render(MapFixtures.map()));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        Map<String, Element> zones = new HashMap<>();
        for (Element e : byClass(doc, "polygon", "zone")) {
            zones.put(e.getAttribute("data-zone"), e);
        }
        assertEquals(3, zones.size());
        assertEquals(RiskLevel.MAJOR.rgb(), zones.get("Z1").getAttribute("fill"));
        assertEquals("major", zones.get("Z1").getAttribute("data-level"));
        assertEquals(RiskLevel.SIGNIFICANT.rgb(), zones.get("Z2").getAttribute("fill"));
        assertEquals(SvgRiskMapRenderer.NOT_ASSESSED_RGB, zones.get("Z3").getAttribute("fill"));
        // Z1 is the rectangle 0,0 100x50 scaled to a 1000 px wide map of a 200 wide plan: factor 4.8
        assertEquals("20,70 500,70 500,310 20,310", zones.get("Z1").getAttribute("points"));
        assertEquals(3, zones.get("Z2").getAttribute("points").split(" ").length);
        List<String> labels = byClass(doc, "text", "zone-label").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("Tank farm 罐区", "Workshop", "Yard <A & B> \"east\""), labels);
    }

    @Test
    void riskPointsAreMarkedInTheirColour() throws Exception {
        Document doc = parse(SvgRiskMapRenderer.of(Locale.ENGLISH).render(MapFixtures.map()));
        Map<String, Element> points = new HashMap<>();
        for (Element e : byClass(doc, "circle", "risk-point")) {
            points.put(e.getAttribute("data-risk-point"), e);
        }
        // P5 has no zone and no position: not drawn
        assertEquals(java.util.Set.of("P1", "P2", "P3", "P4"), points.keySet());
        assertEquals(RiskLevel.MAJOR.rgb(), points.get("P1").getAttribute("fill"));
        assertEquals(RiskLevel.GENERAL.rgb(), points.get("P2").getAttribute("fill"));
        assertEquals(RiskLevel.SIGNIFICANT.rgb(), points.get("P3").getAttribute("fill"));
        assertEquals(SvgRiskMapRenderer.NOT_ASSESSED_RGB, points.get("P4").getAttribute("fill"));

        Document placed = parse(SvgRiskMapRenderer.of(Locale.ENGLISH)
                .withPositions(Map.of(RiskPointId.of("P5"), new MapZone.Point(50, 25))).render(MapFixtures.map()));
        Element p5 = byClass(placed, "circle", "risk-point").stream()
                .filter(e -> e.getAttribute("data-risk-point").equals("P5")).findFirst().orElseThrow();
        assertEquals("260", p5.getAttribute("cx"));
        assertEquals("190", p5.getAttribute("cy"));
    }

    @Test
    void legendListsTheFourLevelsInChineseWithCounts() throws Exception {
        Document doc = parse(SvgRiskMapRenderer.of(Locale.CHINA).render(MapFixtures.map()));
        List<Element> swatches = byClass(doc, "rect", "legend-swatch");
        assertEquals(List.of("#E53935", "#FB8C00", "#FDD835", "#1E88E5", SvgRiskMapRenderer.NOT_ASSESSED_RGB),
                swatches.stream().map(e -> e.getAttribute("fill")).toList());
        List<String> labels = byClass(doc, "text", "legend-label").stream().map(Element::getTextContent).toList();
        assertEquals(5, labels.size());
        for (RiskLevel l : RiskLevel.values()) {
            assertTrue(labels.get(l.ordinal()).startsWith(l.displayName(Locale.CHINA)), labels.toString());
        }
        // effective: P1 red, P3 orange, P2 yellow, P5 blue; P4 not assessed
        assertEquals("重大风险（红）：1 个风险点", labels.get(0));
        assertEquals("低风险（蓝）：1 个风险点", labels.get(3));
        assertEquals("未评估：1 个风险点", labels.get(4));
        // the legend says what it counts
        assertEquals("图例（按风险点当前风险等级统计风险点数）", byClass(doc, "text", "legend-title").get(0).getTextContent());
        assertEquals("安全风险四色分布图", byClass(doc, "text", "title").get(0).getTextContent());
        // the date in the locale's form
        assertEquals("日期：2026年3月20日", byClass(doc, "text", "date").get(0).getTextContent());
    }

    @Test
    void theMapPrintsTheRiskPointsNamesInFullOpaqueColours() throws Exception {
        String svg = SvgRiskMapRenderer.of(Locale.CHINA).render(MapFixtures.map());
        Document doc = parse(svg);
        Map<String, String> names = new HashMap<>();
        for (Element e : byClass(doc, "text", "risk-point-label")) {
            names.put(e.getAttribute("data-risk-point"), e.getTextContent());
        }
        Map<String, String> expected = new HashMap<>();
        for (PointStatus p : MapFixtures.map().points()) {
            if (!p.id().value().equals("P5")) {
                expected.put(p.id().value(), p.name());
            }
        }
        assertEquals(expected, names, "every drawn risk point has its name printed, not only a tooltip");
        // the four colours are opaque: no opacity anywhere, every zone and point fill one of the four or grey
        assertFalse(svg.contains("opacity"), "no element is drawn translucent");
        java.util.Set<String> allowed = new java.util.HashSet<>();
        for (RiskLevel l : RiskLevel.values()) {
            allowed.add(l.rgb());
        }
        allowed.add(SvgRiskMapRenderer.NOT_ASSESSED_RGB);
        for (Element e : byClass(doc, "polygon", "zone")) {
            assertTrue(allowed.contains(e.getAttribute("fill")), e.getAttribute("fill"));
        }
        assertEquals(List.of("#E53935", "#FB8C00", "#FDD835", "#1E88E5"), java.util.Arrays.stream(RiskLevel.values())
                .map(RiskLevel::rgb).toList(), "DOMAIN.md §4.1");
    }

    @Test
    void englishLabelsDoNotDependOnTheJvmsDefaultLocale() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.CHINA);
            Document doc = parse(SvgRiskMapRenderer.of(Locale.ENGLISH).render(MapFixtures.map()));
            List<String> labels = byClass(doc, "text", "legend-label").stream().map(Element::getTextContent).toList();
            assertEquals("Major risk (Red): 1 risk point", labels.get(0));
            // the spi's labels too: English asked for on a Chinese machine is English
            assertEquals("Major risk", RiskLevel.MAJOR.displayName(Locale.ENGLISH));
            assertEquals("重大风险", RiskLevel.MAJOR.displayName(Locale.SIMPLIFIED_CHINESE));
            assertEquals("Date: March 20, 2026", byClass(doc, "text", "date").get(0).getTextContent());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void englishTitleAndHostileTextAreEscaped() throws Exception {
        String svg = SvgRiskMapRenderer.of(Locale.ENGLISH).withTitle("Plant <1> & \"2\"\u0001").withWidth(800)
                .render(MapFixtures.map());
        Document doc = parse(svg);
        assertEquals("Plant <1> & \"2\"", byClass(doc, "text", "title").get(0).getTextContent());
        assertEquals("800", doc.getDocumentElement().getAttribute("width"));
        assertTrue(byClass(doc, "text", "legend-label").get(0).getTextContent().startsWith("Major risk"),
                byClass(doc, "text", "legend-label").get(0).getTextContent());
        assertFalse(svg.contains("\u0001"));
    }

    @Test
    void anEmptyMapIsStillAValidDocument() throws Exception {
        RiskMap empty = RiskMap.builder(Fixtures.ORG, MapFixtures.DATE, DefaultEffectiveLevelPolicy.create())
                .zones(List.of(MapZone.rectangle(MapZoneId.of("only"), "Only", 10, 10, 5, 5, Optional.empty())))
                .build();
        Document doc = parse(SvgRiskMapRenderer.of(Locale.ENGLISH).render(empty));
        assertEquals(1, byClass(doc, "polygon", "zone").size());
        assertEquals(0, byClass(doc, "circle", "risk-point").size());
        assertEquals(5, byClass(doc, "rect", "legend-swatch").size());
    }
}
