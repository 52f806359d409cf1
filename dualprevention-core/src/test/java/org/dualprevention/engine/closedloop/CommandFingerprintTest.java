package org.dualprevention.engine.closedloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;

/**
 * The command fingerprint a command record keeps ({@link ClosedLoop#fingerprint}) tells every two different
 * commands apart and gives a command built again from the same values the same fingerprint: each command of every
 * action, and variants that differ from it in exactly one component (the actor's id, unit or roles, each field), all
 * have different fingerprints; the hidden danger's id is part of it; a rebuilt copy, and the command read back from
 * its audit data, have the same.
 */
class CommandFingerprintTest {
    private static final OrgUnitId T = OrgUnitId.of("T");
    private static final Actor A = Actor.of(ActorId.of("a"), T);
    private static final Actor B = Actor.of(ActorId.of("b"), T);
    private static final Actor A_ELSEWHERE = Actor.of(ActorId.of("a"), OrgUnitId.of("U"));
    private static final Actor A_ROLE = Actor.of(ActorId.of("a"), T, Set.of("safety-officer"));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final URI PHOTO = URI.create("https://files.example/p.jpg");
    private static final HiddenDangerId HD = HiddenDangerId.of("HD-1");

    /** Every command, built fresh on each call (so equal values are different objects). */
    private static List<HiddenDangerCommand> commands() {
        List<HiddenDangerCommand> out = new ArrayList<>();
        for (Actor actor : List.of(A, B, A_ELSEWHERE, A_ROLE)) {
            out.add(HiddenDangerCommand.Report.of(actor, HD, "oil", "near pump", HiddenDangerSource.RANDOM_OBSERVATION, T,
                    DAY));
            out.add(HiddenDangerCommand.Verify.general(actor, "confirmed"));
            out.add(HiddenDangerCommand.Start.by(actor));
            out.add(new HiddenDangerCommand.Accept(actor, "ok"));
            out.add(new HiddenDangerCommand.Reject(actor, "ok"));
            out.add(new HiddenDangerCommand.Withdraw(actor, "ok"));
        }
        HiddenDangerCommand.Report r = HiddenDangerCommand.Report.of(A, HD, "oil", "near pump",
                HiddenDangerSource.RANDOM_OBSERVATION, T, DAY);
        out.add(HiddenDangerCommand.Report.of(A, HD, "oil!", "near pump", HiddenDangerSource.RANDOM_OBSERVATION, T, DAY));
        out.add(HiddenDangerCommand.Report.of(A, HD, "oil", "near pumps", HiddenDangerSource.RANDOM_OBSERVATION, T, DAY));
        out.add(HiddenDangerCommand.Report.of(A, HD, "oil", "near pump", HiddenDangerSource.values()[0] ==
                HiddenDangerSource.RANDOM_OBSERVATION ? HiddenDangerSource.values()[1] : HiddenDangerSource.values()[0],
                T, DAY));
        out.add(HiddenDangerCommand.Report.of(A, HD, "oil", "near pump", HiddenDangerSource.RANDOM_OBSERVATION,
                OrgUnitId.of("U"), DAY));
        out.add(HiddenDangerCommand.Report.of(A, HD, "oil", "near pump", HiddenDangerSource.RANDOM_OBSERVATION, T,
                DAY.minusDays(1)));
        out.add(r.withRiskPoint(RiskPointId.of("RP")));
        out.add(r.withFailedMeasure(RiskPointId.of("RP"), HazardId.of("H"), ControlMeasureId.of("M")));
        out.add(r.withInspection(InspectionRef.of("task-1", "item-1")));
        out.add(r.withCategory(HiddenDangerCategory.values()[0]));
        out.add(r.withEvidence(List.of(PHOTO)));
        out.add(HiddenDangerCommand.Verify.general(A, "confirmed."));
        out.add(HiddenDangerCommand.Verify.major(A, "confirmed", new AuthorityReport("s", "h", "t")));
        out.add(HiddenDangerCommand.Verify.major(A, "confirmed", new AuthorityReport("s", "h", "t2")));
        out.add(new HiddenDangerCommand.Withdraw(A, "duplicate"));
        out.add(new HiddenDangerCommand.RectifyOnSpot(A, "wiped", List.of(PHOTO), DAY));
        out.add(new HiddenDangerCommand.RectifyOnSpot(A, "wiped", List.of(PHOTO), DAY.minusDays(1)));
        out.add(new HiddenDangerCommand.RectifyOnSpot(A, "wiped", List.of(PHOTO, URI.create("https://files.example/q.jpg")),
                DAY));
        RectificationPlan plan = RectificationPlan.of(A.id(), "refit", Funds.cny("500"), DAY.plusDays(10), "keep out");
        out.add(new HiddenDangerCommand.Plan(A, plan));
        out.add(new HiddenDangerCommand.Plan(A, RectificationPlan.of(B.id(), "refit", Funds.cny("500"), DAY.plusDays(10),
                "keep out")));
        out.add(new HiddenDangerCommand.Plan(A, RectificationPlan.of(A.id(), "refit", Funds.cny("500.0"),
                DAY.plusDays(10), "keep out")));
        out.add(new HiddenDangerCommand.Plan(A, RectificationPlan.of(A.id(), "refit", Funds.cny("500"), DAY.plusDays(11),
                "keep out")));
        out.add(new HiddenDangerCommand.Plan(A, RectificationPlan.of(A.id(), "refit", Funds.cny("500"), DAY.plusDays(10),
                "keep away")));
        out.add(new HiddenDangerCommand.Start(A, List.of(A.id(), B.id())));
        out.add(new HiddenDangerCommand.ExtendDeadline(A, DAY.plusDays(20), "parts late", B));
        out.add(new HiddenDangerCommand.ExtendDeadline(A, DAY.plusDays(21), "parts late", B));
        out.add(new HiddenDangerCommand.ExtendDeadline(A, DAY.plusDays(20), "parts late", A_ROLE));
        out.add(new HiddenDangerCommand.Submit(A, "refitted", List.of(PHOTO), DAY));
        out.add(new HiddenDangerCommand.Submit(A, "refitted", List.of(PHOTO), DAY.plusDays(1)));
        out.add(new HiddenDangerCommand.Accept(A, "fine"));
        out.add(new HiddenDangerCommand.Reject(A, "not fine"));
        return out;
    }

    @Test
    void differentCommandsHaveDifferentFingerprintsAndEqualOnesTheSame() {
        List<HiddenDangerCommand> first = commands();
        List<HiddenDangerCommand> again = commands();
        Map<String, HiddenDangerCommand> seen = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            HiddenDangerCommand c = first.get(i);
            String f = ClosedLoop.fingerprint(HD, c);
            assertTrue(f.matches("[0-9a-f]{64}"), f);
            assertEquals(f, ClosedLoop.fingerprint(HD, again.get(i)), "rebuilt: " + c);
            HiddenDangerCommand before = seen.put(f, c);
            assertEquals(null, before, "two commands with one fingerprint: " + before + " and " + c);
            assertTrue(!f.equals(ClosedLoop.fingerprint(HiddenDangerId.of("HD-2"), c)), "the id counts: " + c);
            // read back from its audit data: the same command, the same fingerprint
            ActionDefinition<?> def = ClosedLoopActions.of(c.action());
            HiddenDangerCommand decoded = def.decode(c.actor().id(), def.encode(c));
            if (!(c instanceof HiddenDangerCommand.Report)) {
                assertEquals(c, decoded);
            }
            assertEquals(f, ClosedLoop.fingerprint(HD, decoded), "decoded: " + c);
        }
        assertEquals(first.size(), seen.size());
    }
}
