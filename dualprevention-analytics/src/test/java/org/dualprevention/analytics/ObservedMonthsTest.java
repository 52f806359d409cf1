package org.dualprevention.analytics;

import static org.dualprevention.analytics.Fixtures.C;
import static org.dualprevention.analytics.Fixtures.W1;
import static org.dualprevention.analytics.Fixtures.W2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.MapZoneId;
import org.junit.jupiter.api.Test;

/**
 * The month-based rules count only months in which a unit (or zone) was observed: months before its first
 * record, or before the day the host says it was observed from, are not zeros (issue 15). Today is
 * 2026-07-15: the last complete month is June 2026.
 */
class ObservedMonthsTest {
    private static final EarlyWarning WARN = EarlyWarning.of(Fixtures.ORG, Fixtures.clockAt("2026-07-15T10:00"),
            Fixtures.SHANGHAI, WarningSettings.defaults());
    private static int seq;

    private static HiddenDangerFact.Builder f(OrgUnitId unit, LocalDate reported) {
        return HiddenDangerFact.builder("o" + (++seq), unit, HiddenDangerFact.GENERAL, reported);
    }

    private static List<Warning> of(List<Warning> all, WarningRule rule, String subjectId) {
        return all.stream().filter(w -> w.rule() == rule && w.subject().id().equals(subjectId)).toList();
    }

    @Test
    void oneDayIsOneDayInTheLogLines() {
        LocalDate today = LocalDate.of(2026, 7, 15);
        List<Warning> all = WARN.fromDangers(List.of(
                HiddenDangerFact.builder("late", W1, "general", today.minusDays(5)).deadline(today.minusDays(1)).build(),
                HiddenDangerFact.builder("soon", W1, "general", today).deadline(today.plusDays(1)).build()));
        assertEquals(2, all.size(), all.toString());
        for (Warning w : all) {
            assertTrue(w.message().contains(" 1 day") && !w.message().contains("1 days"), w.message());
        }
    }

    @Test
    void oneMonthOfDataWarnsNobody() {
        // the first data ever: 4 hidden dangers of W2 in June 2026, in zone Z2
        List<HiddenDangerFact> facts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            facts.add(f(W2, LocalDate.of(2026, 6, 3 + i)).zone(MapZoneId.of("Z2")).build());
        }
        List<Warning> all = WARN.fromDangers(facts);
        assertEquals(List.of(), all.stream().filter(w -> w.rule() == WarningRule.IMPROBABLE_COUNT).toList(),
                "months before any data are not zeros");
        assertEquals(List.of(), all.stream().filter(w -> w.rule() == WarningRule.RISING_TREND).toList());
    }

    @Test
    void twoMonthsOfDataMakeNoTrend() {
        // 0 0 0 0 3 6 over January to June would be a rising line; only May and June were observed
        List<HiddenDangerFact> facts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            facts.add(f(W1, LocalDate.of(2026, 5, 3 + i)).build());
        }
        for (int i = 0; i < 6; i++) {
            facts.add(f(W1, LocalDate.of(2026, 6, 3 + i)).build());
        }
        List<Warning> all = WARN.fromDangers(facts);
        assertEquals(List.of(), of(all, WarningRule.RISING_TREND, "W1"), all.toString());
        assertEquals(List.of(), of(all, WarningRule.IMPROBABLE_COUNT, "W1"), all.toString());
        assertEquals(List.of(), of(all, WarningRule.RISING_TREND, "C"), all.toString());
    }

    @Test
    void theMeanIsOverTheObservedMonthsOnly() {
        // W1 from January 2026: one a month January to May, then 7 in June; history = 5 observed months, mean 1
        List<HiddenDangerFact> facts = new ArrayList<>();
        for (int m = 1; m <= 5; m++) {
            facts.add(f(W1, LocalDate.of(2026, m, 10)).build());
        }
        for (int i = 0; i < 7; i++) {
            facts.add(f(W1, LocalDate.of(2026, 6, 1 + i)).build());
        }
        List<Warning> w1 = of(WARN.fromDangers(facts), WarningRule.IMPROBABLE_COUNT, "W1");
        assertEquals(1, w1.size());
        assertEquals(0, BigDecimal.ONE.compareTo(w1.get(0).figure("mean")), w1.get(0).figures().toString());
        assertEquals(new BigDecimal(5), w1.get(0).figure("historyMonths"));
    }

    @Test
    void aWithdrawnReportShowsTheUnitWasObserved() {
        // a withdrawn report in March 2026 marks March as observed; March to May then count as zero months
        List<HiddenDangerFact> facts = new ArrayList<>();
        facts.add(f(W2, LocalDate.of(2026, 3, 2)).withdrawn().build());
        for (int i = 0; i < 4; i++) {
            facts.add(f(W2, LocalDate.of(2026, 6, 3 + i)).build());
        }
        List<Warning> w2 = of(WARN.fromDangers(facts), WarningRule.IMPROBABLE_COUNT, "W2");
        assertEquals(1, w2.size(), "three observed months with none, then four");
        assertEquals(new BigDecimal(3), w2.get(0).figure("historyMonths"));
        assertEquals(0, BigDecimal.ZERO.compareTo(w2.get(0).figure("mean")));
    }

    @Test
    void theHostCanSayWhenAUnitWasObservedFrom() {
        // the same single month of data, but W2 has been recorded (with nothing found) since 1 January 2026
        List<HiddenDangerFact> facts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            facts.add(f(W2, LocalDate.of(2026, 6, 3 + i)).build());
        }
        EarlyWarning since = WARN.withObservedSince(Map.of(W2, LocalDate.of(2026, 1, 1)));
        List<Warning> all = since.fromDangers(facts);
        assertEquals(1, of(all, WarningRule.IMPROBABLE_COUNT, "W2").size(), all.toString());
        assertEquals(new BigDecimal(5), of(all, WarningRule.IMPROBABLE_COUNT, "W2").get(0).figure("historyMonths"));
        // the company was not named: it is observed from its first record only
        assertEquals(List.of(), of(all, WarningRule.IMPROBABLE_COUNT, C.value()));
        // a day inside a month starts the observation with the next month
        EarlyWarning midMonth = WARN.withObservedSince(Map.of(W2, LocalDate.of(2026, 1, 2)));
        assertEquals(new BigDecimal(4), of(midMonth.fromDangers(facts), WarningRule.IMPROBABLE_COUNT, "W2").get(0)
                .figure("historyMonths"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WARN.withObservedSince(Map.of(OrgUnitId.of("nope"), LocalDate.of(2026, 1, 1))));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
