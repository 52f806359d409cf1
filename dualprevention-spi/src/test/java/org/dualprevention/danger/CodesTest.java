package org.dualprevention.danger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Pins the stored codes, so a rename cannot silently break stored data, and checks every label exists. */
class CodesTest {

    private static <E extends Enum<E>> List<String> codes(E[] values, Function<E, String> code) {
        return Arrays.stream(values).map(code).toList();
    }

    @Test
    void stateCodesArePinned() {
        assertEquals(List.of("reported", "verified", "planned", "rectifying", "awaiting-acceptance", "closed", "withdrawn"),
                codes(HiddenDangerState.values(), HiddenDangerState::code));
        assertEquals(List.of(false, false, false, false, false, true, true),
                Arrays.stream(HiddenDangerState.values()).map(HiddenDangerState::isTerminal).toList());
    }

    @Test
    void actionCodesArePinned() {
        assertEquals(List.of("report", "verify", "withdraw", "rectify-on-spot", "plan", "start", "extend-deadline", "submit",
                "accept", "reject"), codes(HiddenDangerAction.values(), HiddenDangerAction::code));
    }

    @Test
    void gradeSourceAndCategoryCodesArePinned() {
        assertEquals(List.of("general", "major"), codes(HiddenDangerGrade.values(), HiddenDangerGrade::code));
        assertEquals(List.of("inspection", "random-observation", "other"),
                codes(HiddenDangerSource.values(), HiddenDangerSource::code));
        assertEquals(List.of("basic-management", "on-site"),
                codes(HiddenDangerCategory.values(), HiddenDangerCategory::code));
        assertEquals(List.of("accepted", "illegal-transition", "access-denied", "invalid", "stale-version", "not-found",
                "failed"), codes(CommandOutcome.values(), CommandOutcome::code));
    }

    @Test
    void fromCodeRoundTripsAndNamesTheAllowedCodes() {
        for (HiddenDangerState s : HiddenDangerState.values()) {
            assertEquals(s, HiddenDangerState.fromCode(s.code()));
        }
        for (HiddenDangerAction a : HiddenDangerAction.values()) {
            assertEquals(a, HiddenDangerAction.fromCode(a.code()));
        }
        for (HiddenDangerGrade g : HiddenDangerGrade.values()) {
            assertEquals(g, HiddenDangerGrade.fromCode(g.code()));
        }
        for (HiddenDangerSource g : HiddenDangerSource.values()) {
            assertEquals(g, HiddenDangerSource.fromCode(g.code()));
        }
        for (HiddenDangerCategory g : HiddenDangerCategory.values()) {
            assertEquals(g, HiddenDangerCategory.fromCode(g.code()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HiddenDangerState.fromCode("open"));
        assertEquals("HiddenDangerState code [open] is unknown; allowed: [reported, verified, planned, rectifying, "
                + "awaiting-acceptance, closed, withdrawn]", e.getMessage());
    }

    @Test
    void everyConstantHasAChineseAndAnEnglishLabel() {
        List<Enum<?>> all = new java.util.ArrayList<>();
        all.addAll(List.of(HiddenDangerState.values()));
        all.addAll(List.of(HiddenDangerAction.values()));
        all.addAll(List.of(HiddenDangerGrade.values()));
        all.addAll(List.of(HiddenDangerSource.values()));
        all.addAll(List.of(HiddenDangerCategory.values()));
        all.addAll(List.of(CommandOutcome.values()));
        for (Enum<?> e : all) {
            String en = label(e, Locale.ENGLISH);
            String zh = label(e, Locale.CHINESE);
            assertFalse(en.isBlank(), e + " en");
            assertFalse(zh.isBlank(), e + " zh");
            assertNotEquals(en, zh, e + " has the same label in both languages");
        }
        assertEquals("重大事故隐患", HiddenDangerGrade.MAJOR.displayName(Locale.CHINESE));
        assertEquals("立查立改", HiddenDangerAction.RECTIFY_ON_SPOT.displayName(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Awaiting acceptance", HiddenDangerState.AWAITING_ACCEPTANCE.displayName(Locale.ENGLISH));
    }

    private static String label(Enum<?> e, Locale l) {
        if (e instanceof HiddenDangerState) {
            return ((HiddenDangerState) e).displayName(l);
        } else if (e instanceof HiddenDangerAction) {
            return ((HiddenDangerAction) e).displayName(l);
        } else if (e instanceof HiddenDangerGrade) {
            return ((HiddenDangerGrade) e).displayName(l);
        } else if (e instanceof CommandOutcome) {
            return ((CommandOutcome) e).displayName(l);
        } else if (e instanceof HiddenDangerSource) {
            return ((HiddenDangerSource) e).displayName(l);
        }
        return ((HiddenDangerCategory) e).displayName(l);
    }
}
