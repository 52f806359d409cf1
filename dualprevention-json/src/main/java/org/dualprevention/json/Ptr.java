package org.dualprevention.json;

import org.jspecify.annotations.Nullable;

/**
 * A JSON Pointer built only when it is read: a parent pointer and a field name or an array index. The readers
 * hand one down to every value they read, but use it only to report a problem, and a valid document has none;
 * so the text of the pointer, which {@link Problems#child} would build for every value, is made (once) only
 * for a value that has a problem. It reads exactly as the pointer {@link Problems#child} gives.
 */
final class Ptr implements CharSequence {
    private final CharSequence parent;
    private final @Nullable String name;
    private final long index;
    private @Nullable String text;

    private Ptr(CharSequence parent, @Nullable String name, long index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The pointer to a field of the value at {@code parent}. */
    static Ptr of(CharSequence parent, String name) {
        return new Ptr(parent, name, -1);
    }

    /** The pointer to an element of the array at {@code parent}. */
    static Ptr of(CharSequence parent, long index) {
        return new Ptr(parent, null, index);
    }

    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = name != null ? Problems.child(parent.toString(), name) : Problems.child(parent.toString(), index);
            text = t;
        }
        return t;
    }

    @Override
    public int length() {
        return toString().length();
    }

    @Override
    public char charAt(int i) {
        return toString().charAt(i);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Ptr && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
