package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.closedloop.AuditEntries;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streaming import in constant memory: a ledger generated on the fly (never held in memory) with
 * {@code dualprevention.json.large} hidden dangers (default 200,000) imports in the heap this test runs
 * with. The build runs it in its own JVM with {@code -Xmx256m} (see the json pom); for the million:
 * {@code mvn -pl dualprevention-json verify -Ddualprevention.json.large=1000000}.
 */
class LargeImportTest {
    static final int N = Integer.getInteger("dualprevention.json.large", 200_000);

    /** Generates the ledger bytes lazily: a header, then one single-entry hidden danger at a time. */
    static final class LedgerStream extends InputStream {
        private static final JsonMapper MAPPER = DualPreventionJson.mapper();
        private final AuditEntry template;
        private final int count;
        private byte[] chunk;
        private int pos;
        private int next;
        private boolean done;

        LedgerStream(AuditEntry template, int count) {
            this.template = template;
            this.count = count;
            this.chunk = "{\"format\":\"dualprevention.hidden-dangers\",\"version\":1,\"hiddenDangers\":[".getBytes(StandardCharsets.UTF_8);
        }

        private boolean refill() {
            if (done) {
                return false;
            }
            if (next == count) {
                chunk = "]}".getBytes(StandardCharsets.UTF_8);
                done = true;
            } else {
                HiddenDangerId id = HiddenDangerId.of("HD-" + next);
                AuditEntry e = AuditEntries.createFormat1(id, 1, template.actor(), template.at().plusSeconds(next),
                        HiddenDangerAction.REPORT, Optional.empty(), HiddenDangerState.REPORTED,
                        template.data().replace("id=" + template.dangerId().value() + "\n", "id=" + id.value() + "\n"),
                        AuditEntry.GENESIS);
                String json = (next == 0 ? "" : ",") + "{\"id\":\"" + id.value() + "\",\"version\":1,\"state\":\"reported\","
                        + "\"auditHead\":\"" + e.hash() + "\",\"entries\":[" + MAPPER.writeValueAsString(e) + "]}";
                chunk = json.getBytes(StandardCharsets.UTF_8);
                next++;
            }
            pos = 0;
            return true;
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
                if (!refill()) {
                    return -1;
                }
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void ledgerOfManyHiddenDangersImportsStreaming() {
        HiddenDangerRecord base = new DangerGen(1).record("HD-TEMPLATE");
        AuditEntry template = base.entries().get(0);
        long[] delivered = new long[1];
        int[] maxBatch = new int[1];
        DocumentSink<DocumentHeader, HiddenDangerRecord> sink = new DocumentSink<>() {
            @Override
            public void begin(DocumentHeader header) {
            }

            @Override
            public void accept(List<HiddenDangerRecord> batch) {
                delivered[0] += batch.size();
                maxBatch[0] = Math.max(maxBatch[0], batch.size());
            }
        };
        long t0 = System.nanoTime();
        ImportReport report = HiddenDangerLedger.read(() -> new LedgerStream(template, N), ImportOptions.defaults(), sink);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(N, report.items());
        assertEquals(N, delivered[0]);
        assertEquals(ImportOptions.DEFAULT_BATCH_SIZE, maxBatch[0]);
        long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
        System.out.println("LargeImportTest: " + N + " hidden dangers imported in " + ms + " ms with a max heap of "
                + maxHeapMb + " MiB");
        assertTrue(maxHeapMb < 1024 || N < 1_000_000, "run the million with -Xmx256m to make the claim");
    }
}
