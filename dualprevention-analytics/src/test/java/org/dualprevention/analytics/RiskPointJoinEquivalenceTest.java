package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.DangerGen;
import org.dualprevention.testkit.gen.Gen;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The projection through a risk point's join worked out once ({@link RiskPointJoin}, used by
 * {@link StorageAnalytics}) gives the same fact as {@link HiddenDangerFact#from(HiddenDanger, Optional, ZoneId)}
 * with the risk point: every version of seeded generated hidden dangers (walked through the closed loop by the
 * testkit, in every state), each joined with its own risk point, with a rearranged copy of it (hazards shuffled,
 * measures moved between hazards and repeated with other control levels, so that the named hazard may lack the
 * failed measure or be gone), with another risk point and with none. Accident types are compared in iteration
 * order too.
 */
class RiskPointJoinEquivalenceTest {
    private static final ZoneId ZONE = DangerGen.DEFAULT_ZONE;

    @TestFactory
    Stream<DynamicTest> joinedFactsEqualTheFactsOfTheRiskPoint() {
        return Seeds.cases("joined projection equals from(danger, point)", 25, RiskPointJoinEquivalenceTest::check);
    }

    private static void check(Gen gen) {
        Organization org = gen.organization();
        List<RiskPoint> points = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            points.add(gen.riskPoint(org).withVersion(1));
        }
        HiddenDangerState[] states = HiddenDangerState.values();
        int fallbacks = 0;
        int compared = 0;
        for (int i = 0; i < 40; i++) {
            RiskPoint own = gen.pick(points);
            Optional<RiskPoint> linked = gen.chance(0.85) ? Optional.of(own) : Optional.empty();
            Instant start = Gen.EPOCH.plus(gen.intBetween(0, 150 * 24), ChronoUnit.HOURS);
            for (Transition t : gen.dangers().history(org, linked, states[gen.intBetween(0, states.length - 1)],
                    start)) {
                HiddenDanger d = t.next();
                List<@Nullable RiskPoint> joins = new ArrayList<>();
                joins.add(own);
                joins.add(rearranged(gen, own, points, org));
                joins.add(gen.pick(points));
                joins.add(null);
                for (RiskPoint p : joins) {
                    HiddenDangerFact expected = HiddenDangerFact.from(d, Optional.ofNullable(p), ZONE);
                    HiddenDangerFact actual = HiddenDangerFact.from(d, p == null ? null : new RiskPointJoin(p), ZONE);
                    assertEquals(expected, actual, "fact of " + d.id() + " joined with " + p);
                    assertEquals(List.copyOf(expected.accidentTypes()), List.copyOf(actual.accidentTypes()),
                            "accident types in order of " + d.id());
                    compared++;
                    if (p != null && d.hazard().isPresent() && d.failedMeasure().isPresent()
                            && p.id().equals(d.riskPoint().orElse(null))
                            && p.hazard(d.hazard().get()).flatMap(h -> h.measure(d.failedMeasure().get())).isEmpty()
                            && expected.controlLevel().isPresent()) {
                        fallbacks++;
                    }
                }
            }
        }
        assertTrue(compared > 100, "facts compared: " + compared);
        assertTrue(fallbacks > 0, "no fact took its control level from another hazard of its risk point");
    }

    /**
     * The risk point with its hazards shuffled, some hazards swapped for another point's (other ids), and its
     * measures dealt out again over the hazards (some in two hazards, with different control levels possible).
     */
    private static RiskPoint rearranged(Gen gen, RiskPoint p, List<RiskPoint> others, Organization org) {
        List<ControlLevel> levels = new ArrayList<>();
        org.units().forEach(u -> levels.add(u.level()));
        List<ControlMeasure> measures = new ArrayList<>();
        p.hazards().forEach(h -> measures.addAll(h.measures()));
        for (RiskPoint o : others) {
            o.hazards().forEach(h -> measures.addAll(h.measures()));
        }
        List<Hazard> foreign = new ArrayList<>();
        others.forEach(o -> foreign.addAll(o.hazards()));
        List<Hazard> hazards = new ArrayList<>();
        for (Hazard h : p.hazards()) {
            Hazard base = gen.chance(0.3) && !foreign.isEmpty() ? gen.pick(foreign) : h;
            List<ControlMeasure> mine = new ArrayList<>();
            for (ControlMeasure m : gen.subset(measures, 1)) {
                // the same measure id in two hazards, with a control level of its own in each
                mine.add(new ControlMeasure(m.id(), m.category(), m.description(), gen.pick(levels),
                        m.responsibleUnit(), m.inspectionStandard()));
            }
            gen.shuffle(mine);
            hazards.add(base.withMeasures(dedup(mine)));
        }
        gen.shuffle(hazards);
        try {
            return p.withHazards(hazards);
        } catch (IllegalArgumentException e) {
            return p;
        }
    }

    private static List<ControlMeasure> dedup(List<ControlMeasure> ms) {
        List<ControlMeasure> out = new ArrayList<>();
        for (ControlMeasure m : ms) {
            if (out.stream().noneMatch(x -> x.id().equals(m.id()))) {
                out.add(m);
            }
        }
        return out;
    }
}
