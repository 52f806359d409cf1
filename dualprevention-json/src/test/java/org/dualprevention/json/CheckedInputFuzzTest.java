package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link CheckedInput} on long seeded texts (runs of ASCII, two-, three- and four-byte characters, as a register's
 * Chinese text has them), well-formed or with a few bytes changed, read in chunks of random sizes: it refuses
 * exactly what the JDK's strict decoder refuses (NUL too), at the offset where the decoder finds the first fault,
 * and hands the parser the bytes unchanged up to the byte that shows the fault, that byte as NUL, then the end.
 */
class CheckedInputFuzzTest {
    private static final long SEED = Long.getLong("dualprevention.json.equivalenceSeed", 20261206L);

    private static byte[] text(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int runs = 1 + r.nextInt(40);
        for (int k = 0; k < runs; k++) {
            int kind = r.nextInt(4);
            for (int j = 0, len = 1 + r.nextInt(30); j < len; j++) {
                switch (kind) {
                    case 0 -> sb.append((char) (0x20 + r.nextInt(0x5F)));
                    case 1 -> sb.append((char) (0x80 + r.nextInt(0x780)));
                    case 2 -> {
                        char c = (char) (0x800 + r.nextInt(0xF800));
                        sb.append(Character.isSurrogate(c) ? '风' : c);
                    }
                    default -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                }
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The offset of the first fault per the JDK's strict decoder, NUL counted as one; -1 if none. */
    private static long firstFault(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        CoderResult res = d.decode(in, out, true);
        long fault = res.isError() ? in.position() : -1;
        if (fault < 0) {
            res = d.flush(out);
            fault = res.isError() ? in.position() : -1;
        }
        for (int i = 0; i < b.length && (fault < 0 || i < fault); i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return fault;
    }

    @Test
    void agreesWithTheJdkStrictDecoderOnLongTextsReadInChunks() throws IOException {
        int bad = 0;
        for (int c = 0; c < 3_000; c++) {
            long seed = SEED + c;
            SplittableRandom r = new SplittableRandom(seed);
            byte[] b = text(r);
            int changes = r.nextInt(3);
            for (int k = 0; k < changes; k++) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            long expected = firstFault(b);
            CheckedInput in = new CheckedInput(chunked(b, r), 16);
            byte[] read = in.readAllBytes();
            String at = "seed " + seed + ": " + InvalidUtf8Test.hexOf(Arrays.copyOf(b, Math.min(b.length, 64)));
            assertEquals(expected, in.badAt(), at);
            if (expected < 0) {
                assertArrayEquals(b, read, at);
            } else {
                bad++;
                // the byte that showed the fault (the sequence's first or a later one) is handed over as NUL, last
                int last = read.length - 1;
                assertTrue(last >= expected && last < expected + 4, at + ": " + read.length);
                assertArrayEquals(Arrays.copyOf(b, last), Arrays.copyOf(read, last), at);
                assertEquals(0, read[last], at);
            }
        }
        assertTrue(bad > 500, "ill-formed cases: " + bad);
    }

    /** The bytes in reads of 1 to 40 bytes (or all at once). */
    private static InputStream chunked(byte[] b, SplittableRandom r) {
        boolean whole = r.nextBoolean();
        return new InputStream() {
            int at;

            @Override
            public int read() {
                return at < b.length ? b[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] dst, int off, int len) {
                if (at >= b.length) {
                    return -1;
                }
                int n = Math.min(len, Math.min(b.length - at, whole ? Integer.MAX_VALUE : 1 + r.nextInt(40)));
                System.arraycopy(b, at, dst, off, n);
                at += n;
                return n;
            }
        };
    }

    /** The fast skipping itself, byte by byte and whole, on well-formed text: nothing refused, nothing changed. */
    @Test
    void wellFormedTextPassesUnchanged() throws IOException {
        SplittableRandom r = new SplittableRandom(SEED);
        for (int c = 0; c < 500; c++) {
            byte[] b = text(r);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CheckedInput in = new CheckedInput(chunked(b, r), 16);
            in.transferTo(out);
            assertEquals(-1, in.badAt(), "seed " + SEED + ", case " + c);
            assertArrayEquals(b, out.toByteArray(), "seed " + SEED + ", case " + c);
        }
    }
}
