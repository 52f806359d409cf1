package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 register rows written and read back in a JVM with a 256 MB heap (the surefire execution
 * {@code large-workbook} runs this class alone with {@code -Xmx256m}): the register is generated while it is
 * written and generated again while it is read, so the test holds no register of its own, and every imported
 * risk point is compared with the one generated in the same place.
 */
class LargeWorkbookTest {
    static final int ROWS = Integer.getInteger("dualprevention.excel.rows", 100_000);

    @TempDir
    Path dir;

    /** The register of {@code rows} rows for a seed, generated afresh by each iterator. */
    private static Iterable<RiskPoint> register(Fixtures fx, long seed, int rows) {
        return () -> new Iterator<>() {
            private final Gen gen = Gen.of(seed);
            private int written;
            private int index;

            @Override
            public boolean hasNext() {
                return written < rows;
            }

            @Override
            public RiskPoint next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AssessmentMethod m = Fixtures.METHODS.get(index++ % Fixtures.METHODS.size());
                List<GradingScheme> schemes = BuiltInSchemes.all().stream().filter(s -> s.method().equals(m.id())).toList();
                RiskPoint rp = gen.riskPoint(fx.org, m, gen.pick(schemes), Gen.EPOCH);
                int left = rows - written;
                if (rp.hazards().size() > left) {
                    rp = rp.withHazards(rp.hazards().subList(0, left));
                }
                written += Math.max(1, rp.hazards().size());
                return rp;
            }
        };
    }

    @Test
    void aHundredThousandRowsAreWrittenAndReadBackInASmallHeap() throws Exception {
        long seed = Seeds.base();
        Seeds.run(seed, g -> {
            Fixtures fx = new Fixtures(seed);
            Path file = dir.resolve("large.xlsx");
            resetPeaks();
            long t0 = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(file)) {
                RegisterWorkbook.write(out, fx.context, register(fx, seed + 1, ROWS));
            }
            long t1 = System.nanoTime();
            long writePeak = heapPeak();
            resetPeaks();
            Iterator<RiskPoint> expected = register(fx, seed + 1, ROWS).iterator();
            long[] count = new long[1];
            ExcelImportReport report = RegisterWorkbook.read(file, fx.context, RegisterBaseline.none(), rp -> {
                RiskPoint want = RegisterWorkbook.canonical(expected.next());
                if (!want.equals(rp)) {
                    throw new AssertionError("risk point " + count[0] + " read back differs: " + rp + " expected " + want);
                }
                count[0]++;
            });
            long t2 = System.nanoTime();
            long readPeak = heapPeak();
            assertTrue(report.clean(), () -> "problems: " + report.problems());
            assertEquals(ROWS, report.rows());
            assertEquals(count[0], report.imported());
            assertTrue(!expected.hasNext(), "every risk point came back");
            System.out.printf("LargeWorkbookTest: %,d rows, %,d risk points, file %,d bytes; write %.1f s, peak heap %,d MB;"
                    + " read %.1f s, peak heap %,d MB; max heap %,d MB%n", ROWS, count[0], Files.size(file),
                    (t1 - t0) / 1e9, writePeak >> 20, (t2 - t1) / 1e9, readPeak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        });
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak of the heap). */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
