package org.dualprevention.engine.closedloop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.dualprevention.internal.IsoTimes;
import org.jspecify.annotations.Nullable;

/**
 * The canonical text form of command data in audit entries: {@code key=value} lines sorted by key, each
 * ending in a line feed. Values escape {@code \} as {@code \\}, line feed as {@code \n}, carriage return as
 * {@code \r} and other control characters as {@code \}{@code uXXXX}, so one line is one entry. Lists use
 * keys {@code name.0}, {@code name.1}, …; absent optional values have no line. Not part of the API.
 */
final class CanonicalData {
    /** The values of parsed text (or of built data once read back), sorted by key; null while only built. */
    private @Nullable SortedMap<String, String> values;
    /** Built data: keys and values in the order put, sorted once by {@link #text()}. */
    private final List<String> keys;
    private final List<String> vals;

    private CanonicalData(@Nullable SortedMap<String, String> values) {
        this.values = values;
        this.keys = new ArrayList<>(values == null ? 32 : 0);
        this.vals = new ArrayList<>(values == null ? 32 : 0);
    }

    static CanonicalData empty() {
        return new CanonicalData(null);
    }

    CanonicalData put(String key, Object value) {
        if (values != null) {
            throw new IllegalStateException("parsed audit data is read only");
        }
        keys.add(key);
        // an instant's text as Instant.toString gives it, without DateTimeFormatter (IsoTimes is checked equal)
        vals.add(value instanceof Instant ? IsoTimes.format((Instant) value) : String.valueOf(value));
        return this;
    }

    CanonicalData putOptional(String key, Optional<?> value) {
        if (value.isPresent()) {
            put(key, value.get());
        }
        return this;
    }

    CanonicalData putList(String key, List<?> list) {
        for (int i = 0; i < list.size(); i++) {
            put(key + "." + i, list.get(i));
        }
        return this;
    }

    /**
     * The lines sorted by key (the order of {@link String#compareTo}, as a {@code TreeMap} of the keys would
     * give), each value escaped.
     *
     * @throws IllegalStateException if a key was put twice
     */
    String text() {
        if (values != null) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : values.entrySet()) {
                sb.append(e.getKey()).append('=');
                escapeInto(e.getValue(), sb);
                sb.append('\n');
            }
            return sb.toString();
        }
        int n = keys.size();
        int[] order = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            // insertion sort of the positions by key: a few dozen keys, mostly put in order already
            String key = keys.get(i);
            int j = i;
            while (j > 0 && keys.get(order[j - 1]).compareTo(key) > 0) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
            length += key.length() + vals.get(i).length() + 2;
        }
        StringBuilder sb = new StringBuilder(length + 16);
        for (int j = 0; j < n; j++) {
            String key = keys.get(order[j]);
            if (j > 0 && key.equals(keys.get(order[j - 1]))) {
                throw new IllegalStateException("duplicate key " + key);
            }
            sb.append(key).append('=');
            escapeInto(vals.get(order[j]), sb);
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The values by key: parsed, or built and read back (duplicates refused as {@link #text()} does). */
    private SortedMap<String, String> map() {
        SortedMap<String, String> m = values;
        if (m == null) {
            m = new TreeMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (m.put(keys.get(i), vals.get(i)) != null) {
                    throw new IllegalStateException("duplicate key " + keys.get(i));
                }
            }
        }
        return m;
    }

    static CanonicalData parse(String text) {
        SortedMap<String, String> map = new TreeMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                throw new IllegalArgumentException("audit data line without a line feed at offset " + start);
            }
            String line = text.substring(start, end);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("audit data line without a key: [" + line + "]");
            }
            if (map.put(line.substring(0, eq), unescape(line.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("audit data repeats key [" + line.substring(0, eq) + "]");
            }
            start = end + 1;
        }
        return new CanonicalData(map);
    }

    String require(String key) {
        String v = map().get(key);
        if (v == null) {
            throw new IllegalArgumentException("audit data lacks key [" + key + "]");
        }
        return v;
    }

    <T> T require(String key, Function<String, T> parser) {
        return parser.apply(require(key));
    }

    <T> Optional<T> optional(String key, Function<String, T> parser) {
        String v = map().get(key);
        return v == null ? Optional.empty() : Optional.of(parser.apply(v));
    }

    <T> List<T> list(String key, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (int i = 0;; i++) {
            String v = map().get(key + "." + i);
            if (v == null) {
                break;
            }
            out.add(parser.apply(v));
        }
        return Collections.unmodifiableList(out);
    }

    // ------------------------------------------------------------------------------------------ lines written in order

    /**
     * Appends the line {@code key=value} (the value escaped) to {@code sb}. For encoders that write their lines in
     * key order themselves ({@link StateHash}); the result is the text {@link #text()} gives for the same lines.
     */
    static void line(StringBuilder sb, String key, String value) {
        sb.append(key).append('=');
        escapeInto(value, sb);
        sb.append('\n');
    }

    /**
     * The line {@code key=value} of a value that has no character to escape by construction: a code of an enumeration
     * (lower-case letters and hyphens), a decimal number's {@code toString}. {@link #line(StringBuilder, String,
     * String)} would copy it unchanged after scanning it; a test checks every code.
     */
    static void plainLine(StringBuilder sb, String key, String value) {
        sb.append(key).append('=').append(value).append('\n');
    }

    /** {@link #line(StringBuilder, String, String)} of a number ({@link String#valueOf(long)}: nothing to escape). */
    static void line(StringBuilder sb, String key, long value) {
        sb.append(key).append('=').append(value).append('\n');
    }

    /**
     * {@link #line(StringBuilder, String, String)} of an instant, written as {@link #put} writes it (ISO-8601: digits,
     * {@code -+:.TZ}, nothing to escape).
     */
    static void line(StringBuilder sb, String key, Instant value) {
        plainLine(sb, key, IsoTimes.format(value));
    }

    /**
     * {@link #line(StringBuilder, String, String)} of a date, written as {@link #put} writes it (ISO-8601: digits,
     * {@code -+}, nothing to escape).
     */
    static void line(StringBuilder sb, String key, java.time.LocalDate value) {
        plainLine(sb, key, value.toString());
    }

    /** {@link #line(StringBuilder, String, String)} of list element {@code index}: the key {@code prefix + index}. */
    static void line(StringBuilder sb, String prefix, int index, String value) {
        sb.append(prefix).append(index).append('=');
        escapeInto(value, sb);
        sb.append('\n');
    }

    /** The natural order of 0 … n-1 for n up to ten, which is the key order too. */
    private static final int[][] SMALL = new int[11][];

    static {
        for (int n = 0; n <= 10; n++) {
            SMALL[n] = new int[n];
            for (int i = 0; i < n; i++) {
                SMALL[n][i] = i;
            }
        }
    }

    /**
     * The indices {@code 0 … n-1} of a list in the order {@link #text()} puts its keys {@code name.0}, {@code name.1},
     * …: the order of their decimal texts ({@code 0, 1, 10, 11, 2, …}; up to ten, the natural order).
     *
     * @param n the size of the list
     * @return the indices in key order (not to be changed by the caller)
     */
    static int[] indexOrder(int n) {
        if (n <= 10) {
            return SMALL[n];
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, java.util.Comparator.comparing(String::valueOf));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    static String escape(String s) {
        int i = firstToEscape(s);
        if (i < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        escapeInto(s, sb);
        return sb.toString();
    }

    /**
     * Appends {@code s} escaped (see the class comment) to {@code sb}: the runs of characters that need no escape are
     * copied whole (one array copy each), each character that does is replaced. The scan for the next character to
     * escape is a loop of its own, which the compiler keeps tight.
     */
    static void escapeInto(String s, StringBuilder sb) {
        int n = s.length();
        int i = nextToEscape(s, 0, n);
        if (i < 0) {
            sb.append(s);
            return;
        }
        int run = 0;
        while (i >= 0) {
            if (i > run) {
                sb.append(s, run, i);
            }
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append('\\').append('\\');
            } else if (c == '\n') {
                sb.append('\\').append('n');
            } else if (c == '\r') {
                sb.append('\\').append('r');
            } else {
                sb.append('\\').append('u').append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
            run = i + 1;
            i = nextToEscape(s, run, n);
        }
        if (run < n) {
            sb.append(s, run, n);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * The index of the first character from {@code from} (below {@code n}, the length) that escaping changes, or -1:
     * the backslash and the ISO control characters ({@link Character#isISOControl(char)}: up to U+001F and U+007F to
     * U+009F).
     */
    private static int nextToEscape(String s, int from, int n) {
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' || c <= '\u001f' || (c >= '\u007f' && c <= '\u009f')) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first character that escaping changes, or -1. */
    private static int firstToEscape(String s) {
        return nextToEscape(s, 0, s.length());
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                throw new IllegalArgumentException("dangling escape in audit data");
            }
            char n = s.charAt(++i);
            if (n == '\\') {
                sb.append('\\');
            } else if (n == 'n') {
                sb.append('\n');
            } else if (n == 'r') {
                sb.append('\r');
            } else if (n == 'u' && i + 4 < s.length()) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                throw new IllegalArgumentException("bad escape [\\" + n + "] in audit data");
            }
        }
        return sb.toString();
    }
}
