package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The one-pass, rolled-up statistics agree with a naive reference that filters the whole input once per
 * unit and rate, on seeded random data (the seed is in every failure message).
 */
class StatisticsPropertyTest {
    private static final ReportingPeriod PERIOD = ReportingPeriod.quarter(2026, 1);

    private static long count(List<HiddenDangerFact> all, Predicate<HiddenDangerFact> p) {
        return all.stream().filter(p).count();
    }

    @RepeatedTest(20)
    void onePassEqualsNaiveReference(RepetitionInfo repetition) {
        long seed = Seeds.seed(Seeds.base(), repetition.getCurrentRepetition() - 1);
        Seeds.run(seed, gen -> onePassEqualsNaiveReference(seed));
    }

    private static void onePassEqualsNaiveReference(long seed) {
        RandomGenerator rnd = new java.util.SplittableRandom(seed);
        List<OrgUnitId> units = Fixtures.ORG.units().stream().map(OrgUnit::id).toList();
        LocalDate base = LocalDate.of(2025, 11, 1);
        List<HiddenDangerFact> dangers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LocalDate reported = base.plusDays(rnd.nextInt(200));
            HiddenDangerFact.Builder b = HiddenDangerFact.builder("d" + i, units.get(rnd.nextInt(units.size())),
                    rnd.nextBoolean() ? HiddenDangerFact.GENERAL : HiddenDangerFact.MAJOR, reported)
                    .source(rnd.nextInt(3) == 0 ? HiddenDangerFact.RANDOM_OBSERVATION : HiddenDangerFact.INSPECTION)
                    .rejections(rnd.nextInt(3) == 0 ? 1 : 0);
            if (rnd.nextInt(10) < 8) {
                b.deadline(reported.plusDays(rnd.nextInt(40)));
            }
            int fate = rnd.nextInt(10);
            if (fate == 0) {
                b.withdrawn();
            } else if (fate < 7) {
                LocalDate rect = reported.plusDays(rnd.nextInt(50));
                b.rectifiedOn(rect);
                if (fate < 5) {
                    b.closedOn(rect.plusDays(rnd.nextInt(5)));
                }
            }
            dangers.add(b.build());
        }
        List<InspectionTaskFact> tasks = new ArrayList<>();
        Instant t0 = base.atStartOfDay(Fixtures.SHANGHAI).toInstant();
        for (int i = 0; i < 200; i++) {
            Instant due = t0.plus(rnd.nextInt(200 * 24), ChronoUnit.HOURS);
            OrgUnitId unit = units.get(rnd.nextInt(units.size()));
            Optional<String> plan = rnd.nextBoolean() ? Optional.of("P" + rnd.nextInt(3)) : Optional.empty();
            if (rnd.nextInt(4) == 0) {
                tasks.add(InspectionTaskFact.pending("t" + i, unit, plan, due));
            } else {
                int checked = rnd.nextInt(6);
                tasks.add(InspectionTaskFact.done("t" + i, unit, plan, due,
                        due.plus(rnd.nextInt(48) - 36, ChronoUnit.HOURS), checked, rnd.nextInt(checked + 1)));
            }
        }
        String at = base.plusDays(rnd.nextInt(220)) + "T" + String.format("%02d", rnd.nextInt(24)) + ":30";
        Clock clock = Fixtures.clockAt(at);
        Map<OrgUnitId, UnitStatistics> all = Statistics.of(Fixtures.ORG, clock, Fixtures.SHANGHAI).computeAll(PERIOD, dangers, tasks);

        LocalDate today = LocalDate.ofInstant(clock.instant(), Fixtures.SHANGHAI);
        LocalDate asOf = today.isBefore(PERIOD.lastDay()) ? today : PERIOD.lastDay();
        Instant end = PERIOD.endInstant(Fixtures.SHANGHAI);
        Instant asOfInstant = clock.instant().isBefore(end) ? clock.instant() : end;
        String msg = "[seed=" + seed + " replay with -D" + Seeds.PROPERTY + "=" + seed + "]" + " at " + at;
        for (OrgUnitId u : units) {
            Predicate<HiddenDangerFact> mine = d -> Fixtures.ORG.isWithin(d.unit(), u);
            Predicate<HiddenDangerFact> found = mine.and(d -> !d.withdrawn() && PERIOD.contains(d.reportedOn())
                    && !d.reportedOn().isAfter(asOf));
            long nFound = count(dangers, found);
            long nClosed = count(dangers, found.and(d -> d.closedOn().isPresent() && !d.closedOn().get().isAfter(asOf)));
            UnitStatistics s = all.get(u);
            assertEquals(nFound, s.found(), msg);
            assertEquals(Rate.of(count(dangers, found.and(d -> d.isRectifiedBy(asOf))), nFound), s.rectification(), msg);
            assertEquals(Rate.of(nClosed, nFound), s.closedLoop(), msg);
            assertEquals(Rate.of(count(dangers, found.and(d -> d.isClosedBy(asOf) && d.rejections() == 0)), nClosed),
                    s.firstPassAcceptance(), msg);
            Predicate<HiddenDangerFact> due = mine.and(d -> !d.withdrawn() && d.deadline().isPresent()
                    && PERIOD.contains(d.deadline().get()) && !d.reportedOn().isAfter(asOf)
                    && (d.deadline().get().isBefore(asOf) || d.isClosedBy(asOf)));
            assertEquals(Rate.of(count(dangers, due.and(d -> d.isClosedBy(d.deadline().get()))), count(dangers, due)),
                    s.onTimeRectification(), msg);
            assertEquals(count(dangers, mine.and(d -> !d.withdrawn() && d.isOverdueOn(asOf))), s.overdueOpen(), msg);
            for (String g : List.of(HiddenDangerFact.GENERAL, HiddenDangerFact.MAJOR)) {
                Predicate<HiddenDangerFact> fg = found.and(d -> d.grade().equals(g));
                assertEquals(Rate.of(count(dangers, fg.and(d -> d.isRectifiedBy(asOf))), count(dangers, fg)),
                        s.rectificationOf(g), msg);
            }
            List<InspectionTaskFact> dueTasks = tasks.stream().filter(t -> Fixtures.ORG.isWithin(t.unit(), u)
                    && !t.dueAt().isBefore(PERIOD.startInstant(Fixtures.SHANGHAI)) && t.dueAt().isBefore(asOfInstant))
                    .toList();
            long done = dueTasks.stream().filter(t -> t.isDoneBy(asOfInstant)).count();
            assertEquals(Rate.of(done, dueTasks.size()), s.inspectionCompletion(), msg);
            assertEquals(Rate.of(dueTasks.stream().filter(InspectionTaskFact::isOnTime).count(), dueTasks.size()),
                    s.onTimeInspection(), msg);
            long checked = dueTasks.stream().filter(t -> t.isDoneBy(asOfInstant)).mapToLong(InspectionTaskFact::itemsChecked)
                    .sum();
            long passed = dueTasks.stream().filter(t -> t.isDoneBy(asOfInstant)).mapToLong(InspectionTaskFact::itemsPassed)
                    .sum();
            assertEquals(Rate.of(passed, checked), s.itemConformity(), msg);
        }
    }
}
