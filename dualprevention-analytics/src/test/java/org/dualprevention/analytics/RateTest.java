package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateTest {
    @Test
    void terminatingRatioIsExact() {
        assertEquals(new BigDecimal("0.75"), Rate.of(3, 4).ratio().orElseThrow());
        assertEquals(new BigDecimal("0.125"), Rate.of(1, 8).ratio().orElseThrow());
        assertEquals(0, BigDecimal.ONE.compareTo(Rate.of(5, 5).ratio().orElseThrow()));
        assertEquals(0, BigDecimal.ZERO.compareTo(Rate.of(0, 5).ratio().orElseThrow()));
    }

    @Test
    void nonTerminatingRatioHas34SignificantDigits() {
        BigDecimal third = Rate.of(1, 3).ratio().orElseThrow();
        assertEquals(BigDecimal.ONE.divide(new BigDecimal(3), MathContext.DECIMAL128), third);
        assertEquals(34, third.precision());
        assertEquals(new BigDecimal("66.67"), Rate.of(2, 3).percent(2).orElseThrow());
        assertEquals(new BigDecimal("67"), Rate.of(2, 3).percent(0).orElseThrow());
    }

    @Test
    void zeroDenominatorIsNotApplicableNeverZeroOrHundredPercent() {
        Rate r = Rate.of(0, 0);
        assertFalse(r.isApplicable());
        assertEquals(Optional.empty(), r.ratio());
        assertEquals(Optional.empty(), r.percent(2));
        assertEquals("0/0 (not applicable)", r.toString());
        assertEquals("3/4 (75.00%)", Rate.of(3, 4).toString());
        assertTrue(Rate.of(0, 1).isApplicable());
    }

    @Test
    void invalidCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rate.of(5, 4));
        assertThrows(IllegalArgumentException.class, () -> Rate.of(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> Rate.of(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Rate.of(1, 2).percent(11));
    }

    @Test
    void plusAddsNumeratorsAndDenominators() {
        assertEquals(Rate.of(4, 7), Rate.of(1, 3).plus(Rate.of(3, 4)));
        assertEquals(Rate.of(1, 3), Rate.of(1, 3).plus(Rate.of(0, 0)));
    }

    @Test
    void reportingDeadlinesFollowArticle14() {
        assertEquals(Optional.of(LocalDate.of(2026, 4, 15)), ReportingPeriod.quarter(2026, 1).reportingDeadline());
        assertEquals(Optional.of(LocalDate.of(2026, 7, 15)), ReportingPeriod.quarter(2026, 2).reportingDeadline());
        assertEquals(Optional.of(LocalDate.of(2026, 10, 15)), ReportingPeriod.quarter(2026, 3).reportingDeadline());
        assertEquals(Optional.of(LocalDate.of(2027, 1, 15)), ReportingPeriod.quarter(2026, 4).reportingDeadline());
        assertEquals(Optional.of(LocalDate.of(2027, 1, 31)), ReportingPeriod.year(2026).reportingDeadline());
        assertEquals(Optional.empty(), ReportingPeriod.month(YearMonth.of(2026, 3)).reportingDeadline());
        assertEquals(ReportingPeriod.quarter(2026, 3), ReportingPeriod.quarterOf(LocalDate.of(2026, 9, 30)));
        assertEquals("2026-Q4", ReportingPeriod.quarter(2026, 4).toString());
        assertEquals(LocalDate.of(2026, 12, 31), ReportingPeriod.quarter(2026, 4).lastDay());
        assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.quarter(2026, 5));
    }
}
