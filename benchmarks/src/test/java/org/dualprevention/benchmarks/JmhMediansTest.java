package org.dualprevention.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JmhMediansTest {
    @Test
    void medianOfEveryIterationOfEveryForkNotMovedByOneSlowIteration() {
        // two forks of four iterations, one of them three times slower than the rest (as a busy host makes it)
        String json = "[{\"benchmark\":\"org.dualprevention.benchmarks.DangerQueryBenchmark.openStore\","
                + "\"mode\":\"avgt\",\"primaryMetric\":{\"score\":85.0,\"scoreUnit\":\"us/op\","
                + "\"rawData\":[[70.0,72.0,210.0,74.0],[71.0,73.0,75.0,69.0]]},"
                + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":41900.0,\"scoreUnit\":\"B/op\","
                + "\"rawData\":[[41800.0,41900.0,41950.0,42000.0],[41850.0,41900.0,41920.0,41880.0]]}}},"
                + "{\"benchmark\":\"org.dualprevention.benchmarks.LecBenchmark.spi\",\"mode\":\"avgt\","
                + "\"primaryMetric\":{\"score\":93.0,\"scoreUnit\":\"ns/op\",\"rawData\":[[95.0,91.0,93.0]]},"
                + "\"secondaryMetrics\":{}}]";
        String out = print(json);
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, out);
        // sorted: 69 70 71 72 73 74 75 210 -> median (72 + 73) / 2
        assertEquals("DangerQueryBenchmark.openStore,avgt,us/op,72.500000,85.000000,69.000000,210.000000,8,41900.0",
                lines[0]);
        assertEquals("LecBenchmark.spi,avgt,ns/op,93.000000,93.000000,91.000000,95.000000,3,NaN", lines[1]);
    }

    @Test
    void medianAgreesWithASortedCopyOnRandomSamples() {
        long seed = 20261206L;
        Random random = new Random(seed);
        for (int run = 0; run < 500; run++) {
            int n = 1 + random.nextInt(40);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = random.nextInt(1000) / 4.0;
            }
            double m = JmhMedians.median(v);
            int below = 0;
            int above = 0;
            for (double x : v) {
                below += x < m ? 1 : 0;
                above += x > m ? 1 : 0;
            }
            String where = "seed " + seed + ", run " + run + ", n " + n;
            assertTrue(below <= n / 2 && above <= n / 2, where + ": " + below + " below, " + above + " above " + m);
        }
        assertTrue(Double.isNaN(JmhMedians.median(new double[0])));
    }

    private static String print(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JmhMedians.print(JsonMapper.builder().build().readTree(json), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace("\r", "");
    }
}
