package org.dualprevention.testkit.gen;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.AccessRequest;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.OverdueSweep;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.engine.closedloop.TransitionTable;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;

/**
 * Seeded hidden dangers in any state of the closed loop, made by applying valid commands to
 * {@link HiddenDanger#report}, so each comes with its real history: the {@link Transition}s (next state,
 * audit entry, events) a store would have saved. Obtain one with {@link Gen#dangers()}.
 *
 * <p>Every walk is random but valid: the grade (general or major), the rectify-on-the-spot shortcut,
 * deadline extensions, rejections before acceptance and the hours between commands are drawn from the
 * generator; separation of duties holds (the acceptor never rectified, submitted or was responsible).
 * The people acting belong mostly to the hidden danger's unit and sometimes to other units of the
 * organisation; no access policy is applied.
 *
 * <p>Instances are not thread-safe; they draw from their {@link Gen}.
 *
 * @since 0.1
 */
public final class DangerGen {
    /** The organisation time zone used unless another is given. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Gen gen;
    private final ZoneId zone;
    private final ClosedLoopSettings settings = ClosedLoopSettings.defaults();

    DangerGen(Gen gen, ZoneId zone) {
        this.gen = Objects.requireNonNull(gen, "gen");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @return the organisation time zone the commands are dated in */
    public ZoneId zone() {
        return zone;
    }

    /**
     * A hidden danger in a random state.
     *
     * @param org the organisation its unit and people belong to
     * @param start when it is reported (later commands follow within days)
     * @return the hidden danger, as last stored
     */
    public HiddenDanger hiddenDanger(Organization org, Instant start) {
        return hiddenDanger(org, gen.pick(HiddenDangerState.class), start);
    }

    /**
     * A hidden danger walked to a state.
     *
     * @param org the organisation
     * @param state the state to reach
     * @param start when it is reported
     * @return the hidden danger in {@code state}
     */
    public HiddenDanger hiddenDanger(Organization org, HiddenDangerState state, Instant start) {
        List<Transition> h = history(org, state, start);
        return h.get(h.size() - 1).next();
    }

    /**
     * The transitions of a hidden danger from its report to {@code state}: the first is the report
     * (version 1), each next one the following version with its audit entry.
     *
     * @param org the organisation
     * @param state the state to reach
     * @param start when it is reported
     * @return the transitions in order, never empty
     */
    public List<Transition> history(Organization org, HiddenDangerState state, Instant start) {
        return history(org, Optional.empty(), state, start);
    }

    /**
     * As {@link #history(Organization, HiddenDangerState, Instant)}, linking the report to a failed control
     * measure of {@code point} when it has one.
     *
     * @param org the organisation
     * @param point the risk point the hidden danger belongs to, if any
     * @param state the state to reach
     * @param start when it is reported
     * @return the transitions in order
     */
    public List<Transition> history(Organization org, Optional<RiskPoint> point, HiddenDangerState state, Instant start) {
        Cast cast = new Cast(gen.pick(org.units()), org);
        List<Transition> out = new ArrayList<>();
        Transition t = ClosedLoop.report(report(cast, point, start), Clock.fixed(start, zone), zone);
        out.add(t);
        HiddenDanger h = t.next();
        if (state == HiddenDangerState.REPORTED) {
            return out;
        }
        if (state == HiddenDangerState.WITHDRAWN) {
            if (gen.chance(0.5)) {
                h = step(out, h, verify(cast, false));
            }
            step(out, h, new HiddenDangerCommand.Withdraw(cast.verifier, "not a hidden danger: " + gen.words()));
            return out;
        }
        boolean onSpot = (state == HiddenDangerState.AWAITING_ACCEPTANCE || state == HiddenDangerState.CLOSED)
                && gen.chance(0.25);
        if (onSpot) {
            if (gen.chance(0.5)) {
                h = step(out, h, verify(cast, false));
            }
            h = step(out, h, new HiddenDangerCommand.RectifyOnSpot(cast.rectifier, "fixed on the spot: " + gen.words(),
                    evidence(), today(h)));
        } else {
            h = step(out, h, verify(cast, gen.chance(0.3)));
            if (state == HiddenDangerState.VERIFIED) {
                return out;
            }
            h = step(out, h, new HiddenDangerCommand.Plan(cast.planner, plan(cast, h)));
            h = extensions(out, h, cast);
            if (state == HiddenDangerState.PLANNED) {
                return out;
            }
            h = step(out, h, HiddenDangerCommand.Start.by(cast.rectifier));
            h = extensions(out, h, cast);
            if (state == HiddenDangerState.RECTIFYING) {
                return out;
            }
            h = step(out, h, submit(cast, h));
        }
        int rejections = gen.intBetween(0, 2);
        for (int i = 0; i < rejections; i++) {
            h = step(out, h, new HiddenDangerCommand.Reject(cast.acceptor, "not good enough: " + gen.words()));
            h = step(out, h, submit(cast, h));
        }
        if (state == HiddenDangerState.AWAITING_ACCEPTANCE) {
            return out;
        }
        step(out, h, new HiddenDangerCommand.Accept(cast.acceptor, "accepted"));
        return out;
    }

    /**
     * One random valid next transition of a stored hidden danger, dated after its last action.
     *
     * @param h the hidden danger
     * @param org its organisation
     * @return the transition, or empty if {@code h} is closed or withdrawn
     */
    public Optional<Transition> next(HiddenDanger h, Organization org) {
        if (!h.isOpen()) {
            return Optional.empty();
        }
        Cast cast = new Cast(org.unit(h.unit()).orElse(gen.pick(org.units())), org);
        List<HiddenDangerCommand> options = new ArrayList<>();
        for (HiddenDangerAction a : TransitionTable.allowedIn(h.state())) {
            command(a, h, cast).ifPresent(options::add);
        }
        if (options.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ClosedLoop.apply(h, gen.pick(options), clockAfter(h), zone, settings));
    }

    /**
     * Every kind of event the closed loop produces: the events of {@code count} hidden dangers walked to
     * every state in turn, followed by the overdue events of a sweep a year after {@code start}.
     *
     * @param org the organisation
     * @param start when the first is reported
     * @param count how many hidden dangers, at least the number of states to cover them all
     * @return the events in the order produced
     */
    public List<HiddenDangerEvent> events(Organization org, Instant start, int count) {
        List<HiddenDangerEvent> out = new ArrayList<>();
        List<HiddenDanger> last = new ArrayList<>();
        HiddenDangerState[] states = HiddenDangerState.values();
        RiskPoint point = gen.riskPoint(org).withHazard(gen.hazard(org).withMeasure(gen.controlMeasure(org)));
        for (int i = 0; i < count; i++) {
            Optional<RiskPoint> rp = i % 2 == 0 ? Optional.of(point) : Optional.empty();
            List<Transition> h = history(org, rp, states[i % states.length], start.plus(Duration.ofHours(i)));
            for (Transition t : h) {
                out.addAll(t.events());
            }
            last.add(h.get(h.size() - 1).next());
        }
        Instant sweep = start.plus(Duration.ofDays(365));
        out.addAll(OverdueSweep.newlyOverdue(last, LocalDate.ofInstant(start, zone), sweep, zone));
        return List.copyOf(out);
    }

    /**
     * Access requests as the engine would pose them: for hidden dangers walked to every state in turn,
     * the report and every later command against the state it was applied to (commands rebuilt from the
     * audit entries), by people of the hidden danger's unit and of other units.
     *
     * @param org the organisation
     * @param start when the first is reported
     * @param count how many hidden dangers
     * @return the requests in order
     */
    public List<AccessRequest> accessRequests(Organization org, Instant start, int count) {
        List<AccessRequest> out = new ArrayList<>();
        HiddenDangerState[] states = HiddenDangerState.values();
        for (int i = 0; i < count; i++) {
            List<Transition> h = history(org, states[i % states.length], start.plus(Duration.ofHours(i)));
            HiddenDanger before = null;
            for (Transition t : h) {
                HiddenDangerCommand c = AuditChain.command(t.audit());
                out.add(before == null ? AccessRequest.report((HiddenDangerCommand.Report) c) : AccessRequest.of(c, before));
                before = t.next();
            }
        }
        return List.copyOf(out);
    }

    private Optional<HiddenDangerCommand> command(HiddenDangerAction a, HiddenDanger h, Cast cast) {
        switch (a) {
            case VERIFY:
                return Optional.of(verify(cast, gen.chance(0.3)));
            case WITHDRAW:
                return Optional.of(new HiddenDangerCommand.Withdraw(cast.verifier, "withdrawn: " + gen.words()));
            case RECTIFY_ON_SPOT:
                if (h.grade().orElse(HiddenDangerGrade.GENERAL) == HiddenDangerGrade.MAJOR) {
                    return Optional.empty();
                }
                return Optional.of(new HiddenDangerCommand.RectifyOnSpot(cast.rectifier, "fixed: " + gen.words(),
                        evidence(), today(h)));
            case PLAN:
                return Optional.of(new HiddenDangerCommand.Plan(cast.planner, plan(cast, h)));
            case START:
                return Optional.of(HiddenDangerCommand.Start.by(cast.rectifier));
            case EXTEND_DEADLINE:
                return h.deadline().map(d -> new HiddenDangerCommand.ExtendDeadline(cast.rectifier,
                        d.plusDays(gen.intBetween(1, 14)), "parts late: " + gen.words(), cast.approver));
            case SUBMIT:
                return Optional.of(submit(cast, h));
            case ACCEPT:
                if (h.rectificationParties().contains(cast.acceptor.id())) {
                    return Optional.empty();
                }
                return Optional.of(new HiddenDangerCommand.Accept(cast.acceptor, "accepted"));
            case REJECT:
                return Optional.of(new HiddenDangerCommand.Reject(cast.acceptor, "rejected: " + gen.words()));
            default:
                return Optional.empty();
        }
    }

    private HiddenDanger extensions(List<Transition> out, HiddenDanger h, Cast cast) {
        int n = gen.chance(0.7) ? 0 : gen.intBetween(1, 2);
        for (int i = 0; i < n; i++) {
            LocalDate d = h.deadline().orElseThrow();
            h = step(out, h, new HiddenDangerCommand.ExtendDeadline(cast.rectifier, d.plusDays(gen.intBetween(1, 14)),
                    "parts late: " + gen.words(), cast.approver));
        }
        return h;
    }

    private HiddenDanger step(List<Transition> out, HiddenDanger h, HiddenDangerCommand command) {
        Transition t = ClosedLoop.apply(h, command, clockAfter(h), zone, settings);
        out.add(t);
        return t.next();
    }

    private Clock clockAfter(HiddenDanger h) {
        // one command in five at the same instant as the one before (a fixed clock, a batch): audit entries tie
        return Clock.fixed(h.lastActionAt().plus(Duration.ofMinutes(gen.chance(0.2) ? 0 : gen.intBetween(1, 48 * 60))),
                zone);
    }

    private LocalDate today(HiddenDanger h) {
        // the day of the next command is at least the day of the last action; completedOn must not be after it
        return LocalDate.ofInstant(h.lastActionAt(), zone);
    }

    private HiddenDangerCommand.Report report(Cast cast, Optional<RiskPoint> point, Instant start) {
        LocalDate reportDay = LocalDate.ofInstant(start, zone);
        HiddenDangerSource source = gen.pick(HiddenDangerSource.class);
        HiddenDangerCommand.Report r = HiddenDangerCommand.Report.of(cast.reporter, HiddenDangerId.of(gen.hostKey("HD")),
                "hidden danger: " + gen.words(), "found: " + gen.words(), source, cast.unit.id(),
                reportDay.minusDays(gen.intBetween(0, 3)));
        if (gen.chance(0.6)) {
            r = r.withCategory(gen.pick(HiddenDangerCategory.class));
        }
        if (gen.chance(0.5)) {
            r = r.withEvidence(evidence());
        }
        if (source == HiddenDangerSource.INSPECTION) {
            r = r.withInspection(InspectionRef.of(gen.hostKey("T"), gen.hostKey("I")));
        }
        if (point.isPresent()) {
            RiskPoint rp = point.get();
            List<Object[]> measures = new ArrayList<>();
            for (Hazard hz : rp.hazards()) {
                for (ControlMeasure m : hz.measures()) {
                    measures.add(new Object[] {hz, m});
                }
            }
            if (!measures.isEmpty() && gen.chance(0.8)) {
                Object[] pick = gen.pick(measures);
                r = r.withFailedMeasure(rp.id(), ((Hazard) pick[0]).id(), ((ControlMeasure) pick[1]).id());
            } else {
                r = r.withRiskPoint(rp.id());
            }
        }
        return r;
    }

    private HiddenDangerCommand.Verify verify(Cast cast, boolean major) {
        if (major) {
            return HiddenDangerCommand.Verify.major(cast.verifier, "major: " + gen.words(), new AuthorityReport(
                    "status: " + gen.words(), "harm: " + gen.words(), "treatment: " + gen.words()));
        }
        return HiddenDangerCommand.Verify.general(cast.verifier, "confirmed: " + gen.words());
    }

    private RectificationPlan plan(Cast cast, HiddenDanger h) {
        LocalDate day = LocalDate.ofInstant(h.lastActionAt(), zone);
        RectificationPlan p = RectificationPlan.of(cast.rectifier.id(), "measures: " + gen.words(),
                Funds.cny(gen.intBetween(0, 200_000) + "." + String.format("%02d", gen.intBetween(0, 99))),
                day.plusDays(gen.intBetween(3, 60)), "contingency: " + gen.words());
        if (h.grade().orElse(HiddenDangerGrade.GENERAL) == HiddenDangerGrade.MAJOR) {
            p = p.withScheme(new GovernanceScheme("goals: " + gen.words(), "methods: " + gen.words(),
                    "funds and materials: " + gen.words(), "organisation: " + gen.words(), "time: " + gen.words(),
                    "safety: " + gen.words()));
        }
        return p;
    }

    private HiddenDangerCommand.Submit submit(Cast cast, HiddenDanger h) {
        return new HiddenDangerCommand.Submit(cast.rectifier, "done: " + gen.words(), evidence(), today(h));
    }

    private List<URI> evidence() {
        int n = gen.intBetween(1, 3);
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(URI.create("https://files.example/hd/" + gen.random().nextInt(1_000_000) + ".jpg"));
        }
        return out;
    }

    /** The people of one hidden danger: distinct, so separation of duties always holds. */
    private final class Cast {
        final OrgUnit unit;
        final Actor reporter;
        final Actor verifier;
        final Actor planner;
        final Actor rectifier;
        final Actor acceptor;
        final Actor approver;

        Cast(OrgUnit unit, Organization org) {
            this.unit = unit;
            this.reporter = person(org);
            this.verifier = person(org);
            this.planner = person(org);
            this.rectifier = person(org);
            this.acceptor = person(org);
            this.approver = person(org);
        }

        /** Someone of the hidden danger's unit, or now and then of any unit (for access-policy tests). */
        private Actor person(Organization org) {
            return Actor.of(gen.actorId(), gen.chance(0.6) ? unit.id() : gen.pick(org.units()).id());
        }
    }
}
