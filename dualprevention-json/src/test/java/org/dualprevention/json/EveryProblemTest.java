package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.dualprevention.Violation;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every problem is collected and none hides another: a malformed score, grade or other field of an
 * assessment does not suppress the problems of its factors; a missing factor shows {@code (missing)}; a
 * repeated id names both places, in every reader and at every level.
 */
class EveryProblemTest {
    static final String RP = "/riskPoints/0";
    static final String AS = RP + "/hazards/0/assessments/0";

    /** The first risk point's first assessment, in a register whose first risk point has one. */
    static ObjectNode doc() {
        return RegisterDocumentTest.tree(Hostile.Doc.REGISTER.valid(21));
    }

    static ObjectNode at(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    static JsonImportException refused(ObjectNode doc, String what) {
        return Hostile.refused(Hostile.Doc.REGISTER, RegisterDocumentTest.bytes(doc), ImportOptions.defaults(), what);
    }

    static Optional<Violation> at(JsonImportException e, String pointer) {
        return e.violations().stream().filter(v -> v.path().equals(pointer)).findFirst();
    }

    /** A malformed field of the assessment and a bad factor value: both are reported. */
    @Test
    void aMalformedFieldOfAnAssessmentDoesNotHideItsFactorProblems() {
        Map<String, Consumer<ObjectNode>> breakages = Map.of(
                "score", a -> a.put("score", "x"),
                "grade", a -> a.put("grade", 5),
                "assessor", a -> a.put("assessor", ""),
                "kind", a -> a.put("kind", "nope"),
                "assessedAt", a -> a.put("assessedAt", "yesterday"),
                "id", a -> a.put("id", 3));
        for (Map.Entry<String, Consumer<ObjectNode>> b : breakages.entrySet()) {
            ObjectNode doc = doc();
            ObjectNode a = at(doc, AS);
            String factor = a.path("input").propertyNames().iterator().next();
            ((ObjectNode) a.get("input")).put(factor, new java.math.BigDecimal("0.123456"));
            b.getValue().accept(a);
            JsonImportException e = refused(doc, "a malformed " + b.getKey() + " and a bad factor " + factor);
            assertTrue(at(e, AS + "/" + b.getKey()).isPresent(), "no problem at the " + b.getKey() + ": " + e.getMessage());
            Violation f = at(e, AS + "/input/" + factor).orElseThrow(() -> new AssertionError(
                    "the malformed " + b.getKey() + " hid the problem of factor " + factor + ": " + e.getMessage()));
            assertEquals("0.123456", f.value(), e.getMessage());
        }
    }

    @Test
    void aMissingFactorIsShownAsMissing() {
        ObjectNode doc = doc();
        ObjectNode input = (ObjectNode) at(doc, AS).get("input");
        String factor = input.propertyNames().iterator().next();
        input.remove(factor);
        JsonImportException e = refused(doc, "a missing factor");
        Violation v = at(e, AS + "/input/" + factor).orElseThrow(() -> new AssertionError(e.getMessage()));
        assertEquals(Problems.MISSING, v.value(), e.getMessage());
    }

    /** Also with a malformed score: the missing factor is still reported. */
    @Test
    void aMissingFactorIsReportedBesideAMalformedScore() {
        ObjectNode doc = doc();
        ObjectNode a = at(doc, AS);
        String factor = a.path("input").propertyNames().iterator().next();
        ((ObjectNode) a.get("input")).remove(factor);
        a.put("score", true);
        JsonImportException e = refused(doc, "a missing factor and a malformed score");
        assertEquals(Problems.MISSING, at(e, AS + "/input/" + factor).orElseThrow(() -> new AssertionError(e.getMessage())).value());
        assertTrue(at(e, AS + "/score").isPresent(), e.getMessage());
    }

    /** The repeated id's problem sits at the second place and names the first. */
    static void namesBoth(JsonImportException e, String second, String first) {
        Violation v = at(e, second).orElseThrow(() -> new AssertionError("no problem at " + second + ": " + e.getMessage()));
        assertTrue(v.allowed().contains(first), "the problem at " + second + " does not name the first place " + first
                + ": " + v);
    }

    @Test
    void aRepeatedIdNamesBothPlacesInTheRegister() {
        ObjectNode base = doc();
        ArrayNode points = (ArrayNode) base.get("riskPoints");
        ObjectNode first = (ObjectNode) points.get(0);
        // a second risk point: a copy of the first with fresh ids, then each id made to repeat in turn
        ObjectNode copy = first.deepCopy();
        copy.put("id", "RP-second");
        int n = 0;
        for (JsonNode h : copy.path("hazards")) {
            ((ObjectNode) h).put("id", "H-second-" + n++);
            for (JsonNode m : h.path("measures")) {
                ((ObjectNode) m).put("id", "M-second-" + n++);
            }
            for (JsonNode a : h.path("assessments")) {
                ((ObjectNode) a).put("id", "A-second-" + n++);
            }
        }
        points.add(copy);
        Hostile.Doc.REGISTER.read(RegisterDocumentTest.bytes(base), ImportOptions.defaults());
        String h0 = RP + "/hazards/0";
        for (String field : List.of("", "/hazards/0", "/hazards/0/measures/0", "/hazards/0/assessments/0")) {
            ObjectNode doc = base.deepCopy();
            String id = doc.at(RP + field + "/id").stringValue();
            ((ObjectNode) doc.at("/riskPoints/1" + field)).put("id", id);
            JsonImportException e = refused(doc, "id " + id + " repeated at /riskPoints/1" + field);
            namesBoth(e, "/riskPoints/1" + field + "/id", RP + field + "/id");
        }
        // within one risk point and one hazard: the model's own uniqueness
        ObjectNode doc = base.deepCopy();
        ArrayNode hazards = (ArrayNode) doc.at(RP + "/hazards");
        hazards.add(hazards.get(0).deepCopy());
        int second = hazards.size() - 1;
        namesBoth(refused(doc, "a hazard twice in a risk point"), RP + "/hazards/" + second + "/id", h0 + "/id");
        doc = base.deepCopy();
        ArrayNode measures = (ArrayNode) doc.at(h0 + "/measures");
        measures.add(measures.get(0).deepCopy());
        namesBoth(refused(doc, "a measure twice in a hazard"), h0 + "/measures/" + (measures.size() - 1) + "/id",
                h0 + "/measures/0/id");
        doc = base.deepCopy();
        ArrayNode assessments = (ArrayNode) doc.at(h0 + "/assessments");
        assessments.add(assessments.get(0).deepCopy());
        namesBoth(refused(doc, "an assessment twice in a hazard"), h0 + "/assessments/" + (assessments.size() - 1) + "/id",
                h0 + "/assessments/0/id");
        doc = base.deepCopy();
        ArrayNode types = (ArrayNode) doc.at(h0 + "/accidentTypes");
        types.add(types.get(0).deepCopy());
        namesBoth(refused(doc, "an accident type twice"), h0 + "/accidentTypes/" + (types.size() - 1), h0 + "/accidentTypes/0");
        doc = base.deepCopy();
        ArrayNode schemes = (ArrayNode) doc.get("gradingSchemes");
        schemes.add(schemes.get(0).deepCopy());
        namesBoth(refused(doc, "a grading scheme twice"), "/gradingSchemes/" + (schemes.size() - 1) + "/id",
                "/gradingSchemes/0/id");
        doc = base.deepCopy();
        ArrayNode units = (ArrayNode) doc.at("/organization/units");
        ObjectNode unit = (ObjectNode) units.get(units.size() - 1).deepCopy();
        unit.put("name", "another");
        units.add(unit);
        namesBoth(refused(doc, "a unit id twice"), "/organization/units/" + (units.size() - 1) + "/id",
                "/organization/units/" + (units.size() - 2) + "/id");
    }

    @Test
    void aRepeatedIdNamesBothPlacesInTheLedgerAndTheAuditLog() {
        List<HiddenDangerRecord> records = LedgerAndAuditLogTest.records(31, 3);
        ObjectNode ledger = RegisterDocumentTest.tree(LedgerAndAuditLogTest.ledger(records));
        ArrayNode dangers = (ArrayNode) ledger.get("hiddenDangers");
        dangers.add(dangers.get(0).deepCopy());
        JsonImportException e = Hostile.refused(Hostile.Doc.LEDGER, RegisterDocumentTest.bytes(ledger), ImportOptions.defaults(),
                "a hidden danger twice");
        namesBoth(e, "/hiddenDangers/3/id", "/hiddenDangers/0/id");
        // the audit log: the first hidden danger's lines again at the end
        String log = new String(LedgerAndAuditLogTest.log(records), StandardCharsets.UTF_8);
        String[] lines = log.split("\n");
        int firstCount = records.get(0).entries().size();
        // the repeated lines go before the checkpoint line, which ends the log
        StringBuilder sb = new StringBuilder(String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 1)) + "\n");
        for (int i = 1; i <= firstCount; i++) {
            sb.append(lines[i]).append('\n');
        }
        sb.append(lines[lines.length - 1]).append('\n');
        int again = lines.length - 1;
        JsonImportException l = Hostile.refused(Hostile.Doc.AUDIT_LOG, sb.toString().getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults(), "a hidden danger's lines split");
        namesBoth(l, "/" + again + "/dangerId", "/1");
    }
}
