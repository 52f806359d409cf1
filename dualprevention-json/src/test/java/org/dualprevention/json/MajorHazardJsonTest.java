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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.dualprevention.Violation;
import org.dualprevention.engine.hazmat.CriticalQuantityTables;
import org.dualprevention.engine.hazmat.MajorHazardCalculator;
import org.dualprevention.hazmat.CriticalQuantityTable;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.TableEntry;
import org.dualprevention.hazmat.UnitKind;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;
import com.networknt.schema.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of a major hazard installation: round trip, schema, and every problem named by pointer. */
class MajorHazardJsonTest {
    static final String NAME = "major-hazard-installation-1.schema.json";
    static final CriticalQuantityTable GB = CriticalQuantityTables.gb18218_2018();

    static MajorHazardInstallation generated(RandomGenerator r, int n) {
        List<TableEntry> rows = new ArrayList<>(GB.entries());
        List<Holding> holdings = new ArrayList<>();
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count; i++) {
            TableEntry e = rows.remove(r.nextInt(rows.size()));
            holdings.add(new Holding(e.ref(), e.criticalTonnes().multiply(BigDecimal.valueOf(1 + r.nextInt(1500), 3))));
        }
        return MajorHazardInstallation.of(InstallationId.of("inst-" + n), "装置 " + n,
                r.nextBoolean() ? UnitKind.STORAGE : UnitKind.PRODUCTION, OrgUnitId.of("u" + r.nextInt(5)), holdings,
                r.nextInt(300), List.of(RiskPointId.of("rp-" + n))).withVersion(r.nextInt(5));
    }

    @Test
    void generatedInstallationsRoundTripAndMatchTheSchema() {
        Schema schema = SchemaTest.schema(NAME);
        MajorHazardCalculator calc = MajorHazardCalculator.of(GB);
        long seed = 20261204L;
        RandomGenerator r = new java.util.SplittableRandom(seed);
        int majors = 0;
        for (int n = 0; n < 300; n++) {
            MajorHazardInstallation inst = generated(r, n);
            MajorHazardStatus st = calc.evaluate(inst).status();
            majors += st.major() ? 1 : 0;
            ObjectNode json = MajorHazardJson.write(inst, Optional.of(st));
            JsonNode reparsed = RegisterDocumentTest.MAPPER.readTree(RegisterDocumentTest.MAPPER.writeValueAsString(json));
            assertTrue(schema.validate(reparsed).isEmpty(), "seed " + seed + " #" + n + ": " + schema.validate(reparsed));
            assertEquals(inst, MajorHazardJson.read(reparsed), "seed " + seed + " #" + n);
            assertEquals(st.major(), reparsed.get("status").get("major").asBoolean());
        }
        assertTrue(majors > 20 && majors < 290, "both outcomes generated: " + majors);
    }

    @Test
    void everyProblemIsNamedByPointerAndTheSchemaAgrees() {
        MajorHazardInstallation inst = generated(new java.util.SplittableRandom(1), 1);
        ObjectNode json = MajorHazardJson.write(inst, Optional.empty());
        json.put("kind", "warehouse");
        json.put("peopleWithin500m", -3);
        ((ObjectNode) json.get("holdings").get(0)).put("tonnes", 0);
        ((ObjectNode) json.get("holdings").get(0)).put("basis", "guess");
        json.put("colour", "red");
        JsonImportException e = assertThrows(JsonImportException.class, () -> MajorHazardJson.read(json));
        List<String> paths = e.violations().stream().map(Violation::path).sorted().toList();
        assertEquals(List.of("/colour", "/holdings/0/basis", "/holdings/0/tonnes", "/kind", "/peopleWithin500m"), paths,
                e.getMessage());
        assertTrue(e.violations().stream().anyMatch(v -> v.path().equals("/kind") && v.value().equals("warehouse")
                && v.allowed().contains("storage")));
        assertFalse(SchemaTest.schema(NAME).validate(json).isEmpty());
    }

    @Test
    void aStatusClaimingAGradeWithoutMajorIsRejectedByTheSchema() {
        MajorHazardInstallation inst = generated(new java.util.SplittableRandom(2), 2);
        ObjectNode json = MajorHazardJson.write(inst, Optional.of(MajorHazardCalculator.of(GB).evaluate(
                List.of(Holding.named("methanol", "1")), 0).status()));
        assertTrue(SchemaTest.schema(NAME).validate(json).isEmpty());
        ((ObjectNode) json.get("status")).put("grade", "grade-1");
        assertFalse(SchemaTest.schema(NAME).validate(json).isEmpty());
    }

    @Test
    void publishedCopyInDocsMatchesTheJar() throws IOException {
        assertArrayEquals(SchemaTest.resource(NAME), Files.readAllBytes(Path.of("..", "docs", "schema", NAME)));
    }
}
