package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dualprevention.Violation;
import org.junit.jupiter.api.Test;

/**
 * A syntax error is reported with the text at fault (where the parser stopped), not the token before it,
 * at the pointer of the value being read, in every document type.
 */
class SyntaxErrorTextTest {
    record Case(String name, String before, String fault, String after, String shown) {
        Case(String name, String before, String fault, String after) {
            this(name, before, fault, after, fault);
        }
    }

    /** Each case: valid text, then the text at fault (which must start the reported value). */
    static final List<Case> CASES = List.of(
            new Case("closing brace in an array", "[", "}", "]"),
            new Case("unknown literal", "[", "nul", "]"),
            new Case("missing comma", "[\"a\" ", "\"b\"", "]"),
            new Case("single quotes", "[", "'a'", "]"),
            new Case("leading zero", "[", "01", "]"),
            new Case("plus sign", "[", "+1", "]"),
            new Case("NaN", "[", "NaN", "]"),
            new Case("comment", "[", "/* no */", "]"),
            new Case("unquoted key", "{", "a", ":1}"),
            new Case("colon missing", "{\"a\" ", "1", "}"),
            new Case("control character in a string", "[\"a", "\t", "b\"]", "\\u0009b"));

    @Test
    void theTextAtFaultIsReportedInEveryDocumentType() {
        for (Hostile.Doc doc : Hostile.Doc.values()) {
            List<Hostile.Part> valid = doc.parts(doc.valid(3));
            List<Hostile.Position> positions = Hostile.positions(valid);
            int k = 0;
            for (int i = 0; i < positions.size(); i += 7) {
                Case c = CASES.get(k++ % CASES.size());
                String pointer = positions.get(i).pointer();
                byte[] bad = Hostile.substitute(doc, valid, i, c.before() + c.fault() + c.after());
                String what = doc + " with " + c.name() + " at " + pointer;
                JsonImportException e = Hostile.refused(doc, bad, ImportOptions.defaults(), what);
                Violation last = e.violations().get(e.violations().size() - 1);
                assertTrue(last.allowed().startsWith("well-formed JSON"), what + ": " + e.getMessage());
                assertTrue(last.value().startsWith(c.shown()), "the value shown is not the text at fault ["
                        + c.shown() + "] for " + what + ": " + last);
                assertTrue(last.path().equals(pointer) || last.path().startsWith(pointer + "/"),
                        "not at the value being read for " + what + ": " + last);
            }
        }
    }

    @Test
    void aTruncatedDocumentShowsTheEndOfInput() {
        byte[] doc = "{\"format\":\"dualprevention.hidden-dangers\",\"version\":1,\"hiddenDangers\":[{\"id\":\"HD"
                .getBytes(StandardCharsets.UTF_8);
        JsonImportException e = Hostile.refused(Hostile.Doc.LEDGER, doc, ImportOptions.defaults(), "truncated");
        Violation v = e.violations().get(0);
        assertEquals("/hiddenDangers/0/id", v.path(), e.getMessage());
        assertEquals("(end of input)", v.value(), e.getMessage());
    }
}
