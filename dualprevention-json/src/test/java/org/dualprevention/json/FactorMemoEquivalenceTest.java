package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.DirectMethod;
import org.dualprevention.method.LecMethod;
import org.dualprevention.method.LsMethod;
import org.dualprevention.method.Matrix4x4Method;
import org.dualprevention.method.MesMethod;
import org.dualprevention.method.RiskMatrixMethod;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.spi.AssessmentMethod;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader's memo of assessment inputs (factor values found by their number text, an input read before
 * found by its keys and values) and its recomputation's memo of scores (by the identity of the input and the
 * method) give what the tree reader gives, word for word: seeded registers over every built-in method whose input
 * numbers are respelt (the same value as {@code 3}, {@code 3.0}, {@code 3.000}, {@code 30E-1}, {@code 0.3e1}, ...,
 * so that equal values come from different texts and the same text comes back many times), some with a key
 * repeated, a bad key, a value of another type, a number beyond a long, more than
 * {@value RegisterStream#INPUT_KEYS} keys, the keys in another order, a stored score changed (the memoised score
 * must still disagree) or a factor changed; and a register with more distinct texts and inputs than the memos keep.
 */
class FactorMemoEquivalenceTest {
    static final long SEED = Long.getLong("dualprevention.json.equivalenceSeed", 20261206L);
    private static final List<AssessmentMethod> METHODS = List.of(new LecMethod(), new LsMethod(), new MesMethod(),
            new RiskMatrixMethod(), new Matrix4x4Method(), new DirectMethod());
    private static final ScoringProviders PROVIDERS = ScoringProviders.of(METHODS, BuiltInSchemes.all());
    private static final Pattern INPUT = Pattern.compile("\"input\":\\{([^{}]*)\\}");
    private static final Pattern MEMBER = Pattern.compile("\"([^\"]*)\":(-?[0-9][0-9.eE+-]*)");

    /** Another JSON spelling of the same number (or the same, or, with {@code zeros} > 40, a long one). */
    static String respell(String text, SplittableRandom r, int zeros) {
        BigDecimal v = new BigDecimal(text);
        switch (r.nextInt(7)) {
            case 0:
                return text;
            case 1: { // trailing zeros
                String plain = v.toPlainString();
                return (plain.contains(".") ? plain : plain + ".") + "0".repeat(1 + r.nextInt(Math.max(1, zeros)));
            }
            case 2: // unscaled and exponent, upper or lower case, signed or not
                return v.unscaledValue() + (r.nextBoolean() ? "E" : "e") + (v.scale() <= 0 && r.nextBoolean() ? "+" : "")
                        + (-v.scale());
            case 3: // ten times the unscaled, one more negative exponent
                return v.unscaledValue().multiply(java.math.BigInteger.TEN) + "e" + (-v.scale() - 1);
            case 4: // 0.x e n
                return "0." + v.unscaledValue().abs() + "e" + (v.unscaledValue().abs().toString().length() - v.scale());
            case 5: // zero signed
                return v.signum() == 0 ? (r.nextBoolean() ? "-0" : "-0.0") : v.toPlainString();
            default:
                return v.toPlainString();
        }
    }

    /** The document with the numbers of its inputs respelt, and now and then an input broken or reordered. */
    static String rewrite(String doc, SplittableRandom r, int zeros, boolean breakSome) {
        Matcher m = INPUT.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String[]> members = new ArrayList<>();
            Matcher e = MEMBER.matcher(m.group(1));
            while (e.find()) {
                members.add(new String[] {e.group(1), respell(e.group(2), r, zeros)});
            }
            if (breakSome && !members.isEmpty() && r.nextInt(40) == 0) {
                switch (r.nextInt(7)) {
                    case 0 -> members.add(members.get(0)); // a key repeated
                    case 1 -> members.get(0)[0] = "9" + members.get(0)[0]; // a bad key
                    case 2 -> members.get(0)[1] = "\"" + members.get(0)[1] + "\""; // a string
                    case 3 -> members.get(0)[1] = "123456789012345678901234567890"; // beyond a long
                    case 4 -> {
                        for (int k = 0; k < 9; k++) {
                            members.add(new String[] {"X" + k, "1"}); // more keys than the memo keeps
                        }
                    }
                    case 5 -> java.util.Collections.reverse(members); // another order (a valid input)
                    default -> members.get(0)[1] = members.get(0)[1] + "1"; // another value
                }
            }
            StringBuilder in = new StringBuilder("\"input\":{");
            for (int i = 0; i < members.size(); i++) {
                in.append(i == 0 ? "" : ",").append('"').append(members.get(i)[0]).append("\":").append(members.get(i)[1]);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(in.append('}').toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern CLAIM = Pattern.compile("\"score\":(\\{[^}]*\\}|[^,{]*),\"grade\":\\{[^}]*\\}");

    /** The document with the stored score and grade of one assessment replaced by those of the one before it. */
    static String copyClaim(String doc, SplittableRandom r) {
        List<int[]> at = new ArrayList<>();
        Matcher m = CLAIM.matcher(doc);
        while (m.find()) {
            at.add(new int[] {m.start(), m.end()});
        }
        if (at.size() < 2) {
            return doc;
        }
        int i = 1 + r.nextInt(at.size() - 1);
        String before = doc.substring(at.get(i - 1)[0], at.get(i - 1)[1]);
        return doc.substring(0, at.get(i)[0]) + before + doc.substring(at.get(i)[1]);
    }

    @Test
    void respeltAndBrokenInputsReadAsTheTreeReaderReadsThem() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        int[] tally = new int[3];
        for (int c = 0; c < 400; c++) {
            long seed = seeds.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            String valid = new String(BuiltInMethodsEquivalenceTest.register(r, 1 + r.nextInt(12), 1 + r.nextInt(6)),
                    StandardCharsets.UTF_8);
            String doc = rewrite(valid, r, 6, true);
            if (r.nextInt(5) == 0) {
                doc = BuiltInMethodsEquivalenceTest.tamper(doc, r); // a stored score, grade, factor or method changed
            } else if (r.nextInt(4) == 0) {
                doc = copyClaim(doc, r); // the score and grade of the assessment before: a stale score would agree
            }
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            ImportOptions options = r.nextBoolean() ? ImportOptions.defaults()
                    : ImportOptions.defaults().withScoreDisagreement(ScoreDisagreement.WARN);
            String where = "seed " + seed + " (case " + c + ", base seed " + SEED + ") with " + options + "\n" + doc;
            RegisterReaderEquivalenceTest.Outcome old = RegisterReaderEquivalenceTest.outcome(bytes, PROVIDERS, options, true);
            RegisterReaderEquivalenceTest.Outcome now = RegisterReaderEquivalenceTest.outcome(bytes, PROVIDERS, options, false);
            assertEquals(old, now, "the readers differ; " + where);
            CollectingSink<RegisterHeader, org.dualprevention.risk.RiskPoint> sink = new CollectingSink<>();
            ImportReport streamed = RegisterDocument.readStreaming(DocumentSource.of(bytes), PROVIDERS, options, sink,
                    RegisterStream.HOLD_BYTES);
            boolean accepted = old.text().startsWith("accepted");
            if (streamed != null) {
                assertTrue(accepted, "the streaming reader accepted a refused document; " + where);
            }
            tally[accepted ? 0 : 1]++;
            tally[2] += streamed != null ? 1 : 0;
        }
        // most respelt registers are valid and read by the streaming reader alone (so through the memos)
        assertTrue(tally[0] > 150 && tally[1] > 50 && tally[2] > 150, "accepted, refused, streamed: "
                + Arrays.toString(tally) + " (base seed " + SEED + ")");
    }

    /**
     * More distinct number texts (up to 60 trailing zeros) and inputs than the memos keep (1024 texts, 4096 inputs,
     * 1024 scores): read alike, and by the streaming reader alone.
     */
    @Test
    void moreTextsAndInputsThanTheMemosKeepReadAlike() {
        SplittableRandom r = new SplittableRandom(SEED + 7);
        String doc = rewrite(new String(BuiltInMethodsEquivalenceTest.register(r, 2500, 40), StandardCharsets.UTF_8),
                new SplittableRandom(SEED + 8), 60, false);
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        RegisterReaderEquivalenceTest.Outcome old = RegisterReaderEquivalenceTest.outcome(bytes, PROVIDERS,
                ImportOptions.defaults(), true);
        assertEquals(old, RegisterReaderEquivalenceTest.outcome(bytes, PROVIDERS, ImportOptions.defaults(), false),
                "seed " + (SEED + 7));
        assertTrue(old.text().startsWith("accepted"), old.text().substring(0, Math.min(2000, old.text().length())));
        {
            assertNotNull(RegisterDocument.readStreaming(DocumentSource.of(bytes), PROVIDERS, ImportOptions.defaults(),
                    new CollectingSink<>(), RegisterStream.HOLD_BYTES), "seed " + (SEED + 7));
        }
    }

    /** The same factors in one document: the inputs delivered are equal to the inputs made by hand, value and scale. */
    @Test
    void theSameFactorsGiveEqualInputsWhateverTheirSpelling() {
        String valid = new String(BuiltInMethodsEquivalenceTest.register(new SplittableRandom(SEED + 3), 30, 3),
                StandardCharsets.UTF_8);
        SplittableRandom r = new SplittableRandom(SEED + 4);
        byte[] bytes = rewrite(valid, r, 4, false).getBytes(StandardCharsets.UTF_8);
        CollectingSink<RegisterHeader, org.dualprevention.risk.RiskPoint> plain = new CollectingSink<>();
        RegisterDocument.read(DocumentSource.of(valid.getBytes(StandardCharsets.UTF_8)), PROVIDERS, ImportOptions.defaults(), plain);
        CollectingSink<RegisterHeader, org.dualprevention.risk.RiskPoint> respelt = new CollectingSink<>();
        assertNotNull(RegisterDocument.readStreaming(DocumentSource.of(bytes), PROVIDERS, ImportOptions.defaults(),
                respelt, RegisterStream.HOLD_BYTES), "the streaming reader gave up; seed " + (SEED + 3) + "/" + (SEED + 4));
        List<AssessmentInput> a = inputs(plain);
        List<AssessmentInput> b = inputs(respelt);
        assertTrue(a.size() > 20, "too few assessments: " + a.size());
        assertEquals(a, b, "seed " + (SEED + 3) + "/" + (SEED + 4));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).values().toString(), b.get(i).values().toString(), "scale of input " + i);
        }
    }

    private static List<AssessmentInput> inputs(CollectingSink<RegisterHeader, org.dualprevention.risk.RiskPoint> sink) {
        List<AssessmentInput> out = new ArrayList<>();
        sink.items.forEach(p -> p.hazards().forEach(h -> h.assessments().forEach(x -> out.add(x.input()))));
        return out;
    }
}
