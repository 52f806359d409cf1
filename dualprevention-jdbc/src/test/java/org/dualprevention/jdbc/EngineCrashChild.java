package org.dualprevention.jdbc;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;

/**
 * Child JVM of {@link CrashSafetyTest#followUpsSurviveSigkill}: through the engine, reports hidden dangers naming
 * a failed control measure of one of {@value #POINTS} risk points and verifies most of them (each verification
 * flags the measure's hazard for reassessment), printing {@code ACK <id> <version>} after each command returned,
 * until it is killed.
 *
 * <p>Arguments: {@code h2 <file>} or {@code url <jdbc url>}, then the seed and the round number.
 */
public final class EngineCrashChild {
    static final int POINTS = 8;
    static final OrgUnitId C = OrgUnitId.of("C");
    static final OrgUnitId T = OrgUnitId.of("T");

    private EngineCrashChild() {
    }

    static RiskPointId point(int i) {
        return RiskPointId.of("RP-" + i);
    }

    static HazardId hazard(int i) {
        return HazardId.of("H-" + i);
    }

    /**
     * Runs until killed.
     *
     * @param args target kind, file or URL, seed, round
     */
    public static void main(String[] args) {
        JdbcStorage storage = args[0].equals("h2") ? JdbcStorage.h2File(Path.of(args[1]))
                : JdbcStorage.builder().dataSource(new TestDatabase.UrlDataSource(args[1])).build();
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        int round = Integer.parseInt(args[3]);
        DualPrevention dp = DualPrevention.builder().storage(storage)
                .clock(Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        if (dp.register().riskPoint(point(POINTS - 1)).isEmpty()) {
            dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(C, "Company", ControlLevel.COMPANY),
                    OrgUnit.child(T, "Team", ControlLevel.TEAM, C))));
            for (int i = 0; i < POINTS; i++) {
                Hazard h = Hazard.of(hazard(i), "hazard " + i, HazardCategory.PHYSICAL, Set.of(AccidentType.values()[2]),
                        "", "").withMeasures(List.of(new ControlMeasure(ControlMeasureId.of("M-" + i),
                                MeasureCategory.ENGINEERING, "guard " + i, ControlLevel.COMPANY, C, "fitted")));
                dp.register().addRiskPoint(RiskPoint.of(point(i), "point " + i, RiskPointKind.EQUIPMENT, T, Optional.empty())
                        .withHazard(h));
            }
        }
        Actor worker = Actor.of(ActorId.of("worker"), T);
        Actor safety = Actor.of(ActorId.of("safety"), C);
        PrintStream out = System.out;
        out.println("READY");
        out.flush();
        for (int n = 0;; n++) {
            int i = random.nextInt(POINTS);
            HiddenDangerId id = HiddenDangerId.of("HD-" + round + "-" + n);
            dp.hiddenDangers().report(CommandId.of("r-" + id), HiddenDangerCommand.Report.of(worker, id, "guard " + i
                    + " removed", "", HiddenDangerSource.RANDOM_OBSERVATION, T, LocalDate.of(2026, 11, 2))
                    .withFailedMeasure(point(i), hazard(i), ControlMeasureId.of("M-" + i)));
            out.println("ACK " + id.value() + " 1");
            out.flush();
            if (random.nextInt(4) != 0) {
                dp.hiddenDangers().apply(CommandId.of("v-" + id), id, HiddenDangerCommand.Verify.general(safety, "ok"));
                out.println("ACK " + id.value() + " 2");
                out.flush();
            }
        }
    }
}
