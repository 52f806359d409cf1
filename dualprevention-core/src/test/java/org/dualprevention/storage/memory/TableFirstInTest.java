package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@link Table#firstIn} gives what {@link Table#first} over the same bucket gives, also in the middle of a save: a
 * reader takes no lock, so it can meet a bucket entry whose slot already holds the next record, which no longer has
 * the bucket's value. Both must skip it (the predicate is what tells). The middle of the save is reached from inside
 * the index function, which the save calls after writing the slot and before moving the entries.
 */
class TableFirstInTest {
    /** A stored record: an id (its sort key), a version and its index values. */
    record Row(String id, long version, List<String> tags) {
    }

    @Test
    void aRecordHalfWayOutOfABucketIsPassedOver() {
        MemoryUnit unit = new MemoryUnit();
        Table<String, String, Row> table = new Table<>("row", Row::id, Row::id, k -> k, Row::version, k -> k, t -> t);
        table.guardedBy(unit);
        Predicate<Row> tagged = r -> r.tags().contains("h");
        AtomicReference<Table.Index<String, Row>> index = new AtomicReference<>();
        List<Optional<Row>> midway = new ArrayList<>();
        index.set(table.index(r -> {
            if (r.id().equals("r1") && r.version() == 2 && midway.isEmpty()) {
                midway.add(table.firstIn(index.get(), "h", tagged));
                midway.add(table.first(Table.candidates(index.get(), List.of("h")), tagged));
            }
            return r.tags();
        }));
        Row r1 = new Row("r1", 1, List.of("h"));
        Row r2 = new Row("r2", 1, List.of("h", "k"));
        unit.write(() -> table.compareAndSet("r1", 0, cur -> r1));
        unit.write(() -> table.compareAndSet("r2", 0, cur -> r2));
        assertEquals(Optional.of(r1), table.firstIn(index.get(), "h", tagged));
        assertEquals(Optional.empty(), table.firstIn(index.get(), "absent", tagged));

        Row r1Untagged = new Row("r1", 2, List.of("k"));
        unit.write(() -> table.compareAndSet("r1", 1, cur -> r1Untagged));
        assertEquals(2, midway.size(), "the save called the index function for the next record");
        assertEquals(Optional.of(r2), midway.get(0), "firstIn in the middle of the save");
        assertEquals(midway.get(1), midway.get(0), "firstIn and first agree in the middle of the save");
        assertEquals(Optional.of(r2), table.firstIn(index.get(), "h", tagged));
        assertEquals(Optional.of(r1Untagged), table.firstIn(index.get(), "k", r -> r.tags().contains("k")));
    }
}
