package org.dualprevention.analytics;

import static org.dualprevention.analytics.Fixtures.W1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 整改率 and 闭环率 as DOMAIN.md §10.3 defines them (issue 15: the README, {@link Rate}'s Javadoc and the
 * code said different things): the rectification rate counts work finished (submitted for acceptance or
 * done on the spot, closed ones included), the closed-loop rate waits for acceptance.
 */
class RectificationRateDefinitionTest {
    @Test
    void submittedForAcceptanceIsRectifiedButNotClosed() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<HiddenDangerFact> facts = List.of(
                HiddenDangerFact.builder("open", W1, "general", day).build(),
                HiddenDangerFact.builder("submitted", W1, "general", day).rectifiedOn(day.plusDays(3)).build(),
                HiddenDangerFact.builder("closed", W1, "general", day).rectifiedOn(day.plusDays(2))
                        .closedOn(day.plusDays(4)).build(),
                HiddenDangerFact.builder("major-submitted", W1, "major", day).rectifiedOn(day.plusDays(9)).build());
        UnitStatistics s = Statistics.of(Fixtures.ORG, Fixtures.clockAt("2026-04-10T09:00"), Fixtures.SHANGHAI)
                .compute(W1, ReportingPeriod.quarter(2026, 1), facts, List.of());
        assertEquals(Rate.of(3, 4), s.rectification(), "整改率 = rectified (submitted or closed) / found");
        assertEquals(Rate.of(1, 4), s.closedLoop(), "闭环率 = closed after acceptance / found");
        assertEquals(Rate.of(2, 3), s.rectificationOf(HiddenDangerFact.GENERAL));
        assertEquals(Rate.of(1, 1), s.rectificationOf(HiddenDangerFact.MAJOR));
    }
}
