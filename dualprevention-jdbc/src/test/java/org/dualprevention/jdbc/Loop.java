package org.dualprevention.jdbc;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;

/** Drives hidden dangers through the closed loop with valid commands, one minute after the last action. */
final class Loop {
    static final ZoneId ZONE = ZoneOffset.UTC;
    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final OrgUnitId UNIT = OrgUnitId.of("U-1");
    static final Actor REPORTER = Actor.of(ActorId.of("reporter"), UNIT);
    static final Actor VERIFIER = Actor.of(ActorId.of("verifier"), UNIT);
    static final Actor RECTIFIER = Actor.of(ActorId.of("rectifier"), UNIT);
    static final Actor ACCEPTOR = Actor.of(ActorId.of("acceptor"), UNIT);

    private Loop() {
    }

    /** A report at {@code at}, in unit {@code unit}. */
    static Transition report(HiddenDangerId id, OrgUnitId unit, Optional<RiskPointId> riskPoint, Instant at) {
        HiddenDangerCommand.Report r = HiddenDangerCommand.Report.of(REPORTER, id, "Guard rail loose at " + id,
                "found during a walk", Math.floorMod(id.hashCode(), 2) == 0 ? HiddenDangerSource.RANDOM_OBSERVATION
                        : HiddenDangerSource.OTHER, unit, LocalDate.ofInstant(at, ZONE));
        if (riskPoint.isPresent()) {
            r = r.withRiskPoint(riskPoint.get());
        }
        return ClosedLoop.report(r, Clock.fixed(at, ZONE), ZONE);
    }

    /** The next step of the loop for a hidden danger that is not closed, one minute after its last action. */
    static Transition next(HiddenDanger d, RandomGenerator random) {
        Instant at = d.lastActionAt().plus(Duration.ofMinutes(1));
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        HiddenDangerCommand c;
        switch (d.state()) {
            case REPORTED:
                c = HiddenDangerCommand.Verify.general(VERIFIER, "confirmed");
                break;
            case VERIFIED:
                c = new HiddenDangerCommand.Plan(VERIFIER, RectificationPlan.of(RECTIFIER.id(), "fasten and weld",
                        Funds.cny("1200.50"), today.plusDays(random.nextInt(0, 40)), "fence the area off"));
                break;
            case PLANNED:
                c = HiddenDangerCommand.Start.by(RECTIFIER);
                break;
            case RECTIFYING:
                c = new HiddenDangerCommand.Submit(RECTIFIER, "welded", List.of(URI.create("https://evidence.example/" + d.id())),
                        today);
                break;
            case AWAITING_ACCEPTANCE:
                c = random.nextInt(4) == 0 ? new HiddenDangerCommand.Reject(ACCEPTOR, "weld seam too thin")
                        : new HiddenDangerCommand.Accept(ACCEPTOR, "fine");
                break;
            default:
                throw new IllegalStateException("no next step from " + d.state());
        }
        return ClosedLoop.apply(d, c, Clock.fixed(at, ZONE), ZONE, ClosedLoopSettings.defaults());
    }
}
