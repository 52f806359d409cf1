package org.dualprevention.danger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link CommandId#random()} draws its bytes 16 ids at a time; its text must keep the form of
 * {@code UUID.randomUUID().toString()} (the form before): a version 4 UUID in lower case, 122 random bits.
 */
class CommandIdRandomTest {
    private static final Pattern V4 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    /**
     * A plain model of {@code UUID.randomUUID()}'s text from its 16 bytes (the JDK sets {@code b[6] = b[6] & 0x0f |
     * 0x40} and {@code b[8] = b[8] & 0x3f | 0x80}, then prints the bytes as hex in 8-4-4-4-12 groups).
     */
    private static String model(byte[] sixteen) {
        byte[] b = sixteen.clone();
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(b);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    @Test
    void theTextOfSixteenBytesIsTheModelsOverSeededBytesAndEdges() {
        long seed = 20261206_41L;
        Random r = new Random(seed);
        List<byte[]> cases = new ArrayList<>();
        cases.add(new byte[16]);
        byte[] ones = new byte[16];
        java.util.Arrays.fill(ones, (byte) 0xff);
        cases.add(ones);
        for (int i = 0; i < 16; i++) {
            byte[] one = new byte[16];
            one[i] = (byte) 0x80; // a single top bit in each position
            cases.add(one);
        }
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[16];
            r.nextBytes(b);
            cases.add(b);
        }
        // through one buffer, as random() reads it, 16 bytes after 16 bytes
        ByteBuffer all = ByteBuffer.allocate(16 * cases.size());
        cases.forEach(all::put);
        all.flip();
        for (int i = 0; i < cases.size(); i++) {
            String want = model(cases.get(i));
            String got = CommandId.uuid4(all);
            assertEquals(want, got, "seed " + seed + ", case " + i + ": " + HexFormat.of().formatHex(cases.get(i)));
            assertEquals(16 * (i + 1), all.position(), "seed " + seed + ", case " + i + ": position");
        }
    }

    @Test
    void randomIdsAreVersion4TextsDistinctAndEveryRandomBitVaries() {
        int n = 20_000;
        Set<String> seen = new HashSet<>();
        int[] setBits = new int[128];
        for (int i = 0; i < n; i++) {
            String v = CommandId.random().value();
            assertTrue(V4.matcher(v).matches(), "id " + i + " [" + v + "]: not a lower-case version 4 UUID text");
            UUID u = UUID.fromString(v);
            assertEquals(4, u.version(), v);
            assertEquals(2, u.variant(), v);
            assertEquals(v, u.toString(), "round trip");
            assertTrue(seen.add(v), "id " + i + " [" + v + "] drawn twice");
            for (int b = 0; b < 64; b++) {
                setBits[b] += (int) ((u.getMostSignificantBits() >>> b) & 1);
                setBits[64 + b] += (int) ((u.getLeastSignificantBits() >>> b) & 1);
            }
        }
        for (int b = 0; b < 128; b++) {
            boolean fixed = (b >= 12 && b < 16) || b >= 126; // version (msb 12-15), variant (lsb 62-63)
            if (!fixed) {
                // 20,000 fair coins: 45-55 % is more than 14 standard deviations wide
                assertTrue(setBits[b] > n * 45 / 100 && setBits[b] < n * 55 / 100,
                        "bit " + b + " set in " + setBits[b] + " of " + n + " ids");
            }
        }
    }

    @Test
    void threadsDrawDistinctIds() throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        int perThread = 10_000;
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    seen.add(CommandId.random().value());
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4 * perThread, seen.size(), "distinct ids of four threads");
    }
}
