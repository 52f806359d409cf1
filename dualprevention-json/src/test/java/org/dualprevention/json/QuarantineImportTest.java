package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The quarantine import: every valid risk point is imported, every refused one is listed with each problem,
 * and a stored claim that disagrees with the recomputation is kept beside the recomputed one.
 */
class QuarantineImportTest {

    static ObjectNode example() throws Exception {
        try (InputStream in = RegisterDocument.class.getResourceAsStream("schema/register-1.example.json")) {
            return (ObjectNode) RegisterDocumentTest.MAPPER.readTree(in.readAllBytes());
        }
    }

    /** A copy of a risk point whose every id ends in {@code suffix}. */
    static ObjectNode renamed(JsonNode item, String suffix) {
        ObjectNode copy = (ObjectNode) item.deepCopy();
        rename(copy, suffix);
        return copy;
    }

    private static void rename(JsonNode n, String suffix) {
        if (n instanceof ObjectNode o) {
            if (o.path("id").isString()) {
                o.put("id", o.path("id").stringValue() + suffix);
            }
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                rename(e.getValue(), suffix);
            }
        } else if (n.isArray()) {
            n.forEach(c -> rename(c, suffix));
        }
    }

    record Run(QuarantineReport report, CollectingSink<RegisterHeader, RiskPoint> sink) {
    }

    static Run quarantine(ObjectNode doc) {
        CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
        QuarantineReport r = RegisterDocument.quarantine(DocumentSource.of(RegisterDocumentTest.bytes(doc)),
                TestScoring.providers(), ImportOptions.defaults(), sink);
        return new Run(r, sink);
    }

    /** The example with three bad risk points appended and a stored score of the first one changed. */
    static ObjectNode mixed() throws Exception {
        ObjectNode doc = example();
        ArrayNode points = (ArrayNode) doc.get("riskPoints");
        JsonNode first = points.get(0);
        ObjectNode badAccident = renamed(first, "-x");
        ((ArrayNode) badAccident.get("hazards").get(0).get("accidentTypes")).set(1, "99");
        ObjectNode repeated = renamed(first, "-y");
        repeated.put("id", first.get("id").stringValue());
        ObjectNode unknownUnit = renamed(first, "-z");
        unknownUnit.put("owningUnit", "nowhere");
        ((ObjectNode) unknownUnit.get("hazards").get(0).get("assessments").get(0).get("input")).put("E", 4);
        points.add(badAccident);
        points.add(repeated);
        points.add(unknownUnit);
        ObjectNode as = (ObjectNode) points.get(0).get("hazards").get(0).get("assessments").get(0);
        as.put("score", 999);
        return doc;
    }

    @Test
    void validItemsAreImportedAndEveryRefusedOneIsListedWithEachProblem() throws Exception {
        ObjectNode doc = mixed();
        int valid = doc.get("riskPoints").size() - 3;
        Run run = quarantine(doc);
        QuarantineReport r = run.report();
        assertEquals(valid + 3, r.itemsRead());
        assertEquals(valid, r.imported(), r.toString());
        assertEquals(valid, run.sink().items.size());
        assertEquals(valid, run.sink().report.items());
        assertEquals(3, r.refusedItems(), r.toString());
        List<String> pointers = new ArrayList<>();
        r.refused().forEach(x -> pointers.add(x.pointer() + " " + x.field() + " [" + x.value() + "] item " + x.item()
                + " " + x.itemId()));
        int bad = valid;
        assertTrue(pointers.contains("/riskPoints/" + bad + "/hazards/0/accidentTypes/1 accidentTypes [\"99\"] item "
                + bad + " RP-001-x"), pointers.toString());
        assertTrue(pointers.contains("/riskPoints/" + (bad + 1) + "/id id [RP-001] item " + (bad + 1) + " RP-001"),
                pointers.toString());
        assertTrue(pointers.contains("/riskPoints/" + (bad + 2) + "/owningUnit owningUnit [nowhere] item " + (bad + 2)
                + " RP-001-z"), pointers.toString());
        // the unknown unit does not hide the bad factor of the same item
        assertTrue(pointers.contains("/riskPoints/" + (bad + 2) + "/hazards/0/assessments/0/input/E E [4] item "
                + (bad + 2) + " RP-001-z"), pointers.toString());
        QuarantineReport.Refusal repeat = r.refused().stream().filter(x -> x.item() == bad + 1).findFirst().orElseThrow();
        assertTrue(repeat.allowed().contains("already used at /riskPoints/0/id"), repeat.allowed());
        QuarantineReport.Refusal accident = r.refused().stream().filter(x -> x.item() == bad).findFirst().orElseThrow();
        assertTrue(accident.allowed().contains("16"), "the allowed accident types are listed: " + accident.allowed());
        for (RiskPoint rp : run.sink().items) {
            assertTrue(!rp.id().value().endsWith("-x") && !rp.id().value().endsWith("-z"), "a refused item was imported: " + rp.id());
        }
    }

    @Test
    void aDisagreeingStoredClaimIsImportedRecomputedAndKeptBesideIt() throws Exception {
        Run run = quarantine(mixed());
        QuarantineReport r = run.report();
        assertEquals(1, r.recomputed().size(), r.recomputed().toString());
        QuarantineReport.Recomputation c = r.recomputed().get(0);
        assertEquals("/riskPoints/0/hazards/0/assessments/0", c.pointer());
        assertEquals("RP-001", c.itemId());
        assertEquals(List.of("999", "2", "significant", "270", "2", "significant"), List.of(c.storedScore(),
                c.storedGrade(), c.storedLevel(), c.recomputedScore(), c.recomputedGrade(), c.recomputedLevel()));
        Assessment imported = run.sink().items.get(0).hazards().get(0).assessments().get(0);
        assertEquals(0, imported.score().value().compareTo(new BigDecimal(270)), "the recomputed score is imported");
        assertTrue(r.warnings().isEmpty(), "the claim is not (only) a warning: " + r.warnings());
    }

    @Test
    void aRefusedItemsDisagreeingClaimsAreNotListedAsImported() throws Exception {
        ObjectNode doc = example();
        ObjectNode first = (ObjectNode) doc.get("riskPoints").get(0);
        ((ObjectNode) first.get("hazards").get(0).get("assessments").get(0)).put("score", 999);
        first.put("owningUnit", "nowhere");
        QuarantineReport r = quarantine(doc).report();
        assertEquals(1, r.refusedItems());
        assertEquals(List.of(), r.recomputed(), "the refused item is not imported, so nothing of it was recomputed into the store");
    }

    @Test
    void aGradeClaimOfAnotherLevelIsKeptWithBothLevels() throws Exception {
        ObjectNode doc = example();
        ObjectNode grade = (ObjectNode) doc.get("riskPoints").get(0).get("hazards").get(0).get("assessments").get(0)
                .get("grade");
        grade.put("code", "1");
        grade.put("name", "重大风险");
        grade.put("level", "major");
        QuarantineReport r = quarantine(doc).report();
        assertEquals(0, r.refusedItems());
        QuarantineReport.Recomputation c = r.recomputed().get(0);
        assertEquals(List.of("270", "1", "major", "270", "2", "significant"), List.of(c.storedScore(), c.storedGrade(),
                c.storedLevel(), c.recomputedScore(), c.recomputedGrade(), c.recomputedLevel()));
    }

    @Test
    void aBrokenHeaderStillRefusesTheWholeDocument() throws Exception {
        ObjectNode doc = mixed();
        ((ObjectNode) doc.get("organization").get("units").get(0)).put("level", "nowhere");
        CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
        JsonImportException e = assertThrows(JsonImportException.class, () -> RegisterDocument.quarantine(
                DocumentSource.of(RegisterDocumentTest.bytes(doc)), TestScoring.providers(), ImportOptions.defaults(), sink));
        assertTrue(sink.receivedNothing());
        assertTrue(e.violations().stream().anyMatch(v -> v.path().startsWith("/organization/units/0/level")),
                e.violations().toString());
    }

    @Test
    void truncatedDocumentIsRefusedWhole() throws Exception {
        byte[] full = RegisterDocumentTest.bytes(mixed());
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 40);
        CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
        assertThrows(JsonImportException.class, () -> RegisterDocument.quarantine(DocumentSource.of(cut),
                TestScoring.providers(), ImportOptions.defaults(), sink));
        assertTrue(sink.receivedNothing());
    }

    @Test
    void beyondTheCapProblemsAreCountedNotDropped() throws Exception {
        ObjectNode doc = mixed();
        CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
        QuarantineReport r = RegisterDocument.quarantine(DocumentSource.of(RegisterDocumentTest.bytes(doc)),
                TestScoring.providers(), ImportOptions.defaults().withMaxProblems(1), sink);
        assertEquals(3, r.refusedItems());
        assertEquals(1, r.refused().size());
        QuarantineReport full = quarantine(mixed()).report();
        assertEquals(full.refused().size() + full.recomputed().size() - 2, r.unlisted(), "every problem over the cap is counted");
    }

    @Test
    void theReportIsWrittenAsJsonAndCsvWithSourceRows() throws Exception {
        QuarantineReport r = quarantine(mixed()).report().withSources(p -> p.startsWith("/riskPoints/0/")
                ? "register.csv 第 2 行" : p.matches("/riskPoints/\\d+/.*") ? "register.csv 第 " + p.split("/")[2] + "0 行" : "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.writeJson(out);
        JsonNode json = RegisterDocumentTest.MAPPER.readTree(out.toByteArray());
        assertEquals(QuarantineReport.REPORT_FORMAT, json.get("format").stringValue());
        assertEquals(RegisterDocument.FORMAT, json.get("document").stringValue());
        assertEquals(r.refused().size(), json.get("refused").size());
        assertEquals(r.refusedItems(), json.get("refusedItems").longValue());
        assertEquals(r.refused().get(0).pointer(), json.get("refused").get(0).get("pointer").stringValue());
        assertEquals("register.csv 第 2 行", json.get("recomputed").get(0).get("source").stringValue());
        assertEquals("999", json.get("recomputed").get(0).get("storedScore").stringValue());
        StringBuilder csv = new StringBuilder();
        r.writeCsv(csv);
        String[] lines = csv.toString().split("\r\n");
        assertEquals(String.join(",", QuarantineReport.CSV_COLUMNS), lines[0]);
        assertEquals(1 + r.refused().size() + r.recomputed().size() + r.warnings().size(), lines.length);
        assertTrue(lines[1].startsWith("refused,"), lines[1]);
        assertTrue(csv.toString().contains("recomputed,0,RP-001,/riskPoints/0/hazards/0/assessments/0,,,,999,2,significant,270,2,significant,register.csv 第 2 行"),
                csv.toString());
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("\"a,b\"", QuarantineReport.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", QuarantineReport.cell("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", QuarantineReport.cell("=HYPERLINK(1)"));
        assertEquals("\"'=1+2,3\"", QuarantineReport.cell("=1+2,3"));
        assertEquals("-1.5", QuarantineReport.cell("-1.5"));
        assertEquals("'@x", QuarantineReport.cell("@x"));
        assertEquals("\"a\nb\"", QuarantineReport.cell("a\nb"));
    }

    @Test
    void aCleanDocumentGivesACleanReport() throws Exception {
        Run run = quarantine(example());
        assertTrue(run.report().clean(), run.report().toString());
        assertEquals(run.report().itemsRead(), run.sink().items.size());
        byte[] doc = RegisterDocumentTest.bytes(example());
        CollectingSink<RegisterHeader, RiskPoint> strict = new CollectingSink<>();
        RegisterDocument.read(DocumentSource.of(doc), TestScoring.providers(), ImportOptions.defaults(), strict);
        assertEquals(strict.items, run.sink().items, "quarantine imports a clean document as read does");
    }

    @Test
    void fieldOfSkipsIndexes() {
        assertEquals("accidentTypes", QuarantineReport.Refusal.fieldOf("/riskPoints/3/hazards/0/accidentTypes/1"));
        assertEquals("", QuarantineReport.Refusal.fieldOf("/riskPoints/3"));
        assertEquals("a/b", QuarantineReport.Refusal.fieldOf("/riskPoints/3/a~1b"));
    }
}
