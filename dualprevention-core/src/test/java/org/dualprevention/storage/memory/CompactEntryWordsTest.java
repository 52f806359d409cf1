package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CompactEntry#words} (one pass, issue 17 third session) gives what {@link CompactEntry#isHex} and
 * {@link CompactEntry#word} gave before: the four words of 64 lower-case hex digits, and null for any other text, on
 * seeded random texts near the hex alphabet. Each failure names its seed.
 */
class CompactEntryWordsTest {
    private static final String ALPHABET = "0123456789abcdefABCDEFg/:@`G\u00e0\u0660";

    @Test
    void wordsAreTheOldCheckAndWordsOnRandomTexts() {
        long base = Long.getLong("dualprevention.seed", 0x1206_0003L);
        int hex = 0;
        for (int run = 0; run < 50_000; run++) {
            long seed = base + run;
            SplittableRandom r = new SplittableRandom(seed);
            int n = r.nextInt(8) == 0 ? r.nextInt(70) : 64;
            boolean clean = r.nextBoolean();
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(clean && r.nextInt(200) != 0 ? "0123456789abcdef".charAt(r.nextInt(16))
                        : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            String text = sb.toString();
            long[] words = CompactEntry.words(text);
            if (!CompactEntry.isHex(text)) {
                assertNull(words, "seed " + seed + ": " + text);
                continue;
            }
            hex++;
            assertArrayEquals(new long[] {CompactEntry.word(text, 0), CompactEntry.word(text, 1),
                CompactEntry.word(text, 2), CompactEntry.word(text, 3)}, words, "seed " + seed);
            assertEquals(text, CompactEntry.hex(words[0], words[1], words[2], words[3]), "seed " + seed);
        }
        if (hex < 10_000) {
            throw new AssertionError("too few hex texts: " + hex);
        }
    }
}
