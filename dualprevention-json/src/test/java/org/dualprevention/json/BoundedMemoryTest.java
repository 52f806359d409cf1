package org.dualprevention.json;

import org.dualprevention.engine.closedloop.AuditEntries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.dualprevention.Violation;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded for any input, not only for well-formed large ledgers: worst-case shapes of 12 to 20
 * MB (one item holding millions of tiny array elements or object keys, the header or an unknown field doing
 * the same, millions of unknown top-level fields, items full of maximum-length strings, one hidden danger's
 * audit-log lines growing without end, millions of tiny invalid items) are each refused with a
 * {@link JsonImportException} naming the limit, and a valid document of large items is delivered in batches
 * bounded by the item limits. The build runs this class in its own JVM with {@code -Xmx256m} (see the json
 * pom), where reading any of these shapes whole would exhaust the heap.
 */
class BoundedMemoryTest {
    /** About 16 MB per hostile document. */
    static final int SIZE = 16 << 20;

    static final String VALUES = "JsonLimits.withMaxItemValues";
    static final String LENGTH = "JsonLimits.withMaxItemLength";

    /** prefix, then {@code element} repeated to fill about {@link #SIZE} bytes, separated, then suffix. */
    static byte[] fill(String prefix, String element, String separator, String suffix) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] e = element.getBytes(StandardCharsets.UTF_8);
        byte[] s = separator.getBytes(StandardCharsets.UTF_8);
        byte[] x = suffix.getBytes(StandardCharsets.UTF_8);
        int n = Math.max(1, (SIZE - p.length - x.length) / (e.length + s.length));
        byte[] out = new byte[p.length + n * e.length + (n - 1) * s.length + x.length];
        int at = 0;
        System.arraycopy(p, 0, out, at, p.length);
        at += p.length;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                System.arraycopy(s, 0, out, at, s.length);
                at += s.length;
            }
            System.arraycopy(e, 0, out, at, e.length);
            at += e.length;
        }
        System.arraycopy(x, 0, out, at, x.length);
        return out;
    }

    /** The register up to the opening of its risk point array, with a valid header. */
    static String registerStart() {
        Gen.Register r = RegisterDocumentTest.rich(3);
        String text = new String(RegisterDocumentTest.write(new Gen.Register(r.header(), List.of())), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\"riskPoints\":[]}"), text);
        return text.substring(0, text.length() - 2);
    }

    /** A valid risk point up to the opening of its hazards array. */
    static String riskPointStart() {
        Gen.Register r = RegisterDocumentTest.rich(3);
        RiskPoint rp = r.riskPoints().get(0).withHazards(List.of());
        String text = Hostile.MAPPER.writeValueAsString(rp);
        int at = text.indexOf("\"hazards\":[]");
        return text.substring(0, at + "\"hazards\":[".length());
    }

    static final String LEDGER_START = "{\"format\":\"dualprevention.hidden-dangers\",\"version\":1,\"hiddenDangers\":[";
    static final String LOG_HEADER = "{\"format\":\"dualprevention.audit-log\",\"version\":1}\n";

    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /** Imports one shape and requires a refusal with a violation that passes the test. */
    static void refusedWith(String shape, Hostile.Doc doc, byte[] bytes, ImportOptions options, Predicate<Violation> expected) {
        long t0 = System.nanoTime();
        JsonImportException e = Hostile.refused(doc, bytes, options, shape);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("BoundedMemoryTest: " + shape + " (" + (bytes.length >> 20) + " MiB) refused in " + ms
                + " ms with a max heap of " + maxHeapMb() + " MiB: " + e.violations().get(0));
        assertTrue(e.violations().stream().anyMatch(expected), shape + ": " + e.getMessage());
    }

    static Predicate<Violation> limit(String which, String pointer) {
        return v -> v.allowed().contains(which) && v.path().equals(pointer);
    }

    @Test
    void oneRiskPointWithMillionsOfTinyElementsIsRefused() {
        String start = registerStart() + riskPointStart();
        for (String element : List.of("[]", "{}", "0", "\"\"", "null", "[[[[]]]]")) {
            byte[] doc = fill(start, element, ",", "]}]}");
            refusedWith("a risk point whose hazards array holds millions of " + element, Hostile.Doc.REGISTER, doc,
                    ImportOptions.defaults(), limit(VALUES, "/riskPoints/0"));
        }
    }

    @Test
    void objectsWithMillionsOfKeysAreRefused() {
        String start = registerStart() + riskPointStart();
        // an assessment input with millions of factors, reached through one hazard; the keys differ, or the
        // parser would refuse the first duplicate
        StringBuilder keys = new StringBuilder(start + "{\"id\":\"H\",\"assessments\":[{\"input\":{");
        for (int i = 0; keys.length() < SIZE; i++) {
            if (i > 0) {
                keys.append(',');
            }
            keys.append("\"f").append(i).append("\":1");
        }
        keys.append("}}]}]}]}");
        byte[] doc = keys.toString().getBytes(StandardCharsets.UTF_8);
        keys = null;
        refusedWith("an assessment input with millions of factors", Hostile.Doc.REGISTER, doc, ImportOptions.defaults(),
                limit(VALUES, "/riskPoints/0"));
    }

    @Test
    void theHeaderAndUnknownFieldsAreBoundedToo() {
        String start = registerStart();
        String head = start.substring(0, start.indexOf("\"organization\""));
        byte[] units = fill(head + "\"organization\":{\"units\":[", "[]", ",", "]}}");
        refusedWith("an organisation with millions of units", Hostile.Doc.REGISTER, units, ImportOptions.defaults(),
                limit(VALUES, "/organization"));
        for (ImportOptions options : List.of(ImportOptions.defaults(), ImportOptions.defaults().lenient())) {
            byte[] unknown = fill(head + "\"unknown\":[", "{}", ",", "]}");
            refusedWith("an unknown field holding millions of objects" + (options.isLenient() ? " (lenient)" : ""),
                    Hostile.Doc.REGISTER, unknown, options, limit(VALUES, "/unknown"));
            StringBuilder many = new StringBuilder(head);
            for (int i = 0; many.length() < SIZE; i++) {
                many.append("\"u").append(i).append("\":0,");
            }
            many.append("\"riskPoints\":[]}");
            byte[] fields = many.toString().getBytes(StandardCharsets.UTF_8);
            many = null;
            refusedWith("millions of unknown top-level fields" + (options.isLenient() ? " (lenient)" : ""),
                    Hostile.Doc.REGISTER, fields, options, v -> v.allowed().contains(VALUES));
        }
    }

    @Test
    void itemsFullOfLongStringsAreRefusedByLength() {
        String longest = "x".repeat(JsonLimits.DEFAULT_MAX_STRING_LENGTH);
        String start = registerStart() + riskPointStart();
        byte[] doc = fill(start, "\"" + longest + "\"", ",", "]}]}");
        refusedWith("a risk point holding 160 strings of 100,000 characters", Hostile.Doc.REGISTER, doc,
                ImportOptions.defaults(), limit(LENGTH, "/riskPoints/0"));
        String cjk = "隐".repeat(JsonLimits.DEFAULT_MAX_STRING_LENGTH);
        byte[] ledger = fill(LEDGER_START + "{\"id\":\"HD-1\",\"entries\":[", "\"" + cjk + "\"", ",", "]}]}");
        refusedWith("a hidden danger holding strings of 100,000 CJK characters", Hostile.Doc.LEDGER, ledger,
                ImportOptions.defaults(), limit(LENGTH, "/hiddenDangers/0"));
    }

    @Test
    void ledgerAndAuditLogShapesAreRefused() {
        byte[] entries = fill(LEDGER_START + "{\"id\":\"HD-1\",\"entries\":[", "[]", ",", "]}]}");
        refusedWith("a hidden danger with millions of entries", Hostile.Doc.LEDGER, entries, ImportOptions.defaults(),
                limit(VALUES, "/hiddenDangers/0"));
        byte[] line = fill(LOG_HEADER + "[", "{}", ",", "]\n");
        refusedWith("an audit-log line holding millions of objects", Hostile.Doc.AUDIT_LOG, line, ImportOptions.defaults(),
                limit(VALUES, "/1"));
        byte[] lines = fill(LOG_HEADER, "{}", "\n", "\n");
        refusedWith("millions of empty audit-log lines", Hostile.Doc.AUDIT_LOG, lines, ImportOptions.defaults(),
                v -> v.path().startsWith("/1/"));
        byte[] tiny = fill(LEDGER_START, "[]", ",", "]}");
        refusedWith("millions of tiny invalid hidden dangers", Hostile.Doc.LEDGER, tiny, ImportOptions.defaults(),
                v -> v.path().equals("/hiddenDangers/0"));
        byte[] points = fill(registerStart(), "{}", ",", "]}");
        refusedWith("millions of empty risk points", Hostile.Doc.REGISTER, points, ImportOptions.defaults(),
                v -> v.path().startsWith("/riskPoints/0/"));
    }

    /** One hidden danger's lines are held together to verify its chain, so they are bounded as one item. */
    @Test
    void oneHiddenDangerWithEndlessAuditLogLinesIsRefused() {
        HiddenDangerRecord base = new DangerGen(1).record("HD-TEMPLATE");
        AuditEntry template = base.entries().get(0);
        StringBuilder sb = new StringBuilder(LOG_HEADER);
        String previous = AuditEntry.GENESIS;
        for (long seq = 1; sb.length() < SIZE; seq++) {
            AuditEntry e = AuditEntries.createFormat1(HiddenDangerId.of("HD-1"), seq, template.actor(), template.at().plusSeconds(seq),
                    HiddenDangerAction.REPORT, Optional.empty(), HiddenDangerState.REPORTED,
                    template.data().replace("id=" + template.dangerId().value() + "\n", "id=HD-1\n"), previous);
            previous = e.hash();
            sb.append(Hostile.MAPPER.writeValueAsString(e)).append('\n');
        }
        byte[] log = sb.toString().getBytes(StandardCharsets.UTF_8);
        sb = null;
        refusedWith("one hidden danger with 16 MiB of audit-log lines", Hostile.Doc.AUDIT_LOG, log, ImportOptions.defaults(),
                limit(LENGTH, "/1"));
    }

    @Test
    void theMapperReadsAValueWithinTheLimits() {
        byte[] value = fill(riskPointStart(), "[]", ",", "]}");
        JsonImportException e = Hostile.mapperRefuses(new String(value, StandardCharsets.UTF_8), RiskPoint.class,
                "a risk point with millions of hazards");
        System.out.println("BoundedMemoryTest: the mapper refused with a max heap of " + maxHeapMb() + " MiB: "
                + e.violations().get(0));
        assertTrue(e.violations().get(0).allowed().contains(VALUES), e.getMessage());
    }

    /**
     * A valid register of 1,000 risk points whose names are 100,000 CJK characters (about 300 MB of JSON,
     * generated while read): the default batch of 1,000 items would hold 200 MB of names; batches end at one
     * item's worth of the item limits instead, and everything is delivered.
     */
    @Test
    void batchesOfLargeValidItemsStayBounded() {
        String start = registerStart();
        String rp = riskPointStart() + "]}";
        Gen.Register r = RegisterDocumentTest.rich(3);
        String name = r.riskPoints().get(0).name();
        String big = Hostile.MAPPER.writeValueAsString(name).replace("\"", "");
        String bigName = "隐".repeat(JsonLimits.DEFAULT_MAX_STRING_LENGTH - 10);
        String id = r.riskPoints().get(0).id().value();
        int count = 1000;
        assertTrue(rp.contains("\"" + id + "\"") && rp.contains("\"" + big + "\""), rp);
        long[] delivered = new long[1];
        int[] maxBatch = new int[1];
        DocumentSink<RegisterHeader, RiskPoint> sink = new DocumentSink<>() {
            @Override
            public void begin(RegisterHeader header) {
            }

            @Override
            public void accept(List<RiskPoint> batch) {
                delivered[0] += batch.size();
                maxBatch[0] = Math.max(maxBatch[0], batch.size());
            }
        };
        long t0 = System.nanoTime();
        ImportReport report = RegisterDocument.read(() -> new Generated(start, count, i -> (i == 0 ? "" : ",")
                + rp.replace("\"" + id + "\"", "\"RP-" + i + "\"").replace("\"" + big + "\"", "\"" + bigName + "\""), "]}"),
                TestScoring.providers(), ImportOptions.defaults(), sink);
        System.out.println("BoundedMemoryTest: " + count + " risk points with 100,000-character names imported in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms, largest batch " + maxBatch[0] + ", max heap " + maxHeapMb() + " MiB");
        assertEquals(count, report.items());
        assertEquals(count, delivered[0]);
        assertTrue(maxBatch[0] < 40, "batches of " + maxBatch[0] + " items of 300 KB each");
    }

    /** A document generated while it is read: a start, {@code count} parts, an end. */
    static final class Generated extends InputStream {
        private final java.util.function.IntFunction<String> part;
        private final int count;
        private final String end;
        private byte[] chunk;
        private int pos;
        private int next;
        private boolean done;

        Generated(String start, int count, java.util.function.IntFunction<String> part, String end) {
            this.part = part;
            this.count = count;
            this.end = end;
            this.chunk = start.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (pos >= chunk.length) {
                if (done) {
                    return -1;
                }
                if (next == count) {
                    chunk = end.getBytes(StandardCharsets.UTF_8);
                    done = true;
                } else {
                    chunk = part.apply(next++).getBytes(StandardCharsets.UTF_8);
                }
                pos = 0;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
