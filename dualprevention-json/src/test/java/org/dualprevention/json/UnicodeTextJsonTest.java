package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.Test;

/**
 * Text in documents: an unpaired surrogate (written as a JSON escape such as {@code "\ud800"}) in any string
 * of any document type is refused at its pointer, ids and names refuse non-characters too, and this module's
 * check agrees with the spi's on every code point, so that no model constructor refuses what the reader let
 * through. Text of every plane imports unchanged.
 */
class UnicodeTextJsonTest {
    @Test
    void anUnpairedSurrogateInEveryStringOfEveryDocumentIsRefusedAtItsPointer() {
        List<String> surrogates = List.of("\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\udc00\\ud800");
        for (Hostile.Doc doc : Hostile.Doc.values()) {
            List<Hostile.Part> valid = doc.parts(doc.valid(9));
            List<Hostile.Position> positions = Hostile.positions(valid);
            int k = 0;
            for (int i = 0; i < positions.size(); i++) {
                if (!positions.get(i).spot().value().isString()) {
                    continue;
                }
                String pointer = positions.get(i).pointer();
                String original = positions.get(i).spot().value().stringValue();
                String bad = surrogates.get(k++ % surrogates.size());
                String text = Hostile.MAPPER.writeValueAsString(original);
                String raw = text.substring(0, text.length() - 1) + bad + "\"";
                byte[] bytes = Hostile.substitute(doc, valid, i, raw);
                String what = doc + " with " + bad + " after [" + original + "] at " + pointer;
                JsonImportException e = Hostile.refused(doc, bytes, ImportOptions.defaults(), what);
                assertTrue(e.violations().stream().anyMatch(v -> v.path().equals(pointer)
                        && v.value().contains(bad.substring(0, 6).toUpperCase().replace("\\U", "\\u"))),
                        "no violation showing the surrogate at " + pointer + " for " + what + ": " + e.getMessage());
            }
        }
    }

    /** The PostgreSQL case of the issue: two ids that a UTF-8 store would both turn into RP-? are each refused. */
    @Test
    void twoIdsThatAStoreWouldMergeAreBothRefused() {
        Gen.Register r = RegisterDocumentTest.rich(4);
        OrgUnitId unit = r.header().organization().units().get(0).id();
        String a = "{\"id\":\"RP-\\ud800\",\"name\":\"a\",\"kind\":\"place\",\"owningUnit\":\"" + unit + "\",\"version\":0,\"hazards\":[]}";
        String b = a.replace("\\ud800", "\\udbff");
        String start = new String(RegisterDocumentTest.write(new Gen.Register(r.header(), List.of())), StandardCharsets.UTF_8);
        byte[] doc = (start.substring(0, start.length() - 2) + a + "," + b + "]}").getBytes(StandardCharsets.UTF_8);
        JsonImportException e = Hostile.refused(Hostile.Doc.REGISTER, doc, ImportOptions.defaults(), "RP-\\ud800, RP-\\udbff");
        assertEquals(List.of("/riskPoints/0/id", "/riskPoints/1/id"), e.violations().stream().map(Violation::path).toList(),
                e.getMessage());
        assertEquals("\"RP-\\uD800\"", e.violations().get(0).value());
        assertTrue(e.violations().get(0).allowed().endsWith("found an unpaired surrogate \\uD800 at index 3"), e.getMessage());
    }

    @Test
    void namesAndIdsRefuseNonCharactersAndFreeTextKeepsThem() {
        Gen.Register r = RegisterDocumentTest.rich(4);
        OrgUnitId unit = r.header().organization().units().get(0).id();
        String rp = "{\"id\":\"RP-1\",\"name\":\"N\",\"kind\":\"place\",\"owningUnit\":\"" + unit + "\",\"version\":0,"
                + "\"hazards\":[{\"id\":\"H-1\",\"description\":\"D\",\"category\":\"21\",\"accidentTypes\":[\"" + AccidentType.FIRE.code() + "\"],"
                + "\"causes\":\"C\",\"consequences\":\"\",\"measures\":[],\"assessments\":[]}]}";
        String start = new String(RegisterDocumentTest.write(new Gen.Register(r.header(), List.of())), StandardCharsets.UTF_8);
        start = start.substring(0, start.length() - 2);
        for (String nonCharacter : List.of("\\ufdd0", "\\uffff", "\\ud83f\\udffe", "\\udbff\\udfff")) {
            for (String field : List.of("\"id\":\"RP-1", "\"name\":\"N", "\"description\":\"D", "\"id\":\"H-1")) {
                byte[] doc = (start + rp.replace(field, field + nonCharacter) + "]}").getBytes(StandardCharsets.UTF_8);
                JsonImportException e = Hostile.refused(Hostile.Doc.REGISTER, doc, ImportOptions.defaults(), field + nonCharacter);
                assertEquals(1, e.violations().size(), e.getMessage());
                assertTrue(e.violations().get(0).allowed().contains("found the non-character"), e.getMessage());
            }
            byte[] doc = (start + rp.replace("\"causes\":\"C", "\"causes\":\"C" + nonCharacter) + "]}").getBytes(StandardCharsets.UTF_8);
            CollectingSink<?, ?> sink = Hostile.Doc.REGISTER.read(doc, ImportOptions.defaults());
            RiskPoint read = (RiskPoint) sink.items.get(0);
            String expected = "C" + Hostile.MAPPER.readValue("\"" + nonCharacter + "\"", String.class);
            assertEquals(expected, read.hazards().get(0).causes());
        }
    }

    /** This module's rule and the spi's agree on every code point and every surrogate, for ids, names and free text. */
    @Test
    void theReaderAndTheSpiAgreeOnEveryCodePoint() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.isISOControl(cp)) {
                continue;
            }
            String s = new StringBuilder(4).append('A').appendCodePoint(cp).append('B').toString();
            agree(s, cp);
        }
        for (char c = Character.MIN_SURROGATE; c <= Character.MAX_SURROGATE; c++) {
            agree("A" + c + "B", c);
            agree("A" + c, c);
        }
    }

    private static void agree(String s, int cp) {
        boolean spiId = refuses(() -> RiskPointId.of(s));
        boolean spiText = refuses(() -> Hazard.of(HazardId.of("H"), "d", HazardCategory.of("21"), Set.of(AccidentType.FIRE), s, ""));
        if (spiId != ModelReader.badUnicode(s, true) >= 0 || spiText != ModelReader.badUnicode(s, false) >= 0) {
            throw new AssertionError(String.format("U+%04X: the spi refuses id %s, text %s; the reader id %s, text %s", cp,
                    spiId, spiText, ModelReader.badUnicode(s, true) >= 0, ModelReader.badUnicode(s, false) >= 0));
        }
    }

    private static boolean refuses(Runnable r) {
        try {
            r.run();
            return false;
        } catch (ValidationException e) {
            return true;
        }
    }

    /** A register whose ids, names and free text hold characters of every plane imports them unchanged. */
    @Test
    void textOfEveryPlaneImportsUnchanged() {
        StringBuilder sb = new StringBuilder("隐患");
        for (int plane = 0; plane <= 16; plane++) {
            sb.appendCodePoint(plane * 0x10000 + (plane == 0 ? 0x4E2D : 0x1234));
        }
        sb.appendCodePoint(0x1F600).appendCodePoint(0x20000).appendCodePoint(0x2A6D6).appendCodePoint(0x30000)
                .appendCodePoint(0x10FFFD).append("e\u0301\u200B\uFEFF");
        String text = sb.toString();
        Gen.Register r = RegisterDocumentTest.rich(4);
        OrgUnitId unit = r.header().organization().units().get(0).id();
        RiskPoint rp = RiskPoint.of(RiskPointId.of("RP-" + text), "名" + text, RiskPointKind.PLACE, unit, Optional.empty())
                .withHazards(List.of(Hazard.of(HazardId.of("H-" + text), "D" + text, HazardCategory.of("21"),
                        Set.of(AccidentType.FIRE), text, text)));
        byte[] doc = RegisterDocumentTest.write(new Gen.Register(r.header(), List.of(rp)));
        CollectingSink<?, ?> sink = Hostile.Doc.REGISTER.read(doc, ImportOptions.defaults());
        assertEquals(List.of(rp), sink.items);
    }
}
