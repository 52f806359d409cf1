package org.dualprevention.json.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The id set with its array of marks gives what the set before it gave ({@link IdSetBefore}, main at 85b537d) for
 * every add and contains over seeded ids of more kinds than it keeps hash states for, through its growth; and, at
 * the level of the 128-bit hashes, it holds exactly the hashes added when they are made to collide: the same home
 * slot, the same mark, the same first or second half, the zero halves. A mark that matches never lets a different
 * hash pass for one added, and a unique hash is never refused.
 */
class IdSetMarksTest {
    static final long SEED = Long.getLong("dualprevention.json.equivalenceSeed", 20261206L);
    private static final String[] KINDS = {"risk point", "hazard", "control measure", "assessment", "hidden danger",
        "RP"};

    @Test
    void addsAndContainsAsTheSetBefore() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int run = 0; run < 6; run++) {
            long seed = seeds.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            IdSet now = new IdSet();
            IdSetBefore before = new IdSetBefore();
            List<String[]> added = new ArrayList<>();
            for (int i = 0; i < 60_000; i++) {
                String kind = KINDS[r.nextInt(run < 3 ? 4 : KINDS.length)];
                String id;
                if (!added.isEmpty() && r.nextInt(5) == 0) {
                    String[] old = added.get(r.nextInt(added.size()));
                    id = old[1]; // a repeat, under its own kind or another
                    kind = r.nextBoolean() ? old[0] : kind;
                } else {
                    id = switch (r.nextInt(4)) {
                        case 0 -> Integer.toString(r.nextInt(3000));
                        case 1 -> "AS-" + r.nextInt(1 << 20);
                        case 2 -> "风险点-" + Long.toHexString(r.nextLong());
                        default -> "a".repeat(r.nextInt(12)) + "\u0000".repeat(r.nextInt(3));
                    };
                }
                String at = "seed " + seed + " (run " + run + ", base seed " + SEED + "), step " + i + ": " + kind + " " + id;
                if (r.nextInt(4) == 0) {
                    assertEquals(before.contains(kind, id), now.contains(kind, id), at);
                }
                boolean b = before.add(kind, id);
                assertEquals(b, now.add(kind, id), at);
                if (b) {
                    added.add(new String[] {kind, id});
                }
                assertEquals(before.size(), now.size(), at);
            }
            for (String[] a : added) {
                assertTrue(now.contains(a[0], a[1]), "seed " + seed + ": " + a[0] + " " + a[1]);
            }
        }
    }

    /** The first half of a hash whose home slot is {@code c} at every table size. */
    private static long sameSlot(long hi, int c) {
        return hi << 32 | ((hi ^ c) & 0xFFFF_FFFFL);
    }

    @Test
    void hashesThatCollideInSlotAndMarkAreKeptApart() {
        SplittableRandom seeds = new SplittableRandom(SEED + 1);
        for (int run = 0; run < 4; run++) {
            long seed = seeds.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            IdSet set = new IdSet();
            Set<List<Long>> model = new HashSet<>();
            long[] firsts = new long[12];
            long[] seconds = new long[12];
            int c = r.nextInt();
            long markBits = r.nextLong() & 0xFFFF_0000_0000_0000L;
            for (int i = 0; i < firsts.length; i++) {
                firsts[i] = i == 0 ? 0 : sameSlot(r.nextLong() >>> 32, c); // one home slot for all
                seconds[i] = i == 0 ? 0 : i == 1 ? 1 : markBits | (r.nextLong() >>> 16); // one mark for all but 0
            }
            for (int i = 0; i < 6_000; i++) {
                long h1;
                long h2;
                switch (r.nextInt(4)) {
                    case 0 -> { // both halves from the small pools: many repeats, same slot and mark
                        h1 = firsts[r.nextInt(firsts.length)];
                        h2 = seconds[r.nextInt(seconds.length)];
                    }
                    case 1 -> { // the same slot and mark, a fresh second half
                        h1 = firsts[r.nextInt(firsts.length)];
                        h2 = markBits | (r.nextLong() >>> 16);
                    }
                    case 2 -> { // the same mark, another slot
                        h1 = r.nextLong();
                        h2 = seconds[r.nextInt(seconds.length)];
                    }
                    default -> { // the same slot, any mark
                        h1 = sameSlot(r.nextLong() >>> 32, c);
                        h2 = r.nextLong();
                    }
                }
                String at = "seed " + seed + " (run " + run + ", base seed " + SEED + "), step " + i + ": " + h1 + "/" + h2;
                List<Long> pair = List.of(h1, h2);
                assertEquals(model.contains(pair), set.containsHash(h1, h2), at);
                assertEquals(model.add(pair), set.addHash(h1, h2), at);
                assertTrue(set.containsHash(h1, h2), at);
                assertEquals(model.size(), set.size(), at);
                // a hash never added, with the slot and mark of one added, is not found
                long other = h2 ^ 2;
                assertEquals(model.contains(List.of(h1, other)), set.containsHash(h1, other), at + " ^2");
            }
            assertTrue(model.size() > 3_000, "seed " + seed + ": " + model.size());
            for (List<Long> p : model) {
                assertTrue(set.containsHash(p.get(0), p.get(1)), "seed " + seed + ": " + p);
            }
            assertFalse(set.containsHash(firsts[3], markBits | 0x7777), "seed " + seed);
        }
    }
}
