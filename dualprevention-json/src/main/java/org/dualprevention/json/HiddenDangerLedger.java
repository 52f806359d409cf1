package org.dualprevention.json;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.engine.closedloop.Checkpoints;
import org.dualprevention.json.support.NonClosingOutputStream;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hidden-danger ledger document (format {@code dualprevention.hidden-dangers}, version
 * {@value #CURRENT_VERSION}): every hidden danger with its hash-chained audit entries.
 *
 * <pre>{@code
 * {"format": "dualprevention.hidden-dangers", "version": 1,
 *  "hiddenDangers": [
 *    {"id": "HD-1", "version": 3, "state": "planned", "auditHead": "…64 hex…",
 *     "entries": [{"dangerId": "HD-1", "sequence": 1, "action": "report", …}, …]}]}
 * }</pre>
 *
 * <p>A hidden danger is stored as its audit chain, not as a snapshot: on import each entry's hash is
 * checked against its contents, the chain is verified ({@link AuditChain#verify(List, HiddenDanger)}) and
 * replayed into the {@link HiddenDanger}, and the recorded {@code version}, {@code state} and
 * {@code auditHead} must equal the replay's. So a tampered ledger is refused, never imported. The import
 * streams: one hidden danger is held at a time, plus 18 bytes per id for the duplicate check, so a million
 * hidden dangers import in a 256 MiB heap. Schema: {@value #SCHEMA_RESOURCE}.
 *
 * <p>Version 2 ends with the document's {@code checkpoint} (after the array, as it covers it): the
 * {@link org.dualprevention.danger.Checkpoint} of the hidden dangers it holds, each by its last entry, as of the
 * latest entry's time, {@code {"asOf": "…", "count": n, "root": "…64 hex…"}}. The import recomputes it and refuses
 * a ledger whose checkpoint is missing or differs (pointer {@code /checkpoint}): a hidden danger removed, a chain's
 * tail cut off. That costs 64 bytes per hidden danger while reading. Version 1 (release 0.1) has no checkpoint and
 * is read as before. Compare the checkpoint with one kept outside the document to find a ledger rewritten whole.
 *
 * <p>With the host's keys ({@link ImportOptions#withAuditKeys}) keyed chains are verified under them, and a chain
 * forged or rehashed without the key is refused, naming the hidden danger and the entry; without keys a keyed chain
 * is refused (it cannot be checked).
 *
 * @since 0.1
 */
public final class HiddenDangerLedger {
    /** The format name. */
    public static final String FORMAT = "dualprevention.hidden-dangers";
    /** The version written, and the newest one read. */
    public static final int CURRENT_VERSION = 2;
    /** The classpath resource of the current JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/org/dualprevention/json/schema/hidden-dangers-2.schema.json";

    private static final JsonMapper WRITER = DualPreventionJson.mapper();

    private HiddenDangerLedger() {
    }

    /**
     * Writes a ledger, streaming.
     *
     * @param out where to write UTF-8 JSON; not closed
     * @param records the hidden dangers with their audit chains, iterated once
     */
    public static void write(OutputStream out, Iterable<HiddenDangerRecord> records) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(records, "records");
        try (JsonGenerator g = WRITER.createGenerator(new NonClosingOutputStream(out))) {
            g.writeStartObject();
            g.writeStringProperty("format", FORMAT);
            g.writeNumberProperty("version", CURRENT_VERSION);
            g.writeArrayPropertyStart("hiddenDangers");
            Checkpoints.Tree tree = new Checkpoints.Tree();
            Instant latest = Instant.EPOCH;
            for (HiddenDangerRecord r : records) {
                HiddenDanger d = r.danger();
                if (!r.entries().isEmpty()) {
                    AuditEntry last = r.entries().get(r.entries().size() - 1);
                    tree.put(d.id(), last.sequence(), last.hash());
                    latest = last.at().isAfter(latest) ? last.at() : latest;
                }
                g.writeStartObject();
                g.writeStringProperty("id", d.id().value());
                g.writeNumberProperty("version", d.version());
                g.writeStringProperty("state", d.state().code());
                g.writeStringProperty("auditHead", d.auditHead());
                g.writeArrayPropertyStart("entries");
                for (AuditEntry e : r.entries()) {
                    DangerReader.auditEntry(g, e);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            Checkpoint cp = tree.checkpoint(latest);
            g.writeObjectPropertyStart("checkpoint");
            g.writeStringProperty("asOf", ModelWriter.instant(cp.asOf()));
            g.writeNumberProperty("count", cp.count());
            g.writeStringProperty("root", cp.root());
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /**
     * Imports a ledger: validates all of it, then delivers it. All or nothing.
     *
     * @param source the document; read twice (a third time if it is refused with repeated ids)
     * @param options import options (the score policy does not apply: a chain that disagrees with its
     *        recorded state is always refused)
     * @param sink receives the header and batches of records, only if the whole ledger is valid
     * @return what was imported
     * @throws JsonImportException listing every problem; the sink received nothing
     * @throws java.io.UncheckedIOException if the source cannot be read
     */
    public static ImportReport read(DocumentSource source, ImportOptions options,
            DocumentSink<DocumentHeader, HiddenDangerRecord> sink) {
        return new Reader().run(source, options, sink);
    }

    private static final class Reader extends StreamingImport<DocumentHeader, HiddenDangerRecord> {
        @Override
        String format() {
            return FORMAT;
        }

        @Override
        int currentVersion() {
            return CURRENT_VERSION;
        }

        @Override
        List<Migration> migrations() {
            // version 1 differs only by having no checkpoint: nothing to rewrite
            return List.of(() -> 1);
        }

        @Override
        String itemsField() {
            return "hiddenDangers";
        }

        @Override
        List<String> headerFields() {
            return List.of();
        }

        @Override
        List<String> trailerFields() {
            return List.of("checkpoint");
        }

        @Override
        void end(Pass pass, Map<String, JsonNode> trailer) {
            if (pass.sourceVersion < 2 || !pass.problems.isEmpty()) {
                // the checkpoint is checked over hidden dangers that could all be read; other problems come first
                return;
            }
            Checkpoints.Tree tree = pass.checkpoint == null ? new Checkpoints.Tree() : pass.checkpoint;
            Instant latest = pass.latest == null ? Instant.EPOCH : pass.latest;
            Checkpoint found = tree.checkpoint(latest);
            JsonNode n = trailer.get("checkpoint");
            String expected = "{\"asOf\": \"" + found.asOf() + "\", \"count\": " + found.count() + ", \"root\": \""
                    + found.root() + "\"}, the checkpoint of the hidden dangers in the document";
            if (n == null) {
                pass.problems.add("/checkpoint", null, expected + " (a version-2 ledger ends with its checkpoint;"
                        + " the document was cut off or the checkpoint removed)");
                return;
            }
            if (!n.isObject() || !n.path("asOf").isString() || !n.path("count").isIntegralNumber()
                    || !n.path("root").isString() || n.size() != 3) {
                pass.problems.add("/checkpoint", n, expected);
                return;
            }
            String asOf = n.path("asOf").stringValue();
            if (!asOf.equals(ModelWriter.instant(found.asOf()))) {
                pass.problems.add("/checkpoint/asOf", asOf, "[" + ModelWriter.instant(found.asOf()) + "], the time of"
                        + " the latest entry in the document: a chain's last entries were removed");
            }
            if (n.path("count").longValue() != found.count()) {
                pass.problems.add("/checkpoint/count", n.path("count"), "[" + found.count() + "], the number of hidden"
                        + " dangers in the document: " + (n.path("count").longValue() > found.count()
                                ? "hidden dangers were removed" : "hidden dangers were added"));
            } else if (!n.path("root").stringValue().equals(found.root())) {
                pass.problems.add("/checkpoint/root", n.path("root"), "[" + found.root() + "], the root over the"
                        + " hidden dangers' last entries: a chain was cut short, or entries or hidden dangers replaced");
            }
        }

        @Override
        DocumentHeader header(Pass pass, Map<String, JsonNode> fields) {
            return new DocumentHeader(FORMAT, Math.max(pass.sourceVersion, 0));
        }

        @Override
        @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
        @Nullable HiddenDangerRecord item(Pass pass, JsonNode n, String ptr) {
            ModelReader r = pass.reader;
            Problems problems = pass.problems;
            long before = problems.structural();
            if (!r.object(n, ptr, "a hidden danger object {\"id\", \"version\", \"state\", \"auditHead\", \"entries\"}",
                    "id", "version", "state", "auditHead", "entries")) {
                return null;
            }
            HiddenDangerId id = r.id(n, "id", ptr, HiddenDangerId::of);
            if (id != null) {
                pass.unique("hidden danger", id.value(), Problems.child(ptr, "id"));
            }
            Long version = r.longValue(n, "version", ptr, 1, Long.MAX_VALUE);
            HiddenDangerState state = r.code(n, "state", ptr, HiddenDangerState::fromCode,
                    ModelReader.codes(HiddenDangerState.values(), HiddenDangerState::code));
            String head = r.string(n, "auditHead", ptr);
            List<AuditEntry> entries = new ArrayList<>();
            String ep = Problems.child(ptr, "entries");
            JsonNode es = n.path("entries");
            long beforeEntries = problems.structural();
            if (r.array(es, ep, "a non-empty array of audit entries, from sequence 1")) {
                if (es.isEmpty()) {
                    problems.add(ep, es, "a non-empty array of audit entries, from sequence 1");
                }
                for (int i = 0; i < es.size(); i++) {
                    AuditEntry e = DangerReader.auditEntry(r, es.get(i), Problems.child(ep, i));
                    if (e != null) {
                        entries.add(e);
                    }
                }
            }
            if (problems.structural() > beforeEntries) {
                return null;
            }
            // the entries could all be read: their chain is checked even if the fields beside them have problems
            org.dualprevention.spi.@Nullable AuditKeyProvider keys = pass.options.auditKeys().orElse(null);
            ChainVerification check = AuditChain.verify(entries, keys);
            if (!check.isValid()) {
                int bad = check.firstBadIndex().orElse(0);
                problems.add(Problems.child(ep, bad), "(entry " + check.firstBadSequence().orElse(0) + " of hidden danger "
                        + entries.get(0).dangerId() + ")",
                        "an unbroken audit chain; " + check.reason());
                return null;
            }
            HiddenDanger danger;
            try {
                danger = AuditChain.replay(entries, keys);
            } catch (RuntimeException e) {
                problems.add(ep, "(chain)", "a chain that replays; " + e.getMessage());
                return null;
            }
            boolean ok = id == null || agree(problems, ptr, "id", id, danger.id(), "the id of the danger the entries record");
            ok &= version == null || agree(problems, ptr, "version", version, danger.version(), "the sequence of the last entry");
            ok &= state == null || agree(problems, ptr, "state", state.code(), danger.state().code(), "the state the chain replays to");
            ok &= head == null || agree(problems, ptr, "auditHead", head, danger.auditHead(), "the hash of the last entry");
            if (pass.sourceVersion >= 2 && !entries.isEmpty()) {
                AuditEntry last = entries.get(entries.size() - 1);
                if (pass.checkpoint == null) {
                    pass.checkpoint = new Checkpoints.Tree();
                }
                pass.checkpoint.put(last.dangerId(), last.sequence(), last.hash());
                pass.latest = pass.latest == null || last.at().isAfter(pass.latest) ? last.at() : pass.latest;
            }
            return ok && problems.structural() == before ? new HiddenDangerRecord(danger, entries) : null;
        }

        private static boolean agree(Problems problems, String ptr, String field, Object stored, Object replayed,
                String what) {
            if (stored.equals(replayed)) {
                return true;
            }
            problems.add(Problems.child(ptr, field), stored, "[" + replayed + "], " + what);
            return false;
        }
    }
}
