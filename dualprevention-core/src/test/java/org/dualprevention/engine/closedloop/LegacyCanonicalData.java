package org.dualprevention.engine.closedloop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * TEST ONLY: the encoder of release 0.2 before issue 17 rewrote it, kept unchanged to prove the new one writes the
 * same bytes ({@link CanonicalEncodingEquivalenceTest}). The canonical text form of command data in audit entries: {@code key=value} lines sorted by key, each
 * ending in a line feed. Values escape {@code \} as {@code \\}, line feed as {@code \n}, carriage return as
 * {@code \r} and other control characters as {@code \}{@code uXXXX}, so one line is one entry. Lists use
 * keys {@code name.0}, {@code name.1}, …; absent optional values have no line. Not part of the API.
 */
final class LegacyCanonicalData {
    private final SortedMap<String, String> values;

    private LegacyCanonicalData(SortedMap<String, String> values) {
        this.values = values;
    }

    static LegacyCanonicalData empty() {
        return new LegacyCanonicalData(new TreeMap<>());
    }

    LegacyCanonicalData put(String key, Object value) {
        if (values.put(key, String.valueOf(value)) != null) {
            throw new IllegalStateException("duplicate key " + key);
        }
        return this;
    }

    LegacyCanonicalData putOptional(String key, Optional<?> value) {
        value.ifPresent(v -> put(key, v));
        return this;
    }

    LegacyCanonicalData putList(String key, List<?> list) {
        for (int i = 0; i < list.size(); i++) {
            put(key + "." + i, list.get(i));
        }
        return this;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            sb.append(e.getKey()).append('=').append(escape(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    static LegacyCanonicalData parse(String text) {
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
        return new LegacyCanonicalData(map);
    }

    String require(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("audit data lacks key [" + key + "]");
        }
        return v;
    }

    <T> T require(String key, Function<String, T> parser) {
        return parser.apply(require(key));
    }

    <T> Optional<T> optional(String key, Function<String, T> parser) {
        String v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(parser.apply(v));
    }

    <T> List<T> list(String key, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (int i = 0;; i++) {
            String v = values.get(key + "." + i);
            if (v == null) {
                break;
            }
            out.add(parser.apply(v));
        }
        return Collections.unmodifiableList(out);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
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
