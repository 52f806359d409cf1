package org.dualprevention.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

import org.dualprevention.ValidationException;
import org.dualprevention.Violation;

/**
 * Argument checks for the spi module, which may not use Guava. Not exported.
 *
 * <p>Text checks: every id and every required name or description must be well-formed Unicode without
 * non-characters, and free text must be well-formed Unicode. Such text survives every store unchanged: a
 * database encoding text as UTF-8 cannot store an unpaired surrogate (PostgreSQL's driver turns
 * <code>RP-&#92;uD800</code> into {@code RP-?}, which then collides with <code>RP-&#92;uDBFF</code>), and a non-character is
 * reserved for a program's internal use, never interchanged. Both are refused with a
 * {@link ValidationException} naming the field, the value with the offending character escaped as
 * <code>&#92;uXXXX</code>, and what is allowed.
 */
public final class Checks {
    private static final int MAX_ID_LENGTH = 128;

    /** What ids and names allow, beyond their other rules. */
    public static final String UNICODE_NAME = "well-formed Unicode text: no unpaired surrogate (U+D800 to U+DFFF)"
            + " and no non-character (U+FDD0 to U+FDEF, or the last two code points of any plane, such as U+FFFE"
            + " and U+10FFFF)";
    /** What free text allows. */
    public static final String UNICODE_TEXT = "well-formed Unicode text: no unpaired surrogate (U+D800 to U+DFFF)";

    private Checks() {
    }

    /**
     * Checks that {@code value} is a usable key for a typed id and returns it unchanged.
     *
     * @throws IllegalArgumentException if it is blank, too long or holds a control character
     * @throws ValidationException if it holds an unpaired surrogate or a non-character
     */
    public static String idValue(String value, String type) {
        Objects.requireNonNull(value, type);
        if (isPlainId(value)) {
            return value;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(type + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(type + " [" + value.substring(0, 20) + "...] is " + value.length()
                    + " characters long; allowed: at most " + MAX_ID_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(type + " [" + value.replaceAll("\\p{Cntrl}", "?")
                        + "] contains a control character at index " + i + "; allowed: printable characters");
            }
        }
        unicode(value, type, true);
        return value;
    }

    /**
     * Whether an id passes every check of {@link #idValue} for a reason seen in one pass: at most
     * {@value #MAX_ID_LENGTH} characters, each printable ASCII ({@code U+0020} to {@code U+007E}: no control
     * character, no surrogate, no non-character) and one of them not a space (so not blank). Ids made by the library
     * and most hosts' ids are such (a random command id is 36 of them); any other id takes the general checks.
     */
    private static boolean isPlainId(String value) {
        int n = value.length();
        if (n > MAX_ID_LENGTH) {
            return false;
        }
        boolean blank = true;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
            if (c != ' ') {
                blank = false;
            }
        }
        return !blank;
    }

    /**
     * Checks that {@code value} is not blank and returns it stripped.
     *
     * @throws IllegalArgumentException if it is blank
     * @throws ValidationException if it holds an unpaired surrogate or a non-character
     */
    public static String notBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        unicode(value, name, true);
        return value.strip();
    }

    /**
     * Checks that free text (possibly empty) is well-formed Unicode and returns it unchanged.
     *
     * @throws ValidationException if it holds an unpaired surrogate
     */
    public static String text(String value, String name) {
        Objects.requireNonNull(value, name);
        unicode(value, name, false);
        return value;
    }

    /**
     * The index of the first unpaired surrogate in {@code s}, or (when {@code nonCharacters}) of the first
     * non-character; -1 if there is none.
     */
    public static int badUnicode(String s, boolean nonCharacters) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < Character.MIN_SURROGATE) {
                continue; // below U+D800: neither a surrogate nor a non-character (those start at U+FDD0)
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return i;
                }
                if (nonCharacters && isNonCharacter(Character.toCodePoint(c, s.charAt(i + 1)))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || nonCharacters && isNonCharacter(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a code point is one of Unicode's 66 non-characters. */
    public static boolean isNonCharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF
                || (codePoint & 0xFFFE) == 0xFFFE && codePoint >= 0 && codePoint <= Character.MAX_CODE_POINT;
    }

    private static void unicode(String value, String field, boolean nonCharacters) {
        int bad = badUnicode(value, nonCharacters);
        if (bad < 0) {
            return;
        }
        char c = value.charAt(bad);
        String what;
        if (Character.isSurrogate(c) && (Character.isLowSurrogate(c) || bad + 1 == value.length()
                || !Character.isLowSurrogate(value.charAt(bad + 1)))) {
            what = "an unpaired surrogate " + String.format("\\u%04X", (int) c);
        } else {
            what = "the non-character " + String.format("U+%04X", value.codePointAt(bad));
        }
        String allowed = (nonCharacters ? UNICODE_NAME : UNICODE_TEXT) + "; found " + what + " at index " + bad;
        throw new ValidationException(field, List.of(Violation.of(field, escape(value, bad), allowed)));
    }

    /**
     * The text with every control character, surrogate that is not part of a pair and non-character written
     * as <code>&#92;uXXXX</code>; text of more than 80 characters is cut to a window around {@code around}.
     */
    public static String escape(String s, int around) {
        int from = 0;
        int to = s.length();
        if (to > 80) {
            from = Math.max(0, around - 40);
            to = Math.min(s.length(), from + 80);
            if (from > 0 && Character.isLowSurrogate(s.charAt(from))) {
                from++;
            }
            if (to < s.length() && Character.isLowSurrogate(s.charAt(to))) {
                to++;
            }
        }
        StringBuilder sb = new StringBuilder(to - from + 16);
        if (from > 0) {
            sb.append('…');
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                if (isNonCharacter(cp)) {
                    sb.append(String.format("\\u%04X\\u%04X", (int) c, (int) s.charAt(i + 1)));
                } else {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) || isNonCharacter(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (to < s.length()) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** Throws {@link IllegalArgumentException} with a formatted message unless {@code condition} holds. */
    public static void checkArgument(boolean condition, String template, @Nullable Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(template, args));
        }
    }

    /**
     * Whether the text is 64 lower-case hex digits (the regular expression {@code [0-9a-f]{64}}, without one): the
     * form of every SHA-256 digest the model keeps (audit heads, command fingerprints).
     *
     * @param s the text
     * @return whether it has that form
     */
    public static boolean isLowerHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (c >= LOWER_HEX.length || !LOWER_HEX[c]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a character up to 'f' is a lower-case hex digit. */
    private static final boolean[] LOWER_HEX = new boolean['f' + 1];

    static {
        for (char c = '0'; c <= '9'; c++) {
            LOWER_HEX[c] = true;
        }
        for (char c = 'a'; c <= 'f'; c++) {
            LOWER_HEX[c] = true;
        }
    }
}
