package org.dualprevention.analytics;

import static org.dualprevention.analytics.Fixtures.ORG;
import static org.dualprevention.analytics.Fixtures.SHANGHAI;
import static org.dualprevention.analytics.Fixtures.W1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every computation that depends on "now" reads the clock once per call: a clock that ticks between two reads
 * (here, across midnight) must give the figures of the first instant read, not a mix of "today" from one instant and
 * "now" from the next. Before the change, {@link Statistics}, {@link MaintainedStatistics} and
 * {@link EarlyWarning#evaluate} each read the clock twice, so a task due in the tick between the two reads was
 * counted although its day was not yet "as of".
 */
class OneInstantPerCallTest {
    /** One millisecond before midnight in Shanghai; the task below falls due one millisecond after it. */
    private static final Instant FIRST = LocalDateTime.parse("2026-07-15T23:59:59.999").atZone(SHANGHAI).toInstant();
    private static final Instant DUE = FIRST.plusMillis(1);
    private static final ReportingPeriod JULY = ReportingPeriod.month(java.time.YearMonth.of(2026, 7));
    private static final List<InspectionTaskFact> TASKS = List.of(
            InspectionTaskFact.pending("at-midnight", W1, Optional.of("P"), DUE),
            InspectionTaskFact.pending("earlier", W1, Optional.of("P"), FIRST.minusSeconds(3600)));

    /** Hands out FIRST, then two milliseconds more on every later read. */
    private static final class Ticking extends Clock {
        private Instant next = FIRST;

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            Instant now = next;
            next = next.plusMillis(2);
            return now;
        }
    }

    private static Clock fixed() {
        return Clock.fixed(FIRST, SHANGHAI);
    }

    @Test
    void statisticsTakeTodayAndNowFromOneRead() {
        UnitStatistics expected = Statistics.of(ORG, fixed(), SHANGHAI).computeAll(JULY, List.of(), TASKS).get(W1);
        UnitStatistics ticking = Statistics.of(ORG, new Ticking(), SHANGHAI).computeAll(JULY, List.of(), TASKS).get(W1);
        assertEquals(1, expected.inspectionCompletion().denominator(), expected.toString());
        assertEquals(expected.toString(), ticking.toString());
        assertEquals(expected.planExecution(), ticking.planExecution());
    }

    @Test
    void statisticsFromStoredDangersTakeTodayAndNowFromOneRead() {
        java.util.Set<org.dualprevention.organization.OrgUnitId> units = ORG.selfAndDescendants(Fixtures.C);
        UnitStatistics expected = Statistics.of(ORG, fixed(), SHANGHAI)
                .computeAllFromDangers(JULY, List.of(), units, v -> null, TASKS).get(W1);
        UnitStatistics ticking = Statistics.of(ORG, new Ticking(), SHANGHAI)
                .computeAllFromDangers(JULY, List.of(), units, v -> null, TASKS).get(W1);
        assertEquals(1, expected.inspectionCompletion().denominator(), expected.toString());
        assertEquals(expected.toString(), ticking.toString());
    }

    @Test
    void maintainedStatisticsTakeTodayAndNowFromOneRead() {
        MaintainedStatistics kept = MaintainedStatistics.of(ORG, JULY, fixed(), SHANGHAI);
        UnitStatistics expected = kept.statistics(W1, fixed(), TASKS);
        UnitStatistics ticking = MaintainedStatistics.of(ORG, JULY, fixed(), SHANGHAI)
                .statistics(W1, new Ticking(), TASKS);
        assertEquals(1, expected.inspectionCompletion().denominator(), expected.toString());
        assertEquals(expected.toString(), ticking.toString());
    }

    @Test
    void earlyWarningsTakeTodayAndNowFromOneRead() {
        WarningSettings settings = WarningSettings.defaults();
        List<Warning> expected = EarlyWarning.of(ORG, fixed(), SHANGHAI, settings)
                .evaluate(MapFixtures.map(), List.of(), TASKS);
        List<Warning> ticking = EarlyWarning.of(ORG, new Ticking(), SHANGHAI, settings)
                .evaluate(MapFixtures.map(), List.of(), TASKS);
        assertEquals(expected, ticking);
    }
}
