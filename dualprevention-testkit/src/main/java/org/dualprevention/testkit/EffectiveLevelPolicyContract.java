package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.dualprevention.testkit.gen.DangerGen;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EffectiveLevelPolicy} must meet, checked on seeded collections of hidden dangers: hidden
 * dangers walked to every state of the closed loop, linked to the risk point evaluated, to another one or to none,
 * on days before, around and long after their deadlines, at every assessed level. Extend it and return your policy:
 *
 * <pre>{@code
 * class AcmeLevelPolicyTest extends EffectiveLevelPolicyContract {
 *     @Override protected EffectiveLevelPolicy policy() { return new AcmeLevelPolicy(); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>E1</b> every evaluation gives a result: never {@code null}, never an exception, for the risk point and the
 *     assessed level it was asked about.</li>
 * <li><b>E2</b> determinism: the same question gets an equal answer, again, on another instance, and whatever the
 *     order of questions before it; {@code mayRaise} too.</li>
 * <li><b>E3</b> the promise of {@link EffectiveLevelPolicy#mayRaise}: leaving out of the collection every hidden
 *     danger for which it answers {@code false}, the others in their order, gives an equal result (reasons in the
 *     same order). A risk map relies on it to give the policy only those. A policy that does not override
 *     {@code mayRaise} passes trivially.</li>
 * <li><b>E4</b> thread safety: evaluating from several threads at once gives the answers of one thread.</li>
 * <li><b>E5</b> {@code mayRaise(null, day)} and {@code mayRaise(danger, null)} throw {@link NullPointerException}
 *     naming {@code danger} and {@code today}.</li>
 * <li><b>E6</b> the collections cover open and closed hidden dangers, linked and not, and days on both sides of a
 *     deadline (a check of the kit itself, so that E1 to E4 never pass vacuously).</li>
 * </ol>
 * How far a policy raises a level, and for which hidden dangers, is its own business; the contract requires no raise.
 *
 * @since 0.2
 */
public abstract class EffectiveLevelPolicyContract {
    /** Creates the contract. */
    protected EffectiveLevelPolicyContract() {
    }

    /**
     * A fresh policy.
     *
     * @return the policy under test
     */
    protected abstract EffectiveLevelPolicy policy();

    /**
     * The seed of the hidden dangers and questions.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    /**
     * How many questions (a risk point, an assessed level, a collection and a day) are asked.
     *
     * @return 400 by default
     */
    protected int questions() {
        return 400;
    }

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final ZoneId ZONE = DangerGen.DEFAULT_ZONE;

    /** One question: evaluate(point, assessed, dangers, today). */
    private record Question(RiskPointId point, RiskLevel assessed, List<HiddenDanger> dangers, LocalDate today) {
        /** The policy's answer to this question with its whole collection. */
        EffectiveLevel askedOf(EffectiveLevelPolicy p) {
            return p.evaluate(point, assessed, dangers, today);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(point + " " + assessed + " on " + today + " with [");
            for (HiddenDanger d : dangers) {
                b.append(' ').append(d.id()).append('/').append(d.state()).append('/').append(d.grade().orElse(null))
                        .append('/').append(d.riskPoint().orElse(null)).append("/due ").append(d.deadline().orElse(null));
            }
            return b.append(" ]").toString();
        }
    }

    private String seedNote() {
        return " [seed=" + seed() + " replay with -D" + Seeds.PROPERTY + "=" + seed() + "]";
    }

    /** The hidden dangers: for each of three risk points and none, every state, several times. */
    private List<HiddenDanger> pool(Gen gen, Organization org, List<RiskPoint> points) {
        List<HiddenDanger> pool = new ArrayList<>();
        List<Optional<RiskPoint>> links = new ArrayList<>();
        for (RiskPoint p : points) {
            links.add(Optional.of(p));
        }
        links.add(Optional.empty());
        for (int round = 0; round < 3; round++) {
            for (Optional<RiskPoint> link : links) {
                for (HiddenDangerState state : HiddenDangerState.values()) {
                    Instant start = T0.plus(java.time.Duration.ofDays(gen.intBetween(0, 30)));
                    List<Transition> h = gen.dangers(ZONE).history(org, link, state, start);
                    pool.add(h.get(h.size() - 1).next());
                }
            }
        }
        return pool;
    }

    private List<Question> questions(long seed) {
        Gen gen = Gen.of(seed);
        Organization org = gen.organization(12);
        List<RiskPoint> points = List.of(gen.riskPoint(org), gen.riskPoint(org), gen.riskPoint(org));
        List<HiddenDanger> pool = pool(gen, org, points);
        LocalDate first = T0.atZone(ZONE).toLocalDate();
        List<Question> out = new ArrayList<>();
        for (int q = 0; q < questions(); q++) {
            int size = q % 10 == 0 ? 0 : q % 10 == 1 ? 1 : gen.intBetween(2, 10);
            List<HiddenDanger> dangers = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                dangers.add(gen.pick(pool));
            }
            RiskPointId point = gen.chance(0.8) ? points.get(0).id() : gen.pick(points).id();
            LocalDate today = first.plusDays(gen.intBetween(-5, 120));
            out.add(new Question(point, gen.pick(RiskLevel.class), List.copyOf(dangers), today));
        }
        return out;
    }

    private static List<HiddenDanger> kept(EffectiveLevelPolicy p, Question q) {
        List<HiddenDanger> kept = new ArrayList<>();
        for (HiddenDanger d : q.dangers()) {
            if (p.mayRaise(d, q.today())) {
                kept.add(d);
            }
        }
        return kept;
    }

    /** Rule E1: every evaluation gives a result for the point and level asked about. */
    @Test
    @DisplayName("E1 every evaluation gives a result: never null, never an exception, for the point and level asked")
    public void e1AlwaysAnswers() {
        Rules.check("E1", () -> {
            EffectiveLevelPolicy p = policy();
            Failures f = new Failures("E1 always answers" + seedNote());
            for (Question q : questions(seed())) {
                f.checked();
                try {
                    EffectiveLevel e = q.askedOf(p);
                    if (e == null) {
                        f.fail(q + " -> null");
                    } else if (!e.riskPoint().equals(q.point()) || e.assessed() != q.assessed()) {
                        f.fail(q + " -> an answer about " + e.riskPoint() + " " + e.assessed());
                    }
                } catch (RuntimeException e) {
                    f.fail(q + " -> " + Failures.describe(e));
                }
            }
            f.assertNone();
        });
    }

    /** Rule E2: the same question gets an equal answer, again, on another instance, in another order. */
    @Test
    @DisplayName("E2 determinism: an equal answer again, on another instance, in another order; mayRaise too")
    public void e2Deterministic() {
        Rules.check("E2", () -> {
            List<Question> qs = questions(seed());
            EffectiveLevelPolicy p = policy();
            List<EffectiveLevel> first = new ArrayList<>();
            List<List<HiddenDanger>> firstKept = new ArrayList<>();
            for (Question q : qs) {
                first.add(q.askedOf(p));
                firstKept.add(kept(p, q));
            }
            EffectiveLevelPolicy other = policy();
            Failures f = new Failures("E2 deterministic" + seedNote());
            for (int i = qs.size() - 1; i >= 0; i--) {
                Question q = qs.get(i);
                f.checked();
                if (!first.get(i).equals(q.askedOf(p))) {
                    f.fail(q + ": asked again, another answer");
                }
                if (!first.get(i).equals(q.askedOf(other))) {
                    f.fail(q + ": another instance, another answer");
                }
                if (!firstKept.get(i).equals(kept(other, q))) {
                    f.fail(q + ": mayRaise answered otherwise");
                }
            }
            f.assertNone();
        });
    }

    /** Rule E3: leaving out what {@code mayRaise} refuses keeps the result. */
    @Test
    @DisplayName("E3 leaving out the hidden dangers mayRaise refuses gives an equal result")
    public void e3MayRaiseKeepsTheResult() {
        Rules.check("E3", () -> {
            EffectiveLevelPolicy p = policy();
            Failures f = new Failures("E3 mayRaise keeps the result" + seedNote());
            for (Question q : questions(seed())) {
                f.checked();
                List<HiddenDanger> kept = kept(p, q);
                EffectiveLevel all = q.askedOf(p);
                EffectiveLevel some = p.evaluate(q.point(), q.assessed(), kept, q.today());
                if (!all.equals(some)) {
                    f.fail(q + ": all " + all + ", the " + kept.size() + " mayRaise kept " + some);
                }
            }
            f.assertNone();
        });
    }

    /** Rule E4: several threads at once get the answers of one thread. */
    @Test
    @DisplayName("E4 thread safety: several threads get the answers of one")
    public void e4ThreadSafe() {
        Rules.check("E4", () -> {
            List<Question> qs = questions(seed());
            EffectiveLevelPolicy p = policy();
            List<EffectiveLevel> expected = new ArrayList<>();
            for (Question q : qs) {
                expected.add(q.askedOf(p));
            }
            Parallel.check("E4", 4, 3, qs.size(), i -> {
                Question q = qs.get(i);
                EffectiveLevel got = q.askedOf(p);
                return expected.get(i).equals(got) ? null : q + ": " + got + ", one thread " + expected.get(i)
                        + seedNote();
            });
        });
    }

    /** Rule E5: {@code mayRaise} refuses nulls by name. */
    @Test
    @DisplayName("E5 mayRaise(null, day) and mayRaise(danger, null) throw NullPointerException naming the argument")
    @SuppressWarnings("NullAway") // passes null on purpose: the rule is that null is refused
    public void e5NullsRefused() {
        Rules.check("E5", () -> {
            EffectiveLevelPolicy p = policy();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(12);
            HiddenDanger d = gen.dangers(ZONE).hiddenDanger(org, T0);
            LocalDate day = T0.atZone(ZONE).toLocalDate();
            assertEquals("danger", assertThrows(NullPointerException.class, () -> p.mayRaise(null, day)).getMessage());
            assertEquals("today", assertThrows(NullPointerException.class, () -> p.mayRaise(d, null)).getMessage());
        });
    }

    /** Rule E6: the questions reach open and closed, linked and unlinked hidden dangers, days around deadlines. */
    @Test
    @DisplayName("E6 the questions cover open and closed, linked and unlinked hidden dangers, days around deadlines")
    public void e6Coverage() {
        Rules.check("E6", () -> {
            int open = 0;
            int settled = 0;
            int linked = 0;
            int unlinked = 0;
            int before = 0;
            int after = 0;
            for (Question q : questions(seed())) {
                for (HiddenDanger d : q.dangers()) {
                    if (d.isOpen()) {
                        open++;
                    } else {
                        settled++;
                    }
                    if (d.riskPoint().filter(q.point()::equals).isPresent()) {
                        linked++;
                    } else {
                        unlinked++;
                    }
                    if (d.deadline().isPresent()) {
                        if (q.today().isAfter(d.deadline().get())) {
                            after++;
                        } else {
                            before++;
                        }
                    }
                }
            }
            String counts = "open " + open + ", settled " + settled + ", linked " + linked + ", unlinked " + unlinked
                    + ", in time " + before + ", overdue " + after + seedNote();
            assertTrue(open > 20 && settled > 20 && linked > 20 && unlinked > 20 && before > 10 && after > 10, counts);
        });
    }
}
