package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.HiddenDangerRepository;
import org.dualprevention.testsupport.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The queries of open or overdue hidden dangers in some units, which read the open-by-unit index's array copies:
 * pages in id order equal to the reference model after every save (copies made, dropped by a change of the
 * bucket: a report into it, a close or withdrawal out of it; and rows whose record was saved since the copy without
 * leaving the bucket, such as a plan setting a deadline), and a walk with saves between its pages that returns
 * nothing twice and misses nothing unchanged. Every page is also compared whole (its hidden dangers, their order and
 * its next-page token) with the page the plain path gives for the same request: a filter of every record in id
 * order ({@link MemoryHiddenDangerRepository#findByScan}).
 */
class OpenByUnitQueryTest {
    private static final List<OrgUnitId> UNITS = List.of(OrgUnitId.of("W"), OrgUnitId.of("W-1"),
            OrgUnitId.of("W-2"), OrgUnitId.of("W-3"), OrgUnitId.of("X"), OrgUnitId.of("X-1"));
    private static final List<RiskPointId> POINTS = List.of(RiskPointId.of("RP1"), RiskPointId.of("RP2"));
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final LocalDate DAY0 = LocalDate.ofInstant(T0, Dangers.ZONE);
    private static final Set<HiddenDangerState> OPEN = EnumSet.complementOf(
            EnumSet.of(HiddenDangerState.CLOSED, HiddenDangerState.WITHDRAWN));

    @Test
    void pagesEqualTheModelInIdOrderAsSavesComeAndGo() {
        long seed = Seeds.base();
        Seeds.run(seed, () -> savesBetweenWalks(seed));
    }

    @Test
    void aWalkWithSavesBetweenItsPagesReturnsNothingTwiceAndMissesNothingUnchanged() {
        long seed = Seeds.base();
        Seeds.run(seed, () -> savesDuringWalks(seed));
    }

    /**
     * {@link HiddenDangerRepository#open()} walks the open-by-unit index without pages: after every few saves its walk
     * equals the plain path's page of every open hidden danger (a filter of every record in id order) and the model;
     * walked twice in a row (the second reads the copies and the union the first made), between queries of other
     * units (other copies, other unions) and with no save between (the same copies); and a walk with saves during it
     * is strictly in id order, returns only open ones and misses none that did not change.
     */
    @Test
    void openWalkEqualsThePlainPageAsSavesComeAndGo() {
        long seed = Seeds.base();
        Seeds.run(seed, () -> {
            RandomGenerator r = Seeds.random(seed);
            Fixture f = new Fixture(r, 600);
            HiddenDangerQuery open = HiddenDangerQuery.all().open();
            for (int round = 0; round < 300; round++) {
                int saves = r.nextInt(4) == 0 ? 0 : r.nextInt(6);
                for (int i = 0; i < saves; i++) {
                    f.saveOne();
                }
                if (r.nextInt(3) == 0) {
                    f.repo().find(f.query(), PageRequest.first(1 + r.nextInt(100)));
                }
                for (int again = 1 + r.nextInt(2); again > 0; again--) {
                    List<HiddenDanger> walked = new ArrayList<>();
                    f.repo().open().forEach(walked::add);
                    List<HiddenDanger> plain = ((MemoryHiddenDangerRepository) f.repo()).findByScan(open,
                            PageRequest.first(PageRequest.MAX_LIMIT)).items();
                    assertEquals(plain.stream().map(HiddenDanger::id).toList(),
                            walked.stream().map(HiddenDanger::id).toList(), "open() ids, round " + round + "; "
                            + Seeds.describe(seed));
                    assertEquals(plain, walked, "open() content, round " + round + "; " + Seeds.describe(seed));
                    assertEquals(f.expectedDangers(open), walked, "open() vs the model, round " + round + "; "
                            + Seeds.describe(seed));
                }
                // saves during a walk: in id order, open ones only, none unchanged missed
                Map<HiddenDangerId, HiddenDanger> before = new HashMap<>(f.model);
                Set<HiddenDangerId> changed = new HashSet<>();
                List<HiddenDangerId> got = new ArrayList<>();
                for (java.util.Iterator<HiddenDanger> it = f.repo().open().iterator(); it.hasNext(); ) {
                    HiddenDanger d = it.next();
                    assertTrue(d.isOpen(), "walked a hidden danger that is not open: " + d.id() + "; "
                            + Seeds.describe(seed));
                    assertTrue(got.isEmpty() || got.get(got.size() - 1).compareTo(d.id()) < 0,
                            "not strictly in id order at " + d.id() + "; " + Seeds.describe(seed));
                    got.add(d.id());
                    if (r.nextInt(40) == 0) {
                        Map<HiddenDangerId, HiddenDanger> m = new HashMap<>(f.model);
                        if (f.saveOne()) {
                            f.model.forEach((id, x) -> {
                                if (m.get(id) != x) {
                                    changed.add(id);
                                }
                            });
                        }
                    }
                }
                Set<HiddenDangerId> seen = new HashSet<>(got);
                for (HiddenDanger d : before.values()) {
                    if (!changed.contains(d.id()) && d.isOpen()) {
                        assertTrue(seen.contains(d.id()), "missed unchanged " + d.id() + "; " + Seeds.describe(seed));
                    }
                }
            }
            assertTrue(((MemoryHiddenDangerRepository) f.repo()).unionsKept() > 0, "no union was made; "
                    + Seeds.describe(seed));
        });
    }

    @Test
    void packedKeyCharactersNeverContradictTheTextOrder() {
        long seed = Seeds.base();
        Seeds.run(seed, () -> {
            RandomGenerator r = Seeds.random(seed);
            char[] alphabet = {0, 1, '-', '0', '9', 'A', 'z', 254, 255, 256, '隐', '患', 0xFFFF};
            for (int n = 0; n < 200_000; n++) {
                String common = text(r, alphabet, r.nextInt(4));
                String a = common + text(r, alphabet, r.nextInt(11));
                String b = r.nextInt(4) == 0 ? a + text(r, alphabet, r.nextInt(3)) : common + text(r, alphabet,
                        r.nextInt(11));
                int packed = Long.compareUnsigned(Table.packed(a, common.length()), Table.packed(b, common.length()));
                int whole = Integer.signum(a.compareTo(b));
                assertTrue(packed == 0 || Integer.signum(packed) == whole, "packed order " + packed + " but text order "
                        + whole + " for [" + a + "] and [" + b + "] after " + common.length() + "; "
                        + Seeds.describe(seed));
                if (whole == 0) {
                    assertEquals(0, packed, "equal texts packed apart; " + Seeds.describe(seed));
                }
            }
        });
    }

    private static String text(RandomGenerator r, char[] alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet[r.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    /** A store with every hidden danger reported and the rest of each life cycle waiting. */
    private static final class Fixture {
        final InMemoryStorage storage = InMemoryStorage.create();
        final Map<HiddenDangerId, HiddenDanger> model = new HashMap<>();
        final List<Deque<Transition>> pending = new ArrayList<>();
        final RandomGenerator r;

        Fixture(RandomGenerator r, int n) {
            this.r = r;
            TestClock clock = new TestClock(T0, Dangers.ZONE);
            HiddenDangerState[] states = HiddenDangerState.values();
            for (int i = 0; i < n; i++) {
                clock.advance(Duration.ofMinutes(r.nextInt(60)));
                LocalDate today = LocalDate.ofInstant(clock.instant(), Dangers.ZONE);
                // ids of uneven length, so id order is not number order; a few in Chinese (characters past 255)
                String prefix = r.nextInt(12) == 0 ? "隐患-" : "HD-";
                Dangers.Spec spec = new Dangers.Spec(HiddenDangerId.of(prefix + r.nextInt(1_000_000) + "-" + i),
                        UNITS.get(r.nextInt(UNITS.size())),
                        r.nextBoolean() ? Optional.empty() : Optional.of(POINTS.get(r.nextInt(POINTS.size()))),
                        r.nextBoolean() ? HiddenDangerGrade.GENERAL : HiddenDangerGrade.MAJOR,
                        today.plusDays(r.nextInt(30)), states[r.nextInt(states.length)]);
                Deque<Transition> ts = new ArrayDeque<>(Dangers.lifecycle(spec, clock));
                if (i % 3 != 0) {
                    save(ts.poll()); // a third is reported later, into buckets already copied
                }
                pending.add(ts);
            }
        }

        HiddenDangerRepository repo() {
            return storage.hiddenDangers();
        }

        /** The page of the indexed path, checked equal (items, order, token) to the plain path's for the request. */
        Page<HiddenDanger> page(HiddenDangerQuery q, PageRequest req, long seed) {
            Page<HiddenDanger> page = repo().find(q, req);
            Page<HiddenDanger> plain = ((MemoryHiddenDangerRepository) repo()).findByScan(q, req);
            assertEquals(plain.items(), page.items(), q + " items after " + req.after() + " limit " + req.limit()
                    + "; " + Seeds.describe(seed));
            assertEquals(plain.next(), page.next(), q + " token after " + req.after() + " limit " + req.limit()
                    + "; " + Seeds.describe(seed));
            return page;
        }

        void save(Transition t) {
            repo().save(t.next(), t.expectedVersion(), t.audit());
            model.put(t.next().id(), t.next());
        }

        /** Saves the next step of a random hidden danger with steps left; false when none is left. */
        boolean saveOne() {
            for (int tries = 0; tries < 20; tries++) {
                Deque<Transition> ts = pending.get(r.nextInt(pending.size()));
                if (!ts.isEmpty()) {
                    save(ts.poll());
                    return true;
                }
            }
            return false;
        }

        HiddenDangerQuery query() {
            Set<OrgUnitId> units = new HashSet<>();
            for (OrgUnitId u : UNITS) {
                if (r.nextInt(3) > 0) {
                    units.add(u);
                }
            }
            units.add(OrgUnitId.of("NOBODY-" + r.nextInt(3))); // a unit with no bucket
            // one query in four is in every unit (no unit given): it reads every bucket of the index
            HiddenDangerQuery q = r.nextInt(4) == 0 ? HiddenDangerQuery.all() : HiddenDangerQuery.all().inUnits(units);
            switch (r.nextInt(4)) {
                case 0 -> q = q.open();
                case 1 -> q = q.overdueAsOf(DAY0.plusDays(r.nextInt(40)));
                case 2 -> q = q.open().overdueAsOf(DAY0.plusDays(r.nextInt(40)));
                default -> {
                    Set<HiddenDangerState> s = new HashSet<>();
                    for (HiddenDangerState st : OPEN) {
                        if (r.nextBoolean()) {
                            s.add(st);
                        }
                    }
                    q = q.inStates(s);
                }
            }
            if (r.nextInt(5) == 0) {
                q = q.atRiskPoint(POINTS.get(r.nextInt(POINTS.size())));
            }
            if (r.nextInt(5) == 0) {
                q = q.ofGrades(List.of(HiddenDangerGrade.values()[r.nextInt(2)]));
            }
            return q;
        }

        List<HiddenDangerId> expected(HiddenDangerQuery q) {
            return model.values().stream().filter(q::matches).map(HiddenDanger::id).sorted().toList();
        }

        /** The model's matching hidden dangers in id order (the plain filter and sort). */
        List<HiddenDanger> expectedDangers(HiddenDangerQuery q) {
            return model.values().stream().filter(q::matches).sorted((a, b) -> a.id().compareTo(b.id())).toList();
        }
    }

    private static void savesBetweenWalks(long seed) {
        RandomGenerator r = Seeds.random(seed);
        Fixture f = new Fixture(r, 600);
        for (int round = 0; round < 400; round++) {
            int saves = r.nextInt(4) == 0 ? 0 : r.nextInt(6);
            for (int i = 0; i < saves; i++) {
                f.saveOne();
            }
            HiddenDangerQuery q = f.query();
            // the same query twice: the second reads copies made by the first where the buckets allow
            for (int again = 0; again < 2; again++) {
                int limit = 1 + r.nextInt(r.nextBoolean() ? 7 : 200);
                List<HiddenDangerId> got = new ArrayList<>();
                List<HiddenDanger> gotDangers = new ArrayList<>();
                PageRequest req = PageRequest.first(limit);
                while (true) {
                    Page<HiddenDanger> page = f.page(q, req, seed);
                    assertTrue(page.items().size() <= limit, "page larger than " + limit + "; " + Seeds.describe(seed));
                    assertTrue(page.next().isEmpty() || page.items().size() == limit,
                            "a page with a next token is not full; " + Seeds.describe(seed));
                    page.items().forEach(d -> got.add(d.id()));
                    gotDangers.addAll(page.items());
                    if (page.next().isEmpty()) {
                        break;
                    }
                    req = PageRequest.after(page.next().get(), limit);
                }
                List<HiddenDangerId> expected = f.expected(q);
                assertEquals(expected, got, q + " round " + round + " limit " + limit + "; " + Seeds.describe(seed));
                assertEquals(f.expectedDangers(q), gotDangers, q + " content, round " + round + " limit " + limit
                        + "; " + Seeds.describe(seed));
                assertEquals(expected.size(), f.repo().count(q), q + " count; " + Seeds.describe(seed));
            }
        }
        // the pages above were read from merged unions of the buckets too, not only from the copies one by one
        assertTrue(((MemoryHiddenDangerRepository) f.repo()).unionsKept() > 0, "no union was made; "
                + Seeds.describe(seed));
    }

    private static void savesDuringWalks(long seed) {
        RandomGenerator r = Seeds.random(seed);
        Fixture f = new Fixture(r, 500);
        for (int round = 0; round < 200; round++) {
            HiddenDangerQuery q = f.query();
            f.repo().find(q, PageRequest.first(1000)); // let the buckets be copied
            f.repo().find(q, PageRequest.first(1000));
            Map<HiddenDangerId, HiddenDanger> before = new HashMap<>(f.model);
            Set<HiddenDangerId> changed = new HashSet<>();
            int limit = 1 + r.nextInt(30);
            List<HiddenDangerId> got = new ArrayList<>();
            PageRequest req = PageRequest.first(limit);
            while (true) {
                Page<HiddenDanger> page = f.page(q, req, seed);
                for (HiddenDanger d : page.items()) {
                    assertTrue(q.matches(d), "returned a hidden danger the query does not match: " + d.id() + " "
                            + d.state() + "; " + Seeds.describe(seed));
                    assertTrue(got.isEmpty() || got.get(got.size() - 1).compareTo(d.id()) < 0,
                            "not strictly in id order at " + d.id() + "; " + Seeds.describe(seed));
                    got.add(d.id());
                }
                if (page.next().isEmpty()) {
                    break;
                }
                for (int i = r.nextInt(4); i > 0; i--) {
                    Map<HiddenDangerId, HiddenDanger> m = new HashMap<>(f.model);
                    if (f.saveOne()) {
                        f.model.forEach((id, d) -> {
                            if (m.get(id) != d) {
                                changed.add(id);
                            }
                        });
                    }
                }
                req = PageRequest.after(page.next().get(), limit);
            }
            Set<HiddenDangerId> seen = new HashSet<>(got);
            for (HiddenDanger d : before.values()) {
                if (!changed.contains(d.id()) && q.matches(d)) {
                    assertTrue(seen.contains(d.id()), "missed unchanged " + d.id() + " for " + q + "; "
                            + Seeds.describe(seed));
                }
            }
        }
    }
}
