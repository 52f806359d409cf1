package org.dualprevention.engine.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.closedloop.Danger;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DOMAIN.md §10.2 over every assessed level and every pair of hidden-danger situations. */
class DefaultEffectiveLevelPolicyTest {
    /** Plans set the deadline to DAY0 + 10, so on this day rectifying ones are overdue. */
    private static final LocalDate TODAY = Danger.DAY0.plusDays(20);
    private static final RiskPointId OTHER = RiskPointId.of("RP-2");

    /** A situation of one hidden danger and what it must do to the level of RP-1. */
    enum Kind {
        VERIFIED_GENERAL(HiddenDangerState.VERIFIED, HiddenDangerGrade.GENERAL, Danger.RP, 0),
        OVERDUE_GENERAL(HiddenDangerState.RECTIFYING, HiddenDangerGrade.GENERAL, Danger.RP, 1),
        OVERDUE_GENERAL_AWAITING(HiddenDangerState.AWAITING_ACCEPTANCE, HiddenDangerGrade.GENERAL, Danger.RP, 1),
        VERIFIED_MAJOR(HiddenDangerState.VERIFIED, HiddenDangerGrade.MAJOR, Danger.RP, 9),
        OVERDUE_MAJOR(HiddenDangerState.RECTIFYING, HiddenDangerGrade.MAJOR, Danger.RP, 9),
        CLOSED_MAJOR(HiddenDangerState.CLOSED, HiddenDangerGrade.MAJOR, Danger.RP, 0),
        CLOSED_GENERAL(HiddenDangerState.CLOSED, HiddenDangerGrade.GENERAL, Danger.RP, 0),
        WITHDRAWN(HiddenDangerState.WITHDRAWN, HiddenDangerGrade.GENERAL, Danger.RP, 0),
        UNGRADED(HiddenDangerState.REPORTED, HiddenDangerGrade.GENERAL, Danger.RP, 0),
        OTHER_POINT_MAJOR(HiddenDangerState.VERIFIED, HiddenDangerGrade.MAJOR, OTHER, 0),
        OTHER_POINT_OVERDUE(HiddenDangerState.RECTIFYING, HiddenDangerGrade.GENERAL, OTHER, 0);

        final HiddenDangerState state;
        final HiddenDangerGrade grade;
        final RiskPointId point;
        /** 0 no effect, 1 one step, 9 to major. */
        final int effect;

        Kind(HiddenDangerState state, HiddenDangerGrade grade, RiskPointId point, int effect) {
            this.state = state;
            this.grade = grade;
            this.point = point;
            this.effect = effect;
        }

        HiddenDanger danger(int n) {
            return Danger.walk("HD-" + n + "-" + name(), point, state, grade);
        }
    }

    static Stream<Arguments> situations() {
        List<Arguments> out = new ArrayList<>();
        Kind[] kinds = Kind.values();
        for (RiskLevel assessed : RiskLevel.values()) {
            out.add(Arguments.of(assessed, List.of()));
            for (int i = 0; i < kinds.length; i++) {
                for (int j = i; j < kinds.length; j++) {
                    out.add(Arguments.of(assessed, List.of(kinds[i], kinds[j])));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("situations")
    void effectiveLevelFollowsTheRule(RiskLevel assessed, List<Kind> kinds) {
        List<HiddenDanger> dangers = new ArrayList<>();
        int raising = 0;
        int maxEffect = 0;
        for (int n = 0; n < kinds.size(); n++) {
            dangers.add(kinds.get(n).danger(n));
            maxEffect = Math.max(maxEffect, kinds.get(n).effect);
            raising += kinds.get(n).effect > 0 ? 1 : 0;
        }
        RiskLevel expected = maxEffect == 9 ? RiskLevel.MAJOR : maxEffect == 1 ? assessed.raisedBy(1) : assessed;
        EffectiveLevel level = DefaultEffectiveLevelPolicy.create().evaluate(Danger.RP, assessed, dangers, TODAY);
        assertEquals(expected, level.effective());
        assertEquals(assessed, level.assessed());
        assertTrue(!assessed.isMoreSevereThan(level.effective()), "never below the assessed level");
        assertEquals(expected == assessed ? 0 : raising, level.reasons().size(), level.reasons().toString());
        for (EffectiveLevel.Reason r : level.reasons()) {
            assertTrue(r.rule().equals(DefaultEffectiveLevelPolicy.OPEN_MAJOR)
                    || r.rule().equals(DefaultEffectiveLevelPolicy.OVERDUE_GENERAL), r.rule());
        }
    }

    @Test
    void reasonsNameTheHiddenDangers() {
        HiddenDanger major = Danger.walk("HD-7", Danger.RP, HiddenDangerState.PLANNED, HiddenDangerGrade.MAJOR);
        HiddenDanger overdue = Danger.walk("HD-3", Danger.RP, HiddenDangerState.RECTIFYING, HiddenDangerGrade.GENERAL);
        EffectiveLevel level = DefaultEffectiveLevelPolicy.create().evaluate(Danger.RP, RiskLevel.LOW,
                List.of(major, overdue), TODAY);
        assertEquals(RiskLevel.MAJOR, level.effective());
        assertEquals(List.of(
                new EffectiveLevel.Reason(HiddenDangerId.of("HD-3"), "overdue-general",
                        "general hidden danger [HD-3] overdue since 2026-03-13 raises the level by one step"),
                new EffectiveLevel.Reason(HiddenDangerId.of("HD-7"), "open-major",
                        "open major hidden danger [HD-7] raises the level to MAJOR")), level.reasons());
    }

    @Test
    void closingRestoresTheAssessedLevelAndTheChangeIsAnEvent() {
        HiddenDanger open = Danger.walk("HD-1", Danger.RP, HiddenDangerState.AWAITING_ACCEPTANCE, HiddenDangerGrade.MAJOR);
        HiddenDanger closed = Danger.walk("HD-1", Danger.RP, HiddenDangerState.CLOSED, HiddenDangerGrade.MAJOR);
        DefaultEffectiveLevelPolicy p = DefaultEffectiveLevelPolicy.create();
        EffectiveLevel before = p.evaluate(Danger.RP, RiskLevel.GENERAL, List.of(open), TODAY);
        EffectiveLevel after = p.evaluate(Danger.RP, RiskLevel.GENERAL, List.of(closed), TODAY);
        assertEquals(RiskLevel.MAJOR, before.effective());
        assertEquals(EffectiveLevel.asAssessed(Danger.RP, RiskLevel.GENERAL), after);
        Instant at = closed.closedAt().orElseThrow();
        EffectiveLevelChanged e = EffectiveLevelChanged.between(before, after, at, Optional.of(closed.id())).orElseThrow();
        assertEquals(RiskLevel.MAJOR, e.from());
        assertEquals(RiskLevel.GENERAL, e.to().effective());
        assertEquals(Optional.empty(), EffectiveLevelChanged.between(after, after, at, Optional.empty()));
    }

    @Test
    void aLevelBelowTheAssessedOneCannotExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EffectiveLevel(Danger.RP,
                RiskLevel.SIGNIFICANT, RiskLevel.GENERAL, List.of(new EffectiveLevel.Reason(HiddenDangerId.of("H"), "x", "y"))));
        assertEquals("effective level [GENERAL] of risk point [RP-1] is below its assessed level [SIGNIFICANT];"
                + " allowed: SIGNIFICANT or above", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new EffectiveLevel(Danger.RP, RiskLevel.LOW, RiskLevel.GENERAL, List.of()), "a raise needs a reason");
    }
}
