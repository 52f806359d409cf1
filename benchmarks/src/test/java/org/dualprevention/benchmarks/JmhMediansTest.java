package org.dualprevention.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JmhMediansTest {
    @Test
    void medianOfEveryIterationOfEveryForkNotMovedByOneSlowIteration() {
        // two forks of four iterations, one of them three times slower than the rest (as a busy host makes it)
        String json = "[{\"benchmark\":\"org.dualprevention.benchmarks.DangerQueryBenchmark.openStore\","
                + "\"mode\":\"avgt\",\"params\":{\"dangers\":\"100000\"},\"primaryMetric\":{\"score\":85.0,\"scoreUnit\":\"us/op\","
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
        assertEquals("DangerQueryBenchmark.openStore,avgt,us/op,72.500000,85.000000,69.000000,210.000000,8,41900.0,dangers=100000",
                lines[0]);
        assertEquals("LecBenchmark.spi,avgt,ns/op,93.000000,93.000000,91.000000,95.000000,3,NaN,", lines[1]);
    }

    @Test
    void medianAgreesWithTrimmingBothEndsOnRandomSamples() {
        long seed = 20261206L;
        Random random = new Random(seed);
        for (int run = 0; run < 500; run++) {
            int n = 1 + random.nextInt(40);
            double[] v = new double[n];
            List<Double> left = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                v[i] = random.nextInt(1000) / 4.0;
                left.add(v[i]);
            }
            // an independent definition: drop the smallest and the largest value until one or two are left
            while (left.size() > 2) {
                left.remove(Collections.min(left));
                left.remove(Collections.max(left));
            }
            double expected = left.size() == 1 ? left.get(0) : (left.get(0) + left.get(1)) / 2;
            assertEquals(expected, JmhMedians.median(v), "seed " + seed + ", run " + run + ", n " + n);
        }
        assertTrue(Double.isNaN(JmhMedians.median(new double[0])));
    }

    @Test
    void aResultWithoutIterationsHasNoMedian() {
        // the sample-time mode writes a histogram, no rawData
        String json = "[{\"benchmark\":\"org.dualprevention.benchmarks.LecBenchmark.spi\",\"mode\":\"sample\","
                + "\"primaryMetric\":{\"score\":93.0,\"scoreUnit\":\"ns/op\",\"rawDataHistogram\":[]}}]";
        assertEquals("LecBenchmark.spi,sample,ns/op,NaN,93.000000,NaN,NaN,0,NaN,", print(json).strip());
    }

    private static String print(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JmhMedians.print(JsonMapper.builder().build().readTree(json), new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).replace("\r", "");
    }
}
