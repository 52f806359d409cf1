package org.dualprevention.json;

import java.util.Objects;
import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
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

        void commit(long used) {
            bytes += used;
            check(0);
        }
    }

    private final JsonNodeFactory nodes;

    ItemReader(JsonNodeFactory nodes) {
        this.nodes = nodes;
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
            root = nodes.objectNode();
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
                    value = nodes.objectNode();
                    break;
                case START_ARRAY:
                    value = nodes.arrayNode();
                    break;
                case VALUE_STRING:
                    value = nodes.stringNode(p.getString());
                    // only strings are long; other tokens are bounded by the value count and Jackson's limits
                    budget.check(offset(p.currentLocation()) - start);
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
                ((ObjectNode) parent).set(name, value);
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
}
