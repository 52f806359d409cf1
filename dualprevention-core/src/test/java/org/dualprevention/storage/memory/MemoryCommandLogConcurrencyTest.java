package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.testsupport.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Lock-free readers of the open-addressing command log while one writer records, undoes and grows it: a record whose
 * {@code record} call returned (outside a unit, or in a unit that returned) is found by every later read, as the very
 * record stored, through every growth; a record whose unit was undone is not found by any read that starts after the
 * undo. The writer publishes what it finished through atomics, so "later" is a happens-before edge, as for a caller.
 */
class MemoryCommandLogConcurrencyTest {
    private static final String FINGERPRINT = "0123456789abcdef".repeat(4);
    private static final int RECORDS = 300_000;

    /** A failure thrown on purpose to undo a unit. */
    static final class Planned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Planned() {
            super("planned");
        }
    }

    @Test
    void readersDuringWritesAndGrowthSeeEveryCommittedRecordAndNoUndoneOne() throws InterruptedException {
        long seed = Seeds.base();
        Seeds.run(seed, () -> check(seed));
    }

    private static void check(long seed) throws InterruptedException {
        RandomGenerator r = Seeds.random(seed);
        CommandRecord[] all = new CommandRecord[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            // every fourth id shares its text hash with the one before ("Aa" and "BB" hash the same)
            String id = i % 4 == 3 ? all[i - 1].id().value().replace("Aa", "BB")
                    : "Aa" + new UUID(r.nextLong(), r.nextLong());
            all[i] = new CommandRecord(CommandId.of(id), FINGERPRINT, HiddenDangerId.of("HD-" + i), i + 1);
        }
        boolean[] undo = new boolean[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            undo[i] = r.nextInt(8) == 0;
        }
        MemoryUnit unit = new MemoryUnit();
        MemoryCommandLog log = new MemoryCommandLog(unit);
        int[] committed = new int[RECORDS];
        AtomicInteger committedCount = new AtomicInteger();
        int[] undone = new int[RECORDS];
        AtomicInteger undoneCount = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();

        Thread writer = new Thread(() -> {
            try {
                int i = 0;
                while (i < RECORDS) {
                    int n = Math.min(RECORDS - i, 1 + (i % 3));
                    int from = i;
                    boolean fail = undo[from];
                    if (n == 1 && !fail) {
                        log.record(all[from]);
                    } else {
                        try {
                            unit.run(() -> {
                                for (int k = from; k < from + n; k++) {
                                    log.record(all[k]);
                                }
                                if (fail) {
                                    throw new Planned();
                                }
                                return null;
                            });
                        } catch (Planned expected) {
                            // undone below
                        }
                    }
                    for (int k = from; k < from + n; k++) {
                        if (fail) {
                            undone[undoneCount.get()] = k;
                            undoneCount.incrementAndGet();
                        } else {
                            committed[committedCount.get()] = k;
                            committedCount.incrementAndGet();
                        }
                    }
                    i += n;
                }
            } catch (RuntimeException e) {
                failures.add("writer: " + e);
            } finally {
                done.set(true);
            }
        });
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            RandomGenerator rr = Seeds.random(Seeds.seed(seed, t + 1));
            readers.add(new Thread(() -> {
                while (!done.get() && failures.size() < 10) {
                    int c = committedCount.get();
                    if (c > 0) {
                        // the newest committed record (just published, maybe just moved by growth) and a random one
                        for (int j : new int[] {c - 1, rr.nextInt(c)}) {
                            CommandRecord want = all[committed[j]];
                            Optional<CommandRecord> got = log.find(want.id());
                            if (got.isEmpty() || got.get() != want) {
                                failures.add("committed record " + committed[j] + " " + want.id() + " read as " + got
                                        + " (capacity " + log.capacity() + ")");
                            }
                        }
                    }
                    int u = undoneCount.get();
                    if (u > 0) {
                        int k = undone[rr.nextInt(u)];
                        Optional<CommandRecord> got = log.find(all[k].id());
                        if (got.isPresent()) {
                            failures.add("undone record " + k + " " + all[k].id() + " still found");
                        }
                    }
                    reads.incrementAndGet();
                }
            }));
        }
        readers.forEach(Thread::start);
        writer.start();
        writer.join();
        for (Thread t : readers) {
            t.join();
        }
        assertEquals(List.of(), List.copyOf(failures), "failures (of the first few)");
        assertTrue(reads.get() > 100, "the readers ran during the writes: " + reads.get() + " rounds");
        assertTrue(log.capacity() >= 4 * committedCount.get() / 2, "grew: capacity " + log.capacity());
        for (int j = 0; j < committedCount.get(); j++) {
            CommandRecord want = all[committed[j]];
            assertEquals(Optional.of(want), log.find(want.id()), "after the writer, record " + committed[j]);
        }
        for (int j = 0; j < undoneCount.get(); j++) {
            assertEquals(Optional.empty(), log.find(all[undone[j]].id()), "after the writer, undone " + undone[j]);
        }
    }
}
