package org.dualprevention.engine.closedloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.spi.AccessPolicy;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded random command sequences, valid and invalid, with the invariants of the closed loop
 * checked after every step against the test's own bookkeeping. Each failure names its seed; rerun one with
 * {@code -Ddualprevention.seed=<seed> -Ddualprevention.runs=1}.
 */
class RandomClosedLoopTest {
    private static final long BASE_SEED = Long.getLong("dualprevention.seed", 0x2026_1125L);
    private static final int RUNS = Integer.getInteger("dualprevention.runs", 3000);
    private static final List<Actor> PEOPLE = List.of(Danger.actor("p0"), Danger.actor("p1"), Danger.actor("p2"),
            Danger.actor("p3"), Danger.actor("p4"));

    /** The expected loop, written independently of TransitionTable. */
    private static final Map<HiddenDangerState, Map<HiddenDangerAction, HiddenDangerState>> LOOP = loop();

    private static Map<HiddenDangerState, Map<HiddenDangerAction, HiddenDangerState>> loop() {
        Map<HiddenDangerState, Map<HiddenDangerAction, HiddenDangerState>> m = new EnumMap<>(HiddenDangerState.class);
        for (HiddenDangerState s : HiddenDangerState.values()) {
            m.put(s, new EnumMap<>(HiddenDangerAction.class));
        }
        m.get(HiddenDangerState.REPORTED).put(HiddenDangerAction.VERIFY, HiddenDangerState.VERIFIED);
        m.get(HiddenDangerState.REPORTED).put(HiddenDangerAction.WITHDRAW, HiddenDangerState.WITHDRAWN);
        m.get(HiddenDangerState.REPORTED).put(HiddenDangerAction.RECTIFY_ON_SPOT, HiddenDangerState.AWAITING_ACCEPTANCE);
        m.get(HiddenDangerState.VERIFIED).put(HiddenDangerAction.WITHDRAW, HiddenDangerState.WITHDRAWN);
        m.get(HiddenDangerState.VERIFIED).put(HiddenDangerAction.RECTIFY_ON_SPOT, HiddenDangerState.AWAITING_ACCEPTANCE);
        m.get(HiddenDangerState.VERIFIED).put(HiddenDangerAction.PLAN, HiddenDangerState.PLANNED);
        m.get(HiddenDangerState.PLANNED).put(HiddenDangerAction.START, HiddenDangerState.RECTIFYING);
        m.get(HiddenDangerState.PLANNED).put(HiddenDangerAction.EXTEND_DEADLINE, HiddenDangerState.PLANNED);
        m.get(HiddenDangerState.RECTIFYING).put(HiddenDangerAction.EXTEND_DEADLINE, HiddenDangerState.RECTIFYING);
        m.get(HiddenDangerState.RECTIFYING).put(HiddenDangerAction.SUBMIT, HiddenDangerState.AWAITING_ACCEPTANCE);
        m.get(HiddenDangerState.AWAITING_ACCEPTANCE).put(HiddenDangerAction.ACCEPT, HiddenDangerState.CLOSED);
        m.get(HiddenDangerState.AWAITING_ACCEPTANCE).put(HiddenDangerAction.REJECT, HiddenDangerState.RECTIFYING);
        return m;
    }

    /** What the test itself knows about the hidden danger, kept apart from the aggregate. */
    private static final class Book {
        Optional<HiddenDangerGrade> grade = Optional.empty();
        Optional<LocalDate> deadline = Optional.empty();
        final Set<ActorId> parties = new HashSet<>();
        boolean sawAccept;
    }

    /** A generated command, and whether its data was made to break a guard. */
    private static final class Generated {
        final HiddenDangerCommand command;
        final boolean invalidData;

        Generated(HiddenDangerCommand command, boolean invalidData) {
            this.command = command;
            this.invalidData = invalidData;
        }
    }

    @Test
    void randomSequencesKeepTheInvariants() {
        int transitions = 0;
        int refusals = 0;
        for (int run = 0; run < RUNS; run++) {
            long seed = BASE_SEED + run;
            try {
                int[] counts = runOne(seed);
                transitions += counts[0];
                refusals += counts[1];
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed=" + seed + ": " + e.getMessage(), e);
            }
        }
        assertTrue(transitions > RUNS * 3, "too few accepted commands to mean anything: " + transitions);
        assertTrue(refusals > RUNS, "too few refusals to mean anything: " + refusals);
    }

    private static int[] runOne(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String s = "seed=" + seed;
        boolean sod = rng.nextInt(4) != 0;
        ClosedLoopSettings settings = ClosedLoopSettings.defaults().withSeparationOfDuties(sod);
        Instant now = Danger.T0;
        HiddenDanger h = ClosedLoop.report(Danger.report("HD-" + seed, Danger.RP), Clock.fixed(now, Danger.ZONE),
                Danger.ZONE).next();
        List<AuditEntry> chain = new ArrayList<>();
        chain.add(ClosedLoop.report(Danger.report("HD-" + seed, Danger.RP), Clock.fixed(now, Danger.ZONE), Danger.ZONE)
                .audit());
        assertEquals(1, h.version(), s);
        Book book = new Book();
        int accepted = 0;
        int refused = 0;
        int steps = 5 + rng.nextInt(30);
        for (int step = 0; step < steps; step++) {
            boolean backwards = rng.nextInt(20) == 0;
            Instant at = backwards ? h.lastActionAt().minusSeconds(1 + rng.nextInt(3600))
                    : now.plus(Duration.ofMinutes(rng.nextInt(3 * 24 * 60)));
            if (!backwards) {
                now = at;
            }
            LocalDate today = LocalDate.ofInstant(at, Danger.ZONE);
            List<HiddenDangerAction> allowed = List.copyOf(LOOP.get(h.state()).keySet());
            HiddenDangerAction action = !allowed.isEmpty() && rng.nextInt(4) != 0 ? allowed.get(rng.nextInt(allowed.size()))
                    : HiddenDangerAction.values()[rng.nextInt(HiddenDangerAction.values().length)];
            Actor actor = PEOPLE.get(rng.nextInt(PEOPLE.size()));
            Generated g = generate(action, actor, h, book, today, rng, rng.nextInt(7) == 0);
            HiddenDanger before = h;
            HiddenDangerState expectedState = LOOP.get(h.state()).get(action);
            boolean sodViolation = sod && (action == HiddenDangerAction.ACCEPT && book.parties.contains(actor.id())
                    || action == HiddenDangerAction.EXTEND_DEADLINE
                            && ((HiddenDangerCommand.ExtendDeadline) g.command).approver().id().equals(actor.id()));
            boolean stateGuard = action == HiddenDangerAction.RECTIFY_ON_SPOT
                    && book.grade.equals(Optional.of(HiddenDangerGrade.MAJOR))
                    || action == HiddenDangerAction.EXTEND_DEADLINE && (book.deadline.isEmpty()
                            || !((HiddenDangerCommand.ExtendDeadline) g.command).newDeadline().isAfter(book.deadline.get())
                            || ((HiddenDangerCommand.ExtendDeadline) g.command).newDeadline().isBefore(today));
            ClosedLoopService service = ClosedLoopService.of(Clock.fixed(at, Danger.ZONE), Danger.ZONE, settings,
                    AccessPolicy.allowAll());
            Transition t = null;
            try {
                t = service.apply(h, g.command);
            } catch (IllegalTransitionException e) {
                assertEquals(null, expectedState, s + " table refused " + action + " in " + h.state());
                assertEquals(h.state().name(), e.state(), s);
                refused++;
            } catch (AccessDeniedException e) {
                assertNotNull(expectedState, s);
                assertTrue(sodViolation, s + " unexpected denial: " + e.getMessage());
                refused++;
            } catch (ValidationException e) {
                assertNotNull(expectedState, s);
                assertFalse(sodViolation, s + " separation of duties must be checked first");
                assertTrue(g.invalidData || backwards || stateGuard, s + " valid " + action + " refused: " + e.getMessage());
                refused++;
            }
            if (t == null) {
                assertEquals(before, h, s + " a refused command changed the hidden danger");
            } else {
                assertNotNull(expectedState, s + " table allowed " + action + " in " + h.state());
                assertFalse(g.invalidData || backwards || stateGuard || sodViolation,
                        s + " accepted " + action + " that should have been refused");
                HiddenDanger next = t.next();
                assertEquals(expectedState, next.state(), s);
                assertEquals(h.version() + 1, next.version(), s + " versions increase by exactly 1");
                assertEquals(next.version(), t.audit().sequence(), s);
                assertEquals(h.auditHead(), t.audit().previousHash(), s);
                assertEquals(at, t.audit().at(), s);
                if (action == HiddenDangerAction.ACCEPT) {
                    assertTrue(!sod || !book.parties.contains(actor.id()), s + " closed by a rectification party");
                    book.sawAccept = true;
                }
                record(book, g.command, h);
                h = next;
                chain.add(t.audit());
                accepted++;
            }
            checkDerived(s, h, book, rng);
        }
        if (h.state() == HiddenDangerState.CLOSED) {
            assertTrue(book.sawAccept, s + " closed without acceptance");
            assertEquals(HiddenDangerAction.ACCEPT, chain.get(chain.size() - 1).action(), s);
            assertTrue(h.acceptor().isPresent(), s);
            if (sod) {
                assertFalse(h.rectificationParties().contains(h.acceptor().get()), s + " acceptor is a party");
            }
        }
        ChainVerification v = AuditChain.verify(chain, h);
        assertTrue(v.isValid(), s + " " + v);
        assertEquals(h, AuditChain.replay(chain), s + " replay differs from the aggregate");
        return new int[] {accepted, refused};
    }

    private static void record(Book book, HiddenDangerCommand c, HiddenDanger h) {
        if (c instanceof HiddenDangerCommand.Verify) {
            book.grade = Optional.of(((HiddenDangerCommand.Verify) c).grade());
        } else if (c instanceof HiddenDangerCommand.RectifyOnSpot) {
            book.grade = Optional.of(HiddenDangerGrade.GENERAL);
            book.parties.add(c.actor().id());
        } else if (c instanceof HiddenDangerCommand.Plan) {
            RectificationPlan p = ((HiddenDangerCommand.Plan) c).plan();
            book.deadline = Optional.of(p.deadline());
            book.parties.add(p.responsible());
        } else if (c instanceof HiddenDangerCommand.Start) {
            book.parties.add(c.actor().id());
            book.parties.addAll(((HiddenDangerCommand.Start) c).rectifiers());
        } else if (c instanceof HiddenDangerCommand.ExtendDeadline) {
            book.deadline = Optional.of(((HiddenDangerCommand.ExtendDeadline) c).newDeadline());
        } else if (c instanceof HiddenDangerCommand.Submit) {
            book.parties.add(c.actor().id());
        }
    }

    private static void checkDerived(String s, HiddenDanger h, Book book, SplittableRandom rng) {
        LocalDate day = Danger.DAY0.plusDays(rng.nextInt(-5, 90));
        boolean overdue = !h.state().isTerminal() && book.deadline.isPresent() && day.isAfter(book.deadline.get());
        assertEquals(overdue, h.isOverdue(day), s + " overdue on " + day + " with deadline " + book.deadline);
        assertEquals(book.deadline, h.deadline(), s);
        assertEquals(book.grade, h.grade(), s);
        RiskLevel assessed = RiskLevel.values()[rng.nextInt(RiskLevel.values().length)];
        EffectiveLevel level = DefaultEffectiveLevelPolicy.create().evaluate(Danger.RP, assessed, List.of(h), day);
        assertFalse(assessed.isMoreSevereThan(level.effective()), s + " effective below assessed");
        if (h.isOpen() && h.grade().equals(Optional.of(HiddenDangerGrade.MAJOR))) {
            assertEquals(RiskLevel.MAJOR, level.effective(), s);
        } else if (overdue && h.grade().isPresent()) {
            assertEquals(assessed.raisedBy(1), level.effective(), s);
        } else {
            assertEquals(assessed, level.effective(), s + " " + level);
        }
    }

    private static Generated generate(HiddenDangerAction action, Actor actor, HiddenDanger h, Book book, LocalDate today,
            SplittableRandom rng, boolean breakIt) {
        long sinceFound = Math.max(0, today.toEpochDay() - h.foundOn().toEpochDay());
        LocalDate completed = h.foundOn().plusDays(sinceFound == 0 ? 0 : rng.nextLong(sinceFound + 1));
        Actor somebody = PEOPLE.get(rng.nextInt(PEOPLE.size()));
        ActorId someone = somebody.id();
        switch (action) {
            case REPORT:
                return new Generated(Danger.report("HD-X", Danger.RP), false);
            case VERIFY:
                if (breakIt) {
                    return new Generated(new HiddenDangerCommand.Verify(actor, HiddenDangerGrade.MAJOR, "", Optional.empty()),
                            true);
                }
                return new Generated(rng.nextBoolean() ? HiddenDangerCommand.Verify.general(actor, "ok")
                        : HiddenDangerCommand.Verify.major(actor, "big", Danger.authorityReport()), false);
            case WITHDRAW:
                return new Generated(new HiddenDangerCommand.Withdraw(actor, breakIt ? " " : "not a hidden danger"), breakIt);
            case RECTIFY_ON_SPOT:
                return new Generated(new HiddenDangerCommand.RectifyOnSpot(actor, "fixed",
                        breakIt ? List.of() : List.of(Danger.PHOTO), completed), breakIt);
            case PLAN: {
                LocalDate deadline = breakIt ? today.minusDays(1 + rng.nextInt(5)) : today.plusDays(rng.nextInt(21));
                RectificationPlan p = RectificationPlan.of(someone, "measures",
                        Funds.of(BigDecimal.valueOf(rng.nextInt(100_000), 2), "CNY"), deadline, "contingency");
                if (book.grade.equals(Optional.of(HiddenDangerGrade.MAJOR))) {
                    p = p.withScheme(Danger.scheme());
                }
                return new Generated(new HiddenDangerCommand.Plan(actor, p), breakIt);
            }
            case START: {
                List<ActorId> more = new ArrayList<>();
                for (Actor p : PEOPLE) {
                    if (rng.nextInt(5) == 0) {
                        more.add(p.id());
                    }
                }
                return new Generated(new HiddenDangerCommand.Start(actor, more), false);
            }
            case EXTEND_DEADLINE: {
                LocalDate base = book.deadline.orElse(today);
                LocalDate to = rng.nextInt(8) == 0 ? base : base.plusDays(1 + rng.nextInt(10));
                return new Generated(new HiddenDangerCommand.ExtendDeadline(actor, to, breakIt ? "" : "parts late", somebody),
                        breakIt);
            }
            case SUBMIT:
                return new Generated(new HiddenDangerCommand.Submit(actor, "done", List.of(Danger.PHOTO),
                        breakIt ? today.plusDays(1) : completed), breakIt);
            case ACCEPT:
                return new Generated(new HiddenDangerCommand.Accept(actor, "ok"), false);
            case REJECT:
                return new Generated(new HiddenDangerCommand.Reject(actor, breakIt ? "" : "not good enough"), breakIt);
            default:
                fail("unknown action " + action);
                return null;
        }
    }
}
