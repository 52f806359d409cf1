package org.dualprevention.json;

import java.util.ArrayList;
import java.util.List;

import org.dualprevention.Violation;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** Collects problems with JSON Pointers, up to a cap. Not thread-safe. */
final class Problems {
    static final String MISSING = "(missing)";
    private static final int MAX_VALUE_TEXT = 80;

    private final int max;
    private final List<Violation> found = new ArrayList<>();
    private @Nullable Violation fatal;
    private long count;
    private long structural;

    Problems(int max) {
        this.max = max;
    }

    /** Adds a problem in the shape or values of the JSON itself: the value being read is unusable. */
    void add(String pointer, @Nullable Object value, String allowed) {
        structural++;
        addCross(pointer, value, allowed);
    }

    /**
     * Adds the problem that ends the reading (malformed JSON or UTF-8, a breached limit): it is listed even
     * when the cap is reached, since it explains why nothing after it was checked.
     */
    void fatal(String pointer, @Nullable Object value, String allowed) {
        structural++;
        count++;
        fatal = new Violation(pointer, render(value), allowed);
    }

    /**
     * Adds a problem found by a check across values (a dangling reference, a repeated id, a disagreeing
     * score): the value itself could still be built.
     */
    void addCross(String pointer, @Nullable Object value, String allowed) {
        count++;
        if (found.size() < max) {
            found.add(new Violation(pointer, render(value), allowed));
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    long count() {
        return count;
    }

    /** The number of problems that made a value unusable (not counting cross-value checks). */
    long structural() {
        return structural;
    }

    boolean full() {
        return found.size() >= max;
    }

    List<Violation> list() {
        List<Violation> out = new ArrayList<>(found);
        if (fatal != null) {
            out.add(fatal);
        }
        if (count > out.size()) {
            out.add(new Violation("", "(" + (count - out.size()) + " more problems not listed)",
                    "at most " + max + " problems are listed; fix these and import again"));
        }
        return out;
    }

    static String render(@Nullable Object value) {
        if (value == null) {
            return MISSING;
        }
        String text;
        if (value instanceof JsonNode) {
            JsonNode n = (JsonNode) value;
            if (n.isMissingNode()) {
                return MISSING;
            }
            if (n.isContainer()) {
                text = n.isObject() ? "{…}" : "[…]";
            } else {
                text = n.toString();
            }
        } else {
            text = String.valueOf(value);
        }
        if (ModelReader.badUnicode(text, true) >= 0) {
            text = ModelReader.escapeText(text, false);
        }
        if (text.length() > MAX_VALUE_TEXT) {
            text = text.substring(0, MAX_VALUE_TEXT - 1) + "…";
        }
        return text;
    }

    /** Appends a property name to a JSON Pointer, escaping {@code ~} and {@code /}. */
    static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** Appends an array index to a JSON Pointer. */
    static String child(String pointer, long index) {
        return pointer + "/" + index;
    }
}
