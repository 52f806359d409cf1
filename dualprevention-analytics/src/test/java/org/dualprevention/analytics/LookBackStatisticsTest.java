package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.lookback.RecurrenceReason;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Re-check completion and recurrence rates of DOMAIN.md §10.4, hand-counted. */
class LookBackStatisticsTest {
    static final OrgUnitId A = OrgUnitId.of("A");
    static final OrgUnitId B = OrgUnitId.of("B");
    static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 30);

    static Recheck recheck(String danger, int round, OrgUnitId unit, HiddenDangerGrade g, LocalDate closed,
            LocalDate due, Boolean passed) {
        Optional<RecheckResult> r = passed == null ? Optional.empty()
                : Optional.of(new RecheckResult(passed, ActorId.of("x"), due, ""));
        return new Recheck(new RecheckId(HiddenDangerId.of(danger), round), RiskPointId.of("rp"), Optional.empty(),
                Optional.empty(), danger, g, unit, Optional.empty(), closed, due, r);
    }

    @Test
    @DisplayName("completion counts re-checks due in the period; recurrence counts each closed hidden danger once")
    void handCounted() {
        LocalDate oct1 = LocalDate.of(2026, 10, 1);
        LocalDate nov5 = LocalDate.of(2026, 11, 5);
        List<Recheck> rs = List.of(
                recheck("g1", 1, A, HiddenDangerGrade.GENERAL, oct1, oct1.plusDays(30), true), // due Oct 31: outside
                recheck("g2", 1, A, HiddenDangerGrade.GENERAL, LocalDate.of(2026, 10, 2), FROM, false), // due Nov 1, done
                recheck("g3", 1, A, HiddenDangerGrade.GENERAL, nov5, nov5.plusDays(30), null), // closed in, due Dec
                recheck("m1", 1, B, HiddenDangerGrade.MAJOR, LocalDate.of(2026, 8, 2), TO, null), // due Nov 30, not done
                recheck("m1", 2, B, HiddenDangerGrade.MAJOR, LocalDate.of(2026, 8, 2), TO.plusDays(90), null),
                recheck("m2", 1, B, HiddenDangerGrade.MAJOR, nov5, nov5.plusDays(90), null),
                recheck("m2", 2, B, HiddenDangerGrade.MAJOR, nov5, nov5.plusDays(180), null));
        List<Recurrence> rec = List.of(new Recurrence(HiddenDangerId.of("g3"), RecurrenceReason.SAME_MEASURE,
                Optional.of(HiddenDangerId.of("g9")), Optional.empty(), RiskPointId.of("rp"), HiddenDangerGrade.GENERAL,
                A, Optional.empty(), LocalDate.of(2026, 12, 20)));
        LookBackStatistics st = LookBackStatistics.of(rs, rec, FROM, TO);
        assertEquals(Rate.of(1, 2), st.total().completion());
        assertEquals(Rate.of(1, 2), st.total().recurrence(), "g3 and m2 closed in November; g3 came back");
        assertEquals(Rate.of(1, 1), st.byUnit().get(A).completion());
        assertEquals(Rate.of(0, 1), st.byUnit().get(B).completion());
        assertEquals(Rate.of(1, 1), st.byGrade().get(HiddenDangerGrade.GENERAL).recurrence());
        assertEquals(Rate.of(0, 1), st.byGrade().get(HiddenDangerGrade.MAJOR).recurrence(), "m2 counted once");
        assertFalse(LookBackStatistics.of(List.of(), List.of(), FROM, TO).total().completion().isApplicable());
    }
}
