package org.dualprevention.json;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;

/** Seeded hidden dangers walked through the closed loop by valid commands, with their audit chains. */
final class DangerGen {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final OrgUnitId UNIT = OrgUnitId.of("WS-1");
    private static final URI PHOTO = URI.create("https://files.example/hd/1.jpg");

    private final SplittableRandom rnd;
    private final Gen text;
    private Instant now;
    /** The host's keys new entries are keyed with, or null for plain SHA-256. */
    org.dualprevention.spi.@org.jspecify.annotations.Nullable AuditKeyProvider keys;

    DangerGen(long seed) {
        rnd = new SplittableRandom(seed);
        text = new Gen(seed);
        now = Instant.parse("2026-03-02T01:00:00Z").plusSeconds(rnd.nextLong(0, 86_400L * 365));
    }

    private Actor actor(String name) {
        return Actor.of(ActorId.of(name), UNIT);
    }

    private Clock tick() {
        now = now.plus(Duration.ofMinutes(rnd.nextLong(1, 60 * 24 * 3)));
        return Clock.fixed(now, ZONE);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now, ZONE);
    }

    /** A hidden danger taken 0 to 6 steps through the loop, with every audit entry. */
    HiddenDangerRecord record(String id) {
        List<AuditEntry> entries = new ArrayList<>();
        Clock c = tick();
        HiddenDangerSource source = HiddenDangerSource.values()[rnd.nextInt(HiddenDangerSource.values().length)];
        HiddenDangerCommand.Report report = HiddenDangerCommand.Report.of(actor("alice"), HiddenDangerId.of(id), text.text(),
                text.text(), source, UNIT, LocalDate.ofInstant(c.instant(), ZONE));
        if (source == HiddenDangerSource.INSPECTION) {
            report = report.withInspection(InspectionRef.of("T-" + rnd.nextInt(100), "I-" + rnd.nextInt(100)));
        }
        Transition t = keys == null ? ClosedLoop.report(report, c, ZONE) : ClosedLoop.report(report, c, ZONE, keys);
        entries.add(t.audit());
        HiddenDanger h = t.next();
        int steps = rnd.nextInt(7);
        boolean major = rnd.nextInt(4) == 0;
        for (int s = 0; s < steps && h.isOpen(); s++) {
            Clock at = tick();
            HiddenDangerCommand cmd = next(h, major);
            if (cmd == null) {
                break;
            }
            t = keys == null ? ClosedLoop.apply(h, cmd, at, ZONE, ClosedLoopSettings.defaults())
                    : ClosedLoop.apply(h, cmd, at, ZONE, ClosedLoopSettings.defaults(), keys);
            entries.add(t.audit());
            h = t.next();
        }
        return new HiddenDangerRecord(h, entries);
    }

    private HiddenDangerCommand next(HiddenDanger h, boolean major) {
        HiddenDangerState st = h.state();
        switch (st) {
            case REPORTED:
                if (rnd.nextInt(8) == 0) {
                    return new HiddenDangerCommand.Withdraw(actor("bob"), "duplicate");
                }
                return major ? HiddenDangerCommand.Verify.major(actor("bob"), text.text(),
                        new AuthorityReport("tank wall thinned", "leak possible", "replace within 30 days"))
                        : HiddenDangerCommand.Verify.general(actor("bob"), text.text());
            case VERIFIED: {
                RectificationPlan p = RectificationPlan.of(ActorId.of("dave"), text.text(), Funds.cny(rnd.nextInt(1, 100000) + ".50"),
                        today().plusDays(rnd.nextInt(2, 30)), "locked out until done");
                if (h.grade().orElse(HiddenDangerGrade.GENERAL) == HiddenDangerGrade.MAJOR) {
                    p = p.withScheme(new GovernanceScheme("goal", "method", "funds and materials", "people", "time",
                            "safety measures"));
                }
                return new HiddenDangerCommand.Plan(actor("carol"), p);
            }
            case PLANNED:
                return HiddenDangerCommand.Start.by(actor("dave"));
            case RECTIFYING:
                return new HiddenDangerCommand.Submit(actor("dave"), text.text(), List.of(PHOTO), today());
            case AWAITING_ACCEPTANCE:
                return rnd.nextInt(4) == 0 ? new HiddenDangerCommand.Reject(actor("erin"), "still bypassable")
                        : new HiddenDangerCommand.Accept(actor("erin"), "works");
            default:
                return null;
        }
    }
}
