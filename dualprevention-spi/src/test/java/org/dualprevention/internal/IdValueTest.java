package org.dualprevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.junit.jupiter.api.Test;

/**
 * {@link Checks#idValue} takes a one-pass path for ids of printable ASCII; it must accept and refuse exactly what the
 * general checks (a copy of them here, the reference) accept and refuse, with the same exception class and message:
 * every character alone, after a letter, before a letter and after a space (exhaustively), blank texts, lengths around
 * the limit, and seeded random texts over an alphabet of edge characters (seed in every failure). A refusal for
 * malformed Unicode is compared with its whole message, built here as the general check builds it.
 */
class IdValueTest {
    private static final long SEED = 20261206L;
    private static final String EDGES = "a Z0~ \t\n\u001f\u007f\u0080\u009f\u00a0\u00ff\u0100\u2028\u3000\ud800\udc00"
            + "\udbff\udfff\ufdd0\ufffe\uffff\u4e2d-_.:/";

    /** The checks of idValue before the one-pass path, as an outcome text. */
    private static String reference(String value) {
        if (value.isBlank()) {
            return IllegalArgumentException.class.getName() + ": T must not be blank";
        }
        if (value.length() > 128) {
            return IllegalArgumentException.class.getName() + ": T [" + value.substring(0, 20) + "...] is "
                    + value.length() + " characters long; allowed: at most 128";
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return IllegalArgumentException.class.getName() + ": T [" + value.replaceAll("\\p{Cntrl}", "?")
                        + "] contains a control character at index " + i + "; allowed: printable characters";
            }
        }
        int bad = Checks.badUnicode(value, true);
        if (bad >= 0) {
            char c = value.charAt(bad);
            String what;
            if (Character.isSurrogate(c) && (Character.isLowSurrogate(c) || bad + 1 == value.length()
                    || !Character.isLowSurrogate(value.charAt(bad + 1)))) {
                what = "an unpaired surrogate " + String.format("\\u%04X", (int) c);
            } else {
                what = "the non-character " + String.format("U+%04X", value.codePointAt(bad));
            }
            ValidationException expected = new ValidationException("T", List.of(Violation.of("T",
                    Checks.escape(value, bad), Checks.UNICODE_NAME + "; found " + what + " at index " + bad)));
            return ValidationException.class.getName() + " at " + bad + ": " + expected.getMessage();
        }
        return "ok " + value;
    }

    private static String actual(String value) {
        try {
            String v = Checks.idValue(value, "T");
            if (v != value) {
                return "not the same string";
            }
            return "ok " + v;
        } catch (ValidationException e) {
            return ValidationException.class.getName() + " at " + Checks.badUnicode(value, true) + ": " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static void same(String value, String what) {
        assertEquals(reference(value), actual(value), what + " [" + escape(value) + "] (seed " + SEED + ")");
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= ' ' && c <= '~' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }

    @Test
    void everyCharacterInFourPlaces() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = String.valueOf((char) c);
            same(s, "alone");
            same("a" + s, "after a letter");
            same(s + "b", "before a letter");
            same(" " + s, "after a space");
        }
    }

    @Test
    void blankTextsAndLengthsAroundTheLimit() {
        for (int n = 0; n < 4; n++) {
            same(" ".repeat(n), "spaces");
            same("\t".repeat(n), "tabs");
        }
        for (int n = 120; n < 135; n++) {
            same("x".repeat(n), "letters");
            same(" ".repeat(n), "spaces");
            same(" ".repeat(n - 1) + "x", "spaces then a letter");
            same("x".repeat(n - 1) + "\u0001", "letters then a control character");
            same("x".repeat(n - 1) + "\u4e2d", "letters then a CJK character");
        }
    }

    @Test
    void seededRandomTexts() {
        Random r = new Random(SEED);
        for (int k = 0; k < 50_000; k++) {
            int n = r.nextInt(8) == 0 ? 120 + r.nextInt(12) : r.nextInt(8);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(r.nextInt(3) == 0 ? EDGES.charAt(r.nextInt(EDGES.length())) : (char) (' ' + r.nextInt(95)));
            }
            same(sb.toString(), "random text " + k);
        }
    }
}
