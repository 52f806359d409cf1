package org.dualprevention.analytics;

import static org.dualprevention.analytics.Fixtures.C;
import static org.dualprevention.analytics.Fixtures.SHANGHAI;
import static org.dualprevention.analytics.Fixtures.W1;
import static org.dualprevention.analytics.Fixtures.W2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;

/**
 * Synthetic series with known answers. Today is 2026-07-15, so the last complete month is June 2026, the
 * trend window January–June 2026 and the Poisson history June 2025–May 2026.
 */
class EarlyWarningTest {
    private static final EarlyWarning WARN = EarlyWarning.of(Fixtures.ORG, Fixtures.clockAt("2026-07-15T10:00"), Fixtures.SHANGHAI,
            WarningSettings.defaults());
    private static int seq;

    private static HiddenDangerFact.Builder f(OrgUnitId unit, LocalDate reported) {
        return HiddenDangerFact.builder("d" + (++seq), unit, HiddenDangerFact.GENERAL, reported);
    }

    /** W1 in zone Z1: 1, 2, 3, 4, 5, 6 in January to June 2026 (an exact line, slope 1). */
    static List<HiddenDangerFact> risingW1() {
        List<HiddenDangerFact> out = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            for (int i = 0; i < m; i++) {
                out.add(f(W1, LocalDate.of(2026, m, 1 + i)).zone(MapZoneId.of("Z1")).closedOn(LocalDate.of(2026, m, 20))
                        .build());
            }
        }
        return out;
    }

    /** W2: one a month June 2025 to May 2026, then six in June 2026. */
    static List<HiddenDangerFact> spikeW2() {
        List<HiddenDangerFact> out = new ArrayList<>();
        YearMonth m = YearMonth.of(2025, 6);
        for (int i = 0; i < 12; i++) {
            out.add(f(W2, m.plusMonths(i).atDay(3)).closedOn(m.plusMonths(i).atDay(10)).build());
        }
        for (int i = 0; i < 6; i++) {
            out.add(f(W2, LocalDate.of(2026, 6, 10 + i)).closedOn(LocalDate.of(2026, 6, 28)).build());
        }
        return out;
    }

    private static double upperTailByHand(double mean, int k) {
        double sum = 0;
        double term = Math.exp(-mean);
        for (int i = 0; i < k; i++) {
            sum += term;
            term = term * mean / (i + 1);
        }
        return 1 - sum;
    }

    private static List<Warning> of(List<Warning> all, WarningRule rule, String subjectId) {
        return all.stream().filter(w -> w.rule() == rule && w.subject().id().equals(subjectId)).toList();
    }

    @Test
    void risingTrendOfAUnitAndItsZone() {
        List<Warning> all = WARN.fromDangers(risingW1());
        List<Warning> w1 = of(all, WarningRule.RISING_TREND, "W1");
        assertEquals(1, w1.size(), all.toString());
        Warning w = w1.get(0);
        assertEquals(RecordRef.ORG_UNIT, w.subject().kind());
        assertEquals(0, new BigDecimal("1").compareTo(w.figure("slope")), w.figures().toString());
        assertEquals(0, BigDecimal.ZERO.compareTo(w.figure("pValue")));
        assertEquals(new BigDecimal(6), w.figure("2026-06"));
        assertEquals(new BigDecimal(1), w.figure("2026-01"));
        assertEquals(21, w.records().size());
        assertEquals(new BigDecimal(21), w.figure("records"));
        assertTrue(w.message().contains("W1"), w.message());
        // the same counts roll up to the company, and the zone has them too
        assertEquals(1, of(all, WarningRule.RISING_TREND, "C").size());
        assertEquals(RecordRef.MAP_ZONE, of(all, WarningRule.RISING_TREND, "Z1").get(0).subject().kind());
        assertEquals(0, of(all, WarningRule.RISING_TREND, "W2").size());
    }

    @Test
    void aNoisySeriesThatIsNotSignificantDoesNotWarn() {
        // 2 4 5 4 5 2... over Jan..Jun: slope small, p far above 0.05
        List<HiddenDangerFact> facts = new ArrayList<>();
        int[] counts = {4, 2, 5, 3, 4, 5};
        for (int m = 1; m <= 6; m++) {
            for (int i = 0; i < counts[m - 1]; i++) {
                facts.add(f(W2, LocalDate.of(2026, m, 2 + i)).build());
            }
        }
        StatisticalTests.Trend t = StatisticalTests.trend(new long[] {4, 2, 5, 3, 4, 5});
        assertTrue(t.slope > 0 && t.pValue > 0.05, "p " + t.pValue);
        assertEquals(0, of(WARN.fromDangers(facts), WarningRule.RISING_TREND, "W2").size());
    }

    @Test
    void improbableMonthAgainstItsOwnHistory() {
        List<Warning> all = WARN.fromDangers(spikeW2());
        List<Warning> w2 = of(all, WarningRule.IMPROBABLE_COUNT, "W2");
        assertEquals(1, w2.size(), all.toString());
        Warning w = w2.get(0);
        assertEquals(new BigDecimal(6), w.figure("observed"));
        assertEquals(0, BigDecimal.ONE.compareTo(w.figure("mean")));
        assertEquals(upperTailByHand(1, 6), w.figure("pValue").doubleValue(), 1e-12);
        assertEquals(6, w.records().size());
        // the company sees the same series: one warning too; W1 has no history and no count
        assertEquals(1, of(all, WarningRule.IMPROBABLE_COUNT, "C").size());
        assertEquals(0, of(all, WarningRule.IMPROBABLE_COUNT, "W1").size());
    }

    @Test
    void poissonRuleOnARisingUnitUsesTheMeanOfItsObservedHistory() {
        // W1's data begin in January 2026: June 2026 = 6 against January..May = 1, 2, 3, 4, 5 -> mean 3, not improbable
        List<Warning> observed = of(WARN.fromDangers(risingW1()), WarningRule.IMPROBABLE_COUNT, "W1");
        assertTrue(upperTailByHand(3, 6) > 0.01);
        assertEquals(List.of(), observed);
        // observed (with nothing found) since June 2025: history 0 x7, 1, 2, 3, 4, 5 -> mean 15/12 = 1.25
        EarlyWarning since = WARN.withObservedSince(java.util.Map.of(W1, LocalDate.of(2025, 6, 1)));
        List<Warning> w1 = of(since.fromDangers(risingW1()), WarningRule.IMPROBABLE_COUNT, "W1");
        double p = upperTailByHand(1.25, 6);
        assertTrue(p < 0.01, "p " + p);
        assertEquals(1, w1.size());
        assertEquals(p, w1.get(0).figure("pValue").doubleValue(), 1e-12);
        assertEquals(0, new BigDecimal("1.25").compareTo(w1.get(0).figure("mean")));
        assertEquals(new BigDecimal(12), w1.get(0).figure("historyMonths"));
        // a stricter alpha keeps it quiet
        EarlyWarning strict = EarlyWarning.of(Fixtures.ORG, Fixtures.clockAt("2026-07-15T10:00"), Fixtures.SHANGHAI,
                WarningSettings.defaults().withPoisson(12, p / 2, 3))
                .withObservedSince(java.util.Map.of(W1, LocalDate.of(2025, 6, 1)));
        assertEquals(0, of(strict.fromDangers(risingW1()), WarningRule.IMPROBABLE_COUNT, "W1").size());
    }

    @Test
    void overdueAndDueSoonHiddenDangers() {
        LocalDate today = LocalDate.of(2026, 7, 15);
        List<HiddenDangerFact> facts = List.of(
                HiddenDangerFact.builder("late", W1, "general", today.minusDays(20)).deadline(LocalDate.of(2026, 7, 10))
                        .build(),
                HiddenDangerFact.builder("soon", W1, "general", today.minusDays(2)).deadline(LocalDate.of(2026, 7, 17))
                        .build(),
                HiddenDangerFact.builder("today", W2, "major", today).deadline(today).build(),
                HiddenDangerFact.builder("later", W1, "general", today).deadline(LocalDate.of(2026, 7, 20)).build(),
                HiddenDangerFact.builder("closed", W1, "general", today.minusDays(30)).deadline(LocalDate.of(2026, 7, 1))
                        .closedOn(LocalDate.of(2026, 7, 5)).build(),
                HiddenDangerFact.builder("gone", W1, "general", today.minusDays(30)).deadline(LocalDate.of(2026, 7, 1))
                        .withdrawn().build());
        List<Warning> all = WARN.fromDangers(facts);
        List<Warning> overdue = all.stream().filter(w -> w.rule() == WarningRule.HIDDEN_DANGER_OVERDUE).toList();
        assertEquals(List.of("late"), overdue.stream().map(w -> w.subject().id()).toList());
        assertEquals(new BigDecimal(5), overdue.get(0).figure("daysOverdue"));
        List<Warning> soon = all.stream().filter(w -> w.rule() == WarningRule.HIDDEN_DANGER_DUE_SOON).toList();
        assertEquals(List.of("soon", "today"), soon.stream().map(w -> w.subject().id()).toList());
        assertEquals(new BigDecimal(2), soon.get(0).figure("daysLeft"));
        assertEquals(new BigDecimal(0), soon.get(1).figure("daysLeft"));
        assertEquals(List.of(RecordRef.of(RecordRef.HIDDEN_DANGER, "late")), overdue.get(0).records());
    }

    @Test
    void repeatedHiddenDangersAtOnePointOrMeasure() {
        LocalDate today = LocalDate.of(2026, 7, 15);
        RiskPointId p9 = RiskPointId.of("P9");
        ControlMeasureId m9 = ControlMeasureId.of("M9");
        List<HiddenDangerFact> facts = List.of(
                HiddenDangerFact.builder("r1", W1, "general", today.minusDays(89)).riskPoint(p9).measure(m9).build(),
                HiddenDangerFact.builder("r2", W1, "general", today.minusDays(30)).riskPoint(p9).build(),
                HiddenDangerFact.builder("r3", W1, "general", today).riskPoint(p9).measure(m9).build(),
                HiddenDangerFact.builder("r0", W1, "general", today.minusDays(90)).riskPoint(p9).measure(m9).build(),
                HiddenDangerFact.builder("rw", W1, "general", today.minusDays(3)).riskPoint(p9).measure(m9).withdrawn()
                        .build());
        List<Warning> rep = WARN.fromDangers(facts).stream()
                .filter(w -> w.rule() == WarningRule.REPEATED_HIDDEN_DANGER).toList();
        assertEquals(1, rep.size(), rep.toString());
        assertEquals(RecordRef.of(RecordRef.RISK_POINT, "P9"), rep.get(0).subject());
        assertEquals(List.of("r1", "r2", "r3"), rep.get(0).records().stream().map(RecordRef::id).toList());
        assertEquals(new BigDecimal(3), rep.get(0).figure("count"));
        // two at M9 within the window (r0 is 90 days back: outside), below the threshold of 3
        EarlyWarning two = EarlyWarning.of(Fixtures.ORG, Fixtures.clockAt("2026-07-15T10:00"), Fixtures.SHANGHAI,
                WarningSettings.defaults().withRepeat(2, 90));
        assertTrue(two.fromDangers(facts).stream().anyMatch(w -> w.rule() == WarningRule.REPEATED_HIDDEN_DANGER
                && w.subject().equals(RecordRef.of(RecordRef.CONTROL_MEASURE, "M9"))));
    }

    private static Instant t(String s) {
        return LocalDateTime.parse(s).atZone(SHANGHAI).toInstant();
    }

    @Test
    void missedInspectionTasksPerUnit() {
        List<InspectionTaskFact> tasks = List.of(
                InspectionTaskFact.pending("a", W1, Optional.of("P"), t("2026-07-14T17:00")),
                InspectionTaskFact.done("b", W1, Optional.of("P"), t("2026-07-13T17:00"), t("2026-07-14T08:00"), 3, 3),
                InspectionTaskFact.done("c", W1, Optional.of("P"), t("2026-07-12T17:00"), t("2026-07-12T16:00"), 3, 3),
                InspectionTaskFact.pending("old", W1, Optional.of("P"), t("2026-07-01T17:00")),
                InspectionTaskFact.pending("future", W1, Optional.of("P"), t("2026-07-16T17:00")),
                InspectionTaskFact.done("ok", W2, Optional.empty(), t("2026-07-14T17:00"), t("2026-07-14T10:00"), 1, 1));
        List<Warning> w = WARN.missedInspections(tasks);
        assertEquals(1, w.size());
        assertEquals(RecordRef.of(RecordRef.ORG_UNIT, "W1"), w.get(0).subject());
        assertEquals(new BigDecimal(2), w.get(0).figure("missed"));
        assertEquals(new BigDecimal(3), w.get(0).figure("due"));
        assertEquals(List.of("a", "b"), w.get(0).records().stream().map(RecordRef::id).toList());
        assertThrows(IllegalArgumentException.class, () -> w.get(0).figure("nope"));
    }

    @Test
    void effectiveLevelRisesNameTheHiddenDangersBehindThem() {
        List<Warning> w = WARN.effectiveLevelRises(MapFixtures.map());
        assertEquals(List.of("P1", "P2"), w.stream().map(x -> x.subject().id()).toList());
        assertEquals(List.of(RecordRef.of(RecordRef.HIDDEN_DANGER, "h1")), w.get(0).records());
        assertEquals(new BigDecimal(2), w.get(0).figure("assessedSeverity"));
        assertEquals(new BigDecimal(4), w.get(0).figure("effectiveSeverity"));
        assertTrue(w.get(1).message().contains("overdue-general"), w.get(1).message());
    }

    @Test
    void aLevelChangeEventWarnsOnlyWhenTheLevelRises() {
        org.dualprevention.risk.RiskPointId p = org.dualprevention.risk.RiskPointId.of("P1");
        org.dualprevention.danger.HiddenDangerId h = org.dualprevention.danger.HiddenDangerId.of("h1");
        org.dualprevention.danger.EffectiveLevel raised = new org.dualprevention.danger.EffectiveLevel(p,
                org.dualprevention.risk.RiskLevel.GENERAL, org.dualprevention.risk.RiskLevel.MAJOR,
                List.of(new org.dualprevention.danger.EffectiveLevel.Reason(h, "open-major", "open major")));
        org.dualprevention.danger.EffectiveLevel normal = org.dualprevention.danger.EffectiveLevel.asAssessed(p,
                org.dualprevention.risk.RiskLevel.GENERAL);
        Instant at = t("2026-07-15T09:00");
        Warning up = WARN.effectiveLevelRise(org.dualprevention.danger.EffectiveLevelChanged.between(normal, raised, at,
                Optional.of(h)).orElseThrow()).orElseThrow();
        assertEquals(RecordRef.of(RecordRef.RISK_POINT, "P1"), up.subject());
        assertEquals(List.of(RecordRef.of(RecordRef.HIDDEN_DANGER, "h1")), up.records());
        assertEquals(new BigDecimal(2), up.figure("previousSeverity"));
        assertEquals(new BigDecimal(4), up.figure("effectiveSeverity"));
        assertEquals(Optional.empty(), WARN.effectiveLevelRise(org.dualprevention.danger.EffectiveLevelChanged
                .between(raised, normal, at, Optional.of(h)).orElseThrow()));
    }

    @Test
    void evaluateRunsEveryRuleInRuleOrder() {
        List<HiddenDangerFact> facts = new ArrayList<>(risingW1());
        facts.addAll(spikeW2());
        List<Warning> all = WARN.evaluate(MapFixtures.map(), facts, List.of(
                InspectionTaskFact.pending("a", W1, Optional.empty(), t("2026-07-14T17:00"))));
        List<WarningRule> rules = all.stream().map(Warning::rule).distinct().toList();
        assertEquals(List.of(WarningRule.EFFECTIVE_LEVEL_RISE, WarningRule.INSPECTION_MISSED, WarningRule.RISING_TREND,
                WarningRule.IMPROBABLE_COUNT), rules);
        List<WarningRule> sorted = all.stream().map(Warning::rule).sorted().collect(Collectors.toList());
        assertEquals(sorted, all.stream().map(Warning::rule).toList());
        assertFalse(all.isEmpty());
        assertEquals(C.value(), of(all, WarningRule.IMPROBABLE_COUNT, "C").get(0).subject().id());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> WarningSettings.defaults().withTrend(2, 0.05, 5));
        assertThrows(IllegalArgumentException.class, () -> WarningSettings.defaults().withPoisson(12, 1.5, 3));
        assertThrows(IllegalArgumentException.class, () -> WarningSettings.defaults().withRepeat(1, 90));
        assertEquals("rising-trend", WarningRule.RISING_TREND.code());
    }
}
