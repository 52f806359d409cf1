package org.dualprevention.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.dualprevention.danger.AuditChain;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as NDJSON (format {@code dualprevention.audit-log}, version {@value #CURRENT_VERSION}):
 * one JSON value per line. Line 0 is the header {@code {"format": "dualprevention.audit-log", "version": 1}};
 * each further line is one audit entry. The entries of one hidden danger are consecutive and in sequence
 * order, so a reader verifies each hash chain while streaming, holding one hidden danger's entries at a time.
 *
 * <p>Problems are reported with a JSON Pointer whose first segment is the line index (0 is the header):
 * {@code /3/hash} is the {@code hash} of the entry on line 3. The import checks every entry's hash, every
 * chain ({@link AuditChain#verify(List)}) and that no hidden danger's entries are split; it is all or
 * nothing, like the other documents. The JSON Schema of one entry line is {@value #SCHEMA_RESOURCE}.
 *
 * @since 0.1
 */
public final class AuditLogDocument {
    /** The format name. */
    public static final String FORMAT = "dualprevention.audit-log";
    /** The version written, and the newest one read. */
    public static final int CURRENT_VERSION = 1;
    /** The classpath resource of the JSON Schema of one line (header or entry). */
    public static final String SCHEMA_RESOURCE = "/org/dualprevention/json/schema/audit-log-1.schema.json";

    private static final JsonMapper WRITER = DualPreventionJson.mapper();

    private AuditLogDocument() {
    }

    /**
     * Writes the log, one line per entry, streaming.
     *
     * @param out where to write UTF-8 NDJSON; not closed
     * @param entries the entries, each hidden danger's consecutive and in sequence order
     */
    public static void write(OutputStream out, Iterable<AuditEntry> entries) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(entries, "entries");
        try {
            out.write(("{\"format\":\"" + FORMAT + "\",\"version\":" + CURRENT_VERSION + "}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (AuditEntry e : entries) {
                out.write(WRITER.writeValueAsBytes(e));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log", e);
        }
    }

    /**
     * Imports the log: validates all of it, then delivers it. All or nothing.
     *
     * @param source the NDJSON; read twice
     * @param options import options
     * @param sink receives the header and batches of entries, only if the whole log is valid
     * @return what was imported
     * @throws JsonImportException listing every problem; the sink received nothing
     * @throws UncheckedIOException if the source cannot be read
     */
    public static ImportReport read(DocumentSource source, ImportOptions options,
            DocumentSink<DocumentHeader, AuditEntry> sink) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        JsonMapper mapper = DualPreventionJson.streamingMapper(options.limits());
        Pass first = new Pass(options);
        first.run(mapper, source, null);
        if (!first.problems.isEmpty()) {
            throw new JsonImportException(FORMAT, first.problems.list());
        }
        Pass second = new Pass(options);
        StreamingImport.Delivery<DocumentHeader, AuditEntry> delivery =
                new StreamingImport.Delivery<>(sink, options.batchSize());
        second.run(mapper, source, delivery);
        if (!second.problems.isEmpty()) {
            throw new IllegalStateException("The log changed between the validating and the importing pass: "
                    + second.problems.list());
        }
        ImportReport report = new ImportReport(FORMAT, CURRENT_VERSION, first.sourceVersion, second.items, List.of());
        delivery.finish(new DocumentHeader(FORMAT, first.sourceVersion), report);
        return report;
    }

    private static final class Pass {
        final Problems problems;
        final ModelReader reader;
        final IdSet ids = new IdSet();
        final List<AuditEntry> group = new ArrayList<>();
        long groupStart;
        int sourceVersion = CURRENT_VERSION;
        long items;

        Pass(ImportOptions options) {
            problems = new Problems(options.maxProblems());
            reader = new ModelReader(problems, options.isLenient());
        }

        void run(JsonMapper mapper, DocumentSource source, StreamingImport.@Nullable Delivery<DocumentHeader, AuditEntry> delivery) {
            long line = 0;
            JsonParser p = null;
            try (InputStream in = source.open()) {
                p = mapper.createParser(in);
                try {
                    DocumentHeader header = null;
                    while (p.nextToken() != null) {
                        JsonNode n = mapper.readTree(p);
                        String ptr = "/" + line;
                        if (line == 0) {
                            if (!header(n)) {
                                return;
                            }
                            header = new DocumentHeader(FORMAT, sourceVersion);
                        } else {
                            AuditEntry e = DangerReader.auditEntry(reader, n, ptr);
                            if (e != null) {
                                entry(e, line);
                                if (delivery != null) {
                                    delivery.add(Objects.requireNonNull(header, "set on line 0"), e);
                                }
                            }
                            items++;
                        }
                        line++;
                    }
                    if (line == 0) {
                        problems.add("/0", null, "a header line {\"format\": \"" + FORMAT + "\", \"version\": " + CURRENT_VERSION + "}");
                    }
                    endGroup();
                } catch (JacksonIOException e) {
                    throw new UncheckedIOException("Cannot read the audit log", new IOException(e.getMessage(), e));
                } catch (JacksonException e) {
                    String inner = p.streamReadContext() == null ? "" : p.streamReadContext().pathAsPointer().toString();
                    problems.add("/" + line + inner, "(line " + line + ")", "well-formed JSON within the limits; " + e.getOriginalMessage());
                } finally {
                    p.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the audit log", e);
            }
        }

        private boolean header(JsonNode n) {
            if (!reader.object(n, "/0", "a header object {\"format\": \"" + FORMAT + "\", \"version\": " + CURRENT_VERSION + "}",
                    "format", "version")) {
                return false;
            }
            if (!n.path("format").isString() || !FORMAT.equals(n.path("format").stringValue())) {
                problems.add("/0/format", n.path("format"), "\"" + FORMAT + "\"");
                return false;
            }
            JsonNode v = n.path("version");
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
                problems.add("/0/version", v, "an integer version from 1 to " + CURRENT_VERSION);
                return false;
            }
            if (v.intValue() > CURRENT_VERSION) {
                problems.add("/0/version", v, "a version up to " + CURRENT_VERSION + "; this log was written by a newer release"
                        + " of dualprevention (" + FORMAT + " version " + v.intValue() + "); upgrade dualprevention-json to import it");
                return false;
            }
            sourceVersion = v.intValue();
            return problems.isEmpty();
        }

        private void entry(AuditEntry e, long line) {
            if (!group.isEmpty() && group.get(0).dangerId().equals(e.dangerId())) {
                group.add(e);
                return;
            }
            endGroup();
            if (!ids.add("hidden danger", e.dangerId().value())) {
                problems.add("/" + line + "/dangerId", e.dangerId(), "the entries of one hidden danger on consecutive lines;"
                        + " [" + e.dangerId() + "] appeared before");
            }
            group.add(e);
            groupStart = line;
        }

        private void endGroup() {
            if (group.isEmpty()) {
                return;
            }
            ChainVerification check = AuditChain.verify(group);
            if (!check.isValid()) {
                long at = groupStart + check.firstBadIndex().orElse(0);
                problems.add("/" + at, "(entry " + check.firstBadSequence().orElse(0) + " of " + group.get(0).dangerId() + ")",
                        "an unbroken audit chain; " + check.reason());
            }
            group.clear();
        }
    }
}
