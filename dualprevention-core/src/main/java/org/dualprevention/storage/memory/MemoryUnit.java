package org.dualprevention.storage.memory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The atomic unit of the in-memory storage (rule S20): one lock per storage serialises units (and the writes of
 * the hidden dangers, risk points, command log and outbox, so a unit's writes are never interleaved with
 * another writer's), and every table write made inside a unit on its thread leaves an undo action, run in
 * reverse order if the work throws. Readers take no lock; they may see a unit's first write before its last.
 *
 * <p>Thread-safe.
 */
final class MemoryUnit {
    /**
     * The undo log of the unit running on a thread (slot 0, null outside a unit), in a holder kept for the thread's
     * life: entering and leaving a unit sets a slot instead of adding and removing a thread-local entry (three
     * thread-local map operations per unit before, about 1 % of a command on the in-memory store). The holder is a
     * plain {@code Object[]}, a JDK type, and its slot is cleared when the unit ends, so a pooled thread that outlives
     * the application keeps no class of this library (and no class loader) reachable through it.
     */
    private static final ThreadLocal<Object[]> FRAME = ThreadLocal.withInitial(() -> new Object[1]);

    private final ReentrantLock lock = new ReentrantLock();

    /** Runs work atomically; nested units join the outer one. */
    <T> T run(Supplier<T> work) {
        lock.lock();
        try {
            Object[] frame = FRAME.get();
            if (frame[0] != null) {
                return work.get();
            }
            Deque<Runnable> undo = new ArrayDeque<>();
            frame[0] = undo;
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                while (!undo.isEmpty()) {
                    try {
                        undo.pop().run();
                    } catch (RuntimeException again) {
                        e.addSuppressed(again);
                    }
                }
                throw e;
            } finally {
                frame[0] = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one write under the lock (a write outside a unit is a unit of its own). */
    <T> T write(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Records how to undo a write, if a unit is running on this thread. */
    @SuppressWarnings("unchecked") // slot 0 only ever holds the Deque<Runnable> set by run
    static void onUndo(Runnable action) {
        Object undo = FRAME.get()[0];
        if (undo != null) {
            ((Deque<Runnable>) undo).push(action);
        }
    }
}
