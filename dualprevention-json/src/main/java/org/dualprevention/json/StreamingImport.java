package org.dualprevention.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dualprevention.Violation;
import org.dualprevention.json.support.IdSet;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two-pass streaming import shared by the JSON documents whose top level is one object:
 * {@code {"format": …, "version": …, <header fields>…, "<items>": [ … ]}}.
 *
 * <p>Pass one parses the whole document with a {@link JsonParser}, holding one item at a time, and
 * collects every problem; if there is any, a {@link JsonImportException} is thrown and nothing is
 * delivered. Pass two parses again and delivers the header and batches of items to the sink. Memory is
 * bounded by the header and one item (each within the item limits of {@link JsonLimits}, see
 * {@link ItemReader}), one batch (at most {@code batchSize} items and about two items' worth of the item
 * limits) and 18 bytes per id (a 128-bit hash and its mark, see {@link IdSet}). The bytes are checked to be
 * well-formed UTF-8 on the way in ({@link CheckedInput}).
 *
 * @param <H> header type
 * @param <T> item type
 */
abstract class StreamingImport<H, T> {
    /** Stops the reading of a pass: the problem was recorded and nothing after it can be trusted. */
    static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fatal() {
            super(null, null, false, false);
        }
    }

    /** The state of one pass. */
    final class Pass {
        final Problems problems;
        final Problems warnings;
        final ModelReader reader;
        final IdSet ids = new IdSet();
        final ImportOptions options;
        final ItemReader trees;
        /** Ids repeated in this pass (pass one), to be located by another. */
        final Repeats repeats = new Repeats();
        /** In a locating pass, the repeats of pass one whose first places it records. */
        @Nullable Repeats locating;
        @Nullable H header;
        int sourceVersion = -1;
        long items;
        /** A quarantine import: disagreeing claims are recomputed, never problems. */
        boolean quarantineMode;
        /** Pass one of a quarantine import: collects the refused items and the recomputed claims. */
        @Nullable Quarantine collect;
        /** Pass two of a quarantine import: the items pass one refused, skipped. */
        java.util.@Nullable BitSet skip;
        /** The checkpoint recomputed from the items of a document that carries one (the hidden-danger ledger). */
        org.dualprevention.engine.closedloop.Checkpoints.@Nullable Tree checkpoint;
        java.time.@Nullable Instant latest;

        Pass(ImportOptions options, ModelReader.AssessmentCheck check, Problems problems, Problems warnings,
                JsonMapper mapper) {
            this.options = options;
            this.trees = new ItemReader(mapper.getNodeFactory());
            this.problems = problems;
            this.warnings = warnings;
            this.reader = new ModelReader(problems, options.isLenient(), check);
        }

        /** Records a problem, or a warning under {@link ScoreDisagreement#WARN}; true if it was a warning. */
        boolean disagreement(String pointer, @Nullable Object value, String allowed) {
            if (options.scoreDisagreement() == ScoreDisagreement.WARN || quarantineMode) {
                warnings.addCross(pointer, value, allowed);
                return true;
            }
            problems.addCross(pointer, value, allowed);
            return false;
        }

        /** As {@link #unique(String, String, String)} at a field of {@code parent}, building the pointer only if needed. */
        void unique(String kind, String id, CharSequence parent, String field) {
            if (locating != null || !ids.add(kind, id)) {
                if (locating != null) {
                    locating.seen(kind, id, Problems.child(parent, field));
                    return;
                }
                int listed = problems.add(Problems.child(parent, field), id, "an id not used by another " + kind
                        + " in the document");
                if (listed >= 0) {
                    repeats.found(kind, id, listed);
                }
            }
        }

        /** Records a repeated id (a problem of the value holding it); names the first place later. */
        void unique(String kind, String id, String pointer) {
            if (locating != null) {
                locating.seen(kind, id, pointer);
                return;
            }
            if (!ids.add(kind, id)) {
                int listed = problems.add(pointer, id, "an id not used by another " + kind + " in the document");
                if (listed >= 0) {
                    repeats.found(kind, id, listed);
                }
            }
        }
    }

    /**
     * What pass one of a quarantine import collects: the indexes of the refused items, the problems of each
     * (up to the cap; the rest counted) and the stored claims that disagree with the recomputation.
     */
    static final class Quarantine implements Problems.Redirect {
        final java.util.BitSet refused = new java.util.BitSet();
        final List<QuarantineReport.Refusal> listed = new ArrayList<>();
        final List<QuarantineReport.Recomputation> recomputed = new ArrayList<>();
        private final int max;
        long unlisted;
        long item;
        String itemId = "";
        boolean itemRefused;
        /** Where the current item's recomputed claims start, and how many of them went unlisted. */
        private int recomputedMark;
        private long unlistedRecomputed;

        Quarantine(int max) {
            this.max = max;
        }

        void startItem(long index, JsonNode node) {
            item = index;
            JsonNode id = node.path("id");
            itemId = id.isString() ? Problems.render(id.stringValue()) : "";
            itemRefused = false;
            recomputedMark = recomputed.size();
            unlistedRecomputed = 0;
        }

        /** Ends the current item; the recomputed claims of a refused item are dropped, as it is not imported. */
        void endItem() {
            if (itemRefused) {
                refused.set((int) item);
                recomputed.subList(recomputedMark, recomputed.size()).clear();
                unlisted -= unlistedRecomputed;
            }
        }

        @Override
        public int add(Violation v) {
            itemRefused = true;
            if (listed.size() >= max) {
                unlisted++;
                return -1;
            }
            listed.add(new QuarantineReport.Refusal(item, itemId, v.path(), QuarantineReport.Refusal.fieldOf(v.path()),
                    v.value(), v.allowed(), ""));
            return listed.size() - 1;
        }

        @Override
        public void amend(int index, String more) {
            QuarantineReport.Refusal r = listed.get(index);
            listed.set(index, new QuarantineReport.Refusal(r.item(), r.itemId(), r.pointer(), r.field(), r.value(),
                    r.allowed() + more, r.source()));
        }

        void recomputed(String pointer, String storedScore, String storedGrade, String storedLevel, String score,
                String grade, String level) {
            if (recomputed.size() >= max) {
                unlisted++;
                unlistedRecomputed++;
                return;
            }
            recomputed.add(new QuarantineReport.Recomputation(item, itemId, pointer, storedScore, storedGrade,
                    storedLevel, score, grade, level, ""));
        }
    }

    /** The checks across values of one pass, told of each id and reference as it is read. */
    class PassRefs implements ModelReader.Refs {
        final Pass pass;

        PassRefs(Pass pass) {
            this.pass = pass;
        }

        @Override
        public void id(String kind, String id, CharSequence parent, String field) {
            pass.unique(kind, id, parent, field);
        }

        @Override
        public void unit(org.dualprevention.organization.OrgUnitId unit, CharSequence parent, String field) {
        }

        @Override
        public void scheme(org.dualprevention.risk.SchemeId scheme, CharSequence parent, String field) {
        }
    }

    /** The checks across values for one pass; by default, ids unique in the document. */
    PassRefs refs(Pass pass) {
        return new PassRefs(pass);
    }

    abstract String format();

    abstract int currentVersion();

    /** Migrations by the version they read; empty for the first version. */
    abstract List<Migration> migrations();

    abstract String itemsField();

    /** Header fields in their document order; each is required unless {@link #optionalHeader}. */
    abstract List<String> headerFields();

    boolean optionalHeader(String field) {
        return false;
    }

    /** Builds the header from its fields (absent optional fields are missing from the map); null if invalid. */
    abstract @Nullable H header(Pass pass, Map<String, JsonNode> fields);

    /** Fields that follow the items array (a document's trailer, e.g. its checkpoint); none by default. */
    List<String> trailerFields() {
        return List.of();
    }

    /** Checks the trailer once every item was read; nothing by default. */
    void end(Pass pass, Map<String, JsonNode> trailer) {
    }

    /** Reads and checks one item; null if invalid. The header may be null when it was invalid. */
    abstract @Nullable T item(Pass pass, JsonNode node, String pointer);

    /**
     * The per-assessment check the streaming reader ({@link RegisterStream}) uses in a pass: the pass's own by
     * default. It must keep exactly what that check keeps and leave a problem whenever that check would.
     */
    ModelReader.AssessmentCheck streamingCheck(Pass pass) {
        return pass.reader.check();
    }

    /** A fresh per-assessment check for one pass (identity for documents without assessments). */
    ModelReader.AssessmentCheck check(Pass pass) {
        return (p, a) -> a;
    }

    final ImportReport run(DocumentSource source, ImportOptions options, DocumentSink<H, T> sink) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        JsonMapper mapper = DualPreventionJson.streamingMapper(options.limits());
        Pass first = newPass(options, mapper);
        pass(mapper, source, first, null);
        if (!first.problems.isEmpty()) {
            if (first.repeats.any()) {
                Pass locate = newPass(options, mapper);
                locate.locating = first.repeats;
                pass(mapper, source, locate, null);
                first.repeats.amend(first.problems);
            }
            throw new JsonImportException(format(), first.problems.list());
        }
        Pass second = newPass(options, mapper);
        Delivery<H, T> delivery = new Delivery<>(sink, options.batchSize(), options.limits());
        pass(mapper, source, second, delivery);
        if (!second.problems.isEmpty()) {
            throw new IllegalStateException("The document changed between the validating and the importing pass; "
                    + "a DocumentSource must return the same bytes each time: " + second.problems.list());
        }
        ImportReport report = new ImportReport(format(), currentVersion(), first.sourceVersion, second.items,
                first.warnings.list());
        delivery.finish(Objects.requireNonNull(second.header), report);
        return report;
    }

    /**
     * The quarantine import: pass one reads every item, holding back each one with a problem of its own or
     * across the document (a repeated id, an unknown unit or scheme) and recording why; pass two delivers
     * the others. A problem of the document as a whole (malformed JSON or UTF-8, a breached limit, the header,
     * the format or version) still refuses it all with {@link JsonImportException}.
     */
    final QuarantineReport quarantine(DocumentSource source, ImportOptions options, DocumentSink<H, T> sink) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        JsonMapper mapper = DualPreventionJson.streamingMapper(options.limits());
        Quarantine q = new Quarantine(options.maxProblems());
        Pass first = newPass(options, mapper);
        first.quarantineMode = true;
        first.collect = q;
        pass(mapper, source, first, null);
        if (!first.problems.isEmpty()) {
            throw new JsonImportException(format(), first.problems.list());
        }
        if (first.repeats.any()) {
            Pass locate = newPass(options, mapper);
            locate.quarantineMode = true;
            locate.locating = first.repeats;
            pass(mapper, source, locate, null);
            first.repeats.amend((more, index) -> q.amend(index, more));
        }
        Pass second = newPass(options, mapper);
        second.quarantineMode = true;
        second.skip = q.refused;
        Delivery<H, T> delivery = new Delivery<>(sink, options.batchSize(), options.limits());
        pass(mapper, source, second, delivery);
        if (!second.problems.isEmpty()) {
            throw new IllegalStateException("The document changed between the validating and the importing pass; "
                    + "a DocumentSource must return the same bytes each time: " + second.problems.list());
        }
        long refusedItems = q.refused.cardinality();
        long delivered = first.items - refusedItems;
        ImportReport imported = new ImportReport(format(), currentVersion(), first.sourceVersion, delivered,
                first.warnings.list());
        delivery.finish(Objects.requireNonNull(second.header), imported);
        return new QuarantineReport(format(), first.items, delivered, refusedItems, q.listed, q.unlisted, q.recomputed,
                first.warnings.list());
    }

    /** A new pass with its checks (for a reader of its own, such as the streaming register reader). */
    final Pass openPass(ImportOptions options, JsonMapper mapper) {
        return newPass(options, mapper);
    }

    private Pass newPass(ImportOptions options, JsonMapper mapper) {
        Problems problems = new Problems(options.maxProblems());
        Problems warnings = new Problems(options.maxProblems());
        DeferredCheck deferred = new DeferredCheck();
        Pass pass = new Pass(options, deferred, problems, warnings, mapper);
        pass.reader.withRefs(refs(pass));
        deferred.target = check(pass);
        return pass;
    }

    /** Lets the per-pass check be created after the pass it reports to. */
    private static final class DeferredCheck implements ModelReader.AssessmentCheck {
        ModelReader.AssessmentCheck target = (p, a) -> a;

        @Override
        public org.dualprevention.risk.@Nullable Assessment check(CharSequence pointer, org.dualprevention.risk.Assessment a) {
            return target.check(pointer, a);
        }

        @Override
        public void checkInput(CharSequence pointer, org.dualprevention.risk.MethodId method, org.dualprevention.risk.SchemeId scheme,
                org.dualprevention.risk.AssessmentInput input) {
            target.checkInput(pointer, method, scheme, input);
        }
    }

    /**
     * Hands out the header and batches. A batch ends at {@code batchSize} items, or earlier once its items
     * came from more than one item's worth of the item limits, so a batch of large items stays bounded too.
     */
    static final class Delivery<H, T> {
        private final DocumentSink<H, T> sink;
        private final int batchSize;
        private final JsonLimits limits;
        private final List<T> batch = new ArrayList<>();
        private long values;
        private long bytes;
        private boolean begun;

        Delivery(DocumentSink<H, T> sink, int batchSize, JsonLimits limits) {
            this.sink = sink;
            this.batchSize = batchSize;
            this.limits = limits;
        }

        /** Adds an item read from JSON that used this many values and bytes. */
        void add(H header, T item, long itemValues, long itemBytes) {
            begin(header);
            batch.add(item);
            values += itemValues;
            bytes += itemBytes;
            if (batch.size() >= batchSize || values >= limits.maxItemValues() || bytes >= limits.maxItemLength()) {
                flush();
            }
        }

        private void begin(H header) {
            if (!begun) {
                begun = true;
                sink.begin(header);
            }
        }

        private void flush() {
            if (!batch.isEmpty()) {
                sink.accept(List.copyOf(batch));
                batch.clear();
            }
            values = 0;
            bytes = 0;
        }

        void finish(H header, ImportReport report) {
            begin(header);
            flush();
            sink.end(report);
        }
    }

    private void pass(JsonMapper mapper, DocumentSource source, Pass pass, @Nullable Delivery<H, T> delivery) {
        JsonParser p = null;
        try (CheckedInput in = new CheckedInput(source.open())) {
            p = mapper.createParser(in);
            try {
                body(p, pass, delivery);
                if (in.badAt() >= 0) {
                    pass.problems.fatal("", in.badValue(), CheckedInput.ALLOWED);
                }
            } catch (Fatal e) {
                // recorded
            } catch (JacksonIOException e) {
                throw new UncheckedIOException("Cannot read the " + format() + " document",
                        e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getMessage(), e));
            } catch (JacksonException e) {
                malformed(p, in, e, pass.problems, "");
            } finally {
                p.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + format() + " document", e);
        }
    }

    /**
     * Records the parse error that ended a pass: ill-formed UTF-8 with its byte offset, or else the text at
     * fault (not the token before it) with the parser's message; both at the pointer of the value being read.
     */
    static void malformed(JsonParser p, CheckedInput in, JacksonException e, Problems problems, String prefix) {
        String at = prefix + (p.streamReadContext() == null ? "" : p.streamReadContext().pathAsPointer().toString());
        if (in.badAt() >= 0) {
            problems.fatal(at, in.badValue(), CheckedInput.ALLOWED);
            return;
        }
        String text = null;
        if (e.getLocation() != null) {
            text = in.textAt(e.getLocation().getByteOffset());
        }
        problems.fatal(at, text == null ? tokenText(p) : text, "well-formed JSON within the limits; " + e.getOriginalMessage());
    }

    /** Reads one value within a budget; a breach is recorded at the pointer and ends the pass. */
    static JsonNode tree(JsonParser p, ItemReader trees, ItemReader.Budget budget, Problems problems, String ptr) {
        try {
            return trees.read(p, budget);
        } catch (ItemReader.TooLarge e) {
            problems.fatal(ptr, e.value, e.allowed);
            throw new Fatal();
        }
    }

    /** Skips one value within a budget; a breach is recorded at the pointer and ends the pass. */
    static void skip(JsonParser p, ItemReader trees, ItemReader.Budget budget, Problems problems, String ptr) {
        try {
            trees.skip(p, budget);
        } catch (ItemReader.TooLarge e) {
            problems.fatal(ptr, e.value, e.allowed);
            throw new Fatal();
        }
    }

    static String tokenText(JsonParser p) {
        try {
            JsonToken t = p.currentToken();
            if (t == null) {
                return "(end of input)";
            }
            String s = t.isScalarValue() ? p.getText() : t.asString();
            return s == null ? t.name() : s;
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }

    private void body(JsonParser p, Pass pass, @Nullable Delivery<H, T> delivery) {
        Problems problems = pass.problems;
        ItemReader.Budget header = new ItemReader.Budget(pass.options.limits(), "the header (everything but the "
                + itemsField() + " array)");
        if (p.nextToken() != JsonToken.START_OBJECT) {
            problems.add("", tokenText(p), "a JSON object {\"format\": \"" + format() + "\", \"version\": "
                    + currentVersion() + ", …}");
            throw new Fatal();
        }
        String format = null;
        Integer version = null;
        List<Migration> chain = List.of();
        Map<String, JsonNode> headerFields = new LinkedHashMap<>();
        Map<String, JsonNode> trailer = new LinkedHashMap<>();
        boolean headerDone = false;
        boolean itemsSeen = false;
        String name;
        while ((name = p.nextName()) != null) {
            String ptr = Problems.child("", name);
            try {
                header.value();
            } catch (ItemReader.TooLarge e) {
                problems.fatal(ptr, e.value, e.allowed);
                throw new Fatal();
            }
            p.nextToken();
            if ("format".equals(name)) {
                JsonNode n = tree(p, pass.trees, header, problems, ptr);
                if (!n.isString() || !format().equals(n.stringValue())) {
                    problems.add(ptr, n, "\"" + format() + "\"");
                    throw new Fatal();
                }
                format = n.stringValue();
                continue;
            }
            if ("version".equals(name)) {
                JsonNode n = tree(p, pass.trees, header, problems, ptr);
                version = version(n, ptr, problems);
                pass.sourceVersion = version;
                chain = chain(version);
                continue;
            }
            if (format == null || version == null) {
                problems.add(ptr, "(field " + name + ")", "\"format\" and \"version\" as the first fields of the document");
                throw new Fatal();
            }
            String field = name;
            for (Migration m : chain) {
                field = m.field(field);
            }
            if (field.equals(itemsField())) {
                if (itemsSeen) {
                    problems.add(ptr, "(second " + name + ")", "one " + itemsField() + " array");
                    throw new Fatal();
                }
                itemsSeen = true;
                if (!headerDone) {
                    pass.header = headerOf(pass, headerFields);
                    headerDone = true;
                }
                items(p, ptr, chain, pass, delivery);
            } else if (trailerFields().contains(field)) {
                JsonNode n = tree(p, pass.trees, header, problems, ptr);
                if (!itemsSeen) {
                    problems.add(ptr, n, "the field after \"" + itemsField() + "\" (it covers the items)");
                    continue;
                }
                trailer.put(field, n);
            } else if (headerFields().contains(field)) {
                JsonNode n = tree(p, pass.trees, header, problems, ptr);
                if (headerDone) {
                    problems.add(ptr, n, "the field before \"" + itemsField() + "\" (documents are read streaming)");
                    continue;
                }
                for (Migration m : chain) {
                    n = m.header(field, n);
                }
                headerFields.put(field, n);
            } else if (pass.options.isLenient()) {
                skip(p, pass.trees, header, problems, ptr);
            } else {
                JsonNode n = p.currentToken().isScalarValue() ? tree(p, pass.trees, header, problems, ptr) : null;
                if (n == null) {
                    skip(p, pass.trees, header, problems, ptr);
                }
                List<String> allowed = new ArrayList<>(List.of("format", "version"));
                allowed.addAll(headerFields());
                allowed.add(itemsField());
                allowed.addAll(trailerFields());
                problems.add(ptr, n == null ? "(" + p.currentToken().asString() + "…)" : n, "only the fields " + allowed
                        + " (unknown fields are refused; ImportOptions.lenient() ignores them)");
            }
        }
        if (format == null) {
            problems.add("/format", null, "\"" + format() + "\"");
        }
        if (version == null) {
            problems.add("/version", null, "an integer version from 0 to " + currentVersion());
        }
        if (!headerDone) {
            pass.header = headerOf(pass, headerFields);
        }
        if (!itemsSeen) {
            problems.add(Problems.child("", itemsField()), null, "an array (possibly empty)");
        } else {
            end(pass, trailer);
        }
        if (p.nextToken() != null) {
            problems.add("", tokenText(p), "nothing after the end of the document");
        }
    }

    final @Nullable H headerOf(Pass pass, Map<String, JsonNode> fields) {
        for (String f : headerFields()) {
            if (!fields.containsKey(f) && !optionalHeader(f)) {
                pass.problems.add(Problems.child("", f), null, "a value, before \"" + itemsField() + "\"");
            }
        }
        long before = pass.problems.count();
        H h = ModelReader.guarded(pass.problems, "", () -> header(pass, fields));
        return pass.problems.count() > before ? null : h;
    }

    private void items(JsonParser p, String ptr, List<Migration> chain, Pass pass, @Nullable Delivery<H, T> delivery) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            ItemReader.Budget budget = new ItemReader.Budget(pass.options.limits(), "the " + itemsField() + " value");
            JsonNode n = tree(p, pass.trees, budget, pass.problems, ptr);
            pass.problems.add(ptr, n, "an array");
            return;
        }
        long i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String ip = Problems.child(ptr, i);
            ItemReader.Budget budget = new ItemReader.Budget(pass.options.limits(), "one item of " + itemsField());
            JsonNode n = tree(p, pass.trees, budget, pass.problems, ip);
            for (Migration m : chain) {
                n = m.item(n);
            }
            JsonNode tree = n;
            if (pass.skip != null && i < Integer.MAX_VALUE && pass.skip.get((int) i)) {
                i++;
                pass.items++;
                continue;
            }
            Quarantine q = pass.collect;
            if (q != null) {
                if (i >= Integer.MAX_VALUE) {
                    pass.problems.fatal(ip, "(item " + i + ")", "at most " + Integer.MAX_VALUE + " items in a quarantine import");
                    throw new Fatal();
                }
                q.startItem(i, tree);
                pass.problems.redirect(q);
            }
            T item;
            try {
                item = ModelReader.guarded(pass.problems, ip, () -> item(pass, tree, ip));
            } finally {
                pass.problems.redirect(null);
            }
            if (q != null) {
                q.endItem();
                if (q.itemRefused) {
                    item = null;
                }
            }
            if (item != null && delivery != null && pass.header != null) {
                delivery.add(pass.header, item, budget.values(), budget.bytes());
            }
            i++;
            pass.items++;
        }
    }

    private Integer version(JsonNode n, String ptr, Problems problems) {
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 0) {
            problems.add(ptr, n, "an integer version from 0 to " + currentVersion());
            throw new Fatal();
        }
        int v = n.intValue();
        if (v > currentVersion()) {
            problems.add(ptr, n, "a version up to " + currentVersion() + "; this document was written by a newer "
                    + "release of dualprevention (" + format() + " version " + v + "); upgrade dualprevention-json to import it");
            throw new Fatal();
        }
        return v;
    }

    private List<Migration> chain(int from) {
        List<Migration> out = new ArrayList<>();
        for (int v = from; v < currentVersion(); v++) {
            Migration found = null;
            for (Migration m : migrations()) {
                if (m.from() == v) {
                    found = m;
                }
            }
            if (found == null) {
                throw new IllegalStateException("no migration of " + format() + " from version " + v);
            }
            out.add(found);
        }
        return List.copyOf(out);
    }
}
