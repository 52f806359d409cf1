package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dualprevention.Violation;
import org.junit.jupiter.api.Test;

/**
 * Ill-formed UTF-8 is refused with its byte offset and the pointer of the value it sits in, in every
 * string of every document type: overlong forms (an overlong {@code /} must not become {@code /}), code
 * points above U+10FFFF, encoded surrogates, stray continuation bytes, truncated sequences and NUL bytes.
 * Well-formed UTF-8 of every plane, 4-byte emoji included, still imports. And the checking stream itself
 * agrees with the JDK's strict decoder on every short byte sequence.
 */
class InvalidUtf8Test {
    /** Ill-formed sequences by name; each is refused where it starts. */
    static final Map<String, byte[]> BAD = Map.ofEntries(
            Map.entry("overlong slash", bytes(0xC0, 0xAF)),
            Map.entry("overlong 3-byte slash", bytes(0xE0, 0x80, 0xAF)),
            Map.entry("overlong 4-byte slash", bytes(0xF0, 0x80, 0x80, 0xAF)),
            Map.entry("overlong 2-byte A", bytes(0xC1, 0x81)),
            Map.entry("U+110000", bytes(0xF4, 0x90, 0x80, 0x80)),
            Map.entry("U+1FFFFF", bytes(0xF7, 0xBF, 0xBF, 0xBF)),
            Map.entry("5-byte form", bytes(0xF8, 0x88, 0x80, 0x80, 0x80)),
            Map.entry("encoded high surrogate", bytes(0xED, 0xA0, 0x80)),
            Map.entry("encoded low surrogate", bytes(0xED, 0xBF, 0xBF)),
            Map.entry("encoded surrogate pair", bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80)),
            Map.entry("stray continuation", bytes(0x80)),
            Map.entry("truncated 3-byte", bytes(0xE4, 0xB8)),
            Map.entry("truncated 4-byte", bytes(0xF0, 0x9F, 0x98)),
            Map.entry("byte FE", bytes(0xFE)),
            Map.entry("byte FF", bytes(0xFF)),
            Map.entry("NUL", bytes(0x00)));

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    /** The document with {@code a<bad>b} as the content of the string at one position; also returns the offset. */
    static byte[] splice(byte[] text, int at, byte[] bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(bad);
        out.write(text, at, text.length - at);
        return out.toByteArray();
    }

    @Test
    void illFormedUtf8InEveryStringOfEveryDocumentIsRefusedWithItsByteOffset() {
        for (Hostile.Doc doc : Hostile.Doc.values()) {
            List<Hostile.Part> valid = doc.parts(doc.valid(5));
            List<Hostile.Position> positions = Hostile.positions(valid);
            List<String> names = new ArrayList<>(BAD.keySet());
            names.sort(null);
            int k = 0;
            for (int i = 0; i < positions.size(); i++) {
                if (!positions.get(i).spot().value().isString()) {
                    continue;
                }
                String pointer = positions.get(i).pointer();
                byte[] marked = Hostile.substitute(doc, valid, i, "\"a@@UTF@@b\"");
                String text = new String(marked, StandardCharsets.UTF_8);
                int at = text.substring(0, text.indexOf("@@UTF@@")).getBytes(StandardCharsets.UTF_8).length;
                byte[] base = text.replace("@@UTF@@", "").getBytes(StandardCharsets.UTF_8);
                // each position gets two of the sequences in turn, so all are tried in every document type
                for (int j = 0; j < 2; j++) {
                    String name = names.get(k++ % names.size());
                    byte[] bad = splice(base, at, BAD.get(name));
                    String what = doc + " with " + name + " at byte " + at + " in the string at " + pointer;
                    JsonImportException e = Hostile.refused(doc, bad, ImportOptions.defaults(), what);
                    Violation v = e.violations().stream().filter(x -> x.value().contains("invalid UTF-8")).findFirst()
                            .orElseThrow(() -> new AssertionError("no UTF-8 violation for " + what + ": " + e.getMessage()));
                    assertTrue(v.value().contains("byte offset " + at + ":"), "wrong offset for " + what + ": " + v);
                    assertEquals(pointer, v.path(), "wrong pointer for " + what + ": " + v);
                    assertEquals(CheckedInput.ALLOWED, v.allowed(), what);
                }
            }
        }
    }

    @Test
    void anOverlongSlashIsNeverDecodedAsASlash() {
        byte[] doc = ("{\"format\":\"dualprevention.hidden-dangers\",\"version\":1,\"x\":\"a").getBytes(StandardCharsets.UTF_8);
        byte[] bad = splice(splice(doc, doc.length, bytes(0xC0, 0xAF)), doc.length + 2,
                "b\",\"hiddenDangers\":[]}".getBytes(StandardCharsets.UTF_8));
        JsonImportException e = Hostile.refused(Hostile.Doc.LEDGER, bad, ImportOptions.defaults().lenient(), "overlong slash");
        assertEquals(List.of(new Violation("/x", "(invalid UTF-8 at byte offset " + doc.length + ": C0 AF)", CheckedInput.ALLOWED)),
                e.violations());
    }

    @Test
    void aSequenceCutByTheEndOfInputIsRefused() {
        byte[] doc = "{\"format\":\"dualprevention.hidden-dangers\",\"version\":1,\"hiddenDangers\":[\""
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = splice(doc, doc.length, bytes(0xF0, 0x9F));
        JsonImportException e = Hostile.refused(Hostile.Doc.LEDGER, bad, ImportOptions.defaults(), "cut sequence");
        assertTrue(e.violations().stream().anyMatch(v -> v.value().equals("(invalid UTF-8 at byte offset " + doc.length
                + ": truncated sequence F0 9F at the end of input)")), e.getMessage());
    }

    /**
     * The stream and the JDK's strict decoder agree: on every sequence of two bytes, on every sequence of
     * up to three bytes drawn from the bytes at each boundary of the encoding, and on four-byte sequences
     * of those bytes behind each kind of four-byte lead.
     */
    @Test
    void theCheckAgreesWithTheJdkStrictDecoderOnShortSequences() throws IOException {
        int[] interesting = {0x00, 0x01, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFE, 0xFF};
        java.nio.charset.CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder();
        int checked = 0;
        for (int a = 0; a < 256; a++) {
            checked += agree(jdk, a);
            for (int b = 0; b < 256; b++) {
                checked += agree(jdk, a, b);
            }
        }
        for (int a : interesting) {
            for (int b : interesting) {
                for (int c : interesting) {
                    checked += agree(jdk, a, b, c);
                }
            }
        }
        for (int lead : new int[] {0xF0, 0xF1, 0xF4, 0xF5}) {
            for (int b : interesting) {
                for (int c : interesting) {
                    for (int d : interesting) {
                        checked += agree(jdk, lead, b, c, d);
                    }
                }
            }
        }
        assertTrue(checked > 180_000, "checked " + checked);
    }

    private static int agree(java.nio.charset.CharsetDecoder jdk, int... bytes) throws IOException {
        byte[] b = bytes(bytes);
        boolean strict = strictJdk(jdk, b);
        CheckedInput in = new CheckedInput(new java.io.ByteArrayInputStream(b), 16);
        in.readAllBytes();
        assertEquals(strict, in.badAt() < 0, () -> "disagreement on " + hexOf(b));
        return 1;
    }

    /** Well-formed per the JDK's strict decoder, with NUL refused as the import refuses it. */
    static boolean strictJdk(java.nio.charset.CharsetDecoder jdk, byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        try {
            jdk.reset();
            jdk.decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    static String hexOf(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X ", x & 0xFF));
        }
        return sb.toString().trim();
    }

    /** The check holds across reads of any size: one byte at a time the result is the same. */
    @Test
    void theCheckCarriesAcrossReads() throws IOException {
        byte[] doc = "{\"a\":\"\u00e9\u4e2d\ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int i;

            @Override
            public int read() {
                return i < doc.length ? doc[i++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= doc.length) {
                    return -1;
                }
                b[off] = doc[i++];
                return 1;
            }
        };
        CheckedInput in = new CheckedInput(trickle);
        assertEquals(new String(doc, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(-1, in.badAt());
    }
}
