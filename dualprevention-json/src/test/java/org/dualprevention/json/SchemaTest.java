package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The shipped JSON Schemas accept the shipped examples and every generated document, and match docs/schema. */
class SchemaTest {
    static final String DIR = "/org/dualprevention/json/schema/";
    static final List<String> SCHEMAS = List.of("register-1.schema.json");

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(DIR + name)) {
            assertNotNull(in, "missing resource " + DIR + name);
            return in.readAllBytes();
        }
    }

    static Schema schema(String name) throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(DIR + name)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @Test
    void shippedExampleIsValidAndImports() throws IOException {
        Schema schema = schema("register-1.schema.json");
        byte[] example = resource("register-1.example.json");
        List<Error> errors = schema.validate(RegisterDocumentTest.MAPPER.readTree(example));
        assertTrue(errors.isEmpty(), errors.toString());
        CollectingSink<RegisterHeader, RiskPoint> sink = RegisterDocumentTest.read(example, ImportOptions.defaults());
        assertEquals(2, sink.items.size());
        assertEquals(RegisterDocument.SCHEMA_RESOURCE, DIR + "register-1.schema.json");
    }

    @Test
    void everyGeneratedRegisterIsValidAgainstTheSchema() throws IOException {
        Schema schema = schema("register-1.schema.json");
        for (long seed = 0; seed < 100; seed++) {
            byte[] doc = RegisterDocumentTest.write(new Gen(seed).register());
            List<Error> errors = schema.validate(RegisterDocumentTest.MAPPER.readTree(doc));
            assertTrue(errors.isEmpty(), "seed " + seed + ": " + errors);
        }
    }

    @Test
    void schemaRejectsWhatTheImportRejects() throws IOException {
        Schema schema = schema("register-1.schema.json");
        ObjectNode doc = (ObjectNode) RegisterDocumentTest.MAPPER.readTree(resource("register-1.example.json"));
        doc.put("version", 2);
        assertFalse(schema.validate(doc).isEmpty());
        doc.put("version", 1);
        ((ObjectNode) doc.get("riskPoints").get(0)).put("kind", "volcano");
        assertFalse(schema.validate(doc).isEmpty());
        ((ObjectNode) doc.get("riskPoints").get(0)).put("kind", "place");
        doc.put("extra", 1);
        assertFalse(schema.validate(doc).isEmpty());
        doc.remove("extra");
        JsonNode a = doc.get("riskPoints").get(0).get("hazards").get(0).get("assessments").get(0);
        ((ObjectNode) a).put("score", "270");
        assertFalse(schema.validate(doc).isEmpty());
    }

    @Test
    void publishedCopiesInDocsMatchTheJar() throws IOException {
        Path docs = Path.of("..", "docs", "schema");
        for (String name : SCHEMAS) {
            assertArrayEquals(resource(name), Files.readAllBytes(docs.resolve(name)), "docs/schema/" + name
                    + " differs from the copy in the jar; copy " + DIR + name + " there");
        }
    }
}
