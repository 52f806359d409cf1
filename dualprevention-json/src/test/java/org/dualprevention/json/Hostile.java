package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dualprevention.Violation;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.risk.RiskPoint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three document types as hostile tests see them: valid documents to start from, an import that
 * must either succeed or refuse with {@link JsonImportException} (any other throwable is a failure that
 * names the case), and text substitution of raw JSON at a value position.
 */
final class Hostile {
    static final JsonMapper MAPPER = DualPreventionJson.mapper();
    private static final String MARK = "@@HOSTILE@@";

    private Hostile() {
    }

    /** A document type: its valid documents by seed and its import. */
    enum Doc {
        REGISTER {
            @Override
            byte[] valid(long seed) {
                Gen.Register r = RegisterDocumentTest.rich(seed);
                return RegisterDocumentTest.write(new Gen.Register(r.header(), r.riskPoints().subList(0, 1)));
            }

            @Override
            CollectingSink<?, ?> read(byte[] doc, ImportOptions options) {
                CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
                try {
                    RegisterDocument.read(DocumentSource.of(doc), TestScoring.providers(), options, sink);
                } catch (JsonImportException e) {
                    throw new Refused(e, sink);
                }
                return sink;
            }
        },
        LEDGER {
            @Override
            byte[] valid(long seed) {
                return LedgerAndAuditLogTest.ledger(LedgerAndAuditLogTest.records(seed, 2));
            }

            @Override
            CollectingSink<?, ?> read(byte[] doc, ImportOptions options) {
                CollectingSink<DocumentHeader, HiddenDangerRecord> sink = new CollectingSink<>();
                try {
                    HiddenDangerLedger.read(DocumentSource.of(doc), options, sink);
                } catch (JsonImportException e) {
                    throw new Refused(e, sink);
                }
                return sink;
            }
        },
        AUDIT_LOG {
            @Override
            byte[] valid(long seed) {
                return LedgerAndAuditLogTest.log(LedgerAndAuditLogTest.records(seed, 2));
            }

            @Override
            CollectingSink<?, ?> read(byte[] doc, ImportOptions options) {
                CollectingSink<DocumentHeader, AuditEntry> sink = new CollectingSink<>();
                try {
                    AuditLogDocument.read(DocumentSource.of(doc), options, sink);
                } catch (JsonImportException e) {
                    throw new Refused(e, sink);
                }
                return sink;
            }
        };

        abstract byte[] valid(long seed);

        /** Imports; a refusal is thrown as {@link Refused} with what the sink saw. */
        abstract CollectingSink<?, ?> read(byte[] doc, ImportOptions options);

        /**
         * The document's values one per line: one tree for the register and the ledger, one per line for the
         * audit log, with the pointer prefix of each.
         */
        List<Part> parts(byte[] doc) {
            String text = new String(doc, StandardCharsets.UTF_8);
            List<Part> out = new ArrayList<>();
            if (this == AUDIT_LOG) {
                String[] lines = text.split("\n");
                for (int i = 0; i < lines.length; i++) {
                    out.add(new Part("/" + i, MAPPER.readTree(lines[i])));
                }
            } else {
                out.add(new Part("", MAPPER.readTree(text)));
            }
            return out;
        }

        /** Writes the parts back as this document type's text. */
        byte[] join(List<Part> parts) {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                sb.append(MAPPER.writeValueAsString(p.tree()));
                if (this == AUDIT_LOG) {
                    sb.append('\n');
                }
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One JSON value of a document and the pointer prefix of its values. */
    record Part(String prefix, JsonNode tree) {
    }

    /** A refused import: the exception and the sink, which must have received nothing. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient JsonImportException error;
        final transient CollectingSink<?, ?> sink;

        Refused(JsonImportException error, CollectingSink<?, ?> sink) {
            super(error.getMessage(), error, false, false);
            this.error = error;
            this.sink = sink;
        }
    }

    /** One value position of a document: the part, the spot in it and the full pointer. */
    record Position(int part, MutationFuzzTest.Spot spot, String pointer) {
    }

    /** Every value position of a document, containers included, except the document roots. */
    static List<Position> positions(List<Part> parts) {
        List<Position> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            List<MutationFuzzTest.Spot> spots = new ArrayList<>();
            MutationFuzzTest.spots(parts.get(i).tree(), "", null, null, -1, spots);
            for (MutationFuzzTest.Spot s : spots) {
                out.add(new Position(i, s, parts.get(i).prefix() + s.pointer()));
            }
        }
        return out;
    }

    /**
     * The document with the value at one position replaced by raw JSON text (which need not be valid
     * JSON), the rest unchanged.
     */
    static byte[] substitute(Doc doc, List<Part> valid, int positionIndex, String raw) {
        List<Part> parts = new ArrayList<>();
        for (Part v : valid) {
            parts.add(new Part(v.prefix(), v.tree().deepCopy()));
        }
        Position p = positions(parts).get(positionIndex);
        MutationFuzzTest.replace(p.spot(), MAPPER.getNodeFactory().stringNode(MARK));
        String text = new String(doc.join(parts), StandardCharsets.UTF_8);
        return text.replace("\"" + MARK + "\"", raw).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Imports and requires a refusal that delivered nothing, with every violation a JSON Pointer and an
     * allowed text; any other outcome fails naming the case.
     */
    static JsonImportException refused(Doc doc, byte[] bytes, ImportOptions options, String what) {
        Throwable t;
        try {
            doc.read(bytes, options);
            throw new AssertionError("accepted " + what);
        } catch (Refused r) {
            assertTrue(r.sink.receivedNothing(), "delivered part of a refused document: " + what);
            JsonImportException e = r.error;
            assertFalse(e.violations().isEmpty(), what);
            for (Violation v : e.violations()) {
                assertTrue(v.path().isEmpty() || v.path().startsWith("/"), "not a JSON Pointer: " + v + "; " + what);
                assertFalse(v.allowed().isBlank(), "no allowed text: " + v + "; " + what);
            }
            return e;
        } catch (AssertionError a) {
            throw a;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            t = e;
        }
        throw new AssertionError("undocumented " + t.getClass().getName() + " for " + what, t);
    }

    /** Reads a value with the module's mapper and requires {@link JsonImportException}. */
    static JsonImportException mapperRefuses(String json, Class<?> type, String what) {
        return assertThrows(JsonImportException.class, () -> MAPPER.readValue(json, type),
                () -> "the mapper did not refuse " + what + " with JsonImportException");
    }

    /** A document as text for failure messages, cut at 2,000 characters. */
    static String show(byte[] doc) {
        String s = new String(doc, StandardCharsets.UTF_8);
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }

    /** Whether a violation sits at the pointer or at a value enclosing it. */
    static boolean atOrAround(Violation v, String pointer) {
        return v.path().equals(pointer) || pointer.startsWith(v.path() + "/") || v.path().startsWith(pointer + "/");
    }
}
