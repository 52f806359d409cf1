package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.DangerGen;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One definition of open, overdue and days overdue: the model's ({@link HiddenDanger#isOpen()},
 * {@link HiddenDanger#isOverdue(LocalDate)}, {@link HiddenDanger#daysOverdue(LocalDate)}). On seeded hidden
 * dangers walked through the real closed loop to every state, in several zones, analytics agrees with it:
 * the facts on every day from the last change on, the overdue warnings with their days, the statistics'
 * overdue count and the risk map's open and overdue counts, also when read back from a storage.
 *
 * <p>The clocks here run in UTC, a zone other than the organisation's, at 00:30 in the organisation's zone:
 * the date differs between the two zones, so analytics taking its day from the clock's zone fails.
 */
class OverdueDefinitionTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("America/Los_Angeles"));

    /**
     * {@link HiddenDanger#isOverdue(LocalDate)} reads the planning directly (no Optional per call, for the risk map):
     * it must equal the rule as stated, {@link HiddenDanger#overdueOn} of open and the deadline in force, on hidden
     * dangers in every state (with and without a deadline, extended or not) and days around their deadline, from long
     * before the report to long after.
     */
    @TestFactory
    Stream<DynamicTest> isOverdueIsTheStatedRule() {
        return Seeds.cases("isOverdue = overdueOn", 60, gen -> {
            ZoneId zone = gen.pick(ZONES);
            Organization org = gen.organization();
            DangerGen dangers = gen.dangers(zone);
            int overdue = 0;
            int notOverdue = 0;
            for (HiddenDangerState state : HiddenDangerState.values()) {
                HiddenDanger d = dangers.hiddenDanger(org, state, gen.instant(Gen.EPOCH, Duration.ofDays(300)));
                List<LocalDate> days = new ArrayList<>(daysToCheck(d, zone));
                days.add(lastDay(d, zone).minusDays(400));
                days.add(LocalDate.MIN);
                days.add(LocalDate.MAX);
                for (LocalDate day : days) {
                    boolean stated = HiddenDanger.overdueOn(d.isOpen(), d.deadline(), day);
                    assertEquals(stated, d.isOverdue(day), d.id() + " " + d.state().code() + " deadline "
                            + d.deadline() + " on " + day);
                    assertEquals(d.isOpen() && d.deadline().isPresent() && day.isAfter(d.deadline().get()),
                            d.isOverdue(day), d.id() + " written out, on " + day);
                    if (stated) {
                        overdue++;
                    } else {
                        notOverdue++;
                    }
                }
            }
            assertTrue(overdue > 0 && notOverdue > 0, "overdue " + overdue + ", not overdue " + notOverdue);
        });
    }

    @TestFactory
    Stream<DynamicTest> factsAgreeWithTheModelOnEveryDayFromTheLastChange() {
        return Seeds.cases("fact = model", 60, gen -> {
            ZoneId zone = gen.pick(ZONES);
            Organization org = gen.organization();
            DangerGen dangers = gen.dangers(zone);
            int overdue = 0;
            int inTime = 0;
            for (HiddenDangerState state : HiddenDangerState.values()) {
                HiddenDanger d = dangers.hiddenDanger(org, state, gen.instant(Gen.EPOCH, Duration.ofDays(300)));
                HiddenDangerFact f = HiddenDangerFact.from(d, Optional.empty(), zone);
                for (LocalDate day : daysToCheck(d, zone)) {
                    String where = d.id() + " " + d.state().code() + " deadline " + d.deadline() + " on " + day;
                    assertEquals(d.isOpen(), f.isOpenOn(day), "open: " + where);
                    assertEquals(d.isOverdue(day), f.isOverdueOn(day), "overdue: " + where);
                    assertEquals(d.daysOverdue(day), f.daysOverdueOn(day), "days overdue: " + where);
                    if (d.isOverdue(day)) {
                        overdue++;
                    } else if (d.isOpen()) {
                        inTime++;
                    }
                }
            }
            // a planned one is open with a deadline: in time on its last change, overdue 200 days later
            assertTrue(overdue > 0 && inTime > 0, "overdue " + overdue + ", open in time " + inTime);
        });
    }

    @Test
    void overdueWarningsStatisticsAndTheMapCountWhatTheModelCallsOverdue() {
        int[] seen = new int[2];
        Seeds.forEach(25, gen -> {
            ZoneId zone = gen.pick(ZONES);
            Organization org = gen.organization();
            DangerGen gd = gen.dangers(zone);
            Storage storage = InMemoryStorage.create();
            storage.organization().save(org, 0);
            List<HiddenDanger> dangers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                List<Transition> history = gd.history(org, gen.pick(HiddenDangerState.class),
                        gen.instant(Gen.EPOCH, Duration.ofDays(200)));
                for (Transition t : history) {
                    storage.hiddenDangers().save(t.next(), t.next().version() - 1, t.audit());
                }
                dangers.add(history.get(history.size() - 1).next());
            }
            LocalDate today = dangers.stream().map(d -> lastDay(d, zone)).max(LocalDate::compareTo).orElseThrow()
                    .plusDays(gen.intBetween(0, 90));
            Clock clock = Clock.fixed(today.atTime(0, 30).atZone(zone).toInstant(), ZoneOffset.UTC);

            Map<String, Long> expected = new TreeMap<>();
            for (HiddenDanger d : dangers) {
                if (d.isOverdue(today)) {
                    expected.put(d.id().value(), d.daysOverdue(today));
                }
            }
            long open = dangers.stream().filter(HiddenDanger::isOpen).count();
            seen[0] += expected.size();
            seen[1] += (int) (open - expected.size());
            String where = " on " + today + " in " + zone;

            // early warning: one overdue warning per overdue hidden danger, with the model's days
            Iterable<HiddenDangerFact> facts = HiddenDangerFact.project(dangers, Map.of(), zone);
            Map<String, Long> warned = new TreeMap<>();
            for (Warning w : EarlyWarning.of(org, clock, zone, WarningSettings.defaults()).fromDangers(facts)) {
                if (w.rule() == WarningRule.HIDDEN_DANGER_OVERDUE) {
                    warned.put(w.subject().id(), w.figure("daysOverdue").longValueExact());
                }
            }
            assertEquals(expected, warned, "overdue warnings" + where);

            // per unit with its sub-units (the organisation may have several roots): statistics from the facts
            // and from the storage, and the risk map over the storage
            ReportingPeriod period = ReportingPeriod.of(today.minusDays(400), today.plusDays(1));
            Map<OrgUnitId, UnitStatistics> statistics = Statistics.of(org, clock, zone).computeAll(period, facts, List.of());
            StorageAnalytics stored = StorageAnalytics.of(storage, clock, zone);
            RiskMap map = stored.riskMap(List.of(), DefaultEffectiveLevelPolicy.create());
            assertEquals(today, map.date(), "the map's date is today in the organisation's zone");
            for (OrgUnit u : org.units()) {
                Set<OrgUnitId> units = org.selfAndDescendants(u.id());
                long unitOpen = dangers.stream().filter(d -> units.contains(d.unit())).filter(HiddenDanger::isOpen).count();
                long unitOverdue = dangers.stream().filter(d -> units.contains(d.unit())).filter(d -> d.isOverdue(today))
                        .count();
                String unit = "unit " + u.id() + where;
                assertEquals(unitOverdue, statistics.get(u.id()).overdueOpen(), "statistics, " + unit);
                assertEquals(unitOverdue, stored.statistics(u.id(), period).overdueOpen(), "stored statistics, " + unit);
                assertEquals(unitOpen, map.unit(u.id()).orElseThrow().summary().openDangers(), "open on the map, " + unit);
                assertEquals(unitOverdue, map.unit(u.id()).orElseThrow().summary().overdueDangers(),
                        "overdue on the map, " + unit);
            }

            // the overdue warnings through the storage say the same
            Map<String, Long> storedWarned = new TreeMap<>();
            for (Warning w : stored.warnings(map, WarningSettings.defaults())) {
                if (w.rule() == WarningRule.HIDDEN_DANGER_OVERDUE) {
                    storedWarned.put(w.subject().id(), w.figure("daysOverdue").longValueExact());
                }
            }
            assertEquals(expected, storedWarned, "stored overdue warnings" + where);
        });
        assertTrue(seen[0] > 0 && seen[1] > 0, "overdue " + seen[0] + ", open in time " + seen[1]);
    }

    @Test
    void theDayIsTakenInTheOrganisationsZoneNotTheClocks() {
        // 00:30 on 2026-03-11 in Shanghai is still 2026-03-10 in UTC; the deadline is 2026-03-10
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        HiddenDangerFact f = HiddenDangerFact.builder("d", Fixtures.W1, HiddenDangerFact.GENERAL, LocalDate.of(2026, 3, 1))
                .deadline(LocalDate.of(2026, 3, 10)).build();
        Instant now = LocalDate.of(2026, 3, 11).atTime(0, 30).atZone(shanghai).toInstant();
        Clock utc = Clock.fixed(now, ZoneOffset.UTC);
        List<Warning> inShanghai = EarlyWarning.of(Fixtures.ORG, utc, shanghai, WarningSettings.defaults())
                .fromDangers(List.of(f));
        assertEquals(List.of(WarningRule.HIDDEN_DANGER_OVERDUE), inShanghai.stream().map(Warning::rule).toList());
        assertEquals(BigDecimal.ONE, inShanghai.get(0).figure("daysOverdue"));
        List<Warning> inUtc = EarlyWarning.of(Fixtures.ORG, utc, ZoneOffset.UTC, WarningSettings.defaults())
                .fromDangers(List.of(f));
        assertNotEquals(inShanghai, inUtc, "another zone, another day");
        assertEquals(List.of(WarningRule.HIDDEN_DANGER_DUE_SOON), inUtc.stream().map(Warning::rule).toList());
    }

    /** The day of the last change (or of the finding, if later): from then on the state is the current one. */
    private static LocalDate lastDay(HiddenDanger d, ZoneId zone) {
        LocalDate changed = LocalDate.ofInstant(d.lastActionAt(), zone);
        return changed.isBefore(d.foundOn()) ? d.foundOn() : changed;
    }

    /** The first days after the last change, the days around the deadline that follow it, and a day long after. */
    private static List<LocalDate> daysToCheck(HiddenDanger d, ZoneId zone) {
        LocalDate first = lastDay(d, zone);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
            days.add(first.plusDays(i));
        }
        d.deadline().ifPresent(deadline -> {
            for (int i = -1; i <= 2; i++) {
                if (!deadline.plusDays(i).isBefore(first)) {
                    days.add(deadline.plusDays(i));
                }
            }
        });
        days.add(first.plusDays(200));
        return List.copyOf(days);
    }
}
