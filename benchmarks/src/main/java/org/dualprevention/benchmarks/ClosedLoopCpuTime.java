package org.dualprevention.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The closed-loop row of issue 17 measured in thread CPU time rather than wall-clock time, for a machine that is not
 * quiet: {@link ClosedLoopStoreBenchmark#facade} and {@link ClosedLoopStoreBenchmark#handWritten} alternate in one JVM,
 * each round on a fresh store (as the JMH benchmark's iterations), and each reports the CPU time its thread used per
 * lifecycle. Time the thread waits for a core (other processes) is not counted, so the ratio moves much less with the
 * load than JMH's throughput does; caches and memory bandwidth shared with other processes still count. A check, not a
 * replacement: the JMH benchmark stays the figure of record on a quiet machine.
 *
 * <p>Usage: {@code java -Xmx2g -Xms2g -cp benchmarks.jar org.dualprevention.benchmarks.ClosedLoopCpuTime [rounds]
 * [seconds per round]} (default 10 rounds of 2 s each, after 5 warm-up rounds).
 */
public final class ClosedLoopCpuTime {
    private ClosedLoopCpuTime() {
    }

    /**
     * Runs the rounds and prints the medians and minima of the CPU time per lifecycle and their ratio.
     *
     * @param args rounds, seconds per round
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long nanosPerRound = (long) ((args.length > 1 ? Double.parseDouble(args[1]) : 2.0) * 1e9);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ClosedLoopStoreBenchmark b = new ClosedLoopStoreBenchmark();
        double[] facade = new double[rounds];
        double[] hand = new double[rounds];
        long check = 0;
        for (int r = -5; r < rounds; r++) {
            for (int which = 0; which < 2; which++) {
                b.setUp();
                long ops = 0;
                long cpu = threads.getCurrentThreadCpuTime();
                long end = System.nanoTime() + nanosPerRound;
                while (System.nanoTime() < end) {
                    for (int k = 0; k < 64; k++) {
                        check += which == 0 ? b.facade().version() : b.handWritten();
                    }
                    ops += 64;
                }
                double perOp = (threads.getCurrentThreadCpuTime() - cpu) / (double) ops;
                if (r >= 0) {
                    (which == 0 ? facade : hand)[r] = perOp;
                }
            }
        }
        Arrays.sort(facade);
        Arrays.sort(hand);
        System.out.printf("facade CPU ns/lifecycle median %.0f min %.0f; handWritten median %.0f min %.0f;"
                + " ratio hand/facade of the medians %.3f, of the minima %.3f (check %d)%n", facade[rounds / 2],
                facade[0], hand[rounds / 2], hand[0], hand[rounds / 2] / facade[rounds / 2], hand[0] / facade[0],
                check);
    }
}
