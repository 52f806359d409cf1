package org.dualprevention.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.LecMethod;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.spi.LevelCombination;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.Dangers;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link RiskRegister#assess} (which reads a point's hidden dangers through a small first page, works out the
 * assessed level before once, and finds the point through the repository's direct hazard path) pinned against the
 * assessment as it was written before, copied here as {@link #oldAssess}, on two stores with the same seeded
 * content: risk points with assessed and unassessed hazards, flags, hidden dangers linked to them in every state
 * (some points with more than a first page of them), changing between the assessments, and a clock that moves on
 * at every reading (so the days change and deadlines pass, and a different number or order of clock readings would
 * show). Each step compares the result or the error (type and message), the published events, the stored point and
 * version and the clock readings; random requests include unknown hazards, methods and schemes, a scheme of another
 * method, factors out of range, missing and extra, and an id the hazard already uses.
 */
class RegisterAssessEquivalenceTest {
    private static final ZoneId ZONE = Dangers.ZONE;
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String[] L = {"10", "6", "3", "1", "0.5", "0.2", "0.1"};
    private static final String[] E = {"10", "6", "3", "2", "1", "0.5"};
    private static final String[] C = {"100", "40", "15", "7", "3", "1"};
    private static final Providers PROVIDERS = DualPrevention.builder().storage(InMemoryStorage.create()).build()
            .providers();

    /** A clock that moves on by a fixed step at every reading, counting them. */
    static final class Ticking extends Clock {
        private Instant now;
        private final Duration step;
        int readings;

        Ticking(Instant start, Duration step) {
            this.now = start;
            this.step = step;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            readings++;
            Instant t = now;
            now = now.plus(step);
            return t;
        }
    }

    /** One side: a store, a clock, an assessor, the levels and a publisher recording the events. */
    static final class Side {
        final InMemoryStorage storage = InMemoryStorage.create();
        final Ticking clock;
        final List<Object> events = new ArrayList<>();
        final EffectiveLevels levels;
        final Assessor assessor;
        final EventPublisher publisher;
        final RiskRegister register;
        private int ids;

        Side(Duration step) {
            clock = new Ticking(T0, step);
            levels = new EffectiveLevels(storage, clock, ZONE, LevelCombination.MOST_SEVERE,
                    DefaultEffectiveLevelPolicy.create());
            assessor = Assessor.of(PROVIDERS, () -> AssessmentId.of("gen-" + ids++));
            HiddenDangerListener listener = new HiddenDangerListener() {
                @Override
                public void onEvent(HiddenDangerEvent event) {
                    events.add(event);
                }

                @Override
                public void onEffectiveLevelChanged(EffectiveLevelChanged event) {
                    events.add(event);
                }
            };
            publisher = new EventPublisher(List.of(listener), List.of(), (s, e) -> {
                throw e;
            });
            register = new RiskRegister(storage, clock, assessor, levels, publisher);
        }
    }

    /** {@code RiskRegister.assess} as it was before this change, word for word but for the fields it reads. */
    static Assessment oldAssess(Side s, HazardId hazard, AssessmentRequest request) {
        Storage storage = s.storage;
        EffectiveLevels levels = s.levels;
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(request, "request");
        RiskPoint point = storage.riskPoints().findByHazard(hazard).orElseThrow(() -> new IllegalArgumentException(
                "hazard [" + hazard + "] is on no stored risk point"));
        boolean wasAssessed = levels.assessedLevel(point).isPresent();
        List<HiddenDanger> dangers = wasAssessed ? levels.dangersAt(point.id(), Optional.empty()) : List.of();
        @Nullable EffectiveLevel before = wasAssessed ? levels.effectiveLevel(point, dangers) : null;
        Hazard assessed = s.assessor.assess(point.hazard(hazard).orElseThrow(), request, s.clock);
        RiskPoint next = point.withHazardChanged(hazard, h -> assessed).withVersion(point.version() + 1);
        storage.riskPoints().save(next, point.version());
        if (before != null) {
            EffectiveLevel after = levels.effectiveLevel(next, dangers);
            EffectiveLevelChanged.between(before, after, s.clock.instant(), Optional.empty())
                    .ifPresent(s.publisher::publish);
        }
        return assessed.assessments().get(assessed.assessments().size() - 1);
    }

    private static AssessmentInput lec(String l, String e, String c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("L", l);
        m.put("E", e);
        m.put("C", c);
        return AssessmentInput.ofText(m);
    }

    private static AssessmentRequest request(Random r, List<AssessmentId> used) {
        AssessmentKind kind = r.nextInt(3) == 0 ? AssessmentKind.INHERENT : AssessmentKind.RESIDUAL;
        ActorId who = ActorId.of("assessor-" + r.nextInt(3));
        String l = L[r.nextInt(L.length)];
        String e = E[r.nextInt(E.length)];
        String c = C[r.nextInt(C.length)];
        AssessmentInput input;
        int bad = r.nextInt(20);
        if (bad == 0) {
            input = lec("4", e, c); // not an LEC value
        } else if (bad == 1) {
            input = AssessmentInput.ofText(Map.of("L", l, "E", e)); // C missing
        } else if (bad == 2) {
            input = AssessmentInput.ofText(Map.of("L", l, "E", e, "C", c, "X", "1")); // an extra factor
        } else {
            input = lec(l, e, c);
        }
        AssessmentRequest req = AssessmentRequest.of(r.nextInt(40) == 0 ? MethodId.of("NOPE") : LecMethod.ID, input,
                kind, who);
        int scheme = r.nextInt(12);
        if (scheme == 0) {
            req = req.withScheme(BuiltInSchemes.LS_SHANDONG_ID); // grades another method
        } else if (scheme == 1) {
            req = req.withScheme(SchemeId.of("NOPE"));
        } else if (scheme == 2) {
            req = req.withScheme(BuiltInSchemes.LEC_V2_ID);
        }
        int id = r.nextInt(6);
        if (id == 0) {
            req = req.withId(AssessmentId.of("given-" + r.nextInt(1_000_000)));
        } else if (id == 1 && !used.isEmpty()) {
            req = req.withId(used.get(r.nextInt(used.size()))); // perhaps used by this hazard: refused
        }
        return req;
    }

    private static Hazard hazard(String id, Random r, Side a, List<AssessmentId> used) {
        Hazard h = Hazard.of(HazardId.of(id), "hazard " + id, HazardCategory.PHYSICAL,
                EnumSet.of(AccidentType.values()[r.nextInt(AccidentType.values().length)]), "", "");
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            AssessmentRequest req = AssessmentRequest.of(LecMethod.ID, lec(L[r.nextInt(L.length)],
                    E[r.nextInt(E.length)], C[r.nextInt(C.length)]),
                    r.nextBoolean() ? AssessmentKind.INHERENT : AssessmentKind.RESIDUAL, ActorId.of("setup"))
                    .withId(AssessmentId.of("setup-" + id + "-" + i));
            h = h.withAssessment(a.assessor.assess(req, Clock.fixed(T0.minusSeconds(3600L * (n - i)), ZONE)));
            used.add(h.assessments().get(i).id());
        }
        if (r.nextInt(5) == 0) {
            h = h.withReassessment(new ReassessmentFlag("measure failed", "HD-0", T0));
        }
        return h;
    }

    private static void save(Side[] sides, Transition t) {
        for (Side s : sides) {
            s.storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
        }
    }

    @Test
    void assessBehavesAsBeforeOnSeededRegisters() {
        long seed = 2026120617L;
        Random r = new Random(seed);
        int compared = 0;
        int raised = 0;
        int failed = 0;
        for (int round = 0; round < 40; round++) {
            Duration step = Duration.ofMinutes(1 + r.nextInt(240));
            Side neu = new Side(step);
            Side old = new Side(step);
            Side[] sides = {neu, old};
            List<AssessmentId> used = new ArrayList<>();
            List<HazardId> hazards = new ArrayList<>();
            int points = 1 + r.nextInt(8);
            for (int p = 0; p < points; p++) {
                List<Hazard> hs = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    Hazard h = hazard("h" + p + "-" + i, r, neu, used);
                    hs.add(h);
                    hazards.add(h.id());
                }
                RiskPoint point = RiskPoint.loaded(RiskPointId.of("p" + p), "point " + p, RiskPointKind.PLACE,
                        OrgUnitId.of("u" + r.nextInt(3)), Optional.empty(), hs, 1);
                for (Side s : sides) {
                    s.storage.riskPoints().save(point, 0);
                }
            }
            hazards.add(HazardId.of("nowhere"));
            // hidden dangers: some on no point, some on a point, one point with more than a first page
            List<Deque<Transition>> pending = new ArrayList<>();
            Clock setup = Clock.fixed(T0, ZONE);
            HiddenDangerState[] states = HiddenDangerState.values();
            int dangers = r.nextInt(4) == 0 ? EffectiveLevels.FIRST + 1 + r.nextInt(30) : r.nextInt(12);
            for (int d = 0; d < dangers; d++) {
                Optional<RiskPointId> at = r.nextInt(5) == 0 ? Optional.empty()
                        : Optional.of(RiskPointId.of("p" + (dangers > EffectiveLevels.FIRST ? 0 : r.nextInt(points))));
                Dangers.Spec spec = new Dangers.Spec(HiddenDangerId.of("HD-" + round + "-" + d),
                        OrgUnitId.of("u" + r.nextInt(3)), at,
                        r.nextBoolean() ? HiddenDangerGrade.GENERAL : HiddenDangerGrade.MAJOR,
                        LocalDate.ofInstant(T0, ZONE).plusDays(r.nextInt(5)), states[r.nextInt(states.length)]);
                Deque<Transition> ts = new ArrayDeque<>(Dangers.lifecycle(spec, setup));
                save(sides, ts.poll());
                pending.add(ts);
            }
            for (int op = 0; op < 60; op++) {
                String at = "seed " + seed + ", round " + round + ", op " + op;
                if (!pending.isEmpty() && r.nextInt(3) == 0) {
                    Deque<Transition> ts = pending.get(r.nextInt(pending.size()));
                    if (!ts.isEmpty()) {
                        save(sides, ts.poll());
                    }
                }
                HazardId h = hazards.get(r.nextInt(hazards.size()));
                AssessmentRequest req = request(r, used);
                Object a = outcome(() -> neu.register.assess(h, req));
                Object b = outcome(() -> oldAssess(old, h, req));
                assertEquals(b, a, at);
                if (a instanceof Assessment) {
                    used.add(((Assessment) a).id());
                } else {
                    failed++;
                }
                assertEquals(old.events, neu.events, at);
                assertEquals(old.clock.readings, neu.clock.readings, at);
                for (int p = 0; p < points; p++) {
                    RiskPointId id = RiskPointId.of("p" + p);
                    assertEquals(old.storage.riskPoints().find(id), neu.storage.riskPoints().find(id), at);
                    assertEquals(old.levels.dangersAt(id, Optional.empty()), neu.levels.dangersOf(id), at);
                }
                compared++;
            }
            raised += (int) neu.events.stream().filter(e -> e instanceof EffectiveLevelChanged).count();
        }
        // the histories did what they are for: changes of level were published, and errors were compared
        assertTrue(raised > 20, "level changes published: " + raised);
        assertTrue(failed > 100, "errors compared: " + failed);
        assertEquals(40 * 60, compared);
    }

    /** The result, or the error as its type and message. */
    private static Object outcome(java.util.function.Supplier<Assessment> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
