package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dualprevention.Violation;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.learning.TypicalHiddenDanger;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.Test;
import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of the typical hidden-danger library: round trip, schema, every problem named by pointer. */
class TypicalHiddenDangerJsonTest {
    static final String NAME = "typical-hidden-dangers-1.schema.json";
    private static final List<String> CATEGORIES = List.of("1", "21", "2101", "22", "210101", "43", "4");

    static List<TypicalHiddenDanger> library(SplittableRandom r, int size) {
        List<TypicalHiddenDanger> out = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            RiskPointKind[] kinds = RiskPointKind.values();
            out.add(new TypicalHiddenDanger(HiddenDangerId.of("HD-" + n), "典型隐患 " + n,
                    r.nextBoolean() ? "" : "描述 " + n,
                    r.nextBoolean() ? Optional.empty() : Optional.of(kinds[r.nextInt(kinds.length)]),
                    r.nextBoolean() ? Optional.empty() : Optional.of(HazardCategory.of(CATEGORIES.get(r.nextInt(CATEGORIES.size())))),
                    ActorId.of("safety-" + r.nextInt(3)), Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000)),
                    "检查所有同类设备 " + n));
        }
        return out;
    }

    @Test
    void generatedLibrariesRoundTripAndMatchTheSchema() {
        Schema schema = SchemaTest.schema(NAME);
        long seed = 31L;
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 60; k++) {
            List<TypicalHiddenDanger> lib = library(r, r.nextInt(12));
            JsonNode json = LookBackJsonTest.reparse(TypicalHiddenDangerJson.write(lib));
            assertTrue(schema.validate(json).isEmpty(), "seed " + seed + " #" + k + " " + schema.validate(json));
            assertEquals(lib, TypicalHiddenDangerJson.read(json), "seed " + seed + " #" + k);
            byte[] bytes = RegisterDocumentTest.MAPPER.writeValueAsBytes(json);
            assertEquals(lib, TypicalHiddenDangerJson.read(DocumentSource.of(bytes), JsonLimits.defaults()), "seed " + seed);
        }
    }

    @Test
    void everyProblemIsNamedByPointerAndTheSchemaAgrees() {
        ObjectNode json = TypicalHiddenDangerJson.write(library(new SplittableRandom(2), 3));
        ObjectNode e1 = (ObjectNode) json.get("entries").get(1);
        e1.put("riskPointKind", "building");
        e1.put("hazardCategory", "91");
        e1.put("markedAt", "2026-12-03T10:00:00+08:00");
        e1.put("lesson", " ");
        ((ObjectNode) json.get("entries").get(2)).put("source", "");
        json.withArray("entries").add(7);
        JsonImportException e = assertThrows(JsonImportException.class, () -> TypicalHiddenDangerJson.read(json));
        assertEquals(List.of("/entries/1/hazardCategory", "/entries/1/lesson", "/entries/1/markedAt",
                "/entries/1/riskPointKind", "/entries/2/source", "/entries/3"),
                e.violations().stream().map(Violation::path).sorted().toList(), e.getMessage());
        assertTrue(e.violations().stream().anyMatch(v -> v.path().endsWith("riskPointKind")
                && v.allowed().contains("equipment")), e.getMessage());
        assertFalse(SchemaTest.schema(NAME).validate(json).isEmpty());
    }

    @Test
    void aHiddenDangerInTheLibraryTwiceIsRefusedNamingItsFirstPlace() {
        List<TypicalHiddenDanger> lib = library(new SplittableRandom(4), 3);
        ObjectNode json = TypicalHiddenDangerJson.write(lib);
        ((ObjectNode) json.get("entries").get(2)).put("source", "HD-0");
        JsonImportException e = assertThrows(JsonImportException.class, () -> TypicalHiddenDangerJson.read(json));
        assertEquals(1, e.violations().size(), e.getMessage());
        assertEquals("/entries/2/source", e.violations().get(0).path());
        assertTrue(e.violations().get(0).allowed().contains("/entries/0"), e.getMessage());
        List<TypicalHiddenDanger> twice = new ArrayList<>(lib);
        twice.add(lib.get(0));
        assertThrows(IllegalArgumentException.class, () -> TypicalHiddenDangerJson.write(twice));
    }

    @Test
    void publishedCopyInDocsMatchesTheJar() throws IOException {
        assertArrayEquals(SchemaTest.resource(NAME), Files.readAllBytes(Path.of("..", "docs", "schema", NAME)));
        assertEquals(SchemaTest.DIR + NAME, TypicalHiddenDangerJson.SCHEMA_RESOURCE);
    }
}
