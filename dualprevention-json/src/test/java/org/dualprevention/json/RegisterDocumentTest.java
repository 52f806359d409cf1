package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.dualprevention.Violation;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The register document: round trip, every problem with its pointer, recomputation, versions, limits. */
class RegisterDocumentTest {
    static final JsonMapper MAPPER = DualPreventionJson.mapper();

    static byte[] write(Gen.Register r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterDocument.write(out, r.header(), r.riskPoints());
        return out.toByteArray();
    }

    static CollectingSink<RegisterHeader, RiskPoint> read(byte[] doc, ImportOptions options) {
        CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
        RegisterDocument.read(DocumentSource.of(doc), TestScoring.providers(), options, sink);
        return sink;
    }

    static JsonImportException refused(byte[] doc, ImportOptions options) {
        CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
        JsonImportException e = assertThrows(JsonImportException.class,
                () -> RegisterDocument.read(DocumentSource.of(doc), TestScoring.providers(), options, sink));
        assertTrue(sink.receivedNothing(), "an invalid document delivered something");
        return e;
    }

    static byte[] bytes(JsonNode n) {
        return MAPPER.writeValueAsBytes(n);
    }

    static ObjectNode tree(byte[] doc) {
        return (ObjectNode) MAPPER.readTree(doc);
    }

    static List<String> pointers(JsonImportException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    /** A register with at least one risk point with one hazard with one LEC assessment and a measure. */
    static Gen.Register rich(long seed) {
        for (long s = seed; ; s += 1000) {
            Gen g = new Gen(s);
            Gen.Register r = g.register();
            if (!r.riskPoints().isEmpty() && !r.riskPoints().get(0).hazards().isEmpty()
                    && !r.riskPoints().get(0).hazards().get(0).assessments().isEmpty()
                    && !r.riskPoints().get(0).hazards().get(0).measures().isEmpty()) {
                return r;
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> writeThenImportIsTheIdentity() {
        return LongStream.range(0, 150).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Gen.Register r = new Gen(seed).register();
            byte[] doc = write(r);
            CollectingSink<RegisterHeader, RiskPoint> sink;
            try {
                sink = read(doc, ImportOptions.defaults().withBatchSize(2));
            } catch (JsonImportException e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\n" + new String(doc, StandardCharsets.UTF_8), e);
            }
            assertEquals(r.header(), sink.header, "seed " + seed);
            assertEquals(r.riskPoints(), sink.items, "seed " + seed);
            assertTrue(sink.batchSizes.stream().allMatch(n -> n >= 1 && n <= 2), "seed " + seed + " " + sink.batchSizes);
            assertEquals(r.riskPoints().size(), sink.report.items(), "seed " + seed);
            assertTrue(sink.report.warnings().isEmpty(), "seed " + seed);
            assertEquals(new String(doc, StandardCharsets.UTF_8),
                    new String(write(new Gen.Register(sink.header, sink.items)), StandardCharsets.UTF_8), "seed " + seed);
        }));
    }

    @Test
    void reportsEveryProblemAtOnceWithPointerValueAndAllowed() {
        Gen.Register r = rich(7);
        ObjectNode doc = tree(write(r));
        ObjectNode rp = (ObjectNode) doc.get("riskPoints").get(0);
        ObjectNode hz = (ObjectNode) rp.get("hazards").get(0);
        ObjectNode as = (ObjectNode) hz.get("assessments").get(0);
        String method = as.get("method").stringValue();
        String firstFactor = as.get("input").propertyNames().iterator().next();
        ((ObjectNode) as.get("input")).put(firstFactor, 4.5);
        rp.put("kind", "volcano");
        rp.put("owningUnit", "no-such-unit");
        ((ObjectNode) hz.get("measures").get(0)).put("category", 7);
        hz.put("surprise", true);
        ((ArrayNode) hz.get("accidentTypes")).add("99");
        JsonImportException e = refused(bytes(doc), ImportOptions.defaults());
        List<String> p = pointers(e);
        String h = "/riskPoints/0/hazards/0";
        assertTrue(p.contains("/riskPoints/0/kind"), p.toString());
        assertTrue(p.contains(h + "/surprise"), p.toString());
        assertTrue(p.contains(h + "/measures/0/category"), p.toString());
        assertTrue(p.contains(h + "/accidentTypes/" + (hz.get("accidentTypes").size() - 1)), p.toString());
        assertEquals(RegisterDocument.FORMAT, e.format());
        Violation kind = e.violations().get(p.indexOf("/riskPoints/0/kind"));
        assertEquals("\"volcano\"", kind.value());
        assertTrue(kind.allowed().contains("equipment"), kind.toString());
        // a risk point whose own fields are bad is not cross-checked further; fix and the rest appears
        rp.put("kind", "place");
        ((ObjectNode) hz.get("measures").get(0)).put("category", "training");
        hz.remove("surprise");
        ((ArrayNode) hz.get("accidentTypes")).remove(hz.get("accidentTypes").size() - 1);
        e = refused(bytes(doc), ImportOptions.defaults());
        p = pointers(e);
        assertTrue(p.contains("/riskPoints/0/owningUnit"), p.toString());
        assertTrue(p.contains(h + "/assessments/0/input/" + firstFactor), p.toString());
        Violation factor = e.violations().get(p.indexOf(h + "/assessments/0/input/" + firstFactor));
        assertEquals("4.5", factor.value());
        assertTrue(factor.allowed().startsWith("["), factor + " for method " + method);
    }

    @Test
    void storedScoreThatDisagreesIsAnErrorOrAWarningNeverTrusted() {
        Gen.Register r = rich(11);
        ObjectNode doc = tree(write(r));
        ObjectNode as = (ObjectNode) doc.get("riskPoints").get(0).get("hazards").get(0).get("assessments").get(0);
        String ptr = "/riskPoints/0/hazards/0/assessments/0/score";
        JsonNode score = as.get("score");
        if (score.isObject()) {
            ((ObjectNode) score).put("value", 123456);
        } else {
            as.put("score", 123456);
        }
        JsonImportException e = refused(bytes(doc), ImportOptions.defaults());
        assertTrue(pointers(e).contains(ptr), pointers(e).toString());

        CollectingSink<RegisterHeader, RiskPoint> sink = read(bytes(doc),
                ImportOptions.defaults().withScoreDisagreement(ScoreDisagreement.WARN));
        assertTrue(sink.report.warnings().stream().anyMatch(v -> v.path().equals(ptr)), sink.report.toString());
        assertEquals(r.riskPoints(), sink.items, "the recomputed score is imported, not the stored one");
    }

    @Test
    void unknownMethodOrSchemeOrUnlistedSchemeIsReported() {
        Gen.Register r = rich(13);
        ObjectNode doc = tree(write(r));
        ArrayNode schemes = (ArrayNode) doc.get("gradingSchemes");
        ((ObjectNode) schemes.get(0)).put("name", "renamed");
        JsonImportException e = refused(bytes(doc), ImportOptions.defaults());
        assertEquals(List.of("/gradingSchemes/0/name"), pointers(e));
        ((ObjectNode) schemes.get(0)).put("id", "NOT-INSTALLED");
        e = refused(bytes(doc), ImportOptions.defaults());
        assertTrue(pointers(e).contains("/gradingSchemes/0/id"), pointers(e).toString());
    }

    @Test
    void strictByDefaultLenientOnRequest() {
        Gen.Register r = rich(17);
        ObjectNode doc = tree(write(r));
        doc.put("generator", "another tool");
        ((ObjectNode) doc.get("riskPoints").get(0)).put("colour", "red");
        JsonImportException e = refused(bytes(doc), ImportOptions.defaults());
        assertEquals(List.of("/riskPoints/0/colour", "/generator"), pointers(e));
        CollectingSink<RegisterHeader, RiskPoint> sink = read(bytes(doc), ImportOptions.defaults().lenient());
        assertEquals(r.riskPoints(), sink.items);
    }

    @Test
    void duplicateKeysAndIdsAreRefused() {
        Gen.Register r = rich(19);
        String json = new String(write(r), StandardCharsets.UTF_8);
        String dup = json.replaceFirst("\"name\":", "\"name\":\"x\",\"name\":");
        JsonImportException e = refused(dup.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertTrue(e.violations().get(0).allowed().contains("Duplicate"), e.getMessage());
        assertTrue(e.violations().get(0).path().startsWith("/organization/units/0"), e.getMessage());

        ObjectNode doc = tree(write(r));
        ArrayNode points = (ArrayNode) doc.get("riskPoints");
        points.add(points.get(0).deepCopy());
        e = refused(bytes(doc), ImportOptions.defaults());
        int last = points.size() - 1;
        assertTrue(pointers(e).contains("/riskPoints/" + last + "/id"), pointers(e).toString());
        assertTrue(pointers(e).contains("/riskPoints/" + last + "/hazards/0/id"), pointers(e).toString());
    }

    @Test
    void newerVersionIsRefusedClearly() {
        ObjectNode doc = tree(write(rich(23)));
        doc.put("version", 2);
        JsonImportException e = refused(bytes(doc), ImportOptions.defaults());
        assertEquals(List.of("/version"), pointers(e));
        assertTrue(e.getMessage().contains("newer release"), e.getMessage());
        assertTrue(e.getMessage().contains("upgrade dualprevention-json"), e.getMessage());
    }

    @Test
    void versionZeroIsMigrated() {
        Gen.Register r = rich(29);
        ObjectNode v1 = tree(write(r));
        // version 0 called the risk point array "points" and assessment inputs "factors"
        String v0 = new String(bytes(v1), StandardCharsets.UTF_8)
                .replace("\"version\":1", "\"version\":0")
                .replace("\"riskPoints\":", "\"points\":")
                .replace("\"input\":", "\"factors\":");
        CollectingSink<RegisterHeader, RiskPoint> sink = read(v0.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertEquals(r.riskPoints(), sink.items);
        assertTrue(sink.report.migrated());
        assertEquals(0, sink.report.sourceVersion());
        assertEquals(1, sink.report.version());
        // a version-1 document may not use the old names
        String mixed = new String(bytes(v1), StandardCharsets.UTF_8).replace("\"riskPoints\":", "\"points\":");
        JsonImportException e = refused(mixed.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertTrue(pointers(e).contains("/points"), pointers(e).toString());
    }

    @Test
    void formatAndVersionComeFirstAndHeaderBeforeItems() {
        ObjectNode doc = tree(write(rich(31)));
        ObjectNode reordered = MAPPER.createObjectNode();
        reordered.set("format", doc.get("format"));
        reordered.set("version", doc.get("version"));
        reordered.set("riskPoints", doc.get("riskPoints"));
        reordered.set("organization", doc.get("organization"));
        reordered.set("gradingSchemes", doc.get("gradingSchemes"));
        JsonImportException e = refused(bytes(reordered), ImportOptions.defaults());
        assertTrue(pointers(e).contains("/organization"), pointers(e).toString());

        ObjectNode late = MAPPER.createObjectNode();
        late.set("organization", doc.get("organization"));
        late.set("format", doc.get("format"));
        e = refused(bytes(late), ImportOptions.defaults());
        assertEquals(List.of("/organization"), pointers(e));

        e = refused("{\"format\":\"dualprevention.ledger\",\"version\":1}".getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertEquals(List.of("/format"), pointers(e));
        e = refused("{\"format\":\"dualprevention.register\",\"version\":1}".getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertEquals(List.of("/organization", "/gradingSchemes", "/riskPoints"), pointers(e));
    }

    @Test
    void limitsAreEnforced() {
        byte[] doc = write(rich(37));
        JsonImportException e = refused(doc, ImportOptions.defaults().withLimits(JsonLimits.defaults().withMaxDocumentLength(100)));
        assertTrue(e.getMessage().contains("100"), e.getMessage());
        e = refused(doc, ImportOptions.defaults().withLimits(JsonLimits.defaults().withMaxNestingDepth(3)));
        assertFalse(e.violations().isEmpty());
        e = refused(doc, ImportOptions.defaults().withLimits(JsonLimits.defaults().withMaxStringLength(3)));
        assertFalse(e.violations().isEmpty());
        String deep = "{\"format\":\"dualprevention.register\",\"version\":1,\"organization\":" + "[".repeat(5000);
        e = refused(deep.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertTrue(e.getMessage().contains("32"), e.getMessage());
        String huge = new String(doc, StandardCharsets.UTF_8).replace("\"version\":1", "\"version\":1" + "0".repeat(100));
        refused(huge.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
    }

    @Test
    void problemsAreCappedButCounted() {
        Gen.Register r = rich(41);
        ObjectNode doc = tree(write(r));
        ArrayNode points = (ArrayNode) doc.get("riskPoints");
        for (int i = 0; i < 50; i++) {
            ObjectNode p = (ObjectNode) points.get(0).deepCopy();
            p.put("kind", "bad");
            points.add(p);
        }
        JsonImportException e = refused(bytes(doc), ImportOptions.defaults().withMaxProblems(10));
        assertEquals(11, e.violations().size());
        assertTrue(e.violations().get(10).value().contains("more problems"), e.getMessage());
    }
}
