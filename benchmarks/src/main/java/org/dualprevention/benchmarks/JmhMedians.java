package org.dualprevention.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JMH result file written with {@code -rf json} and prints, per benchmark, the median of every measured
 * iteration of every fork beside the mean JMH reports, and the median of the bytes allocated per operation
 * ({@code gc.alloc.rate.norm}, when the run used {@code -prof gc}).
 *
 * <p>Why the median: on the shared 2-core VMs these figures come from, a single iteration now and then runs two or
 * three times slower than its neighbours, in the library and in the baselines alike, and the first measured
 * iteration of a fork can still be slower than the rest when the warm-up was short for that code. JMH's mean
 * carries such an iteration into the score of the one benchmark it happened in, and the ratio of two means swings
 * with it. The median of the iterations is not moved by one or two such iterations, and is computed the same way
 * for the library and its baseline; it does not replace a long enough warm-up (the mean, the smallest and the
 * largest iteration are printed beside it, so a difference shows).
 *
 * <p>Output, one line per benchmark and parameter set, comma-separated: the benchmark's simple name
 * ({@code Class.method}), the mode, the unit, the median, the mean, the smallest and the largest iteration, the
 * number of iterations, the median bytes per operation (NaN without {@code -prof gc}), and the parameters
 * ({@code name=value} joined by {@code ;}, empty for none). A result without per-iteration data (the sample-time
 * mode keeps only a histogram) prints NaN for its median. Usage: {@code java -cp benchmarks.jar
 * org.dualprevention.benchmarks.JmhMedians result.json}.
 */
public final class JmhMedians {
    private JmhMedians() {
    }

    /**
     * Prints the medians of a JMH JSON result file.
     *
     * @param args the file
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: JmhMedians <jmh result.json>");
            System.exit(2);
        }
        print(JsonMapper.builder().build().readTree(Path.of(args[0]).toFile()), System.out);
    }

    /** One line per benchmark of a parsed result file (see the class comment). */
    static void print(JsonNode results, PrintStream out) {
        for (JsonNode r : results) {
            String name = r.get("benchmark").asString().replaceFirst("^org\\.dualprevention\\.benchmarks\\.", "");
            JsonNode primary = r.get("primaryMetric");
            double[] raw = flatten(primary.get("rawData"));
            JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
            double allocMedian = alloc.isMissingNode() ? Double.NaN : median(flatten(alloc.get("rawData")));
            StringBuilder params = new StringBuilder();
            r.path("params").properties().forEach(e -> params.append(params.length() == 0 ? "" : ";")
                    .append(e.getKey()).append('=').append(e.getValue().asString()));
            out.println(String.format(Locale.ROOT, "%s,%s,%s,%.6f,%.6f,%.6f,%.6f,%d,%.1f,%s", name,
                    r.get("mode").asString(), primary.get("scoreUnit").asString(), median(raw),
                    primary.get("score").asDouble(), min(raw), max(raw), raw.length, allocMedian, params));
        }
    }

    /** Every iteration of every fork: JMH writes {@code rawData} as one array per fork. */
    static double[] flatten(JsonNode rawData) {
        List<Double> all = new ArrayList<>();
        if (rawData == null) {
            return new double[0];
        }
        for (JsonNode fork : rawData) {
            for (JsonNode v : fork) {
                all.add(v.asDouble());
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The median (the mean of the two middle values for an even count); NaN for none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
