package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.dualprevention.Violation;
import org.dualprevention.incident.Casualties;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;
import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of an incident: round trip, schema, and every problem named by pointer. */
class IncidentJsonTest {
    static final String NAME = "incident-1.schema.json";

    static Incident generated(SplittableRandom r, int n) {
        boolean near = r.nextBoolean();
        AccidentType[] types = AccidentType.values();
        Casualties c = near ? Casualties.NONE : new Casualties(r.nextInt(4), r.nextInt(20), r.nextInt(30),
                BigDecimal.valueOf(r.nextLong(1_000_000_000L), r.nextInt(3)));
        return new Incident(IncidentId.of("inc-" + n), near ? IncidentKind.NEAR_MISS : IncidentKind.ACCIDENT,
                RiskPointId.of("rp-" + r.nextInt(9)), r.nextBoolean() ? List.of() : List.of(HazardId.of("h-" + n)),
                r.nextBoolean() ? List.of() : List.of(ControlMeasureId.of("m-" + n), ControlMeasureId.of("m2-" + n)),
                types[r.nextInt(types.length)], c, OrgUnitId.of("u" + r.nextInt(3)),
                Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000)), ActorId.of("reporter"), "事件 " + n);
    }

    @Test
    void generatedIncidentsRoundTripAndMatchTheSchema() {
        Schema schema = SchemaTest.schema(NAME);
        long seed = 12L;
        SplittableRandom r = new SplittableRandom(seed);
        for (int n = 0; n < 300; n++) {
            Incident i = generated(r, n);
            JsonNode json = RegisterDocumentTest.MAPPER.readTree(
                    RegisterDocumentTest.MAPPER.writeValueAsString(IncidentJson.write(i)));
            assertTrue(schema.validate(json).isEmpty(), "seed " + seed + " #" + n + " " + schema.validate(json));
            assertEquals(i, IncidentJson.read(json), "seed " + seed + " #" + n);
        }
    }

    @Test
    void everyProblemIsNamedByPointerAndTheSchemaAgrees() {
        ObjectNode json = IncidentJson.write(generated(new SplittableRandom(3), 1));
        json.put("kind", "mishap");
        json.put("accidentType", "21");
        json.put("occurredAt", "yesterday");
        ((ObjectNode) json.get("casualties")).put("deaths", -1);
        json.put("extra", true);
        JsonImportException e = assertThrows(JsonImportException.class, () -> IncidentJson.read(json));
        assertEquals(List.of("/accidentType", "/casualties/deaths", "/extra", "/kind", "/occurredAt"),
                e.violations().stream().map(Violation::path).sorted().toList(), e.getMessage());
        assertFalse(SchemaTest.schema(NAME).validate(json).isEmpty());
    }

    @Test
    void publishedCopyInDocsMatchesTheJar() throws IOException {
        assertArrayEquals(SchemaTest.resource(NAME), Files.readAllBytes(Path.of("..", "docs", "schema", NAME)));
    }
}
