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
    static final List<String> FILES = List.of("register-1.schema.json", "register-1.example.json",
            "hidden-dangers-1.schema.json", "hidden-dangers-1.example.json", "audit-entry-1.schema.json",
            "audit-log-1.schema.json", "audit-log-1.example.ndjson", "hidden-dangers-2.schema.json",
            "audit-entry-2.schema.json", "audit-log-2.schema.json");
    static final String BASE = "https://dualprevention.org/schema/";

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream(DIR + name)) {
            assertNotNull(in, "missing resource " + DIR + name);
            return in.readAllBytes();
        }
    }

    /** Loads a shipped schema; its $refs to sibling schemas resolve to the jar, never to the network. */
    static Schema schema(String name) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(iri -> {
                    if (!iri.startsWith(BASE)) {
                        return null;
                    }
                    try {
                        return new String(resource(iri.substring(BASE.length())), java.nio.charset.StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
        return registry.getSchema(com.networknt.schema.SchemaLocation.of(BASE + name));
    }

    @Test
    void shippedLedgerAndLogExamplesAreValidAndImport() throws IOException {
        byte[] ledger = resource("hidden-dangers-1.example.json");
        List<Error> errors = schema("hidden-dangers-1.schema.json").validate(RegisterDocumentTest.MAPPER.readTree(ledger));
        assertTrue(errors.isEmpty(), errors.toString());
        errors = schema("hidden-dangers-2.schema.json").validate(RegisterDocumentTest.MAPPER.readTree(ledger));
        assertTrue(errors.isEmpty(), "a version-1 ledger is valid under the version-2 schema: " + errors);
        CollectingSink<DocumentHeader, HiddenDangerRecord> sink = new CollectingSink<>();
        HiddenDangerLedger.read(DocumentSource.of(ledger), ImportOptions.defaults(), sink);
        assertEquals(2, sink.items.size());
        byte[] log = resource("audit-log-1.example.ndjson");
        Schema line = schema("audit-log-1.schema.json");
        String[] lines = new String(log, java.nio.charset.StandardCharsets.UTF_8).split("\n");
        for (String l : lines) {
            List<Error> e = line.validate(RegisterDocumentTest.MAPPER.readTree(l));
            assertTrue(e.isEmpty(), e + " in " + l);
        }
        CollectingSink<DocumentHeader, org.dualprevention.danger.AuditEntry> logSink = new CollectingSink<>();
        AuditLogDocument.read(DocumentSource.of(log), ImportOptions.defaults(), logSink);
        assertEquals(lines.length - 1, logSink.items.size());
        assertEquals(HiddenDangerLedger.SCHEMA_RESOURCE, DIR + "hidden-dangers-2.schema.json");
        assertEquals(AuditLogDocument.SCHEMA_RESOURCE, DIR + "audit-log-2.schema.json");
    }

    @Test
    void everyGeneratedLedgerIsValidAgainstTheSchema() {
        Schema schema = schema("hidden-dangers-2.schema.json");
        Schema entry = schema("audit-entry-2.schema.json");
        Schema logLine = schema("audit-log-2.schema.json");
        for (long seed = 0; seed < 30; seed++) {
            List<HiddenDangerRecord> records = LedgerAndAuditLogTest.records(seed, 3);
            for (String l : new String(LedgerAndAuditLogTest.log(records), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\n")) {
                List<Error> e = logLine.validate(RegisterDocumentTest.MAPPER.readTree(l));
                assertTrue(e.isEmpty(), "seed " + seed + ": " + e + " in " + l);
            }
            List<Error> errors = schema.validate(RegisterDocumentTest.MAPPER.readTree(LedgerAndAuditLogTest.ledger(records)));
            assertTrue(errors.isEmpty(), "seed " + seed + ": " + errors);
            for (HiddenDangerRecord r : records) {
                for (org.dualprevention.danger.AuditEntry e : r.entries()) {
                    assertTrue(entry.validate(RegisterDocumentTest.MAPPER.valueToTree(e)).isEmpty(), "seed " + seed);
                }
            }
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
        for (String name : FILES) {
            assertArrayEquals(resource(name), Files.readAllBytes(docs.resolve(name)), "docs/schema/" + name
                    + " differs from the copy in the jar; copy " + DIR + name + " there");
        }
    }
}
