package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.OutboxEntry;
import org.dualprevention.storage.memory.TableOneValueIndexTest.Row;
import org.dualprevention.testsupport.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The atomic units of the in-memory store against a plain model: seeded random programs of nested units (of the same
 * storage's unit and of a second one, which join the unit already running on the thread) that write a table, the
 * command log and the outbox, throw at random points, and sometimes catch a nested unit's exception and go on. The
 * model keeps every write of an outermost unit that returns and none of one that throws; after every outermost unit
 * the stores hold what the model holds, and a thread outside any unit leaves no undo action behind.
 */
class MemoryUnitUndoTest {
    /** A failure the program throws on purpose. */
    static final class Planned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Planned() {
            super("planned");
        }
    }

    /** Two units, a table under each, a command log and an outbox under the first. */
    static final class Stores {
        final MemoryUnit a = new MemoryUnit();
        final MemoryUnit b = new MemoryUnit();
        final Table<String, String, Row> ta = table(a);
        final Table<String, String, Row> tb = table(b);
        final MemoryCommandLog log = new MemoryCommandLog(a);
        final MemoryOutbox outbox = new MemoryOutbox(a);

        static Table<String, String, Row> table(MemoryUnit u) {
            Table<String, String, Row> t = new Table<>("row", Row::id, Row::id, k -> k, Row::version, k -> k, x -> x);
            t.index(Table.one(Row::value));
            t.guardedBy(u);
            return t;
        }
    }

    /** The model: rows of both tables, command ids and pending outbox entries. */
    record Model(Map<String, Row> a, Map<String, Row> b, List<String> commands, List<String> outbox) {
        Model copy() {
            return new Model(new TreeMap<>(a), new TreeMap<>(b), new ArrayList<>(commands), new ArrayList<>(outbox));
        }
    }

    private int next;

    @Test
    void nestedUnitsKeepAllOrNothingOfTheOutermost() {
        long base = Seeds.base();
        for (int c = 0; c < 40; c++) {
            long seed = Seeds.seed(base, c);
            Seeds.run(seed, () -> check(seed));
        }
    }

    private void check(long seed) {
        RandomGenerator r = Seeds.random(seed);
        Stores s = new Stores();
        Model committed = new Model(new TreeMap<>(), new TreeMap<>(), new ArrayList<>(), new ArrayList<>());
        int failed = 0;
        for (int unit = 0; unit < 60; unit++) {
            Model pending = committed.copy();
            MemoryUnit outer = r.nextBoolean() ? s.a : s.b;
            boolean ok;
            try {
                outer.run(() -> {
                    program(r, s, pending, 0);
                    return null;
                });
                ok = true;
            } catch (Planned e) {
                ok = false;
                failed++;
            }
            if (ok) {
                committed = pending;
            }
            assertEquals(committed, contents(s, committed), "after unit " + unit + (ok ? "" : " (thrown)"));
            // a write outside any unit is not undone by a later failing unit
            write(r, s, committed);
            assertEquals(committed, contents(s, committed), "after a write outside units, unit " + unit);
        }
        assertTrue(failed > 5, "units failed: " + failed);
    }

    /** Writes, nested units and failures, applying every write to {@code m} as it is made. */
    private void program(RandomGenerator r, Stores s, Model m, int depth) {
        int steps = 1 + r.nextInt(5);
        for (int i = 0; i < steps; i++) {
            int what = r.nextInt(10);
            if (what < 6) {
                write(r, s, m);
            } else if (what < 8 && depth < 3) {
                MemoryUnit inner = r.nextBoolean() ? s.a : s.b;
                boolean caught = r.nextInt(3) == 0;
                try {
                    inner.run(() -> {
                        program(r, s, m, depth + 1);
                        return null;
                    });
                } catch (Planned e) {
                    if (!caught) {
                        throw e;
                    }
                    // caught: the nested unit joined this one, so its writes stay (they are in m already)
                }
            } else if (what == 9) {
                throw new Planned();
            }
        }
    }

    /** One write to one of the stores, made in the model too. */
    private void write(RandomGenerator r, Stores s, Model m) {
        switch (r.nextInt(4)) {
            case 0, 1 -> {
                boolean first = r.nextBoolean();
                Table<String, String, Row> t = first ? s.ta : s.tb;
                Map<String, Row> rows = first ? m.a() : m.b();
                String id = "R" + r.nextInt(6);
                Row cur = rows.get(id);
                Row row = new Row(id, cur == null ? 1 : cur.version() + 1, "v" + r.nextInt(3));
                t.compareAndSet(id, cur == null ? 0 : cur.version(), x -> row);
                rows.put(id, row);
            }
            case 2 -> {
                String id = "c" + next++;
                s.log.record(new CommandRecord(CommandId.of(id), "0".repeat(64), HiddenDangerId.of("HD-1"), 1));
                m.commands().add(id);
            }
            default -> {
                int seq = next++;
                s.outbox.add(new OutboxEntry(HiddenDangerId.of("HD-" + seq), 1));
                m.outbox().add("HD-" + seq);
            }
        }
    }

    /** What the stores hold, in the model's form (command ids looked up for every id made so far). */
    private Model contents(Stores s, Model like) {
        Map<String, Row> a = new TreeMap<>();
        Map<String, Row> b = new TreeMap<>();
        for (int i = 0; i < 6; i++) {
            s.ta.get("R" + i).ifPresent(x -> a.put(x.id(), x));
            s.tb.get("R" + i).ifPresent(x -> b.put(x.id(), x));
        }
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < next; i++) {
            Optional<CommandRecord> rec = s.log.find(CommandId.of("c" + i));
            rec.ifPresent(x -> commands.add(x.id().value()));
        }
        List<String> outbox = new ArrayList<>();
        for (OutboxEntry e : s.outbox.pending(100_000)) {
            outbox.add(e.dangerId().value());
        }
        // the model lists commands and outbox entries in the order made; the stores by id
        List<String> modelCommands = new ArrayList<>(like.commands());
        modelCommands.sort(java.util.Comparator.comparingInt(x -> Integer.parseInt(x.substring(1))));
        List<String> modelOutbox = new ArrayList<>(like.outbox());
        modelOutbox.sort(null);
        assertEquals(modelCommands, commands, "command log");
        assertEquals(modelOutbox, outbox, "outbox");
        return new Model(a, b, like.commands(), like.outbox());
    }
}
