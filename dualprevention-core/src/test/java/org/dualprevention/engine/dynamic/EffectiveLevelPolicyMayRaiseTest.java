package org.dualprevention.engine.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.engine.closedloop.Danger;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.junit.jupiter.api.Test;

/**
 * {@link DefaultEffectiveLevelPolicy#mayRaise}, which a risk map asks of each hidden danger to leave the others out
 * of {@code evaluate}: it is the rule's test of one hidden danger (a plain model, and the rule's first implementation
 * given that hidden danger alone), and leaving out every hidden danger it refuses gives exactly the result of the
 * whole collection (the first implementation, {@link EffectiveLevelPolicyEquivalenceTest#reference}) on seeded random
 * collections: hidden dangers of the risk point and of another, every state and grade, any order, repeats, days
 * before, on and after their deadline, every assessed level, the empty collection. A policy that does not override
 * it is given every hidden danger. The seed is in every failure message.
 */
class EffectiveLevelPolicyMayRaiseTest {
    private static final long SEED = Long.getLong("dualprevention.seed", 20_261_207L);
    private static final String REPLAY = " (replay with -Ddualprevention.seed=" + SEED + ")";

    /** Hidden dangers of three risk points in every state and grade the closed loop reaches (the equivalence test's). */
    private static List<HiddenDanger> pool() {
        return EffectiveLevelPolicyEquivalenceTest.pool();
    }

    private static String describe(HiddenDanger d) {
        return d.id() + "/" + d.state() + "/" + d.grade().orElse(null) + "/" + d.riskPoint().orElse(null) + "/"
                + d.deadline().orElse(null);
    }

    @Test
    void mayRaiseIsTheRuleOfOneHiddenDanger() {
        DefaultEffectiveLevelPolicy policy = DefaultEffectiveLevelPolicy.create();
        int yes = 0;
        int no = 0;
        for (HiddenDanger d : pool()) {
            for (int day = 0; day < 25; day++) {
                LocalDate today = Danger.DAY0.plusDays(day);
                // the model: open and graded, and major or overdue
                boolean model = d.isOpen() && d.grade().isPresent()
                        && (d.grade().get() == HiddenDangerGrade.MAJOR || d.isOverdue(today));
                // the rule's first implementation, given that hidden danger alone at the least severe level
                boolean raisesAlone = EffectiveLevelPolicyEquivalenceTest
                        .reference(d.riskPoint().orElseThrow(), RiskLevel.LOW, List.of(d), today).isRaised();
                assertEquals(model, policy.mayRaise(d, today), describe(d) + " on " + today);
                assertEquals(raisesAlone, policy.mayRaise(d, today), describe(d) + " on " + today);
                if (model) {
                    yes++;
                } else {
                    no++;
                }
            }
        }
        // both answers are exercised, including overdue general ones that are in time on earlier days
        assertTrue(yes > 50 && no > 50, "yes " + yes + ", no " + no);
    }

    @Test
    void leavingOutWhatMayNotRaiseKeepsTheResult() {
        List<HiddenDanger> pool = pool();
        DefaultEffectiveLevelPolicy policy = DefaultEffectiveLevelPolicy.create();
        SplittableRandom rnd = new SplittableRandom(SEED);
        int raised = 0;
        int leftOut = 0;
        for (int run = 0; run < 5000; run++) {
            EffectiveLevelPolicyEquivalenceTest.Question q = EffectiveLevelPolicyEquivalenceTest.Question.draw(pool,
                    rnd, run % 10 == 0 ? 0 : run % 10 == 1 ? 1 : rnd.nextInt(1, 9));
            RiskPointId point = q.point();
            RiskLevel assessed = q.assessed();
            List<HiddenDanger> dangers = q.dangers();
            LocalDate today = q.today();
            List<HiddenDanger> kept = new ArrayList<>();
            for (HiddenDanger d : dangers) {
                if (policy.mayRaise(d, today)) {
                    kept.add(d);
                }
            }
            leftOut += dangers.size() - kept.size();
            EffectiveLevel expected = EffectiveLevelPolicyEquivalenceTest.reference(point, assessed, dangers, today);
            String msg = "seed " + SEED + REPLAY + ", run " + run + ": " + point + " " + assessed + " on " + today
                    + " with " + dangers.stream().map(EffectiveLevelPolicyMayRaiseTest::describe).toList();
            assertEquals(expected, policy.evaluate(point, assessed, kept, today), msg + " (kept " + kept.size() + ")");
            assertEquals(expected, policy.evaluate(point, assessed, dangers, today), msg);
            raised += expected.isRaised() ? 1 : 0;
        }
        assertTrue(raised > 500 && raised < 4500, "raised " + raised);
        assertTrue(leftOut > 1000, "left out " + leftOut);
    }

    @Test
    void aPolicyThatDoesNotSayIsGivenEveryHiddenDanger() {
        EffectiveLevelPolicy thirdParty = (riskPoint, assessed, dangers, today) -> EffectiveLevel.asAssessed(riskPoint,
                assessed);
        for (HiddenDanger d : pool()) {
            assertTrue(thirdParty.mayRaise(d, Danger.DAY0), describe(d));
        }
    }

    @Test
    void nullsAreRefusedByName() {
        DefaultEffectiveLevelPolicy policy = DefaultEffectiveLevelPolicy.create();
        HiddenDanger d = pool().get(0);
        EffectiveLevelPolicy thirdParty = new EffectiveLevelPolicy() {
            @Override
            public EffectiveLevel evaluate(RiskPointId riskPoint, RiskLevel assessed, Collection<HiddenDanger> dangers,
                    LocalDate today) {
                return EffectiveLevel.asAssessed(riskPoint, assessed);
            }
        };
        for (EffectiveLevelPolicy p : List.of(policy, thirdParty)) {
            assertEquals("danger", assertThrows(NullPointerException.class, () -> p.mayRaise(null, Danger.DAY0))
                    .getMessage(), p.toString());
            assertEquals("today", assertThrows(NullPointerException.class, () -> p.mayRaise(d, null)).getMessage(),
                    p.toString());
        }
    }
}
