package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pins the register import: {@link RegisterDocument#read} must give, on every document, exactly what the tree
 * reader ({@link RegisterDocument#readTrees}, the reader of every release before the streaming one) gives: for an
 * accepted document the same header, risk points, batches and report (warnings included) and the same bytes when
 * written back; for a refused one the same exception class, message and violations (each pointer, value and allowed
 * text), with nothing delivered. Seeded: thousands of generated valid registers and thousands of mutated or hostile
 * ones (dropped, repeated, retyped and unknown members, bad codes, out-of-range and disagreeing numbers, truncation,
 * deep nesting, bad UTF-8, repeated ids, reordered and migrated documents), each under one of several import options
 * (defaults, warnings for disagreements, lenient, small batches, tight item limits, a small problem cap).
 *
 * <p>{@code -Ddualprevention.json.equivalenceSeed=N} starts from another seed and
 * {@code -Ddualprevention.json.equivalenceCases=N} runs more cases (the seed is printed).
 */
class RegisterReaderEquivalenceTest {
    static final long SEED = Long.getLong("dualprevention.json.equivalenceSeed", 20261206L);
    static final int CASES = Integer.getInteger("dualprevention.json.equivalenceCases", 2000);
    private static final JsonNodeFactory NODES = Hostile.MAPPER.getNodeFactory();
    private static final java.util.Map<Long, byte[]> VALID = new java.util.HashMap<>();

    /** What an import did: what the sink received, or what it threw. */
    record Outcome(String text) {
    }

    static Outcome outcome(byte[] doc, ImportOptions options, boolean trees) {
        return outcome(doc, TestScoring.providers(), options, trees);
    }

    /** What an import with these providers did. */
    static Outcome outcome(byte[] doc, ScoringProviders providers, ImportOptions options, boolean trees) {
        CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
        try {
            ImportReport report = trees
                    ? RegisterDocument.readTrees(DocumentSource.of(doc), providers, options, sink)
                    : RegisterDocument.read(DocumentSource.of(doc), providers, options, sink);
            assertEquals(report, sink.report, "the report returned is the one the sink received");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RegisterDocument.write(out, Objects.requireNonNull(sink.header), sink.items);
            // the model values' own equality, and their bytes (a decimal's scale shows there)
            return new Outcome("accepted: header " + sink.header + "\nitems " + sink.items + "\nbatches "
                    + sink.batchSizes + "\ncalls " + sink.calls + "\nreport " + report + "\nbytes "
                    + out.toString(StandardCharsets.UTF_8) + "\nhash " + sink.header.hashCode() + "/" + sink.items.hashCode());
        } catch (JsonImportException e) {
            return new Outcome("refused: " + e.getClass().getName() + " delivered " + sink.calls + "\nmessage "
                    + e.getMessage() + "\nviolations " + e.violations() + "\nformat " + e.format());
        } catch (RuntimeException e) {
            return new Outcome("threw: " + e.getClass().getName() + " delivered " + sink.calls + "\nmessage " + e.getMessage());
        }
    }

    /** The options of a case: mostly the defaults, else one of the variants a host may set. */
    static ImportOptions options(SplittableRandom r) {
        switch (r.nextInt(10)) {
            case 0:
                return ImportOptions.defaults().withScoreDisagreement(ScoreDisagreement.WARN);
            case 1:
                return ImportOptions.defaults().lenient();
            case 2:
                return ImportOptions.defaults().withBatchSize(1 + r.nextInt(3));
            case 3:
                return ImportOptions.defaults().withLimits(JsonLimits.defaults().withMaxItemValues(40 + r.nextInt(400)));
            case 4:
                return ImportOptions.defaults().withLimits(JsonLimits.defaults().withMaxItemLength(300 + r.nextInt(4000)));
            case 5:
                return ImportOptions.defaults().withMaxProblems(1 + r.nextInt(3));
            case 6:
                return ImportOptions.defaults().withLimits(JsonLimits.defaults().withMaxStringLength(1000));
            default:
                return ImportOptions.defaults();
        }
    }

    private static void check(byte[] doc, ImportOptions options, String where, int[] tally) {
        Outcome old = outcome(doc, options, true);
        Outcome now = outcome(doc, options, false);
        if (!old.equals(now)) {
            throw new AssertionError("the readers differ; " + where + " with " + options + "\ndocument: "
                    + abbreviate(new String(doc, StandardCharsets.UTF_8)) + "\ntree reader: " + old.text()
                    + "\nstreaming reader: " + now.text());
        }
        tally[old.text().startsWith("accepted") ? 0 : old.text().startsWith("refused") ? 1 : 2]++;
        CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
        ImportReport streamed;
        try {
            streamed = RegisterDocument.readStreaming(DocumentSource.of(doc), TestScoring.providers(), options, sink,
                    RegisterStream.HOLD_BYTES);
        } catch (RuntimeException e) {
            throw new AssertionError("the streaming reader threw; " + where + " with " + options, e);
        }
        if (streamed != null) {
            tally[3]++;
            assertTrue(old.text().startsWith("accepted"), "the streaming reader accepted a refused document; " + where);
        } else {
            assertTrue(sink.receivedNothing(), "the streaming reader gave up after delivering; " + where);
        }
    }

    @Test
    void generatedRegistersReadAlike() {
        System.out.println("RegisterReaderEquivalenceTest: valid registers from seed " + SEED
                + " (-Ddualprevention.json.equivalenceSeed)");
        int[] tally = new int[4];
        for (int c = 0; c < CASES; c++) {
            long seed = SEED + 7919L * c;
            SplittableRandom r = new SplittableRandom(seed);
            Gen.Register reg = new Gen(seed).register();
            check(RegisterDocumentTest.write(reg), options(r), "valid register, seed " + seed, tally);
        }
        System.out.println("RegisterReaderEquivalenceTest: " + CASES + " valid registers: " + tally[0] + " accepted, "
                + tally[1] + " refused (by the tight options), " + tally[2] + " other; " + tally[3]
                + " read by the streaming reader alone");
        assertTrue(tally[0] > CASES / 2, "too few generated registers were accepted: " + tally[0]);
        // all but the lenient imports (a tenth of the cases) of accepted documents take the streaming reader
        assertTrue(tally[3] > tally[0] * 8 / 10, "the streaming reader gave up too often: " + tally[3] + " of " + tally[0]);
    }

    /**
     * A register larger than the streaming reader holds is validated in one pass and delivered in a second, as it
     * is read: the same delivery (batches included) and report as the tree reader's, here with a bound of a few
     * hundred bytes so that small registers take that path.
     */
    @Test
    void registersLargerThanTheHeldBoundReadAlike() {
        int streamed = 0;
        for (int c = 0; c < CASES / 5; c++) {
            long seed = SEED + 104_729L * c;
            SplittableRandom r = new SplittableRandom(seed);
            byte[] doc = RegisterDocumentTest.write(new Gen(seed).register());
            ImportOptions options = r.nextBoolean() ? ImportOptions.defaults()
                    : ImportOptions.defaults().withBatchSize(1 + r.nextInt(3)).withScoreDisagreement(ScoreDisagreement.WARN);
            Outcome old = outcome(doc, options, true);
            CollectingSink<RegisterHeader, RiskPoint> sink = new CollectingSink<>();
            ImportReport report = RegisterDocument.readStreaming(DocumentSource.of(doc), TestScoring.providers(), options,
                    sink, 1 + r.nextInt(600));
            if (report == null) {
                assertTrue(sink.receivedNothing(), "seed " + seed);
                continue;
            }
            streamed++;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RegisterDocument.write(out, Objects.requireNonNull(sink.header), sink.items);
            Outcome now = new Outcome("accepted: header " + sink.header + "\nitems " + sink.items + "\nbatches "
                    + sink.batchSizes + "\ncalls " + sink.calls + "\nreport " + report + "\nbytes "
                    + out.toString(StandardCharsets.UTF_8) + "\nhash " + sink.header.hashCode() + "/" + sink.items.hashCode());
            assertEquals(old, now, "seed " + seed);
        }
        System.out.println("RegisterReaderEquivalenceTest: " + streamed + " of " + CASES / 5
                + " registers delivered by a second streaming pass alike");
        assertTrue(streamed > CASES / 10, "too few registers took the two-pass streaming path: " + streamed);
    }

    @Test
    void mutatedRegistersReadAlike() {
        System.out.println("RegisterReaderEquivalenceTest: mutated registers from seed " + SEED
                + " (-Ddualprevention.json.equivalenceSeed)");
        int[] tally = new int[4];
        int cases = CASES * 2;
        for (int c = 0; c < cases; c++) {
            long seed = SEED + 1_000_003L * c;
            SplittableRandom r = new SplittableRandom(seed);
            byte[] valid = VALID.computeIfAbsent(Math.floorMod(seed, 211L),
                    k -> RegisterDocumentTest.write(RegisterDocumentTest.rich(k)));
            byte[] doc;
            String what;
            if (r.nextInt(3) == 0) {
                MutationFuzzTest.Kind kind = MutationFuzzTest.Kind.values()[r.nextInt(MutationFuzzTest.Kind.values().length)];
                if (kind == MutationFuzzTest.Kind.MANY_ELEMENTS && r.nextInt(8) != 0) {
                    kind = MutationFuzzTest.Kind.REMOVE_FIELD; // large documents: a few suffice
                }
                doc = MutationFuzzTest.mutate(Hostile.Doc.REGISTER, valid, kind, r).doc();
                what = kind.toString();
            } else {
                Mut m = Mut.values()[r.nextInt(Mut.values().length)];
                doc = m.apply(valid, r);
                what = m.toString();
                if (r.nextInt(4) == 0) {
                    // a second mutation: several problems in one document
                    Mut m2 = Mut.values()[r.nextInt(Mut.values().length)];
                    try {
                        doc = m2.apply(doc, r);
                        what += "+" + m2;
                    } catch (tools.jackson.core.JacksonException e) {
                        // the first mutation left no tree to mutate again
                    }
                }
            }
            check(doc, options(r), "mutated register, seed " + seed + " (" + what + ")", tally);
        }
        System.out.println("RegisterReaderEquivalenceTest: " + cases + " mutated registers: " + tally[0] + " accepted, "
                + tally[1] + " refused, " + tally[2] + " other; " + tally[3] + " read by the streaming reader alone");
        assertTrue(tally[1] > cases / 3, "too few mutated registers were refused: " + tally[1]);
        assertTrue(tally[0] > cases / 50, "too few mutated registers were accepted: " + tally[0]);
    }

    /** Mutations of the tree of a valid register aimed at the checks of the reader. */
    enum Mut {
        /** A string replaced by a code or id of another kind, blank, or a near miss. */
        BAD_CODE,
        /** A number replaced by a neighbour, zero, a negative, a fraction, a big or an over-long one. */
        NUMBER,
        /** A member dropped. */
        DROP,
        /** An element of an array repeated (a repeated hazard, measure, assessment or accident type). */
        REPEAT_ELEMENT,
        /** An element of an array dropped. */
        DROP_ELEMENT,
        /** A value replaced by one of another type. */
        RETYPE,
        /** A member added: unknown, or the optional zone, parent or reassessment. */
        ADD_MEMBER,
        /** A member repeated in the text (a duplicate key). */
        DUPLICATE_MEMBER,
        /** The text cut short. */
        TRUNCATE,
        /** A value replaced by deeply nested arrays or objects. */
        DEEP,
        /** The top-level members reordered (the items before the header). */
        REORDER,
        /** Written as a version 0 document (points, factors). */
        VERSION_0,
        /** A string with a control character, an unpaired surrogate or a non-character. */
        BAD_TEXT,
        /** An id taken from another value of the document (a repeat across the document, or a known unit). */
        SWAP_ID;

        byte[] apply(byte[] valid, SplittableRandom r) {
            ObjectNode doc = (ObjectNode) Hostile.MAPPER.readTree(valid);
            List<MutationFuzzTest.Spot> spots = new ArrayList<>();
            MutationFuzzTest.spots(doc, "", null, null, -1, spots);
            String text = new String(valid, StandardCharsets.UTF_8);
            switch (this) {
                case BAD_CODE: {
                    MutationFuzzTest.Spot s = pick(spots.stream().filter(x -> x.value().isString()).toList(), r);
                    MutationFuzzTest.replace(s, NODES.stringNode(pick(List.of("", " ", "x", "LEC", "LEC-V1", "fire",
                            "equipment", "engineering", "ENGINEERING", "inherent", "RESIDUAL", "major", "blue", "red",
                            "workshop", "company", "99", "2101", "21", "5", "lec", "PRODUCT", "P-V1", "CELL", "M-V1",
                            "2024-05-01T08:30:00Z", "2024-05-01T08:30:00+08:00", "2024-13-01T08:30:00Z", "a/b~c",
                            "a".repeat(129), "A".repeat(65), "level-" + r.nextInt(3), s.value().stringValue() + " ",
                            s.value().stringValue().toLowerCase(), s.value().stringValue().toUpperCase()), r)));
                    break;
                }
                case NUMBER: {
                    List<MutationFuzzTest.Spot> nums = spots.stream().filter(x -> x.value().isNumber()).toList();
                    MutationFuzzTest.Spot s = pick(nums.isEmpty() ? spots : nums, r);
                    String lit = pick(List.of("0", "-1", "1", "100", "99", "1000", "1001", "0.5", "1.0", "1.00", "1e2",
                            "1E+1", "-0", "0.0", "2147483648", "9223372036854775807", "9223372036854775808", "1e-21",
                            "0.000000000000000000001", "12345678901234567890123456789012345", "3", "7", "15", "40",
                            s.value().isNumber() ? s.value().decimalValue().add(java.math.BigDecimal.ONE).toString() : "2",
                            s.value().isNumber() ? s.value().decimalValue().negate().toString() : "-2"), r);
                    return raw(doc, s, lit);
                }
                case DROP: {
                    MutationFuzzTest.Spot s = pick(spots.stream().filter(x -> x.field() != null).toList(), r);
                    ((ObjectNode) s.parent()).remove(s.field());
                    break;
                }
                case REPEAT_ELEMENT: {
                    List<MutationFuzzTest.Spot> arrays = spots.stream().filter(x -> x.value().isArray() && !x.value().isEmpty()).toList();
                    if (arrays.isEmpty()) {
                        break;
                    }
                    ArrayNode a = (ArrayNode) pick(arrays, r).value();
                    a.insert(r.nextInt(a.size() + 1), a.get(r.nextInt(a.size())).deepCopy());
                    break;
                }
                case DROP_ELEMENT: {
                    List<MutationFuzzTest.Spot> arrays = spots.stream().filter(x -> x.value().isArray() && !x.value().isEmpty()).toList();
                    if (arrays.isEmpty()) {
                        break;
                    }
                    ArrayNode a = (ArrayNode) pick(arrays, r).value();
                    a.remove(r.nextInt(a.size()));
                    break;
                }
                case RETYPE: {
                    MutationFuzzTest.Spot s = pick(spots, r);
                    MutationFuzzTest.replace(s, MutationFuzzTest.otherType(s.value(), r));
                    break;
                }
                case ADD_MEMBER: {
                    List<MutationFuzzTest.Spot> objects = spots.stream().filter(x -> x.value().isObject()).toList();
                    ObjectNode o = objects.isEmpty() || r.nextInt(6) == 0 ? doc : (ObjectNode) pick(objects, r).value();
                    String name = pick(List.of("zone", "parent", "reassessment", "unexpected", "id", "Id", "", "a/b",
                            "x~y", "L", "row"), r);
                    JsonNode value = pick(List.of(NODES.stringNode("Z-1"), NODES.stringNode("u-1"), NODES.numberNode(3),
                            NODES.objectNode().put("reason", "r").put("source", "s").put("flaggedAt", "2024-05-01T08:30:00Z"),
                            NODES.nullNode(), NODES.arrayNode()), r);
                    o.set(name, value);
                    break;
                }
                case DUPLICATE_MEMBER: {
                    MutationFuzzTest.Spot f = pick(spots.stream().filter(x -> x.field() != null).toList(), r);
                    String v = Hostile.MAPPER.writeValueAsString(f.value());
                    String other = r.nextBoolean() ? v : Hostile.MAPPER.writeValueAsString(MutationFuzzTest.otherType(f.value(), r));
                    return raw(doc, f, v + "," + Hostile.MAPPER.writeValueAsString(NODES.stringNode(f.field())) + ":" + other);
                }
                case TRUNCATE:
                    return text.substring(0, r.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
                case DEEP: {
                    MutationFuzzTest.Spot s = pick(spots, r);
                    int depth = 5 + r.nextInt(60);
                    return raw(doc, s, r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
                }
                case REORDER: {
                    List<String> names = new ArrayList<>();
                    doc.propertyNames().forEach(names::add);
                    int from = r.nextInt(names.size());
                    String n = names.remove(from);
                    names.add(r.nextInt(names.size() + 1), n);
                    ObjectNode re = NODES.objectNode();
                    for (String k : names) {
                        re.set(k, doc.get(k));
                    }
                    doc = re;
                    break;
                }
                case VERSION_0: {
                    ObjectNode re = NODES.objectNode();
                    for (String k : doc.propertyNames()) {
                        re.set("riskPoints".equals(k) ? "points" : k, "version".equals(k) ? NODES.numberNode(0) : doc.get(k));
                    }
                    for (JsonNode p : re.path("points")) {
                        for (JsonNode h : p.path("hazards")) {
                            for (JsonNode a : h.path("assessments")) {
                                if (r.nextBoolean() && a.has("input")) {
                                    ObjectNode o = (ObjectNode) a;
                                    JsonNode in = o.remove("input");
                                    o.set("factors", in);
                                }
                            }
                        }
                    }
                    doc = re;
                    break;
                }
                case BAD_TEXT: {
                    MutationFuzzTest.Spot s = pick(spots.stream().filter(x -> x.value().isString()).toList(), r);
                    String add = pick(List.of("\\ud800", "\\udfff", "\\ufdd0", "\\uffff", "\\u0001", "\\t", "\\u0000",
                            "\\ud83d\\ude00"), r);
                    String original = Hostile.MAPPER.writeValueAsString(s.value());
                    int where = r.nextBoolean() ? 1 : original.length() - 1;
                    return raw(doc, s, original.substring(0, where) + add + original.substring(where));
                }
                case SWAP_ID:
                default: {
                    List<MutationFuzzTest.Spot> ids = spots.stream().filter(x -> x.value().isString() && x.field() != null
                            && (x.field().equals("id") || x.field().endsWith("Unit") || x.field().equals("parent")
                                    || x.field().equals("scheme") || x.field().equals("method"))).toList();
                    if (ids.isEmpty()) {
                        break;
                    }
                    MutationFuzzTest.replace(pick(ids, r), pick(ids, r).value().deepCopy());
                    break;
                }
            }
            return Hostile.MAPPER.writeValueAsBytes(doc);
        }
    }

    private static final String MARK = "\"@@EQUIVALENCE@@\"";

    /** The document with the value at the spot replaced by raw text. */
    private static byte[] raw(ObjectNode doc, MutationFuzzTest.Spot s, String rawText) {
        MutationFuzzTest.replace(s, NODES.stringNode("@@EQUIVALENCE@@"));
        return Hostile.MAPPER.writeValueAsString(doc).replace(MARK, rawText).getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T pick(List<T> from, SplittableRandom r) {
        return from.get(r.nextInt(from.size()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 4000) + "…";
    }
}
