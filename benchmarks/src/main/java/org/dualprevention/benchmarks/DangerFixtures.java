package org.dualprevention.benchmarks;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.LecMethod;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.Storage;

/**
 * Deterministic fixtures shared by the store and analytics benchmarks: an organisation of a company, its
 * workshops and their teams; risk points with one assessed hazard and one control measure; and hidden
 * dangers walked through the real closed loop ({@link HiddenDanger#report} and {@link HiddenDanger#apply}
 * with fixed clocks) into a mix of states decided by their index.
 */
final class DangerFixtures {
    /** The organisation's zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The company (root unit). */
    static final OrgUnitId COMPANY = OrgUnitId.of("C");
    /** Year the hidden dangers are found in. */
    static final int YEAR = 2026;
    /** Evidence photo. */
    static final URI PHOTO = URI.create("https://files.example/p.jpg");

    private static final ClosedLoopSettings SETTINGS = ClosedLoopSettings.defaults();
    private static final Actor SAFETY = Actor.of(ActorId.of("safety"), COMPANY);
    private static final Actor BOSS = Actor.of(ActorId.of("boss"), COMPANY);
    private static final AuthorityReport AUTHORITY = new AuthorityReport("status and cause", "harm", "treatment");
    private static final GovernanceScheme SCHEME = new GovernanceScheme("goals", "methods", "funds", "people", "time",
            "safety");
    private static final Funds FUNDS = Funds.cny("500");

    /** States a generated hidden danger is walked to. */
    enum Target {
        REPORTED, VERIFIED, PLANNED, RECTIFYING, AWAITING_ACCEPTANCE, CLOSED, CLOSED_ON_SPOT, WITHDRAWN, MAJOR_PLANNED
    }

    private DangerFixtures() {
    }

    /**
     * The company, {@code workshops} workshops and {@code teams} teams per workshop (ids {@code W3},
     * {@code W3-T1}).
     */
    static Organization organization(int workshops, int teams) {
        List<OrgUnit> units = new ArrayList<>();
        units.add(OrgUnit.root(COMPANY, "Company", ControlLevel.COMPANY));
        for (int w = 0; w < workshops; w++) {
            OrgUnitId ws = OrgUnitId.of("W" + w);
            units.add(OrgUnit.child(ws, "Workshop " + w, ControlLevel.WORKSHOP, COMPANY));
            for (int t = 0; t < teams; t++) {
                units.add(OrgUnit.child(OrgUnitId.of("W" + w + "-T" + t), "Team " + w + "." + t, ControlLevel.TEAM, ws));
            }
        }
        return Organization.of(units);
    }

    /** The team units of {@link #organization}, in order. */
    static List<OrgUnitId> teams(int workshops, int teams) {
        List<OrgUnitId> out = new ArrayList<>();
        for (int w = 0; w < workshops; w++) {
            for (int t = 0; t < teams; t++) {
                out.add(OrgUnitId.of("W" + w + "-T" + t));
            }
        }
        return out;
    }

    /** The state hidden danger {@code i} is walked to: 3 in 10 closed, 1 in 10 major, the rest spread. */
    static Target target(long i) {
        switch ((int) (i % 10)) {
            case 0:
                return Target.REPORTED;
            case 1:
                return Target.VERIFIED;
            case 2:
                return Target.PLANNED;
            case 3:
                return Target.RECTIFYING;
            case 4:
                return Target.AWAITING_ACCEPTANCE;
            case 5:
            case 6:
                return Target.CLOSED;
            case 7:
                return Target.CLOSED_ON_SPOT;
            case 8:
                return Target.WITHDRAWN;
            default:
                return Target.MAJOR_PLANNED;
        }
    }

    /** The day hidden danger {@code i} is found: spread over 1 January to 26 November. */
    static LocalDate foundOn(long i) {
        return LocalDate.of(YEAR, 1, 1).plusDays((i * 7) % 330);
    }

    /** Days from finding to the planned deadline of hidden danger {@code i}: 0 to 59. */
    static int deadlineDays(long i) {
        return (int) ((i * 13) % 60);
    }

    /** Risk point index of hidden danger {@code i} among {@code points}, or -1 (1 in 5 has none). */
    static int riskPointIndex(long i, int points) {
        if (points == 0 || i % 5 == 4) {
            return -1;
        }
        return (int) ((i * 7919L) % points);
    }

    /**
     * Walks hidden danger {@code i} through the closed loop, handing every transition to {@code sink} in
     * order (a storage saves each with its audit entry).
     *
     * @param i the index (decides id, unit, day, state, links)
     * @param teams the units to spread over
     * @param points the number of risk points made by {@link #riskPoint} (0: no links)
     * @param sink receives the transitions
     * @return the final version
     */
    static HiddenDanger walk(long i, List<OrgUnitId> teams, int points, Consumer<Transition> sink) {
        // ten consecutive hidden dangers share a team, so every team gets every state of target(i)
        OrgUnitId unit = teams.get((int) ((i / 10) % teams.size()));
        LocalDate day = foundOn(i);
        Instant t0 = day.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
        Actor worker = Actor.of(ActorId.of("worker-" + (i % 97)), unit);
        Actor leader = Actor.of(ActorId.of("leader-" + unit.value()), unit);
        HiddenDangerId id = HiddenDangerId.of("HD-" + i);
        int rp = riskPointIndex(i, points);
        HiddenDangerCommand.Report report;
        if (rp >= 0) {
            report = HiddenDangerCommand.Report.of(worker, id, "guard missing at press", "the guard was removed",
                    HiddenDangerSource.INSPECTION, unit, day).withFailedMeasure(RiskPointId.of("RP-" + rp),
                            HazardId.of("HZ-" + rp), ControlMeasureId.of("CM-" + rp))
                    .withInspection(InspectionRef.of("task-" + (i / 4), "item-" + (i % 4)));
        } else {
            report = HiddenDangerCommand.Report.of(worker, id, "oil on the floor", "slipping hazard near pump",
                    HiddenDangerSource.RANDOM_OBSERVATION, unit, day);
        }
        Target target = target(i);
        int step = 0;
        Transition t = ClosedLoop.report(report, at(t0, step++), ZONE);
        sink.accept(t);
        HiddenDanger h = t.next();
        if (target == Target.REPORTED) {
            return h;
        }
        if (target == Target.WITHDRAWN) {
            return next(h, new HiddenDangerCommand.Withdraw(leader, "not a hidden danger"), t0, step, sink);
        }
        if (target == Target.CLOSED_ON_SPOT) {
            h = next(h, HiddenDangerCommand.Verify.general(leader, "confirmed"), t0, step++, sink);
            h = next(h, new HiddenDangerCommand.RectifyOnSpot(worker, "wiped and sanded", List.of(PHOTO), day), t0,
                    step++, sink);
            return next(h, new HiddenDangerCommand.Accept(leader, "ok"), t0, step, sink);
        }
        boolean major = target == Target.MAJOR_PLANNED;
        h = next(h, major ? HiddenDangerCommand.Verify.major(SAFETY, "confirmed", AUTHORITY)
                : HiddenDangerCommand.Verify.general(leader, "confirmed"), t0, step++, sink);
        if (target == Target.VERIFIED) {
            return h;
        }
        RectificationPlan plan = RectificationPlan.of(leader.id(), "refit the guard", FUNDS,
                day.plusDays(deadlineDays(i)), "keep out");
        h = next(h, new HiddenDangerCommand.Plan(major ? BOSS : leader, major ? plan.withScheme(SCHEME) : plan), t0,
                step++, sink);
        if (target == Target.PLANNED || target == Target.MAJOR_PLANNED) {
            return h;
        }
        h = next(h, HiddenDangerCommand.Start.by(leader), t0, step++, sink);
        if (target == Target.RECTIFYING) {
            return h;
        }
        h = next(h, new HiddenDangerCommand.Submit(leader, "refitted", List.of(PHOTO), day), t0, step++, sink);
        if (target == Target.AWAITING_ACCEPTANCE) {
            return h;
        }
        return next(h, new HiddenDangerCommand.Accept(SAFETY, "ok"), t0, step, sink);
    }

    private static Clock at(Instant t0, int step) {
        return Clock.fixed(t0.plusSeconds(600L * step), ZONE);
    }

    private static HiddenDanger next(HiddenDanger h, HiddenDangerCommand c, Instant t0, int step,
            Consumer<Transition> sink) {
        Transition t = ClosedLoop.apply(h, c, at(t0, step), ZONE, SETTINGS);
        sink.accept(t);
        return t.next();
    }

    /** Saves every transition into a storage's hidden-danger repository with its audit entry. */
    static Consumer<Transition> saver(Storage storage) {
        return t -> storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
    }

    /** A zone of the site plan: a 10 × 10 grid of rectangles. */
    static MapZone zone(int z) {
        return MapZone.rectangle(MapZoneId.of("Z-" + z), "Zone " + z, (z % 10) * 100.0, (z / 10) * 100.0, 90.0, 90.0,
                Optional.empty());
    }

    private static final AssessmentMethod LEC = new LecMethod();
    private static final GradingScheme LEC_V1 = BuiltInSchemes.lecV1();
    private static final String[] L = {"0.5", "1", "3", "6", "10"};
    private static final String[] E = {"1", "2", "3", "6", "10"};
    private static final String[] C = {"1", "3", "7", "15", "40"};

    /**
     * Risk point {@code r} with one hazard (LEC-assessed, level varying with {@code r}) and one control
     * measure, owned by a team, in zone {@code r % zones}.
     */
    static RiskPoint riskPoint(int r, List<OrgUnitId> teams, int zones) {
        OrgUnitId unit = teams.get(r % teams.size());
        AssessmentInput in = AssessmentInput.of(Map.of("L", new BigDecimal(L[r % 5]), "E", new BigDecimal(E[(r / 5) % 5]),
                "C", new BigDecimal(C[(r / 25) % 5])));
        Score score = LEC.evaluate(in);
        Assessment a = new Assessment(AssessmentId.of("AS-" + r), LEC.id(), LEC_V1.id(), in, score, LEC_V1.grade(score),
                AssessmentKind.INHERENT, ActorId.of("assessor"), Instant.parse("2026-01-01T00:00:00Z"));
        ControlLevel[] levels = {ControlLevel.COMPANY, ControlLevel.WORKSHOP, ControlLevel.TEAM};
        ControlMeasure m = new ControlMeasure(ControlMeasureId.of("CM-" + r), MeasureCategory.ENGINEERING,
                "interlock " + r, levels[r % 3], unit, "test the interlock monthly");
        Hazard h = Hazard.of(HazardId.of("HZ-" + r), "crushing at press " + r,
                r % 2 == 0 ? HazardCategory.PHYSICAL : HazardCategory.BEHAVIOURAL,
                r % 3 == 0 ? EnumSet.of(AccidentType.values()[r % AccidentType.values().length])
                        : EnumSet.of(AccidentType.values()[0], AccidentType.values()[1]),
                "guard removed", "injury").withMeasures(List.of(m)).withHistory(List.of(a), Optional.empty());
        return RiskPoint.of(RiskPointId.of("RP-" + r), "Press " + r, RiskPointKind.EQUIPMENT, unit,
                Optional.of(MapZoneId.of("Z-" + (r % zones)))).withHazards(List.of(h));
    }
}
