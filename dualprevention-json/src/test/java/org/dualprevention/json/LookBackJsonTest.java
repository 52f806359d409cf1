package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dualprevention.Violation;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.lookback.RecurrenceReason;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;
import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON forms of a look-back re-check and a recurrence: round trip, schema, every problem named by pointer. */
class LookBackJsonTest {
    static final String RECHECK = "recheck-1.schema.json";
    static final String RECURRENCE = "recurrence-1.schema.json";

    static Recheck recheck(SplittableRandom r, int n) {
        LocalDate closed = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(600));
        LocalDate due = closed.plusDays(List.of(30, 90, 180).get(r.nextInt(3)));
        Optional<RecheckResult> result = r.nextBoolean() ? Optional.empty()
                : Optional.of(new RecheckResult(r.nextBoolean(), ActorId.of("checker-" + r.nextInt(4)),
                        due.plusDays(r.nextInt(-5, 20)), r.nextBoolean() ? "" : "复查记录 " + n));
        return new Recheck(new RecheckId(HiddenDangerId.of("HD-" + n), 1 + r.nextInt(3)),
                RiskPointId.of("rp-" + r.nextInt(9)),
                r.nextBoolean() ? Optional.empty() : Optional.of(HazardId.of("h-" + n)),
                r.nextBoolean() ? Optional.empty() : Optional.of(ControlMeasureId.of("m-" + n)), "隐患 " + n,
                r.nextBoolean() ? HiddenDangerGrade.GENERAL : HiddenDangerGrade.MAJOR, OrgUnitId.of("u" + r.nextInt(3)),
                r.nextBoolean() ? Optional.empty() : Optional.of(ActorId.of("acceptor")), closed, due, result);
    }

    static Recurrence recurrence(SplittableRandom r, int n) {
        RecurrenceReason reason = RecurrenceReason.values()[r.nextInt(RecurrenceReason.values().length)];
        HiddenDangerId earlier = HiddenDangerId.of("HD-" + n);
        boolean failed = reason == RecurrenceReason.FAILED_RECHECK;
        return new Recurrence(earlier, reason, failed ? Optional.empty() : Optional.of(HiddenDangerId.of("HD-L" + n)),
                failed ? Optional.of(new RecheckId(earlier, 1 + r.nextInt(2))) : Optional.empty(),
                RiskPointId.of("rp-" + r.nextInt(9)), r.nextBoolean() ? HiddenDangerGrade.GENERAL : HiddenDangerGrade.MAJOR,
                OrgUnitId.of("u" + r.nextInt(3)), r.nextBoolean() ? Optional.empty() : Optional.of(ActorId.of("a")),
                LocalDate.of(2026, 1, 1).plusDays(r.nextInt(600)));
    }

    static JsonNode reparse(ObjectNode o) {
        return RegisterDocumentTest.MAPPER.readTree(RegisterDocumentTest.MAPPER.writeValueAsString(o));
    }

    @Test
    void generatedRechecksRoundTripAndMatchTheSchema() {
        Schema schema = SchemaTest.schema(RECHECK);
        long seed = 2026_12_05L;
        SplittableRandom r = new SplittableRandom(seed);
        for (int n = 0; n < 300; n++) {
            Recheck c = recheck(r, n);
            JsonNode json = reparse(LookBackJson.writeRecheck(c));
            assertTrue(schema.validate(json).isEmpty(), "seed " + seed + " #" + n + " " + schema.validate(json));
            assertEquals(c, LookBackJson.readRecheck(json), "seed " + seed + " #" + n);
            byte[] bytes = RegisterDocumentTest.MAPPER.writeValueAsBytes(json);
            assertEquals(c, LookBackJson.readRecheck(DocumentSource.of(bytes), JsonLimits.defaults()), "seed " + seed);
        }
    }

    @Test
    void generatedRecurrencesRoundTripAndMatchTheSchema() {
        Schema schema = SchemaTest.schema(RECURRENCE);
        long seed = 77L;
        SplittableRandom r = new SplittableRandom(seed);
        int failed = 0;
        for (int n = 0; n < 300; n++) {
            Recurrence c = recurrence(r, n);
            failed += c.reason() == RecurrenceReason.FAILED_RECHECK ? 1 : 0;
            JsonNode json = reparse(LookBackJson.writeRecurrence(c));
            assertTrue(schema.validate(json).isEmpty(), "seed " + seed + " #" + n + " " + schema.validate(json));
            assertEquals(c, LookBackJson.readRecurrence(json), "seed " + seed + " #" + n);
            byte[] bytes = RegisterDocumentTest.MAPPER.writeValueAsBytes(json);
            assertEquals(c, LookBackJson.readRecurrence(DocumentSource.of(bytes), JsonLimits.defaults()), "seed " + seed);
        }
        assertTrue(failed > 50 && failed < 250, "both shapes generated: " + failed);
    }

    static List<String> paths(JsonImportException e) {
        return e.violations().stream().map(Violation::path).sorted().toList();
    }

    @Test
    void everyRecheckProblemIsNamedByPointerAndTheSchemaAgrees() {
        ObjectNode json = LookBackJson.writeRecheck(recheck(new SplittableRandom(5), 1));
        json.put("grade", "critical");
        json.put("round", 0);
        json.put("dueOn", "next month");
        json.putNull("hazard");
        json.put("colour", "red");
        json.putObject("result").put("passed", "no").put("checkedBy", "").put("checkedOn", "2026-02-30");
        JsonImportException e = assertThrows(JsonImportException.class, () -> LookBackJson.readRecheck(json));
        assertEquals(List.of("/colour", "/dueOn", "/grade", "/hazard", "/result/checkedBy", "/result/checkedOn",
                "/result/note", "/result/passed", "/round"), paths(e), e.getMessage());
        assertTrue(e.violations().stream().anyMatch(v -> v.path().equals("/grade") && v.value().equals("critical")
                && v.allowed().contains("general") && v.allowed().contains("major")), e.getMessage());
        assertFalse(SchemaTest.schema(RECHECK).validate(json).isEmpty());
    }

    @Test
    void aRecheckDueBeforeItsHiddenDangerClosedIsRefused() {
        Recheck c = recheck(new SplittableRandom(6), 2);
        ObjectNode json = LookBackJson.writeRecheck(c);
        json.put("dueOn", c.closedOn().minusDays(1).toString());
        JsonImportException e = assertThrows(JsonImportException.class, () -> LookBackJson.readRecheck(json));
        assertEquals(List.of("/dueOn"), paths(e));
        assertTrue(e.violations().get(0).allowed().contains(c.closedOn().toString()));
    }

    @Test
    void everyRecurrenceProblemIsNamedByPointerAndTheSchemaAgrees() {
        SplittableRandom r = new SplittableRandom(8);
        Recurrence failed;
        do {
            failed = recurrence(r, 3);
        } while (failed.reason() != RecurrenceReason.FAILED_RECHECK);
        ObjectNode json = LookBackJson.writeRecurrence(failed);
        json.put("later", "HD-9");
        ((ObjectNode) json.get("recheck")).put("hiddenDanger", "HD-other");
        json.put("on", "2026-13-01");
        json.put("formatVersion", 2);
        JsonImportException e = assertThrows(JsonImportException.class, () -> LookBackJson.readRecurrence(json));
        assertEquals(List.of("/formatVersion", "/later", "/on", "/recheck/hiddenDanger"), paths(e), e.getMessage());
        assertFalse(SchemaTest.schema(RECURRENCE).validate(json).isEmpty());

        ObjectNode same = LookBackJson.writeRecurrence(failed);
        same.put("reason", "same-measure");
        e = assertThrows(JsonImportException.class, () -> LookBackJson.readRecurrence(same));
        assertEquals(List.of("/later", "/recheck"), paths(e), e.getMessage());
        assertFalse(SchemaTest.schema(RECURRENCE).validate(same).isEmpty(), "the schema's if/then/else agrees");
        same.remove("recheck");
        same.put("later", "HD-10");
        assertTrue(SchemaTest.schema(RECURRENCE).validate(same).isEmpty());
        assertEquals(RecurrenceReason.SAME_MEASURE, LookBackJson.readRecurrence(same).reason());
    }

    @Test
    void bytesAreReadWithinTheLimitsAndEveryBreachNamesWhere() {
        byte[] valid = RegisterDocumentTest.MAPPER.writeValueAsBytes(LookBackJson.writeRecheck(
                recheck(new SplittableRandom(9), 4)));
        String text = new String(valid, StandardCharsets.UTF_8);
        // a string longer than the limit, at its field
        String longTitle = text.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"" + "长".repeat(2000) + "\"");
        JsonImportException e = assertThrows(JsonImportException.class, () -> LookBackJson.readRecheck(
                DocumentSource.of(longTitle.getBytes(StandardCharsets.UTF_8)), JsonLimits.defaults().withMaxStringLength(1000)));
        assertEquals("/title", e.violations().get(0).path(), e.getMessage());
        // too many values in the one object
        e = assertThrows(JsonImportException.class, () -> LookBackJson.readRecheck(DocumentSource.of(valid),
                JsonLimits.defaults().withMaxItemValues(5)));
        assertTrue(e.violations().get(0).allowed().contains("withMaxItemValues"), e.getMessage());
        // nesting
        String deep = text.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":" + "[".repeat(100) + "]".repeat(100));
        e = assertThrows(JsonImportException.class, () -> LookBackJson.readRecheck(
                DocumentSource.of(deep.getBytes(StandardCharsets.UTF_8)), JsonLimits.defaults()));
        assertTrue(e.violations().get(0).path().startsWith("/title"), e.getMessage());
        // malformed, trailing, empty, not an object
        for (String bad : List.of(text.substring(0, text.length() / 2), text + " {}", "", "[1]", "{\"a\":1,\"a\":2}")) {
            e = assertThrows(JsonImportException.class, () -> LookBackJson.readRecheck(
                    DocumentSource.of(bad.getBytes(StandardCharsets.UTF_8)), JsonLimits.defaults()), bad);
            assertFalse(e.violations().isEmpty());
        }
        // ill-formed UTF-8 inside the title: the byte offset and the pointer
        int at = text.indexOf("隐患");
        byte[] broken = valid.clone();
        broken[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xC0;
        e = assertThrows(JsonImportException.class, () -> LookBackJson.readRecheck(DocumentSource.of(broken),
                JsonLimits.defaults()));
        assertTrue(e.violations().get(0).value().contains("invalid UTF-8 at byte offset"), e.getMessage());
        assertEquals("/title", e.violations().get(0).path(), e.getMessage());
    }

    @Test
    void publishedCopiesInDocsMatchTheJar() throws IOException {
        for (String name : List.of(RECHECK, RECURRENCE)) {
            assertArrayEquals(SchemaTest.resource(name), Files.readAllBytes(Path.of("..", "docs", "schema", name)), name);
        }
        assertEquals(SchemaTest.DIR + RECHECK, LookBackJson.RECHECK_SCHEMA_RESOURCE);
        assertEquals(SchemaTest.DIR + RECURRENCE, LookBackJson.RECURRENCE_SCHEMA_RESOURCE);
    }
}
