package org.dualprevention.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Thread CPU time per operation of one {@link AssessBenchmark} method, for a machine that other jobs load: the wall
 * time of a JMH run then counts the time the thread waited for a core, its CPU time does not (cache and memory
 * contention still count). Each round makes a fresh set-up, as JMH's {@code Level.Iteration} does, and runs the
 * method {@code ops} times; the report gives every round's CPU/wall nanoseconds per operation and the best and the
 * median CPU time of the second half of the rounds.
 *
 * <pre>{@code
 * java -Xmx2g -Xms2g -cp benchmarks.jar org.dualprevention.benchmarks.AssessCpu library 10 400000
 * }</pre>
 */
public final class AssessCpu {
    /** Keeps the results alive. */
    public static volatile Object sink;

    private AssessCpu() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the method ({@code library}, {@code plainMaps} or {@code plainMapsWithLevels}), the rounds and
     *     the operations per round
     */
    public static void main(String[] args) {
        String which = args[0];
        int rounds = Integer.parseInt(args[1]);
        int ops = Integer.parseInt(args[2]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AssessBenchmark b = new AssessBenchmark();
        b.points = 100_000;
        StringBuilder out = new StringBuilder(which);
        List<Double> late = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            b.setUp();
            System.gc();
            long c0 = mx.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            Object last = null;
            for (int i = 0; i < ops; i++) {
                last = switch (which) {
                    case "library" -> b.library();
                    case "plainMapsWithLevels" -> b.plainMapsWithLevels();
                    default -> b.plainMaps();
                };
            }
            sink = last;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / (double) ops;
            double wall = (System.nanoTime() - w0) / (double) ops;
            if (r >= rounds / 2) {
                late.add(cpu);
            }
            out.append(String.format(" %.0f/%.0f", cpu, wall));
        }
        Collections.sort(late);
        out.append(String.format("  | cpu ns/op, second half: best %.0f median %.0f", late.get(0),
                late.get(late.size() / 2)));
        System.out.println(out);
    }
}
