package org.dualprevention.storage.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;
import org.dualprevention.spi.CommandLog;

/**
 * The command log in memory (S21): a table by command id, written under the unit lock and undone with it.
 *
 * <p>An open-addressing table (linear probing) of two parallel arrays, the mixed hashes of the ids and the records.
 * Every write (record, undo, growth) runs under the storage's unit lock, so there is one writer at a time; readers
 * take no lock. A write fills the record slot first and then publishes the hash slot with release semantics; a reader
 * reads the hash slot with acquire semantics, so a hash it sees is followed by its record. An undo clears the record
 * slot and leaves the hash as a tombstone (a reader steps over it; the slot is not reused until the table is rebuilt).
 * Growth builds a new table in a sequential pass (the slot is taken from the top bits of the hash, so the old table's
 * order carries over) and publishes it through a volatile field; a reader still on the old table finds every record
 * recorded before it read the field. As before (the map of the earlier version), a reader may see a record of a unit
 * that is still running, and stops seeing it if the unit is undone.
 *
 * <p>Before, a {@code ConcurrentHashMap}: its insert met a cold bin and allocated a node, and its growth moved the
 * nodes bin by bin (9-18 % of a closed-loop command on the in-memory store, docs/BENCHMARKS.md).
 */
final class MemoryCommandLog implements CommandLog {
    private static final VarHandle HASHES = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle RECORDS = MethodHandles.arrayElementVarHandle(CommandRecord[].class);
    /** The smallest table, a power of two. */
    static final int FIRST_CAPACITY = 64;

    /** One table: slot i holds hash {@code hashes[i]} (0 = never used) and record {@code records[i]}. */
    private static final class Slots {
        final int[] hashes;
        final CommandRecord[] records;
        /** 32 minus log2 of the capacity: the slot of a hash is {@code hash >>> shift}. */
        final int shift;
        final int mask;
        /** Slots with a hash (records and tombstones), written under the lock only. */
        int used;

        Slots(int capacity) {
            hashes = new int[capacity];
            records = new CommandRecord[capacity];
            shift = 32 - Integer.numberOfTrailingZeros(capacity);
            mask = capacity - 1;
        }
    }

    private final MemoryUnit unit;
    private volatile Slots slots = new Slots(FIRST_CAPACITY);

    MemoryCommandLog(MemoryUnit unit) {
        this.unit = unit;
    }

    /**
     * The mixed hash of an id, never 0: the id text's hash times the golden ratio (Fibonacci hashing), whose top bits
     * pick the slot.
     */
    static int hash(CommandId id) {
        int h = id.value().hashCode() * 0x9E3779B9;
        return h == 0 ? 1 : h;
    }

    @Override
    public Optional<CommandRecord> find(CommandId id) {
        Objects.requireNonNull(id, "id");
        int h = hash(id);
        Slots s = slots;
        for (int i = h >>> s.shift; ; i = (i + 1) & s.mask) {
            int at = (int) HASHES.getAcquire(s.hashes, i);
            if (at == 0) {
                return Optional.empty();
            }
            if (at == h) {
                CommandRecord r = (CommandRecord) RECORDS.getAcquire(s.records, i);
                if (r != null && r.id().equals(id)) {
                    return Optional.of(r);
                }
            }
        }
    }

    @Override
    public void record(CommandRecord record) {
        Objects.requireNonNull(record, "record");
        unit.write(() -> {
            insert(record);
            MemoryUnit.onUndo(() -> remove(record));
            return null;
        });
    }

    /** Under the lock: stores the record, or throws (nothing stored) if its id is there. */
    private void insert(CommandRecord record) {
        CommandId id = record.id();
        int h = hash(id);
        Slots s = slots;
        int i = h >>> s.shift;
        for (int at; (at = s.hashes[i]) != 0; i = (i + 1) & s.mask) {
            if (at == h) {
                CommandRecord r = s.records[i];
                if (r != null && r.id().equals(id)) {
                    throw new StaleVersionException("command " + id, 0, 1);
                }
            }
        }
        if (s.used + 1 > s.hashes.length >>> 1) {
            s = grow(s);
            i = h >>> s.shift;
            while (s.hashes[i] != 0) {
                i = (i + 1) & s.mask;
            }
        }
        s.records[i] = record;
        HASHES.setRelease(s.hashes, i, h); // publishes the record to readers
        s.used++;
    }

    /** Under the lock: removes the record (an undo), leaving its hash as a tombstone. */
    private void remove(CommandRecord record) {
        int h = hash(record.id());
        Slots s = slots;
        for (int i = h >>> s.shift, at; (at = s.hashes[i]) != 0; i = (i + 1) & s.mask) {
            if (at == h && s.records[i] == record) {
                RECORDS.setRelease(s.records, i, (CommandRecord) null);
                return;
            }
        }
    }

    /**
     * Under the lock: a table of the live records of {@code s}, at least four times their number (so a full table
     * doubles, and one of tombstones is rebuilt at its size or smaller), published through
     * the volatile field. A sequential pass: the old slots in order land in the new table in nearly ascending order.
     */
    private Slots grow(Slots s) {
        int live = 0;
        for (CommandRecord r : s.records) {
            if (r != null) {
                live++;
            }
        }
        int capacity = FIRST_CAPACITY;
        while (capacity < live * 4L) {
            capacity <<= 1;
        }
        Slots next = new Slots(capacity);
        int[] hashes = s.hashes;
        CommandRecord[] records = s.records;
        for (int j = 0; j < hashes.length; j++) {
            CommandRecord r = records[j];
            if (r != null) {
                int h = hashes[j];
                int i = h >>> next.shift;
                while (next.hashes[i] != 0) {
                    i = (i + 1) & next.mask;
                }
                next.hashes[i] = h;
                next.records[i] = r;
                next.used++;
            }
        }
        slots = next; // volatile: the filled table happens-before any reader that sees it
        return next;
    }

    /** The capacity of the current table (for tests). */
    int capacity() {
        return slots.hashes.length;
    }
}
