package org.dualprevention.engine.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.closedloop.Danger;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;

/**
 * The policy's fast path (the level first, the reasons only for a raised level) gives exactly what the rule's
 * first implementation gave ({@link #reference}, kept here verbatim) on seeded random collections: hidden dangers
 * of the risk point and of another, in every state and grade, in any order, repeated, on days before, on and after
 * their deadline, for every assessed level, and the empty collection.
 */
class EffectiveLevelPolicyEquivalenceTest {
    private static final long SEED = Long.getLong("dualprevention.seed", 20_261_206L);
    private static final RiskPointId OTHER = RiskPointId.of("RP-2");

    /** The rule as first written (before the fast path), for comparison. */
    static EffectiveLevel reference(RiskPointId riskPoint, RiskLevel assessed, Collection<HiddenDanger> dangers,
            LocalDate today) {
        List<HiddenDanger> linked = new ArrayList<>();
        for (HiddenDanger h : dangers) {
            if (h.isOpen() && h.riskPoint().equals(java.util.Optional.of(riskPoint)) && h.grade().isPresent()) {
                linked.add(h);
            }
        }
        linked.sort(Comparator.comparing(HiddenDanger::id));
        RiskLevel effective = assessed;
        List<EffectiveLevel.Reason> reasons = new ArrayList<>();
        boolean overdueGeneral = false;
        for (HiddenDanger h : linked) {
            if (h.grade().get() == HiddenDangerGrade.MAJOR) {
                effective = RiskLevel.MAJOR;
                reasons.add(new EffectiveLevel.Reason(h.id(), DefaultEffectiveLevelPolicy.OPEN_MAJOR,
                        "open major hidden danger [" + h.id() + "] raises the level to " + RiskLevel.MAJOR));
            } else if (h.isOverdue(today)) {
                overdueGeneral = true;
                reasons.add(new EffectiveLevel.Reason(h.id(), DefaultEffectiveLevelPolicy.OVERDUE_GENERAL,
                        "general hidden danger [" + h.id() + "] overdue since " + h.deadline().orElseThrow().plusDays(1)
                                + " raises the level by one step"));
            }
        }
        if (overdueGeneral) {
            effective = RiskLevel.mostSevere(effective, assessed.raisedBy(1));
        }
        if (effective == assessed) {
            return EffectiveLevel.asAssessed(riskPoint, assessed);
        }
        return new EffectiveLevel(riskPoint, assessed, effective, reasons);
    }

    /** One question to a policy: a risk point, its assessed level, a collection of hidden dangers and a day. */
    record Question(RiskPointId point, RiskLevel assessed, List<HiddenDanger> dangers, LocalDate today) {
        /**
         * {@code size} hidden dangers drawn from {@code pool} (repeats allowed), then a level, a day within 25 days of
         * {@link Danger#DAY0} and, one time in five, another risk point than {@link Danger#RP}; drawn in that order.
         */
        static Question draw(List<HiddenDanger> pool, SplittableRandom rnd, int size) {
            List<HiddenDanger> dangers = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                dangers.add(pool.get(rnd.nextInt(pool.size())));
            }
            RiskLevel assessed = RiskLevel.values()[rnd.nextInt(RiskLevel.values().length)];
            LocalDate today = Danger.DAY0.plusDays(rnd.nextInt(0, 25));
            RiskPointId point = rnd.nextInt(5) == 0 ? OTHER : Danger.RP;
            return new Question(point, assessed, dangers, today);
        }
    }

    /** Hidden dangers of three risk points ({@link Danger#RP}, RP-2, RP-1) in every state and grade the walk reaches. */
    static List<HiddenDanger> pool() {
        List<HiddenDanger> pool = new ArrayList<>();
        int n = 0;
        for (HiddenDangerState state : HiddenDangerState.values()) {
            for (HiddenDangerGrade grade : HiddenDangerGrade.values()) {
                for (RiskPointId point : List.of(Danger.RP, OTHER, RiskPointId.of("RP-1"))) {
                    try {
                        pool.add(Danger.walk("HD-" + (n * 7919 % 1000), point, state, grade));
                    } catch (RuntimeException e) {
                        continue; // a state the walk does not reach
                    }
                    n++;
                }
            }
        }
        return pool;
    }

    @Test
    void fastPathEqualsTheFirstImplementation() {
        List<HiddenDanger> pool = pool();
        DefaultEffectiveLevelPolicy policy = DefaultEffectiveLevelPolicy.create();
        SplittableRandom rnd = new SplittableRandom(SEED);
        int raised = 0;
        for (int run = 0; run < 5000; run++) {
            Question q = Question.draw(pool, rnd, run % 10 == 0 ? 0 : rnd.nextInt(1, 8));
            RiskPointId point = q.point();
            RiskLevel assessed = q.assessed();
            List<HiddenDanger> dangers = q.dangers();
            LocalDate today = q.today();
            EffectiveLevel expected = reference(point, assessed, dangers, today);
            EffectiveLevel actual = policy.evaluate(point, assessed, List.copyOf(dangers), today);
            assertEquals(expected, actual, "seed " + SEED + " (-Ddualprevention.seed), run " + run + ": " + point
                    + " " + assessed + " on " + today + " with " + dangers.stream().map(d -> d.id() + "/" + d.state()
                            + "/" + d.grade().orElse(null) + "/" + d.riskPoint().orElse(null)).toList());
            raised += actual.isRaised() ? 1 : 0;
        }
        // the runs cover raised and unraised levels alike
        assertTrue(raised > 500 && raised < 4500, "raised " + raised);
    }
}
