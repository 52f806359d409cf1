package org.dualprevention.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The bytes of a document on their way to the parser: checked to be well-formed UTF-8 (RFC 3629 and the
 * Unicode Standard's table 3-7: no overlong forms such as {@code C0 AF} for {@code /}, no encoded surrogates,
 * nothing above U+10FFFF, no truncated sequence) without NUL bytes, and the last 16 KiB kept so that a syntax
 * error can show the text at fault.
 *
 * <p>Jackson decodes some ill-formed sequences silently (an overlong {@code /} becomes {@code /}), so the
 * check cannot be left to it. On the first bad byte this stream records where it is and hands the parser a
 * NUL byte in its place, then the end of input: the parser fails exactly there, inside the value being read,
 * and the import reports the byte offset with the pointer of that value. Not thread-safe.
 */
final class CheckedInput extends InputStream {
    static final String ALLOWED = "well-formed UTF-8 (RFC 3629): no overlong forms, no encoded surrogates "
            + "(U+D800 to U+DFFF), no code points above U+10FFFF, no truncated sequences and no NUL bytes";
    private static final int RING = 1 << 14;

    private final InputStream in;
    private final byte[] ring;
    private long offset;
    private int need;
    private int lo = 0x80;
    private int hi = 0xBF;
    private final byte[] seq = new byte[4];
    private int seqLength;
    private long seqStart;
    private long badAt = -1;
    private @Nullable String badText;
    private boolean ended;

    CheckedInput(InputStream in) {
        this(in, RING);
    }

    /** With a ring of another size (a power of two), for tests that create many. */
    CheckedInput(InputStream in, int ringSize) {
        this.in = Objects.requireNonNull(in, "in");
        this.ring = new byte[ringSize];
    }

    /** The offset of the first byte of the first ill-formed sequence, or -1 if none was met. */
    long badAt() {
        return badAt;
    }

    /** The first ill-formed sequence as a violation value: {@code (invalid UTF-8 at byte offset 13: C0 AF)}. */
    String badValue() {
        return "(invalid UTF-8 at byte offset " + badAt + ": " + badText + ")";
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (ended) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            if (need > 0) {
                bad(seqStart, "truncated sequence " + hex(seq, seqLength) + " at the end of input");
                b[off] = 0;
                keep(b, off, 1);
                return 1;
            }
            return -1;
        }
        scan:
        for (int i = 0; i < n; i++) {
            if (need == 0) {
                // well-formed runs skipped whole, in one loop until a byte needs the machine below: eight ASCII
                // bytes without NUL at a time, single ASCII bytes other than NUL, and complete two- and three-byte
                // sequences whose ranges need no state (what the machine accepts, it alone finding and naming any
                // fault)
                while (true) {
                    while (i + 8 <= n && ascii((long) LONGS.get(b, off + i))) {
                        i += 8;
                    }
                    if (i >= n) {
                        break scan;
                    }
                    int lead = b[off + i] & 0xFF;
                    if (lead < 0x80 && lead != 0) {
                        i += 1;
                    } else if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && i + 2 < n
                            && (b[off + i + 1] & 0xC0) == 0x80 && (b[off + i + 2] & 0xC0) == 0x80) {
                        i += 3;
                    } else if (lead >= 0xC2 && lead <= 0xDF && i + 1 < n && (b[off + i + 1] & 0xC0) == 0x80) {
                        i += 2;
                    } else {
                        break; // the machine reads this byte
                    }
                }
            }
            int c = b[off + i] & 0xFF;
            if (need == 0 && c < 0x80 && c != 0) {
                continue;
            }
            if (need == 0) {
                seqStart = offset + i;
                seqLength = 0;
                if (c == 0) {
                    bad(seqStart, "a NUL byte");
                } else if (c < 0x80) {
                    continue;
                } else if (c >= 0xC2 && c <= 0xDF) {
                    start(1, 0x80, 0xBF);
                } else if (c == 0xE0) {
                    start(2, 0xA0, 0xBF);
                } else if (c == 0xED) {
                    start(2, 0x80, 0x9F);
                } else if (c >= 0xE1 && c <= 0xEF) {
                    start(2, 0x80, 0xBF);
                } else if (c == 0xF0) {
                    start(3, 0x90, 0xBF);
                } else if (c >= 0xF1 && c <= 0xF3) {
                    start(3, 0x80, 0xBF);
                } else if (c == 0xF4) {
                    start(3, 0x80, 0x8F);
                } else {
                    seq[seqLength++] = (byte) c;
                    bad(seqStart, following(b, off + i + 1, off + n));
                }
                if (badAt < 0) {
                    seq[seqLength++] = (byte) c;
                }
            } else if (c < lo || c > hi) {
                seq[seqLength++] = (byte) c;
                bad(seqStart, following(b, off + i + 1, off + n));
            } else {
                seq[seqLength++] = (byte) c;
                need--;
                lo = 0x80;
                hi = 0xBF;
            }
            if (badAt >= 0) {
                b[off + i] = 0;
                n = i + 1;
                break;
            }
        }
        keep(b, off, n);
        return n;
    }

    private void start(int continuations, int low, int high) {
        need = continuations;
        lo = low;
        hi = high;
    }

    /** The sequence so far plus the continuation bytes that follow it in the buffer, up to four bytes in all. */
    private String following(byte[] b, int from, int to) {
        int n = seqLength;
        byte[] all = new byte[4];
        System.arraycopy(seq, 0, all, 0, n);
        for (int i = from; i < to && n < 4 && (b[i] & 0xC0) == 0x80; i++) {
            all[n++] = b[i];
        }
        return hex(all, n);
    }

    private void bad(long at, String text) {
        badAt = at;
        badText = text;
        ended = true;
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /**
     * Whether eight bytes are all ASCII and none is NUL: no high bit, and no borrow out of any byte when one is
     * taken from each (a NUL byte borrows; a false alarm only sends the bytes to the byte-wise check).
     */
    private static boolean ascii(long v) {
        return ((v | (v - 0x0101010101010101L)) & 0x8080808080808080L) == 0;
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", b[i] & 0xFF));
        }
        return sb.toString();
    }

    private void keep(byte[] b, int off, int n) {
        int from = off;
        int left = n;
        if (left > ring.length) {
            from += left - ring.length;
            offset += left - ring.length;
            left = ring.length;
        }
        while (left > 0) {
            int at = (int) (offset % ring.length);
            int chunk = Math.min(left, ring.length - at);
            System.arraycopy(b, from, ring, at, chunk);
            from += chunk;
            left -= chunk;
            offset += chunk;
        }
    }

    /**
     * The text at fault for a parse error at a byte offset already read: from the start of the number or
     * word the offset falls in or follows (the parser reports some errors, such as a leading zero or
     * {@code NaN}, after the start of the token; a control character is reported where it is, inside a
     * string), up to 24 characters and up to the end of its line, with
     * control characters shown as escapes; {@code (end of input)} at the end; null if no longer kept.
     */
    @Nullable String textAt(long errorAt) {
        long at = errorAt;
        if (at < 0 || at < offset - ring.length || at > offset) {
            return null;
        }
        if (at == offset) {
            return "(end of input)";
        }
        boolean inString = (ring[(int) (at % ring.length)] & 0xFF) < 0x20;
        for (int back = 0; !inString && back < 64 && at > 0 && at > offset - ring.length
                && word(ring[(int) ((at - 1) % ring.length)]); back++) {
            at--;
        }
        int n = (int) Math.min(96, offset - at);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = ring[(int) ((at + i) % ring.length)];
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 24; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "(end of line)" : sb.toString();
    }

    private static boolean word(byte b) {
        return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b == '+' || b == '-' || b == '.';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
