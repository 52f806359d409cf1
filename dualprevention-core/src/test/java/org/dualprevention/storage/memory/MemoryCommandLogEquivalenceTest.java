package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.testsupport.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The open-addressing command log against the map it replaced ({@link OldMemoryCommandLog}, a copy of the old code)
 * and a plain {@link HashMap} model of the committed records: seeded random programs of records outside and inside
 * units, units that fail and are undone (leaving tombstones), ids that are used again, and families of ids whose
 * text hashes are equal (so their mixed hashes are too and they probe the same run of slots). Every outcome (the
 * record, or the exception's class, message and versions) must be the same, and after each step every id ever drawn
 * must be found the same in the three, with the very record stored.
 */
class MemoryCommandLogEquivalenceTest {
    /** A failure the program throws on purpose to undo a unit. */
    static final class Planned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Planned() {
            super("planned");
        }
    }

    private static final String FINGERPRINT = "0123456789abcdef".repeat(4);

    @Test
    void sameOutcomesAndFindsAsTheOldMapOverSeededPrograms() {
        long base = Seeds.base();
        for (int c = 0; c < 40; c++) {
            long seed = Seeds.seed(base, c);
            Seeds.run(seed, () -> check(seed, 1 + (int) (Math.floorMod(seed, 4000L))));
        }
    }

    /** Ids drawn from four pools: fresh UUID texts, ids already used, equal-hash families, and non-ASCII texts. */
    private static CommandId draw(RandomGenerator r, List<CommandId> used) {
        int pool = r.nextInt(10);
        if (pool < 5) {
            return CommandId.of(new UUID(r.nextLong(), r.nextLong()).toString());
        }
        if (pool < 7 && !used.isEmpty()) {
            return used.get(r.nextInt(used.size()));
        }
        if (pool < 9) {
            // "Aa" and "BB" have the same String hash, so every text of k such blocks has the same hash
            StringBuilder sb = new StringBuilder();
            int k = 1 + r.nextInt(7);
            for (int i = 0; i < k; i++) {
                sb.append(r.nextBoolean() ? "Aa" : "BB");
            }
            return CommandId.of(sb.toString());
        }
        return CommandId.of("命令-" + r.nextInt(500) + "-\uD83D\uDE00");
    }

    private static void check(long seed, int steps) {
        RandomGenerator r = Seeds.random(seed);
        MemoryUnit unitNew = new MemoryUnit();
        MemoryUnit unitOld = new MemoryUnit();
        MemoryCommandLog fresh = new MemoryCommandLog(unitNew);
        OldMemoryCommandLog old = new OldMemoryCommandLog(unitOld);
        Map<CommandId, CommandRecord> model = new HashMap<>();
        List<CommandId> used = new ArrayList<>();
        long sequence = 1;
        int drawnBefore = 0;
        for (int step = 0; step < steps; step++) {
            if (r.nextInt(3) > 0) {
                CommandRecord rec = record(draw(r, used), sequence++);
                used.add(rec.id());
                String a = outcome(() -> fresh.record(rec));
                String b = outcome(() -> old.record(rec));
                assertEquals(b, a, "step " + step + " record " + rec.id());
                if (a.equals("ok")) {
                    model.put(rec.id(), rec);
                }
            } else {
                // a unit of 1..6 records on both logs (the old log's unit joins the new one's), failing at random
                int n = 1 + r.nextInt(6);
                boolean fail = r.nextInt(3) == 0;
                Map<CommandId, CommandRecord> pending = new HashMap<>(model);
                List<String> outcomes = new ArrayList<>();
                List<String> outcomesOld = new ArrayList<>();
                List<CommandRecord> recs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    CommandRecord rec = record(draw(r, used), sequence++);
                    recs.add(rec);
                    used.add(rec.id());
                }
                String unit = outcome(() -> unitNew.run(() -> {
                    for (CommandRecord rec : recs) {
                        String a = outcome(() -> fresh.record(rec));
                        String b = outcome(() -> old.record(rec));
                        outcomes.add(a);
                        outcomesOld.add(b);
                        if (a.equals("ok")) {
                            pending.put(rec.id(), rec);
                        }
                    }
                    if (fail) {
                        throw new Planned();
                    }
                    return null;
                }));
                assertEquals(outcomesOld, outcomes, "step " + step + " unit of " + recs);
                if (unit.equals("ok")) {
                    model.clear();
                    model.putAll(pending);
                }
            }
            // every id ever drawn every 128 steps and at the end, else the ids of this step and 16 earlier ones
            List<CommandId> ids = step % 128 == 0 || step == steps - 1 ? used : new ArrayList<>();
            if (ids != used) {
                ids.addAll(used.subList(Math.max(0, drawnBefore), used.size()));
                for (int i = 0; i < 16; i++) {
                    ids.add(used.get(r.nextInt(used.size())));
                }
            }
            drawnBefore = used.size();
            for (CommandId id : ids) {
                Optional<CommandRecord> a = fresh.find(id);
                Optional<CommandRecord> b = old.find(id);
                assertEquals(Optional.ofNullable(model.get(id)), b, "step " + step + " old map against the model " + id);
                assertEquals(b, a, "step " + step + " find " + id);
                if (a.isPresent()) {
                    assertSame(b.get(), a.get(), "step " + step + " the very record stored, " + id);
                }
            }
            if (step % 64 == 0) {
                // ids never drawn (in the same equal-hash family too) are not found
                assertEquals(Optional.empty(), fresh.find(CommandId.of("never-" + step)), "step " + step);
                assertEquals(Optional.empty(), fresh.find(CommandId.of("AaAaAaAaAaAaAaAaAa")), "step " + step);
            }
        }
        int live = model.size();
        assertTrue(fresh.capacity() >= 2 * live, "capacity " + fresh.capacity() + " for " + live + " records");
    }

    private static CommandRecord record(CommandId id, long sequence) {
        return new CommandRecord(id, FINGERPRINT, HiddenDangerId.of("HD-" + sequence), sequence);
    }

    /** "ok", or the exception's class, message and (for a stale version) its fields. */
    private static String outcome(Runnable work) {
        try {
            work.run();
            return "ok";
        } catch (StaleVersionException e) {
            return e.getClass().getName() + ": " + e.getMessage() + " [" + e.aggregateId() + ", "
                    + e.expectedVersion() + ", " + e.actualVersion() + "]";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void edgeCases() {
        MemoryCommandLog log = new MemoryCommandLog(new MemoryUnit());
        assertEquals(Optional.empty(), log.find(CommandId.of("x")), "empty log");
        assertEquals("id", assertThrows(NullPointerException.class, () -> log.find(null)).getMessage());
        assertEquals("record", assertThrows(NullPointerException.class, () -> log.record(null)).getMessage());
        CommandRecord one = record(CommandId.of("x"), 1);
        log.record(one);
        assertSame(one, log.find(CommandId.of("x")).orElseThrow(), "one record");
        CommandRecord again = record(CommandId.of("x"), 2);
        StaleVersionException e = assertThrows(StaleVersionException.class, () -> log.record(again));
        assertEquals("Stale version for [command x]: expected stored version [0] but found [1]; nothing was saved."
                + " Reload and apply the command again", e.getMessage());
        assertSame(one, log.find(CommandId.of("x")).orElseThrow(), "nothing stored by the refused record");
        // growth boundaries: the table grows when it would pass half full; every record stays found across it
        List<CommandRecord> all = new ArrayList<>(List.of(one));
        for (int i = 0; i < 5000; i++) {
            int before = log.capacity();
            CommandRecord rec = record(CommandId.of("id-" + i), i + 2);
            log.record(rec);
            all.add(rec);
            if (log.capacity() != before) {
                assertEquals(before / 2 + 1, all.size(),
                        "grew at the record that passed half of " + before);
                assertEquals(2 * before, log.capacity(), "a full table doubles");
                for (CommandRecord x : all) {
                    assertSame(x, log.find(x.id()).orElseThrow(), "after growth to " + log.capacity() + ": " + x);
                }
            }
        }
        // a log whose records were all undone rebuilds from its tombstones without growing without bound
        MemoryUnit u = new MemoryUnit();
        MemoryCommandLog undone = new MemoryCommandLog(u);
        for (int i = 0; i < 10_000; i++) {
            CommandRecord rec = record(CommandId.of("undone-" + i), 1);
            assertThrows(Planned.class, () -> u.run(() -> {
                undone.record(rec);
                throw new Planned();
            }));
            assertEquals(Optional.empty(), undone.find(rec.id()), "undone " + i);
        }
        assertEquals(MemoryCommandLog.FIRST_CAPACITY, undone.capacity(), "tombstones only: rebuilt at the first size");
    }
}
