package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.dualprevention.Violation;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of seeded mutations of valid documents: each import either succeeds (a mutation can leave a
 * valid document) or raises {@link JsonImportException} whose every violation has a JSON Pointer, and
 * delivers nothing. Any other outcome fails with the seed, the mutation and the document.
 */
class MutationFuzzTest {
    private static final int CASES = 3000;
    private static final JsonMapper MAPPER = DualPreventionJson.mapper();
    private static final ImportOptions OPTIONS = ImportOptions.defaults()
            .withLimits(JsonLimits.defaults().withMaxStringLength(1000));

    enum Kind {
        TRUNCATE(true), WRONG_TYPE(true), NAN(true), HUGE_NUMBER(false), DEEP_NESTING(true), DUPLICATE_KEY(true),
        UNKNOWN_FIELD(true), REMOVE_FIELD(false), FLIP_BYTE(false), LONG_STRING(true), SWAP_VALUES(false),
        EMPTY_CONTAINER(false);

        final boolean alwaysInvalid;

        Kind(boolean alwaysInvalid) {
            this.alwaysInvalid = alwaysInvalid;
        }
    }

    /** A JSON Pointer to a value in the tree, with the value. */
    record Spot(String pointer, JsonNode parent, String field, int index, JsonNode value) {
    }

    static void spots(JsonNode n, String ptr, JsonNode parent, String field, int index, List<Spot> out) {
        if (parent != null) {
            out.add(new Spot(ptr, parent, field, index, n));
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                spots(e.getValue(), Problems.child(ptr, e.getKey()), n, e.getKey(), -1, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                spots(n.get(i), Problems.child(ptr, i), n, null, i, out);
            }
        }
    }

    static void replace(Spot s, JsonNode v) {
        if (s.field() != null) {
            ((ObjectNode) s.parent()).set(s.field(), v);
        } else {
            ((ArrayNode) s.parent()).set(s.index(), v);
        }
    }

    static JsonNode otherType(JsonNode v, SplittableRandom r) {
        List<Function<SplittableRandom, JsonNode>> all = List.of(
                x -> MAPPER.getNodeFactory().stringNode("x" + x.nextInt(100)),
                x -> MAPPER.getNodeFactory().numberNode(x.nextInt(-5, 1000)),
                x -> MAPPER.getNodeFactory().booleanNode(x.nextBoolean()),
                x -> MAPPER.getNodeFactory().nullNode(),
                x -> MAPPER.getNodeFactory().arrayNode(),
                x -> MAPPER.getNodeFactory().objectNode());
        while (true) {
            JsonNode c = all.get(r.nextInt(all.size())).apply(r);
            if (c.getNodeType() != v.getNodeType()) {
                return c;
            }
        }
    }

    /** Applies one mutation; returns the mutated document and the pointer it targeted. */
    static String[] mutate(byte[] valid, Kind kind, SplittableRandom r) {
        String text = new String(valid, StandardCharsets.UTF_8);
        ObjectNode tree = (ObjectNode) MAPPER.readTree(valid);
        List<Spot> spots = new ArrayList<>();
        spots(tree, "", null, null, -1, spots);
        Spot s = spots.get(r.nextInt(spots.size()));
        switch (kind) {
            case TRUNCATE:
                return new String[] {text.substring(0, r.nextInt(text.length() - 1)), ""};
            case WRONG_TYPE:
                replace(s, otherType(s.value(), r));
                return new String[] {MAPPER.writeValueAsString(tree), s.pointer()};
            case NAN: {
                List<Spot> nums = spots.stream().filter(x -> x.value().isNumber()).toList();
                Spot n = nums.get(r.nextInt(nums.size()));
                replace(n, MAPPER.getNodeFactory().stringNode("@@NAN@@"));
                String lit = new String[] {"NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10"}[r.nextInt(8)];
                return new String[] {MAPPER.writeValueAsString(tree).replace("\"@@NAN@@\"", lit), n.pointer()};
            }
            case HUGE_NUMBER: {
                List<Spot> nums = spots.stream().filter(x -> x.value().isNumber()).toList();
                Spot n = nums.get(r.nextInt(nums.size()));
                replace(n, MAPPER.getNodeFactory().stringNode("@@HUGE@@"));
                String lit = new String[] {"1e999999999", "-1e-999999999", "9".repeat(70), "1" + "0".repeat(40),
                    "0." + "0".repeat(30) + "1", "123456789012345678901234567890123456789", "2147483648",
                    "9223372036854775808", "1E+2147483647"}[r.nextInt(9)];
                return new String[] {MAPPER.writeValueAsString(tree).replace("\"@@HUGE@@\"", lit), n.pointer()};
            }
            case DEEP_NESTING: {
                replace(s, MAPPER.getNodeFactory().stringNode("@@DEEP@@"));
                int depth = 40 + r.nextInt(3000);
                String deep = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                return new String[] {MAPPER.writeValueAsString(tree).replace("\"@@DEEP@@\"", deep), s.pointer()};
            }
            case DUPLICATE_KEY: {
                List<Spot> fields = spots.stream().filter(x -> x.field() != null).toList();
                Spot f = fields.get(r.nextInt(fields.size()));
                ObjectNode parent = (ObjectNode) f.parent();
                parent.set(f.field(), MAPPER.getNodeFactory().stringNode("@@DUP@@"));
                String dupValue = MAPPER.writeValueAsString(f.value());
                String key = MAPPER.writeValueAsString(MAPPER.getNodeFactory().stringNode(f.field()));
                return new String[] {MAPPER.writeValueAsString(tree).replace("\"@@DUP@@\"", dupValue + "," + key + ":" + dupValue), f.pointer()};
            }
            case UNKNOWN_FIELD: {
                List<Spot> objects = new ArrayList<>(spots.stream().filter(x -> x.value().isObject()
                        && !x.pointer().matches(".*/input")).toList());
                JsonNode target = objects.isEmpty() || r.nextInt(5) == 0 ? tree : objects.get(r.nextInt(objects.size())).value();
                ((ObjectNode) target).put("unexpected" + r.nextInt(10), r.nextInt(5));
                return new String[] {MAPPER.writeValueAsString(tree), ""};
            }
            case REMOVE_FIELD: {
                List<Spot> fields = spots.stream().filter(x -> x.field() != null).toList();
                Spot f = fields.get(r.nextInt(fields.size()));
                ((ObjectNode) f.parent()).remove(f.field());
                return new String[] {MAPPER.writeValueAsString(tree), f.pointer()};
            }
            case FLIP_BYTE: {
                byte[] b = valid.clone();
                int i = r.nextInt(b.length);
                b[i] = (byte) (b[i] ^ (1 << r.nextInt(8)));
                return new String[] {new String(b, StandardCharsets.UTF_8), ""};
            }
            case LONG_STRING: {
                List<Spot> strings = spots.stream().filter(x -> x.value().isString()).toList();
                Spot t = strings.get(r.nextInt(strings.size()));
                replace(t, MAPPER.getNodeFactory().stringNode("z".repeat(1001 + r.nextInt(5000))));
                return new String[] {MAPPER.writeValueAsString(tree), t.pointer()};
            }
            case SWAP_VALUES: {
                Spot o = spots.get(r.nextInt(spots.size()));
                replace(s, o.value().deepCopy());
                return new String[] {MAPPER.writeValueAsString(tree), s.pointer()};
            }
            case EMPTY_CONTAINER:
            default:
                replace(s, s.value().isArray() ? MAPPER.getNodeFactory().objectNode() : MAPPER.getNodeFactory().arrayNode());
                return new String[] {MAPPER.writeValueAsString(tree), s.pointer()};
        }
    }

    @Test
    void mutatedDocumentsOnlyRaiseTheDocumentedErrorAndImportNothing() {
        int refused = 0;
        int[] perKind = new int[Kind.values().length];
        for (int c = 0; c < CASES; c++) {
            long seed = 1_000_003L * c + 17;
            SplittableRandom r = new SplittableRandom(seed);
            byte[] valid = RegisterDocumentTest.write(RegisterDocumentTest.rich(seed % 97));
            Kind kind = Kind.values()[c % Kind.values().length];
            String[] m = mutate(valid, kind, r);
            byte[] doc = m[0].getBytes(StandardCharsets.UTF_8);
            CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
            String where = "seed " + seed + ", mutation " + kind + " at [" + m[1] + "]:\n" + abbreviate(m[0]);
            try {
                RegisterDocument.read(DocumentSource.of(doc), TestScoring.providers(), OPTIONS, sink);
                assertFalse(kind.alwaysInvalid, "accepted an invalid document; " + where);
            } catch (JsonImportException e) {
                refused++;
                perKind[kind.ordinal()]++;
                assertTrue(sink.receivedNothing(), "delivered part of an invalid document; " + where);
                assertFalse(e.violations().isEmpty(), where);
                for (Violation v : e.violations()) {
                    assertTrue(v.path().isEmpty() || v.path().startsWith("/"), "not a JSON Pointer: " + v + "; " + where);
                    assertFalse(v.allowed().isBlank(), "no allowed text: " + v + "; " + where);
                }
                if (kind == Kind.WRONG_TYPE || kind == Kind.LONG_STRING) {
                    String target = m[1];
                    assertTrue(e.violations().stream().anyMatch(v -> target.equals(v.path())
                            || target.startsWith(v.path() + "/") || v.path().startsWith(target)),
                            "no violation at or around the mutated value: " + e.getMessage() + "; " + where);
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("undocumented " + e.getClass().getName() + "; " + where, e);
            }
        }
        assertTrue(refused > CASES / 2, "too few mutations were refused: " + refused);
        for (Kind k : Kind.values()) {
            assertTrue(perKind[k.ordinal()] > 0, "no mutation of kind " + k + " was refused");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 3000 ? s : s.substring(0, 3000) + "…";
    }
}
