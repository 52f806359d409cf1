package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.dualprevention.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded hostile input for the re-check, recurrence and typical-library forms, read from bytes within limits:
 * every read either succeeds or raises {@link JsonImportException} whose violations each have a JSON Pointer
 * ({@code ""} or starting with {@code /}) and an allowed text; mutations that can never give a valid document
 * must be refused. Any other throwable fails with the seed, the mutation and the document.
 */
class SmallFormsHostileTest {
    static final int CASES = 300;
    static final JsonLimits LIMITS = JsonLimits.defaults().withMaxStringLength(1000).withMaxItemValues(5000);

    enum Form {
        RECHECK(s -> LookBackJson.writeRecheck(LookBackJsonTest.recheck(new SplittableRandom(s), s.intValue())),
                b -> LookBackJson.readRecheck(DocumentSource.of(b), LIMITS)),
        RECURRENCE(s -> LookBackJson.writeRecurrence(LookBackJsonTest.recurrence(new SplittableRandom(s), s.intValue())),
                b -> LookBackJson.readRecurrence(DocumentSource.of(b), LIMITS)),
        TYPICAL(s -> TypicalHiddenDangerJson.write(TypicalHiddenDangerJsonTest.library(new SplittableRandom(s), 3)),
                b -> TypicalHiddenDangerJson.read(DocumentSource.of(b), LIMITS));

        final Function<Long, ObjectNode> valid;
        final Function<byte[], Object> read;

        Form(Function<Long, ObjectNode> valid, Function<byte[], Object> read) {
            this.valid = valid;
            this.read = read;
        }
    }

    enum Kind {
        TRUNCATE(true), WRONG_TYPE(true), NAN(true), HUGE_NUMBER(false), DEEP_NESTING(true), DUPLICATE_KEY(true),
        UNKNOWN_FIELD(true), REMOVE_FIELD(false), FLIP_BYTE(false), LONG_STRING(true), BAD_UTF8(true),
        UNPAIRED_SURROGATE(true), MANY_ELEMENTS(true), SYNTAX(false);

        final boolean alwaysInvalid;

        Kind(boolean alwaysInvalid) {
            this.alwaysInvalid = alwaysInvalid;
        }
    }

    private static <T> T pick(List<T> from, SplittableRandom r) {
        return from.get(r.nextInt(from.size()));
    }

    static byte[] mutate(ObjectNode tree, Kind kind, SplittableRandom r) {
        List<MutationFuzzTest.Spot> spots = new ArrayList<>();
        MutationFuzzTest.spots(tree, "", null, null, -1, spots);
        MutationFuzzTest.Spot s = pick(spots, r);
        String text = RegisterDocumentTest.MAPPER.writeValueAsString(tree);
        String mark = "\"@@M@@\"";
        switch (kind) {
            case TRUNCATE:
                return text.substring(0, r.nextInt(text.length() - 1)).getBytes(StandardCharsets.UTF_8);
            case WRONG_TYPE:
                MutationFuzzTest.replace(s, MutationFuzzTest.otherType(s.value(), r));
                return RegisterDocumentTest.MAPPER.writeValueAsBytes(tree);
            case UNKNOWN_FIELD: {
                List<MutationFuzzTest.Spot> objects = spots.stream().filter(x -> x.value().isObject()).toList();
                ObjectNode target = objects.isEmpty() || r.nextBoolean() ? tree : (ObjectNode) pick(objects, r).value();
                target.put("unexpected" + r.nextInt(10), 1);
                return RegisterDocumentTest.MAPPER.writeValueAsBytes(tree);
            }
            case REMOVE_FIELD: {
                List<MutationFuzzTest.Spot> fields = spots.stream().filter(x -> x.field() != null).toList();
                MutationFuzzTest.Spot f = pick(fields, r);
                ((ObjectNode) f.parent()).remove(f.field());
                return RegisterDocumentTest.MAPPER.writeValueAsBytes(tree);
            }
            case FLIP_BYTE: {
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                int i = r.nextInt(b.length);
                b[i] = (byte) (b[i] ^ (1 << r.nextInt(8)));
                return b;
            }
            case LONG_STRING: {
                List<MutationFuzzTest.Spot> strings = spots.stream().filter(x -> x.value().isString()).toList();
                MutationFuzzTest.replace(pick(strings, r), RegisterDocumentTest.MAPPER.getNodeFactory()
                        .stringNode("z".repeat(1001 + r.nextInt(3000))));
                return RegisterDocumentTest.MAPPER.writeValueAsBytes(tree);
            }
            case SYNTAX: {
                String insert = pick(List.of("}", "]", ",", ":", "\"", "x", "{", "[", "\\", " 1"), r);
                int at = r.nextInt(text.length());
                return (text.substring(0, at) + insert + text.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
            default:
                break;
        }
        String raw;
        switch (kind) {
            case NAN:
                raw = pick(List.of("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10"), r);
                break;
            case HUGE_NUMBER:
                raw = pick(List.of("1e999999999", "9".repeat(70), "2147483648", "9223372036854775808", "1E+2147483647",
                        "0." + "0".repeat(30) + "1"), r);
                break;
            case DEEP_NESTING: {
                int depth = 40 + r.nextInt(3000);
                raw = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                break;
            }
            case DUPLICATE_KEY: {
                List<MutationFuzzTest.Spot> fields = spots.stream().filter(x -> x.field() != null).toList();
                s = pick(fields, r);
                String v = RegisterDocumentTest.MAPPER.writeValueAsString(s.value());
                raw = v + "," + RegisterDocumentTest.MAPPER.writeValueAsString(s.field()) + ":" + v;
                break;
            }
            case UNPAIRED_SURROGATE:
                raw = "\"a" + pick(List.of("\\ud800", "\\udfff", "\\udc00\\ud800"), r) + "\"";
                break;
            case MANY_ELEMENTS: {
                StringBuilder b = new StringBuilder("[");
                for (int i = 0; i < LIMITS.maxItemValues() + 10; i++) {
                    b.append(i == 0 ? "" : ",").append('0');
                }
                raw = b.append(']').toString();
                break;
            }
            case BAD_UTF8:
            default:
                raw = "\"a@@UTF@@b\"";
                break;
        }
        MutationFuzzTest.replace(s, RegisterDocumentTest.MAPPER.getNodeFactory().stringNode("@@M@@"));
        String out = RegisterDocumentTest.MAPPER.writeValueAsString(tree).replace(mark, raw);
        if (kind != Kind.BAD_UTF8) {
            return out.getBytes(StandardCharsets.UTF_8);
        }
        int at = out.substring(0, out.indexOf("@@UTF@@")).getBytes(StandardCharsets.UTF_8).length;
        byte[] base = out.replace("@@UTF@@", "").getBytes(StandardCharsets.UTF_8);
        return InvalidUtf8Test.splice(base, at, pick(new ArrayList<>(InvalidUtf8Test.BAD.values()), r));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void everyHostileInputIsReadOrRefusedWithPointers(Form form) {
        long base = 20261205L + form.ordinal() * 1_000_003L;
        int refused = 0;
        for (int n = 0; n < CASES; n++) {
            long seed = base + n;
            SplittableRandom r = new SplittableRandom(seed);
            Kind kind = Kind.values()[n % Kind.values().length];
            byte[] doc = mutate(form.valid.apply(seed), kind, r);
            String shown = new String(doc, StandardCharsets.UTF_8);
            String where = form + " seed " + seed + " " + kind + ": " + shown.substring(0, Math.min(shown.length(), 300));
            try {
                form.read.apply(doc);
                if (kind.alwaysInvalid) {
                    fail("accepted " + where);
                }
            } catch (JsonImportException e) {
                refused++;
                assertFalse(e.violations().isEmpty(), where);
                for (Violation v : e.violations()) {
                    assertTrue(v.path().isEmpty() || v.path().startsWith("/"), v + " " + where);
                    assertFalse(v.allowed().isBlank(), v + " " + where);
                    assertTrue(v.value().length() <= 80, v + " " + where);
                }
            } catch (Throwable t) {
                throw new AssertionError(where, t);
            }
        }
        assertTrue(refused > CASES / 2, form + ": " + refused);
    }
}
