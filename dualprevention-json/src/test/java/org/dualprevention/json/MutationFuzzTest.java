package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.dualprevention.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded mutations of valid documents of every type (register, ledger, audit log): each import either
 * succeeds (a mutation can leave a valid document) and delivers everything, or raises
 * {@link JsonImportException} whose every violation has a JSON Pointer and an allowed text, and delivers
 * nothing. Any other outcome (another exception, an error, running out of memory) fails with the seed, the
 * mutation and the document.
 *
 * <p>The build runs this class in the {@code -Xmx256m} JVM with {@value #DEFAULT_CASES} documents per type;
 * {@code -Ddualprevention.json.mutations=10000} runs more (see the README), and
 * {@code -Ddualprevention.json.mutationSeed=N} starts from another seed.
 */
class MutationFuzzTest {
    static final int DEFAULT_CASES = 300;
    static final int CASES = Integer.getInteger("dualprevention.json.mutations", DEFAULT_CASES);
    static final long BASE_SEED = Long.getLong("dualprevention.json.mutationSeed", 17L);
    private static final JsonMapper MAPPER = DualPreventionJson.mapper();
    static final ImportOptions OPTIONS = ImportOptions.defaults()
            .withLimits(JsonLimits.defaults().withMaxStringLength(1000));

    /** A mutation; {@code alwaysInvalid} when no document it produces may be accepted. */
    enum Kind {
        TRUNCATE(false), WRONG_TYPE(true), NAN(true), HUGE_NUMBER(false), DEEP_NESTING(true), DUPLICATE_KEY(true),
        UNKNOWN_FIELD(true), REMOVE_FIELD(false), FLIP_BYTE(false), LONG_STRING(true), SWAP_VALUES(false),
        EMPTY_CONTAINER(false), HUGE_EXPONENT(true), BAD_UTF8(true), UNPAIRED_SURROGATE(true), NON_CHARACTER(false),
        MANY_ELEMENTS(true), REPEAT_ITEM(true), SYNTAX(false);

        final boolean alwaysInvalid;

        Kind(boolean alwaysInvalid) {
            this.alwaysInvalid = alwaysInvalid;
        }

        /** Whether a refusal must name the mutated value or a value around it. */
        boolean pointed() {
            return this == WRONG_TYPE || this == LONG_STRING || this == HUGE_EXPONENT || this == BAD_UTF8
                    || this == UNPAIRED_SURROGATE || this == MANY_ELEMENTS;
        }
    }

    /** A JSON Pointer to a value in the tree, with the value. */
    record Spot(String pointer, JsonNode parent, String field, int index, JsonNode value) {
    }

    /** A mutated document and the pointer of the value it targeted ({@code ""} when none). */
    record Mutation(byte[] doc, String pointer) {
        String text() {
            return new String(doc, StandardCharsets.UTF_8);
        }
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

    private static final String MARK = "\"@@MUTATION@@\"";

    private static <T> T pick(List<T> from, SplittableRandom r) {
        return from.get(r.nextInt(from.size()));
    }

    /** The chosen spot replaced by a marker, the document written, the marker replaced by raw text. */
    private static Mutation raw(Hostile.Doc doc, List<Hostile.Part> parts, int part, Spot s, String rawText) {
        replace(s, MAPPER.getNodeFactory().stringNode("@@MUTATION@@"));
        String text = new String(doc.join(parts), StandardCharsets.UTF_8);
        return new Mutation(text.replace(MARK, rawText).getBytes(StandardCharsets.UTF_8), parts.get(part).prefix() + s.pointer());
    }

    private static Mutation written(Hostile.Doc doc, List<Hostile.Part> parts, String pointer) {
        return new Mutation(doc.join(parts), pointer);
    }

    /** Applies one mutation of a kind to a valid document of a type. */
    static Mutation mutate(Hostile.Doc doc, byte[] valid, Kind kind, SplittableRandom r) {
        List<Hostile.Part> parts = doc.parts(valid);
        int part = r.nextInt(parts.size());
        JsonNode tree = parts.get(part).tree();
        String prefix = parts.get(part).prefix();
        List<Spot> spots = new ArrayList<>();
        spots(tree, "", null, null, -1, spots);
        if (spots.isEmpty()) {
            // an audit-log header of two fields still has spots; this is only a guard
            return new Mutation(valid, "");
        }
        Spot s = pick(spots, r);
        String text = new String(valid, StandardCharsets.UTF_8);
        switch (kind) {
            case TRUNCATE:
                return new Mutation(text.substring(0, r.nextInt(text.length() - 1)).getBytes(StandardCharsets.UTF_8), "");
            case WRONG_TYPE:
                replace(s, otherType(s.value(), r));
                return written(doc, parts, prefix + s.pointer());
            case NAN: {
                List<Spot> nums = spots.stream().filter(x -> x.value().isNumber()).toList();
                if (nums.isEmpty()) {
                    return raw(doc, parts, part, s, "NaN");
                }
                String lit = pick(List.of("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10"), r);
                return raw(doc, parts, part, pick(nums, r), lit);
            }
            case HUGE_NUMBER: {
                List<Spot> nums = spots.stream().filter(x -> x.value().isNumber()).toList();
                String lit = pick(List.of("1e999999999", "-1e-999999999", "9".repeat(70), "1" + "0".repeat(40),
                        "0." + "0".repeat(30) + "1", "123456789012345678901234567890123456789", "2147483648",
                        "9223372036854775808", "1E+2147483647"), r);
                return raw(doc, parts, part, nums.isEmpty() ? s : pick(nums, r), lit);
            }
            case HUGE_EXPONENT:
                return raw(doc, parts, part, s, pick(HugeNumberTest.HUGE, r));
            case DEEP_NESTING: {
                int depth = 40 + r.nextInt(3000);
                String deep = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                return raw(doc, parts, part, s, deep);
            }
            case DUPLICATE_KEY: {
                List<Spot> fields = spots.stream().filter(x -> x.field() != null).toList();
                Spot f = pick(fields, r);
                String dupValue = MAPPER.writeValueAsString(f.value());
                String key = MAPPER.writeValueAsString(MAPPER.getNodeFactory().stringNode(f.field()));
                return raw(doc, parts, part, f, dupValue + "," + key + ":" + dupValue);
            }
            case UNKNOWN_FIELD: {
                List<Spot> objects = spots.stream().filter(x -> x.value().isObject() && !x.pointer().matches(".*/input")).toList();
                JsonNode target = objects.isEmpty() || r.nextInt(5) == 0 ? tree : pick(objects, r).value();
                ((ObjectNode) target).put("unexpected" + r.nextInt(10), r.nextInt(5));
                return written(doc, parts, "");
            }
            case REMOVE_FIELD: {
                List<Spot> fields = spots.stream().filter(x -> x.field() != null).toList();
                Spot f = pick(fields, r);
                ((ObjectNode) f.parent()).remove(f.field());
                return written(doc, parts, prefix + f.pointer());
            }
            case FLIP_BYTE: {
                byte[] b = valid.clone();
                int i = r.nextInt(b.length);
                b[i] = (byte) (b[i] ^ (1 << r.nextInt(8)));
                return new Mutation(b, "");
            }
            case LONG_STRING: {
                List<Spot> strings = spots.stream().filter(x -> x.value().isString()).toList();
                Spot t = strings.isEmpty() ? s : pick(strings, r);
                replace(t, MAPPER.getNodeFactory().stringNode("z".repeat(1001 + r.nextInt(5000))));
                return written(doc, parts, prefix + t.pointer());
            }
            case SWAP_VALUES: {
                Spot o = pick(spots, r);
                replace(s, o.value().deepCopy());
                return written(doc, parts, prefix + s.pointer());
            }
            case BAD_UTF8: {
                List<Spot> strings = spots.stream().filter(x -> x.value().isString()).toList();
                Spot t = strings.isEmpty() ? s : pick(strings, r);
                Mutation m = raw(doc, parts, part, t, "\"a@@UTF@@b\"");
                String marked = m.text();
                int at = marked.substring(0, marked.indexOf("@@UTF@@")).getBytes(StandardCharsets.UTF_8).length;
                byte[] base = marked.replace("@@UTF@@", "").getBytes(StandardCharsets.UTF_8);
                byte[] bad = pick(new ArrayList<>(InvalidUtf8Test.BAD.values()), r);
                return new Mutation(InvalidUtf8Test.splice(base, at, bad), m.pointer());
            }
            case UNPAIRED_SURROGATE:
            case NON_CHARACTER: {
                List<Spot> strings = spots.stream().filter(x -> x.value().isString()).toList();
                Spot t = strings.isEmpty() ? s : pick(strings, r);
                String original = MAPPER.writeValueAsString(t.value());
                String add = kind == Kind.UNPAIRED_SURROGATE ? pick(List.of("\\ud800", "\\udfff", "\\udc00\\ud800"), r)
                        : pick(List.of("\\ufdd0", "\\ufffe", "\\uffff", "\\ud83f\\udfff", "\\udbff\\udffe"), r);
                // after the opening quote or before the closing one, never inside an escape of the original
                int where = r.nextBoolean() ? 1 : original.length() - 1;
                return raw(doc, parts, part, t, original.substring(0, where) + add + original.substring(where));
            }
            case MANY_ELEMENTS: {
                int n = JsonLimits.DEFAULT_MAX_ITEM_VALUES + 1 + r.nextInt(1000);
                String element = pick(List.of("0", "[]", "{}", "\"\"", "null"), r);
                StringBuilder sb = new StringBuilder(n * (element.length() + 1) + 2).append('[');
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append(element);
                }
                return raw(doc, parts, part, s, sb.append(']').toString());
            }
            case REPEAT_ITEM:
                return repeatItem(doc, valid, r);
            case SYNTAX:
            default: {
                String insert = pick(List.of("}", "]", ",", ":", "\"", "x", "{", "[", "\\", " 1"), r);
                int at = r.nextInt(text.length());
                return new Mutation((text.substring(0, at) + insert + text.substring(at)).getBytes(StandardCharsets.UTF_8), "");
            }
        }
    }

    /** A copy of one item (risk point, hidden danger, audit-log line) inserted again. */
    private static Mutation repeatItem(Hostile.Doc doc, byte[] valid, SplittableRandom r) {
        List<Hostile.Part> parts = doc.parts(valid);
        if (doc == Hostile.Doc.AUDIT_LOG) {
            int line = parts.size() > 1 ? 1 + r.nextInt(parts.size() - 1) : 0;
            int to = line + 1 + r.nextInt(parts.size() - line);
            parts = new ArrayList<>(parts);
            parts.add(to, new Hostile.Part("/" + to, parts.get(line).tree().deepCopy()));
            return new Mutation(doc.join(parts), "/" + to);
        }
        ArrayNode items = (ArrayNode) parts.get(0).tree().get(doc == Hostile.Doc.REGISTER ? "riskPoints" : "hiddenDangers");
        if (items.isEmpty()) {
            return new Mutation(valid, "");
        }
        int from = r.nextInt(items.size());
        int to = r.nextInt(items.size() + 1);
        items.insert(to, items.get(from).deepCopy());
        return new Mutation(doc.join(parts), "");
    }

    /** The kind of mutation a seed makes; consecutive cases' seeds go through every kind. */
    static Kind kind(long seed) {
        return Kind.values()[(int) Math.floorMod(seed, (long) Kind.values().length)];
    }

    private final Map<Long, byte[]> valid = new HashMap<>();

    /** A valid document of the type: a full register, or a ledger or log of one to four hidden dangers. */
    byte[] valid(Hostile.Doc doc, long seed) {
        long key = seed * 3 + doc.ordinal();
        return valid.computeIfAbsent(key, k -> switch (doc) {
            case REGISTER -> RegisterDocumentTest.write(RegisterDocumentTest.rich(seed));
            case LEDGER -> LedgerAndAuditLogTest.ledger(LedgerAndAuditLogTest.records(seed, 1 + (int) (seed % 4)));
            case AUDIT_LOG -> LedgerAndAuditLogTest.log(LedgerAndAuditLogTest.records(seed, 1 + (int) (seed % 4)));
        });
    }

    @ParameterizedTest
    @EnumSource(Hostile.Doc.class)
    void mutatedDocumentsOnlyRaiseTheDocumentedErrorAndImportNothing(Hostile.Doc doc) {
        int refused = 0;
        int[] perKind = new int[Kind.values().length];
        long t0 = System.nanoTime();
        for (int c = 0; c < CASES; c++) {
            long seed = BASE_SEED + 1_000_003L * c;
            SplittableRandom r = new SplittableRandom(seed);
            Kind kind = kind(seed);
            Mutation m = mutate(doc, valid(doc, Math.floorMod(seed, 97)), kind, r);
            String where = doc + ", seed " + seed + " (replay with -Ddualprevention.json.mutationSeed=" + seed
                    + " -Ddualprevention.json.mutations=1), mutation " + kind + " at [" + m.pointer() + "]:\n"
                    + abbreviate(m.text());
            try {
                CollectingSink<?, ?> sink = doc.read(m.doc(), OPTIONS);
                assertFalse(kind.alwaysInvalid, "accepted an invalid document; " + where);
                assertTrue(sink.report != null && sink.report.items() == sink.items.size(),
                        "accepted but did not deliver everything; " + where);
            } catch (Hostile.Refused x) {
                JsonImportException e = x.error;
                refused++;
                perKind[kind.ordinal()]++;
                assertTrue(x.sink.receivedNothing(), "delivered part of an invalid document; " + where);
                assertFalse(e.violations().isEmpty(), where);
                for (Violation v : e.violations()) {
                    assertTrue(v.path().isEmpty() || v.path().startsWith("/"), "not a JSON Pointer: " + v + "; " + where);
                    assertFalse(v.allowed().isBlank(), "no allowed text: " + v + "; " + where);
                }
                if (kind.pointed() && !m.pointer().isEmpty()) {
                    String target = m.pointer();
                    assertTrue(e.violations().stream().anyMatch(v -> Hostile.atOrAround(v, target)),
                            "no violation at or around the mutated value: " + e.getMessage() + "; " + where);
                }
            } catch (AssertionError a) {
                throw a;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw new AssertionError("undocumented " + e.getClass().getName() + "; " + where, e);
            }
        }
        System.out.println("MutationFuzzTest: " + doc + ": " + CASES + " documents, " + refused + " refused, in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms with a max heap of " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB");
        assertTrue(refused > CASES / 2, "too few mutations were refused: " + refused);
        if (CASES >= Kind.values().length * 4) {
            for (Kind k : Kind.values()) {
                assertTrue(perKind[k.ordinal()] > 0, "no mutation of kind " + k + " was refused");
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 3000 ? s : s.substring(0, 3000) + "…";
    }
}
