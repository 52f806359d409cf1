package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.dualprevention.Violation;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * The byte limit of one item holds to the byte whether the reader asks the parser for the location after each
 * string or settles it from the string's start and length: a register whose largest item (or header) takes
 * exactly {@code n} bytes is imported under a limit of {@code n} and refused under {@code n - 1}, naming the
 * limit. The generated texts hold escapes (quotes, backslashes, tabs), CJK text and emoji, so the bytes of a
 * string differ from its length.
 */
class ItemLengthBoundaryTest {
    @TestFactory
    Stream<DynamicTest> theItemLengthLimitHoldsToTheByte() {
        return LongStream.range(0, 60).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Gen.Register r = RegisterDocumentTest.rich(seed);
            byte[] doc = RegisterDocumentTest.write(r);
            long longest = longest(doc);
            CollectingSink<RegisterHeader, RiskPoint> sink = RegisterDocumentTest.read(doc,
                    ImportOptions.defaults().withLimits(JsonLimits.defaults().withMaxItemLength(longest)));
            assertEquals(r.riskPoints(), sink.items, "seed " + seed + ", limit " + longest);
            JsonImportException e = assertThrows(JsonImportException.class, () -> RegisterDocumentTest.read(doc,
                    ImportOptions.defaults().withLimits(JsonLimits.defaults().withMaxItemLength(longest - 1))),
                    "seed " + seed + ", limit " + (longest - 1));
            assertTrue(e.violations().stream().map(Violation::value)
                    .anyMatch(v -> v.contains("more than " + (longest - 1) + " bytes")), "seed " + seed + ": " + e.getMessage());
        }));
    }

    /** The bytes of the longest risk point, or of the header fields if longer, measured as the reader measures. */
    private static long longest(byte[] doc) {
        long max = 0;
        long header = 0;
        try (JsonParser p = DualPreventionJson.mapper().createParser(doc)) {
            p.nextToken();
            String name;
            while ((name = p.nextName()) != null) {
                p.nextToken();
                if ("riskPoints".equals(name)) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        long start = offset(p.currentTokenLocation());
                        p.skipChildren();
                        max = Math.max(max, offset(p.currentLocation()) - start);
                    }
                } else {
                    long start = offset(p.currentTokenLocation());
                    p.skipChildren();
                    header += offset(p.currentLocation()) - start;
                }
            }
        }
        return Math.max(max, header);
    }

    private static long offset(TokenStreamLocation l) {
        return l.getByteOffset();
    }
}
