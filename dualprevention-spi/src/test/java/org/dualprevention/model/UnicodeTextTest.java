package org.dualprevention.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemOutcome;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.Schedule;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.Test;

/**
 * Ids and names refuse unpaired surrogates and non-characters, free text (that of the hidden-danger commands
 * included) refuses unpaired surrogates, each
 * with a {@link ValidationException} naming the field, the value with the character escaped as
 * <code>&#92;uXXXX</code>, and what is allowed; and every other code point of every plane is accepted. Checked
 * exhaustively over all 1,114,112 code points and all 2,048 surrogates.
 */
class UnicodeTextTest {
    private static final OrgUnitId UNIT = OrgUnitId.of("U");

    /** Every typed id that wraps a host key. */
    static final Map<String, Function<String, Object>> IDS = new LinkedHashMap<>();
    /** Required names and descriptions, by the field the check names. */
    static final Map<String, Function<String, Object>> NAMES = new LinkedHashMap<>();
    /** Free text that may be empty. */
    static final Map<String, Function<String, Object>> TEXTS = new LinkedHashMap<>();

    static {
        IDS.put("RiskPointId", RiskPointId::of);
        IDS.put("HazardId", HazardId::of);
        IDS.put("ControlMeasureId", ControlMeasureId::of);
        IDS.put("AssessmentId", AssessmentId::of);
        IDS.put("MapZoneId", MapZoneId::of);
        IDS.put("OrgUnitId", OrgUnitId::of);
        IDS.put("ActorId", ActorId::of);
        IDS.put("HiddenDangerId", HiddenDangerId::of);
        IDS.put("InspectionPlanId", InspectionPlanId::of);
        IDS.put("InspectionItemId", InspectionItemId::of);
        IDS.put("InspectionTaskId", InspectionTaskId::of);
        IDS.put("GoodPracticeId", GoodPracticeId::of);
        IDS.put("role", s -> Actor.of(ActorId.of("a"), UNIT, Set.of(s)));
        NAMES.put("name", s -> OrgUnit.root(UNIT, s, ControlLevel.COMPANY));
        NAMES.put("name ", s -> RiskPoint.of(RiskPointId.of("R"), s, RiskPointKind.PLACE, UNIT, Optional.empty()));
        NAMES.put("description", s -> Hazard.of(HazardId.of("H"), s, HazardCategory.of("21"), Set.of(AccidentType.FIRE), "", ""));
        NAMES.put("inspectionStandard", s -> new ControlMeasure(ControlMeasureId.of("M"), MeasureCategory.MANAGEMENT, "d",
                ControlLevel.COMPANY, UNIT, s));
        NAMES.put("code", s -> Grade.of(s, "n", RiskLevel.LOW));
        NAMES.put("reason", s -> new ReassessmentFlag(s, "src", Instant.EPOCH));
        NAMES.put("content", s -> new InspectionItem(InspectionItemId.of("I"), s, "std", ChecklistClass.values()[0], Optional.empty()));
        NAMES.put("name  ", s -> InspectionPlan.routine(InspectionPlanId.of("P"), s, UNIT, Schedule.every(
                org.dualprevention.inspection.Cadence.WEEK), LocalDate.of(2026, 1, 1)));
        TEXTS.put("causes", s -> Hazard.of(HazardId.of("H"), "d", HazardCategory.of("21"), Set.of(AccidentType.FIRE), s, ""));
        TEXTS.put("consequences", s -> Hazard.of(HazardId.of("H"), "d", HazardCategory.of("21"), Set.of(AccidentType.FIRE), "", s));
        TEXTS.put("action", s -> new Grade("c", "n", RiskLevel.LOW, s));
        TEXTS.put("note", s -> ItemResult.of(InspectionItemId.of("I"), ItemOutcome.FAILED, s, List.of()));
        // the hidden-danger commands: their text goes into the audit entry's canonical data, which a store keeps
        Actor a = Actor.of(ActorId.of("a"), UNIT);
        TEXTS.put("title", s -> HiddenDangerCommand.Report.of(a, HiddenDangerId.of("HD"), s, "d", HiddenDangerSource.OTHER,
                UNIT, LocalDate.of(2026, 1, 1)));
        TEXTS.put("description", s -> HiddenDangerCommand.Report.of(a, HiddenDangerId.of("HD"), "t", s,
                HiddenDangerSource.OTHER, UNIT, LocalDate.of(2026, 1, 1)));
        TEXTS.put("note ", s -> HiddenDangerCommand.Verify.general(a, s));
        TEXTS.put("reason", s -> new HiddenDangerCommand.Withdraw(a, s));
        TEXTS.put("reason ", s -> new HiddenDangerCommand.Reject(a, s));
        TEXTS.put("note  ", s -> new HiddenDangerCommand.Accept(a, s));
        TEXTS.put("description ", s -> new HiddenDangerCommand.Submit(a, s, List.of(), LocalDate.of(2026, 1, 1)));
        TEXTS.put("statusAndCause", s -> new AuthorityReport(s, "h", "t"));
        TEXTS.put("treatmentPlan", s -> new AuthorityReport("s", "h", s));
        TEXTS.put("measures", s -> RectificationPlan.of(ActorId.of("d"), s, Funds.cny("1.50"), LocalDate.of(2026, 1, 2), "c"));
        TEXTS.put("contingencyPlan", s -> RectificationPlan.of(ActorId.of("d"), "m", Funds.cny("1.50"), LocalDate.of(2026, 1, 2), s));
        TEXTS.put("safetyMeasuresAndEmergencyPlan", s -> new GovernanceScheme("g", "m", "f", "o", "t", s));
        TEXTS.put("task", s -> InspectionRef.of(s, "i"));
    }

    static boolean nonCharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFF) == 0xFFFE || (cp & 0xFFFF) == 0xFFFF;
    }

    private static ValidationException refused(Function<String, Object> make, String value, String what) {
        try {
            make.apply(value);
        } catch (ValidationException e) {
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": expected a ValidationException, got " + e, e);
        }
        return fail(what + ": accepted");
    }

    private static void accepted(Function<String, Object> make, String value, String what) {
        try {
            make.apply(value);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": refused: " + e.getMessage(), e);
        }
    }

    /** Every code point of every plane, between two letters: ids and names refuse exactly the 66 non-characters. */
    @Test
    void everyCodePointIsAcceptedUnlessANonCharacter() {
        Function<String, Object> id = IDS.get("RiskPointId");
        Function<String, Object> name = NAMES.get("name");
        Function<String, Object> text = TEXTS.get("causes");
        int nonCharacters = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String s = new StringBuilder(4).append('A').appendCodePoint(cp).append('B').toString();
            if (nonCharacter(cp)) {
                nonCharacters++;
                refused(id, s, String.format("id with U+%04X", cp));
                refused(name, s, String.format("name with U+%04X", cp));
                accepted(text, s, cp, "free text");
            } else if (Character.isISOControl(cp)) {
                assertThrows(IllegalArgumentException.class, () -> RiskPointId.of(s), String.format("U+%04X", cp));
                accepted(name, s, cp, "name");
                accepted(text, s, cp, "free text");
            } else {
                accepted(id, s, cp, "id");
                accepted(name, s, cp, "name");
                accepted(text, s, cp, "free text");
            }
        }
        assertEquals(66, nonCharacters);
    }

    private static void accepted(Function<String, Object> make, String value, int cp, String what) {
        try {
            make.apply(value);
        } catch (RuntimeException e) {
            throw new AssertionError(String.format("%s with U+%04X: refused: %s", what, cp, e.getMessage()), e);
        }
    }

    /**
     * Every surrogate alone is refused by an id, a name and free text; and at the start, inside, at the end
     * and in a reversed pair, the surrogates at the edges of both ranges are refused by every id, name and
     * text, each naming its field and showing the escape.
     */
    @Test
    void everyUnpairedSurrogateIsRefusedByEveryIdNameAndText() {
        for (char c = Character.MIN_SURROGATE; c <= Character.MAX_SURROGATE; c++) {
            String s = "RP-" + c + "-1";
            refused(RiskPointId::of, s, "id with " + (int) c);
            refused(NAMES.get("name"), s, "name with " + (int) c);
            refused(TEXTS.get("note"), s, "note with " + (int) c);
        }
        for (char c : new char[] {'\uD800', '\uDBFF', '\uDC00', '\uDFFF'}) {
            String esc = String.format("\\u%04X", (int) c);
            for (String s : List.of(String.valueOf(c), c + "x", "RP-" + c, "RP-" + c + "-1", "\uDC00\uD800")) {
                for (Map<String, Function<String, Object>> group : List.of(IDS, NAMES, TEXTS)) {
                    for (Map.Entry<String, Function<String, Object>> e : group.entrySet()) {
                        ValidationException x = refused(e.getValue(), s, e.getKey() + " [" + s + "]");
                        Violation v = x.violations().get(0);
                        assertEquals(e.getKey().strip(), v.path(), x.getMessage());
                        assertTrue(v.allowed().startsWith("well-formed Unicode text: no unpaired surrogate"), x.getMessage());
                        assertTrue(v.value().contains(s.equals("\uDC00\uD800") ? "\\uDC00\\uD800" : esc), x.getMessage());
                        assertTrue(v.allowed().contains("found an unpaired surrogate"), x.getMessage());
                    }
                }
            }
        }
    }

    @Test
    void everyNonCharacterIsRefusedByEveryIdAndNameWithItsEscape() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (!nonCharacter(cp)) {
                continue;
            }
            String s = "RP-" + new String(Character.toChars(cp));
            StringBuilder esc = new StringBuilder();
            for (char c : Character.toChars(cp)) {
                esc.append(String.format("\\u%04X", (int) c));
            }
            for (Map<String, Function<String, Object>> group : List.of(IDS, NAMES)) {
                for (Map.Entry<String, Function<String, Object>> e : group.entrySet()) {
                    ValidationException x = refused(e.getValue(), s, e.getKey() + String.format(" with U+%04X", cp));
                    Violation v = x.violations().get(0);
                    assertEquals("RP-" + esc, v.value(), x.getMessage());
                    assertTrue(v.allowed().endsWith(String.format("found the non-character U+%04X at index 3", cp)), x.getMessage());
                }
            }
            for (Map.Entry<String, Function<String, Object>> e : TEXTS.entrySet()) {
                accepted(e.getValue(), s, e.getKey() + String.format(" with U+%04X", cp));
            }
        }
    }

    /** The message reads: subject, field, escaped value, what is allowed and what was found where. */
    @Test
    void theMessageNamesFieldValueAndRule() {
        ValidationException e = assertThrows(ValidationException.class, () -> RiskPointId.of("RP-\uD800"));
        assertEquals("RiskPointId", e.subject());
        assertEquals(List.of(new Violation("RiskPointId", "RP-\\uD800", "well-formed Unicode text: no unpaired surrogate "
                + "(U+D800 to U+DFFF) and no non-character (U+FDD0 to U+FDEF, or the last two code points of any plane, "
                + "such as U+FFFE and U+10FFFF); found an unpaired surrogate \\uD800 at index 3")), e.violations());
        String longName = "名".repeat(200) + "\uFFFE" + "x".repeat(200);
        ValidationException n = assertThrows(ValidationException.class, () -> OrgUnit.root(UNIT, longName, ControlLevel.COMPANY));
        String shown = n.violations().get(0).value();
        assertTrue(shown.startsWith("…") && shown.endsWith("…") && shown.contains("名\\uFFFEx"), shown);
        assertTrue(shown.length() < 100, shown);
    }

    /** Text of every plane, 4-byte emoji and CJK extension characters included, is kept exactly. */
    @Test
    void wellFormedTextOfEveryPlaneIsKeptExactly() {
        StringBuilder sb = new StringBuilder("隐患");
        for (int plane = 0; plane <= 16; plane++) {
            sb.appendCodePoint(plane * 0x10000 + (plane == 0 ? 0x4E2D : 0x1234));
        }
        sb.appendCodePoint(0x1F600).appendCodePoint(0x20000).appendCodePoint(0x2A6D6).appendCodePoint(0x30000)
                .appendCodePoint(0x10FFFD).append("\u00E9\u0301");
        String text = sb.toString();
        assertTrue(text.length() < 128);
        assertEquals(text, RiskPointId.of(text).value());
        assertEquals(text, OrgUnit.root(UNIT, text, ControlLevel.COMPANY).name());
        assertEquals(text, Hazard.of(HazardId.of("H"), "d", HazardCategory.of("21"), Set.of(AccidentType.FIRE), text, "").causes());
    }
}
