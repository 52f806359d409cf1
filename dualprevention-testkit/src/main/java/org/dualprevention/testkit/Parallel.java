package org.dualprevention.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The thread-safety smoke test the contracts share: several threads released at once each walk every
 * index of a list of cases, from different starting points, and report the first case that goes wrong.
 */
final class Parallel {
    /** Checks one case; returns a description of what went wrong, or {@code null}. */
    interface Check {
        @Nullable String at(int index) throws Exception;
    }

    private Parallel() {
    }

    static void check(String rule, int threads, int rounds, int size, Check check) throws Exception {
        if (size == 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int offset = (int) ((long) t * size / threads);
                Callable<String> job = () -> {
                    start.await();
                    for (int round = 0; round < rounds; round++) {
                        for (int i = 0; i < size; i++) {
                            String problem = check.at((i + offset + round) % size);
                            if (problem != null) {
                                return problem;
                            }
                        }
                    }
                    return null;
                };
                results.add(pool.submit(job));
            }
            start.countDown();
            for (Future<String> r : results) {
                String problem = r.get(120, TimeUnit.SECONDS);
                if (problem != null) {
                    throw new AssertionError(rule + " thread safety: " + problem);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
