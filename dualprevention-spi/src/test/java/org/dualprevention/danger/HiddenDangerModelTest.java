package org.dualprevention.danger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;

/**
 * The hidden danger as a model, built from its stored form without the engine: which groups each state
 * takes (every state against every combination of groups, judged by a table written here), and the checks of
 * each group.
 */
class HiddenDangerModelTest {
    static final HiddenDangerId ID = HiddenDangerId.of("HD-1");
    static final Instant REPORTED_AT = Instant.parse("2026-03-02T01:00:00Z");
    static final Instant LAST = REPORTED_AT.plusSeconds(3600);
    static final String HEAD = "0123456789abcdef".repeat(4);
    static final ActorId ANN = ActorId.of("ann");
    static final ActorId BEN = ActorId.of("ben");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final URI PHOTO = URI.create("https://files.example/1.jpg");
    static final Finding FINDING = new Finding("Guard missing", "", HiddenDangerSource.RANDOM_OBSERVATION,
            Optional.empty(), OrgUnitId.of("WS-1"), ANN, REPORTED_AT, DAY, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), List.of());
    static final Submission DONE = new Submission("fixed", List.of(PHOTO), DAY);
    static final RectificationPlan PLAN = RectificationPlan.of(BEN, "refit", Funds.cny("10"), DAY.plusDays(5), "lock out");

    enum G { NONE, VERIFIED, ON_SPOT }

    enum R { NONE, STARTED, SUBMITTED, ON_SPOT }

    private static Optional<Grading> grading(G g) {
        switch (g) {
            case VERIFIED:
                return Optional.of(Grading.verified(HiddenDangerGrade.GENERAL, BEN, Optional.empty()));
            case ON_SPOT:
                return Optional.of(Grading.generalOnTheSpot());
            default:
                return Optional.empty();
        }
    }

    private static Optional<Rectification> rectification(R r) {
        switch (r) {
            case STARTED:
                return Optional.of(Rectification.started(List.of(ANN)));
            case SUBMITTED:
                return Optional.of(Rectification.started(List.of(ANN)).withSubmission(ANN, DONE));
            case ON_SPOT:
                return Optional.of(Rectification.onTheSpot(ANN, DONE));
            default:
                return Optional.empty();
        }
    }

    /** The oracle: which groups a state takes, written from the closed loop's description, not from the code. */
    private static boolean fits(HiddenDangerState s, G g, boolean planned, R r, boolean accepted, boolean withdrawn) {
        boolean spotGrading = g == G.ON_SPOT;
        if (spotGrading && r != R.ON_SPOT) {
            return false; // only a rectification on the spot grades without a verifier
        }
        switch (s) {
            case REPORTED:
                return g == G.NONE && !planned && r == R.NONE && !accepted && !withdrawn;
            case VERIFIED:
                return g == G.VERIFIED && !planned && r == R.NONE && !accepted && !withdrawn;
            case WITHDRAWN:
                return g != G.ON_SPOT && !planned && r == R.NONE && !accepted && withdrawn;
            case PLANNED:
                return g == G.VERIFIED && planned && r == R.NONE && !accepted && !withdrawn;
            case RECTIFYING:
                return g != G.NONE && r != R.NONE && planned == (r != R.ON_SPOT) && !accepted && !withdrawn;
            case AWAITING_ACCEPTANCE:
                return g != G.NONE && (r == R.SUBMITTED || r == R.ON_SPOT) && planned == (r != R.ON_SPOT) && !accepted
                        && !withdrawn;
            case CLOSED:
                return g != G.NONE && (r == R.SUBMITTED || r == R.ON_SPOT) && planned == (r != R.ON_SPOT) && accepted
                        && !withdrawn;
            default:
                throw new AssertionError(s);
        }
    }

    @Test
    void everyStateTakesExactlyItsGroups() {
        int valid = 0;
        int cases = 0;
        for (HiddenDangerState s : HiddenDangerState.values()) {
            for (G g : G.values()) {
                for (boolean planned : new boolean[] {false, true}) {
                    for (R r : R.values()) {
                        for (boolean accepted : new boolean[] {false, true}) {
                            for (boolean withdrawn : new boolean[] {false, true}) {
                                cases++;
                                String name = s + " " + g + " planned=" + planned + " " + r + " accepted=" + accepted
                                        + " withdrawn=" + withdrawn;
                                HiddenDanger.Builder b = HiddenDanger.builder().id(ID).version(3).state(s)
                                        .lastActionAt(LAST).auditHead(HEAD).finding(FINDING).grading(grading(g))
                                        .planning(planned ? Optional.of(Planning.of(PLAN)) : Optional.empty())
                                        .rectification(rectification(r))
                                        .acceptance(accepted ? Optional.of(new Acceptance(BEN, LAST)) : Optional.empty())
                                        .withdrawal(withdrawn ? Optional.of(new Withdrawal(BEN, "dup")) : Optional.empty());
                                if (fits(s, g, planned, r, accepted, withdrawn)) {
                                    valid++;
                                    HiddenDanger h = b.build();
                                    assertEquals(h, h.toBuilder().build(), name);
                                    assertEquals(s, h.state(), name);
                                } else {
                                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build,
                                            name);
                                    assertTrue(e.getMessage().startsWith("Hidden danger [HD-1] in state [" + s
                                            + "] at version [3] is inconsistent: "), e.getMessage());
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(7 * 3 * 2 * 4 * 2 * 2, cases);
        assertEquals(15, valid, "states with their possible group combinations");
    }

    private static HiddenDanger.Builder closed() {
        return HiddenDanger.builder().id(ID).version(6).state(HiddenDangerState.CLOSED).lastActionAt(LAST).auditHead(HEAD)
                .finding(FINDING).grading(grading(G.VERIFIED)).planning(Optional.of(Planning.of(PLAN)))
                .rectification(rectification(R.SUBMITTED)).acceptance(Optional.of(new Acceptance(BEN, LAST)));
    }

    @Test
    void headerChecks() {
        HiddenDanger h = closed().build();
        assertEquals(Optional.of(PLAN.deadline()), h.deadline());
        assertEquals(new TreeSet<>(Set.of(ANN, BEN)), h.rectificationParties());
        assertMessage(closed().version(0), "version [0]; allowed: 1 or more");
        assertMessage(closed().auditHead(HEAD.toUpperCase()), "allowed: 64 lower-case hex digits");
        assertMessage(closed().auditHead(""), "audit head []");
        assertMessage(closed().lastActionAt(REPORTED_AT.minusSeconds(1)), "before the report at");
        assertMessage(closed().acceptance(Optional.of(new Acceptance(BEN, LAST.minusSeconds(1)))),
                "allowed: the last action at [" + LAST + "]");
        assertMessage(closed().rectification(rectification(R.ON_SPOT)).planning(Optional.empty())
                .grading(Optional.of(new Grading(HiddenDangerGrade.MAJOR, Optional.of(BEN),
                        Optional.of(new AuthorityReport("s", "h", "t"))))), "a MAJOR one rectified on the spot");
        assertThrows(NullPointerException.class, () -> HiddenDanger.builder().id(ID).build());
    }

    private static void assertMessage(HiddenDanger.Builder b, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void ofAndBuilderAgree() {
        HiddenDanger h = closed().build();
        assertEquals(h, HiddenDanger.of(h.id(), h.version(), h.state(), h.lastActionAt(), h.auditHead(), h.finding(),
                h.grading(), h.planning(), h.rectification(), h.acceptance(), h.withdrawal()));
    }

    @Test
    void findingChecksItsLinks() {
        RiskPointId rp = RiskPointId.of("RP");
        HazardId hz = HazardId.of("HZ");
        ControlMeasureId cm = ControlMeasureId.of("CM");
        new Finding("t", "", HiddenDangerSource.OTHER, Optional.empty(), OrgUnitId.of("U"), ANN, REPORTED_AT, DAY,
                Optional.of(rp), Optional.of(hz), Optional.of(cm), Optional.empty(), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Finding("t", "",
                HiddenDangerSource.OTHER, Optional.empty(), OrgUnitId.of("U"), ANN, REPORTED_AT, DAY, Optional.empty(),
                Optional.of(hz), Optional.empty(), Optional.empty(), List.of()));
        assertTrue(e.getMessage().contains("hazard [HZ] without its riskPoint"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Finding("t", "", HiddenDangerSource.OTHER,
                Optional.empty(), OrgUnitId.of("U"), ANN, REPORTED_AT, DAY, Optional.of(rp), Optional.empty(),
                Optional.of(cm), Optional.empty(), List.of()));
        assertTrue(e.getMessage().contains("failedMeasure [CM] without its hazard"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Finding("t", "", HiddenDangerSource.INSPECTION,
                Optional.empty(), OrgUnitId.of("U"), ANN, REPORTED_AT, DAY, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()));
        assertTrue(e.getMessage().contains("exactly when the source is INSPECTION"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Finding("t", "", HiddenDangerSource.OTHER,
                Optional.empty(), OrgUnitId.of("U"), ANN, REPORTED_AT, DAY, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(InspectionRef.of("T", "I")), List.of()));
    }

    @Test
    void gradingOfAMajorOneHasVerifierAndReport() {
        AuthorityReport report = new AuthorityReport("s", "h", "t");
        new Grading(HiddenDangerGrade.MAJOR, Optional.of(BEN), Optional.of(report));
        new Grading(HiddenDangerGrade.GENERAL, Optional.of(BEN), Optional.of(report));
        assertThrows(IllegalArgumentException.class,
                () -> new Grading(HiddenDangerGrade.MAJOR, Optional.empty(), Optional.of(report)));
        assertThrows(IllegalArgumentException.class,
                () -> new Grading(HiddenDangerGrade.MAJOR, Optional.of(BEN), Optional.empty()));
    }

    @Test
    void planningChainsItsExtensions() {
        LocalDate d = PLAN.deadline();
        DeadlineExtension first = new DeadlineExtension(d, d.plusDays(3), "late", ANN, BEN, LAST);
        DeadlineExtension second = new DeadlineExtension(d.plusDays(3), d.plusDays(9), "later", ANN, BEN, LAST);
        Planning p = Planning.of(PLAN).withExtension(first).withExtension(second);
        assertEquals(d, p.originalDeadline());
        assertEquals(d.plusDays(9), p.deadline());
        assertEquals(List.of(first, second), p.extensions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Planning.of(PLAN)
                .withExtension(second));
        assertEquals("extensions[0] extends [" + d.plusDays(3) + "]; allowed: the deadline in force before it [" + d
                + "]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Planning.of(PLAN)
                .withExtension(new DeadlineExtension(d, d, "same", ANN, BEN, LAST)));
        assertEquals("extensions[0] moves the deadline to [" + d + "]; allowed: a date after [" + d + "]",
                e.getMessage());
    }

    @Test
    void rectificationChecksItsCounts() {
        Rectification r = Rectification.started(List.of(ANN)).withSubmission(BEN, DONE).withRejection("no");
        assertEquals(1, r.rejections());
        assertEquals(Optional.of("no"), r.lastRejectionReason());
        assertEquals(new TreeSet<>(Set.of(BEN)), r.submitters());
        List<Runnable> bad = new ArrayList<>();
        bad.add(() -> Rectification.started(List.of()));
        bad.add(() -> Rectification.started(List.of(ANN)).withRejection("nothing submitted"));
        bad.add(() -> new Rectification(new TreeSet<>(Set.of(ANN)), new TreeSet<>(Set.of(ANN)), false, Optional.empty(),
                0, Optional.empty()));
        bad.add(() -> new Rectification(new TreeSet<>(Set.of(ANN)), new TreeSet<>(), false, Optional.of(DONE), 0,
                Optional.empty()));
        bad.add(() -> new Rectification(new TreeSet<>(Set.of(ANN)), new TreeSet<>(Set.of(ANN)), false, Optional.of(DONE),
                1, Optional.empty()));
        bad.add(() -> new Rectification(new TreeSet<>(Set.of(ANN)), new TreeSet<>(Set.of(ANN)), false, Optional.of(DONE),
                0, Optional.of("why")));
        bad.add(() -> new Rectification(new TreeSet<>(Set.of(ANN)), new TreeSet<>(Set.of(ANN)), false, Optional.of(DONE),
                -1, Optional.empty()));
        for (int i = 0; i < bad.size(); i++) {
            assertThrows(IllegalArgumentException.class, bad.get(i)::run, "case " + i);
        }
    }
}
