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
    /** The longest allowed text kept; a longer one (a list of thousands of ids) is cut. */
    private static final int MAX_ALLOWED_TEXT = 1000;

    private final int max;
    private final List<Violation> found = new ArrayList<>();
    private @Nullable Violation fatal;
    private long count;
    private long structural;
    /** Where the problems of the item being read go in a quarantine import; null otherwise. */
    private @Nullable Redirect redirect;
    private long redirected;

    /** Receives the problems of one item in a quarantine import (see {@link #redirect}). */
    interface Redirect {
        /** Takes a problem; returns an index for {@link #amend}, or -1 when it was not listed. */
        int add(Violation v);

        /** Appends to the allowed text of a problem it listed. */
        void amend(int index, String more);
    }

    Problems(int max) {
        this.max = max;
    }

    /** Adds a problem in the shape or values of the JSON itself: the value being read is unusable. */
    int add(CharSequence pointer, @Nullable Object value, String allowed) {
        structural++;
        return addCross(pointer, value, allowed);
    }

    /** Adds a repeated id or code at {@code pointer} whose first use is at {@code first}. */
    void repeated(CharSequence pointer, @Nullable Object value, String allowed, CharSequence first) {
        add(pointer, value, allowed + "; [" + Problems.render(value) + "] is already used at " + first);
    }

    /**
     * Adds the problem that ends the reading (malformed JSON or UTF-8, a breached limit): it is listed even
     * when the cap is reached, since it explains why nothing after it was checked.
     */
    void fatal(CharSequence pointer, @Nullable Object value, String allowed) {
        structural++;
        count++;
        fatal = new Violation(pointer.toString(), render(value), cut(allowed));
    }

    private static String cut(String allowed) {
        return allowed.length() <= MAX_ALLOWED_TEXT ? allowed : allowed.substring(0, MAX_ALLOWED_TEXT - 1) + "…";
    }

    /**
     * A collection as {@code [a, b, c]}, at most {@code max} elements, then {@code … (n in all)}: for allowed
     * texts that list what a document holds, which may be thousands of ids.
     */
    static String some(java.util.Collection<?> all, int max) {
        StringBuilder sb = new StringBuilder("[");
        int n = 0;
        for (Object o : all) {
            if (n == max) {
                sb.append(", … (").append(all.size()).append(" in all)");
                break;
            }
            if (n++ > 0) {
                sb.append(", ");
            }
            sb.append(o);
        }
        return sb.append(']').toString();
    }

    /**
     * Adds a problem found by a check across values (a dangling reference, a repeated id, a disagreeing
     * score): the value itself could still be built.
     */
    int addCross(CharSequence pointer, @Nullable Object value, String allowed) {
        count++;
        if (redirect != null) {
            redirected++;
            return redirect.add(new Violation(pointer.toString(), render(value), cut(allowed)));
        }
        if (found.size() < max) {
            found.add(new Violation(pointer.toString(), render(value), cut(allowed)));
            return found.size() - 1;
        }
        return -1;
    }

    /** Appends to the allowed text of a listed problem (by the index {@link #addCross} returned). */
    void amend(int index, String more) {
        Violation v = found.get(index);
        found.set(index, new Violation(v.path(), v.value(), v.allowed() + more));
    }

    /**
     * Sends the problems added from now on (but not a fatal one) to {@code target} instead of this list, until
     * called with null; they still count for {@link #count()} and {@link #structural()}, which readers compare
     * to tell a valid value, but not for {@link #isEmpty()} and {@link #list()}.
     */
    void redirect(@Nullable Redirect target) {
        redirect = target;
    }

    boolean isEmpty() {
        return count == redirected;
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
        long own = count - redirected;
        if (own > out.size()) {
            out.add(new Violation("", "(" + (own - out.size()) + " more problems not listed)",
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
    static String child(CharSequence pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** Appends an array index to a JSON Pointer. */
    static String child(CharSequence pointer, long index) {
        return pointer + "/" + index;
    }
}
