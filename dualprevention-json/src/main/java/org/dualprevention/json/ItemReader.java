package org.dualprevention.json;

import java.util.Objects;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.base.ParserBase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Reads one JSON value (an item, a header field, a log line) from a parser into a tree, or skips it, within
 * the per-item limits of {@link JsonLimits}: at most {@link JsonLimits#maxItemValues()} values and
 * {@link JsonLimits#maxItemLength()} bytes, counted against a {@link Budget} that may span several values.
 * So the tree of one item takes bounded memory whatever its shape (millions of empty arrays, objects with
 * millions of keys, many long strings), and a breach is found while reading, before it is held: the values
 * are counted at every token and the bytes after every string (the only tokens that can be long: names and
 * numbers are bounded by Jackson's limits, so between strings the value count bounds them), and once more
 * at the end of the value.
 *
 * <p>Integers are read exactly and every other number as a {@code BigDecimal}. A number that a
 * {@code BigDecimal} cannot hold (an exponent beyond an {@code int}, such as {@code 1e2147483648}) becomes a
 * raw node holding its literal text: no model reader accepts it (it is not a number), so it is reported at its
 * own pointer, with its text, as any ill-typed value is.
 *
 * <p>The reading is iterative, so the nesting depth is limited by Jackson's limit only, never by the stack.
 */
final class ItemReader {
    /** A value broke a per-item limit; the reading must stop, since the rest cannot be held. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String value;
        final String allowed;

        TooLarge(String value, String allowed) {
            super(value + ": " + allowed, null, false, false);
            this.value = value;
            this.allowed = allowed;
        }
    }

    /**
     * What one item used so far: values and bytes. An item is one risk point or hidden danger, the header of a
     * document, or the lines of one hidden danger in an audit log. Not thread-safe.
     */
    static final class Budget {
        private final JsonLimits limits;
        private final String what;
        private long values;
        private long bytes;

        /**
         * @param limits the limits
         * @param what what the budget covers, for the message: "one risk point", "the header", …
         */
        Budget(JsonLimits limits, String what) {
            this.limits = limits;
            this.what = what;
        }

        long values() {
            return values;
        }

        long bytes() {
            return bytes;
        }

        /** Adds another budget's use (a log line to its hidden danger's lines). */
        void add(Budget other) {
            values += other.values;
            bytes += other.bytes;
            check(0);
        }

        void value() {
            values++;
            if (values > limits.maxItemValues()) {
                throw new TooLarge("(more than " + limits.maxItemValues() + " values)", "at most "
                        + limits.maxItemValues() + " JSON values (each array, object, property, string, number and "
                        + "literal counts) in " + what + "; JsonLimits.withMaxItemValues raises the limit");
            }
        }

        void check(long pending) {
            if (bytes + pending > limits.maxItemLength()) {
                throw new TooLarge("(more than " + limits.maxItemLength() + " bytes)", "at most "
                        + limits.maxItemLength() + " bytes of JSON in " + what
                        + "; JsonLimits.withMaxItemLength raises the limit");
            }
        }

        /** Whether {@code pending} more bytes stay within the limit (what {@link #check} would let pass). */
        boolean fits(long pending) {
            return bytes + pending <= limits.maxItemLength();
        }

        void commit(long used) {
            bytes += used;
            check(0);
        }
    }

    /** A name repeated in an object, found by a reader that {@link #refusesDuplicates}. */
    static final class Duplicate extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Duplicate() {
            super(null, null, false, false);
        }
    }

    private final JsonNodeFactory nodes;
    private final boolean refuseDuplicates;

    ItemReader(JsonNodeFactory nodes) {
        this(nodes, false);
    }

    /**
     * @param refuseDuplicates whether a name repeated in an object throws {@link Duplicate}: for a parser that does
     *     not detect duplicates itself (the streaming register reader's); the others' parsers refuse them
     */
    ItemReader(JsonNodeFactory nodes, boolean refuseDuplicates) {
        this.nodes = nodes;
        this.refuseDuplicates = refuseDuplicates;
    }

    /**
     * Checks the bytes used once the string the parser is on was read, as {@code budget.check(end - start)} with
     * {@code end} the offset after the string, but without asking the parser for that location (a new object per
     * string) when the string's start and its length settle the answer: its encoding takes at least
     * {@code length + 2} bytes and at most {@code 6 × length + 2} (quotes, and a <code>&#92;uXXXX</code> escape
     * per char at worst), so the exact check is skipped only when even the most a string can take stays in the
     * budget. Only a string that ends within that margin of the limit asks for the exact location.
     */
    private static void checkString(JsonParser p, Budget budget, long start, int length) {
        if (p instanceof ParserBase) {
            long from = ((ParserBase) p).getTokenCharacterOffset() - start;
            // + 4: two bytes of slack over the quotes, whichever end of the token the parser's offset names
            if (from >= 0 && budget.fits(from + 6L * length + 4)) {
                return;
            }
        }
        budget.check(offset(p.currentLocation()) - start);
    }

    private static long offset(TokenStreamLocation l) {
        long b = l.getByteOffset();
        return b >= 0 ? b : Math.max(0, l.getCharOffset());
    }

    /**
     * Reads the value starting at the parser's current token (or, when that is a property name, the rest of
     * the object whose start was consumed) and leaves the parser on its last token.
     *
     * @throws TooLarge if the budget is exceeded
     */
    JsonNode read(JsonParser p, Budget budget) {
        long start = offset(p.currentTokenLocation());
        Deque<JsonNode> open = new ArrayDeque<>();
        String name = null;
        JsonNode root = null;
        JsonToken t = p.currentToken();
        if (t == JsonToken.PROPERTY_NAME) {
            root = new ObjectNode(nodes, new Fields());
            open.push(root);
        }
        while (true) {
            JsonNode value;
            switch (t) {
                case PROPERTY_NAME:
                    budget.value();
                    name = p.currentName();
                    t = p.nextToken();
                    continue;
                case END_OBJECT:
                case END_ARRAY:
                    open.pop();
                    if (open.isEmpty()) {
                        budget.commit(offset(p.currentLocation()) - start);
                        return Objects.requireNonNull(root, "an item has a root once its container closes");
                    }
                    t = p.nextToken();
                    continue;
                case START_OBJECT:
                    value = new ObjectNode(nodes, new Fields());
                    break;
                case START_ARRAY:
                    value = nodes.arrayNode();
                    break;
                case VALUE_STRING:
                    String text = p.getString();
                    value = nodes.stringNode(text);
                    // only strings are long; other tokens are bounded by the value count and Jackson's limits
                    checkString(p, budget, start, text.length());
                    break;
                case VALUE_NUMBER_INT:
                    value = integer(p);
                    break;
                case VALUE_NUMBER_FLOAT:
                    value = decimal(p);
                    break;
                case VALUE_TRUE:
                    value = nodes.booleanNode(true);
                    break;
                case VALUE_FALSE:
                    value = nodes.booleanNode(false);
                    break;
                case VALUE_NULL:
                    value = nodes.nullNode();
                    break;
                case VALUE_EMBEDDED_OBJECT:
                    value = nodes.pojoNode(p.getEmbeddedObject());
                    break;
                default:
                    throw new IllegalStateException("unexpected token " + t + " at the start of a value");
            }
            budget.value();
            JsonNode parent = open.peek();
            if (parent == null) {
                root = value;
            } else if (parent.isObject()) {
                if (refuseDuplicates && ((ObjectNode) parent).replace(name, value) != null) {
                    throw new Duplicate();
                }
                if (!refuseDuplicates) {
                    ((ObjectNode) parent).set(name, value);
                }
            } else {
                ((ArrayNode) parent).add(value);
            }
            if (value.isContainer()) {
                open.push(value);
            } else if (open.isEmpty()) {
                budget.commit(offset(p.currentLocation()) - start);
                return Objects.requireNonNull(root, "a scalar item is its own root");
            }
            t = p.nextToken();
        }
    }

    /**
     * Skips the value starting at the parser's current token, counting it against the budget but holding
     * nothing, and leaves the parser on its last token.
     *
     * @throws TooLarge if the budget is exceeded
     */
    void skip(JsonParser p, Budget budget) {
        long start = offset(p.currentTokenLocation());
        int depth = 0;
        JsonToken t = p.currentToken();
        while (true) {
            if (t == JsonToken.VALUE_STRING) {
                budget.check(offset(p.currentLocation()) - start);
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                budget.value();
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            } else {
                budget.value();
            }
            if (depth == 0) {
                budget.commit(offset(p.currentLocation()) - start);
                return;
            }
            t = p.nextToken();
        }
    }

    private JsonNode integer(JsonParser p) {
        switch (p.getNumberType()) {
            case INT:
                return nodes.numberNode(p.getIntValue());
            case LONG:
                return nodes.numberNode(p.getLongValue());
            default:
                return nodes.numberNode(p.getBigIntegerValue());
        }
    }

    private JsonNode decimal(JsonParser p) {
        try {
            return nodes.numberNode(p.getDecimalValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return nodes.rawValueNode(new RawValue(p.getText()));
        }
    }

    /**
     * The fields of an object node read here: a map in insertion order, as Jackson's own {@code LinkedHashMap},
     * kept in two small arrays while it has few fields (every object of the model has at most a dozen), which is
     * a third of the memory of a {@code LinkedHashMap} and its entries; it moves to a {@code LinkedHashMap} past
     * {@value #SMALL} fields, so an object with many keys is not searched linearly.
     */
    static final class Fields extends java.util.AbstractMap<String, JsonNode> {
        static final int SMALL = 16;
        private String[] keys = new String[4];
        private JsonNode[] values = new JsonNode[4];
        private int size;
        private java.util.@Nullable LinkedHashMap<String, JsonNode> large;

        private int indexOf(@Nullable Object key) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            if (key != null) {
                for (int i = 0; i < size; i++) {
                    if (keys[i].equals(key)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return large != null ? large.size() : size;
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            return large != null ? large.containsKey(key) : indexOf(key) >= 0;
        }

        @Override
        public @Nullable JsonNode get(@Nullable Object key) {
            if (large != null) {
                return large.get(key);
            }
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public @Nullable JsonNode put(String key, JsonNode value) {
            if (large != null) {
                return large.put(key, value);
            }
            int i = indexOf(key);
            if (i >= 0) {
                JsonNode old = values[i];
                values[i] = value;
                return old;
            }
            if (size == SMALL) {
                java.util.LinkedHashMap<String, JsonNode> m = new java.util.LinkedHashMap<>();
                for (int k = 0; k < size; k++) {
                    m.put(keys[k], values[k]);
                }
                large = m;
                keys = new String[0];
                values = new JsonNode[0];
                size = 0;
                return m.put(key, value);
            }
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return null;
        }

        @Override
        public @Nullable JsonNode remove(@Nullable Object key) {
            if (large != null) {
                return large.remove(key);
            }
            int i = indexOf(key);
            if (i < 0) {
                return null;
            }
            JsonNode old = values[i];
            removeAt(i);
            return old;
        }

        private void removeAt(int i) {
            System.arraycopy(keys, i + 1, keys, i, size - i - 1);
            System.arraycopy(values, i + 1, values, i, size - i - 1);
            size--;
            keys[size] = null;
            values[size] = null;
        }

        @Override
        public void clear() {
            if (large != null) {
                large.clear();
            }
            java.util.Arrays.fill(keys, null);
            java.util.Arrays.fill(values, null);
            size = 0;
        }

        /** The names, iterated without an entry per field (the readers check every object's names). */
        @Override
        public java.util.Set<String> keySet() {
            if (large != null) {
                return large.keySet();
            }
            return new java.util.AbstractSet<>() {
                @Override
                public int size() {
                    return Fields.this.size();
                }

                @Override
                public boolean contains(@Nullable Object o) {
                    return containsKey(o);
                }

                @Override
                public java.util.Iterator<String> iterator() {
                    if (large != null) {
                        return large.keySet().iterator();
                    }
                    return new Cursor<>() {
                        @Override
                        String at(int i) {
                            return keys[i];
                        }
                    };
                }
            };
        }

        @Override
        public java.util.Set<Map.Entry<String, JsonNode>> entrySet() {
            if (large != null) {
                return large.entrySet();
            }
            return new java.util.AbstractSet<>() {
                @Override
                public int size() {
                    return Fields.this.size();
                }

                @Override
                public java.util.Iterator<Map.Entry<String, JsonNode>> iterator() {
                    if (large != null) {
                        return large.entrySet().iterator();
                    }
                    return new Cursor<>() {
                        @Override
                        Map.Entry<String, JsonNode> at(int at) {
                            return new Map.Entry<>() {
                                @Override
                                public String getKey() {
                                    return keys[at];
                                }

                                @Override
                                public JsonNode getValue() {
                                    return values[at];
                                }

                                @Override
                                public JsonNode setValue(JsonNode value) {
                                    JsonNode old = values[at];
                                    values[at] = value;
                                    return old;
                                }

                                @Override
                                public boolean equals(@Nullable Object o) {
                                    return o instanceof Map.Entry && java.util.Objects.equals(getKey(), ((Map.Entry<?, ?>) o).getKey())
                                            && java.util.Objects.equals(getValue(), ((Map.Entry<?, ?>) o).getValue());
                                }

                                @Override
                                public int hashCode() {
                                    return java.util.Objects.hashCode(getKey()) ^ java.util.Objects.hashCode(getValue());
                                }

                                @Override
                                public String toString() {
                                    return getKey() + "=" + getValue();
                                }
                            };
                        }
                    };
                }
            };
        }

        /** An iterator over the small arrays by index, whose {@code remove} removes the last pair it gave. */
        private abstract class Cursor<T> implements java.util.Iterator<T> {
            private int next;
            private int last = -1;

            /** The element at index {@code i}. */
            abstract T at(int i);

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public T next() {
                if (next >= size) {
                    throw new java.util.NoSuchElementException();
                }
                last = next++;
                return at(last);
            }

            @Override
            public void remove() {
                if (last < 0) {
                    throw new IllegalStateException();
                }
                removeAt(last);
                next = last;
                last = -1;
            }
        }
    }
}
