package org.dualprevention.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.engine.closedloop.Checkpoints;
import java.time.Instant;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.json.support.IdSet;
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
 * <p>Version 2 ends with a checkpoint line {@code {"checkpoint": {"asOf": "…", "count": n, "root": "…"}}}: the
 * {@link org.dualprevention.danger.Checkpoint} of the hidden dangers in the log, each by its last entry, as of the
 * latest entry's time. The import recomputes it and refuses a log whose checkpoint line is missing (its tail was
 * cut off) or differs (entries or hidden dangers removed). Version 1 (release 0.1) has none and is read as
 * before.
 *
 * <p>With the host's keys ({@link ImportOptions#withAuditKeys}) keyed chains are verified under them, and a chain
 * forged or rehashed without the key is refused, naming the hidden danger and the entry; without keys a keyed chain
 * is refused (it cannot be checked).
 *
 * @since 0.1
 */
public final class AuditLogDocument {
    /** The format name. */
    public static final String FORMAT = "dualprevention.audit-log";
    /** The version written, and the newest one read. */
    public static final int CURRENT_VERSION = 2;
    /** The classpath resource of the JSON Schema of one line (header or entry). */
    public static final String SCHEMA_RESOURCE = "/org/dualprevention/json/schema/audit-log-2.schema.json";

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
            Checkpoints.Tree tree = new Checkpoints.Tree();
            Instant latest = Instant.EPOCH;
            AuditEntry last = null;
            for (AuditEntry e : entries) {
                if (last != null && !last.dangerId().equals(e.dangerId())) {
                    tree.put(last.dangerId(), last.sequence(), last.hash());
                }
                last = e;
                latest = e.at().isAfter(latest) ? e.at() : latest;
                out.write(WRITER.writeValueAsBytes(e));
                out.write('\n');
            }
            if (last != null) {
                tree.put(last.dangerId(), last.sequence(), last.hash());
            }
            out.write(("{\"checkpoint\":" + checkpointJson(tree.checkpoint(latest)) + "}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log", e);
        }
    }

    static String checkpointJson(Checkpoint cp) {
        return "{\"asOf\":\"" + ModelWriter.instant(cp.asOf()) + "\",\"count\":" + cp.count() + ",\"root\":\""
                + cp.root() + "\"}";
    }

    /**
     * Imports the log: validates all of it, then delivers it. All or nothing.
     *
     * @param source the NDJSON; read twice (a third time if it is refused with repeated ids)
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
        Pass first = new Pass(options, mapper);
        first.run(mapper, source, null);
        if (!first.problems.isEmpty()) {
            if (first.repeats.any()) {
                Pass locate = new Pass(options, mapper);
                locate.locating = first.repeats;
                locate.run(mapper, source, null);
                first.repeats.amend(first.problems);
            }
            throw new JsonImportException(FORMAT, first.problems.list());
        }
        Pass second = new Pass(options, mapper);
        StreamingImport.Delivery<DocumentHeader, AuditEntry> delivery =
                new StreamingImport.Delivery<>(sink, options.batchSize(), options.limits());
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
        final ItemReader trees;
        final JsonLimits limits;
        final IdSet ids = new IdSet();
        final Repeats repeats = new Repeats();
        @Nullable Repeats locating;
        /** The lines of the hidden danger being read: its id, its entries, whether one of them had problems. */
        final List<AuditEntry> group = new ArrayList<>();
        @Nullable String groupId;
        boolean tainted;
        ItemReader.Budget groupBudget;
        long groupStart;
        int sourceVersion = CURRENT_VERSION;
        long items;
        /** Version 2: the checkpoint recomputed from the groups, the latest entry time, the trailer line read. */
        final Checkpoints.Tree checkpoint = new Checkpoints.Tree();
        Instant latest = Instant.EPOCH;
        final org.dualprevention.spi.@Nullable AuditKeyProvider keys;
        @Nullable JsonNode trailer;
        long trailerLine = -1;

        Pass(ImportOptions options, JsonMapper mapper) {
            problems = new Problems(options.maxProblems());
            reader = new ModelReader(problems, options.isLenient());
            trees = new ItemReader(mapper.getNodeFactory());
            limits = options.limits();
            keys = options.auditKeys().orElse(null);
            groupBudget = newGroupBudget();
        }

        private ItemReader.Budget newGroupBudget() {
            return new ItemReader.Budget(limits, "the lines of one hidden danger");
        }

        void run(JsonMapper mapper, DocumentSource source, StreamingImport.@Nullable Delivery<DocumentHeader, AuditEntry> delivery) {
            long line = 0;
            JsonParser p = null;
            try (CheckedInput in = new CheckedInput(source.open())) {
                p = mapper.createParser(in);
                try {
                    DocumentHeader header = null;
                    while (p.nextToken() != null) {
                        String ptr = "/" + line;
                        ItemReader.Budget budget = new ItemReader.Budget(limits, "one line");
                        JsonNode n = StreamingImport.tree(p, trees, budget, problems, ptr);
                        if (line == 0) {
                            if (!header(n)) {
                                return;
                            }
                            header = new DocumentHeader(FORMAT, sourceVersion);
                        } else if (trailer != null) {
                            problems.add(ptr, n, "nothing after the checkpoint line on line " + trailerLine);
                        } else if (sourceVersion >= 2 && n.isObject() && n.has("checkpoint")) {
                            trailer = n;
                            trailerLine = line;
                        } else {
                            AuditEntry e = ModelReader.guarded(problems, ptr, () -> DangerReader.auditEntry(reader, n, ptr));
                            entry(e != null ? e.dangerId().value() : readableId(n), e, line, budget);
                            if (e != null && delivery != null) {
                                delivery.add(Objects.requireNonNull(header, "set on line 0"), e, budget.values(), budget.bytes());
                            }
                            items++;
                        }
                        line++;
                    }
                    if (line == 0) {
                        problems.add("/0", null, "a header line {\"format\": \"" + FORMAT + "\", \"version\": " + CURRENT_VERSION + "}");
                    }
                    endGroup();
                    if (line > 0 && sourceVersion >= 2 && problems.isEmpty()) {
                        checkTrailer(line);
                    }
                    if (in.badAt() >= 0) {
                        problems.fatal("/" + line, in.badValue(), CheckedInput.ALLOWED);
                    }
                } catch (StreamingImport.Fatal e) {
                    // recorded
                } catch (JacksonIOException e) {
                    throw new UncheckedIOException("Cannot read the audit log", new IOException(e.getMessage(), e));
                } catch (JacksonException e) {
                    StreamingImport.malformed(p, in, e, problems, "/" + line);
                } finally {
                    p.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the audit log", e);
            }
        }

        /** Version 2: the last line is the checkpoint of the log, recomputed here. */
        private void checkTrailer(long lines) {
            Checkpoint found = checkpoint.checkpoint(latest);
            String expected = "{\"checkpoint\": " + checkpointJson(found) + "}, the checkpoint of the entries above";
            if (trailer == null) {
                problems.add("/" + lines, null, expected + " (a version-2 log ends with its checkpoint line; the log was"
                        + " cut off)");
                return;
            }
            String ptr = "/" + trailerLine + "/checkpoint";
            JsonNode n = trailer.path("checkpoint");
            if (trailer.size() != 1 || !n.isObject() || n.size() != 3 || !n.path("asOf").isString()
                    || !n.path("count").isIntegralNumber() || !n.path("root").isString()) {
                problems.add("/" + trailerLine, trailer, expected);
                return;
            }
            if (!n.path("asOf").stringValue().equals(ModelWriter.instant(found.asOf()))) {
                problems.add(ptr + "/asOf", n.path("asOf"), "[" + ModelWriter.instant(found.asOf()) + "], the time of"
                        + " the latest entry in the log: entries were removed");
            }
            if (n.path("count").longValue() != found.count()) {
                problems.add(ptr + "/count", n.path("count"), "[" + found.count() + "], the number of hidden dangers"
                        + " in the log: hidden dangers were " + (n.path("count").longValue() > found.count()
                                ? "removed" : "added"));
            } else if (!n.path("root").stringValue().equals(found.root())) {
                problems.add(ptr + "/root", n.path("root"), "[" + found.root() + "], the root over the hidden dangers'"
                        + " last entries: a chain was cut short, or entries replaced");
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

        /** The hidden danger id of an entry with problems, if it can be read; else null (it joins the current group). */
        private @Nullable String readableId(JsonNode n) {
            JsonNode id = n.path("dangerId");
            if (id.isString() && ModelReader.badUnicode(id.stringValue(), true) < 0) {
                try {
                    return HiddenDangerId.of(id.stringValue()).value();
                } catch (RuntimeException e) {
                    return null;
                }
            }
            return null;
        }

        /**
         * Adds an entry line to its hidden danger's group; {@code e} is null for an entry with problems, which
         * taints the group (its chain is not verified: its entries' own problems are reported instead).
         */
        private void entry(@Nullable String dangerId, @Nullable AuditEntry e, long line, ItemReader.Budget lineBudget) {
            if (groupId != null && (dangerId == null || groupId.equals(dangerId))) {
                if (e != null) {
                    group.add(e);
                } else {
                    tainted = true;
                }
                grow(lineBudget);
                return;
            }
            endGroup();
            groupStart = line;
            groupId = dangerId;
            tainted = e == null;
            grow(lineBudget);
            if (dangerId != null) {
                if (locating != null) {
                    locating.seen("hidden danger", dangerId, "/" + line);
                } else if (!ids.add("hidden danger", dangerId)) {
                    int listed = problems.add("/" + line + "/dangerId", dangerId,
                            "the entries of one hidden danger on consecutive lines");
                    if (listed >= 0) {
                        repeats.found("hidden danger", dangerId, listed);
                    }
                }
            }
            if (e != null) {
                group.add(e);
            }
        }

        /** Counts a line against its hidden danger's lines, which are held together; a breach ends the pass. */
        private void grow(ItemReader.Budget lineBudget) {
            try {
                groupBudget.add(lineBudget);
            } catch (ItemReader.TooLarge x) {
                problems.fatal("/" + groupStart, x.value, x.allowed);
                throw new StreamingImport.Fatal();
            }
        }

        private void endGroup() {
            groupBudget = newGroupBudget();
            groupId = null;
            if (group.isEmpty() || tainted) {
                group.clear();
                return;
            }
            if (sourceVersion >= 2) {
                AuditEntry last = group.get(group.size() - 1);
                checkpoint.put(last.dangerId(), last.sequence(), last.hash());
                for (AuditEntry e : group) {
                    latest = e.at().isAfter(latest) ? e.at() : latest;
                }
            }
            ChainVerification check = AuditChain.verify(group, keys);
            if (!check.isValid()) {
                long at = groupStart + check.firstBadIndex().orElse(0);
                problems.add("/" + at, "(entry " + check.firstBadSequence().orElse(0) + " of " + group.get(0).dangerId() + ")",
                        "an unbroken audit chain; " + check.reason());
            }
            group.clear();
        }
    }
}
