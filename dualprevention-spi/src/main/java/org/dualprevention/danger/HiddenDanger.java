package org.dualprevention.danger;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.ValidationException;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * A hidden danger (隐患) and its closed loop: report, verify and grade, plan the rectification, rectify,
 * submit, accept by someone else and close (销号); or withdraw, or rectify a general one on the spot
 * (立查立改). The allowed moves are the data of {@link TransitionTable}.
 *
 * <p>Create one with {@link #report(HiddenDangerCommand.Report, Clock, ZoneId)}; move it with
 * {@link #apply(HiddenDangerCommand, Clock, ZoneId, ClosedLoopSettings)}. Both are pure: they return a
 * {@link Transition} holding the next immutable version, exactly one {@link AuditEntry} and the events, and
 * never change this object. A refused command throws and changes nothing:
 * <ul>
 *   <li>{@link IllegalTransitionException} when the table does not allow the action in the current state
 *       (naming the state, the action and the actions allowed now);</li>
 *   <li>{@link AccessDeniedException} when separation of duties forbids the actor;</li>
 *   <li>{@link ValidationException} listing every guard violation of the command's data, with paths such
 *       as {@code plan.funds.amount}, including time order ({@code at}: no command before the last one).</li>
 * </ul>
 * Roles and control levels are not checked here but by an {@code AccessPolicy} that the engine consults
 * before calling {@code apply}.
 *
 * <p>{@link #version()} counts accepted commands: 1 after the report, +1 per command, equal to the
 * sequence of the last audit entry. A store saves a transition with expected version
 * {@code next.version() - 1} (0: not stored yet). Overdue is derived ({@link #isOverdue(LocalDate)}), never
 * a state.
 *
 * <p>Persistence: there is no public constructor from stored fields. The audit chain is the persistent
 * form: a store keeps the entries (and may keep the object itself, as the in-memory store does, or
 * columns derived from its accessors for queries), and rebuilds the hidden danger with
 * {@link AuditChain#replay(List)}, so a loaded hidden danger is always exactly what its audit log says.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class HiddenDanger {
    private static final String KIND = "Hidden danger";
    private static final String NON_BLANK = "non-blank text";

    private final HiddenDangerId id;
    private final long version;
    private final HiddenDangerState state;
    private final Instant lastActionAt;
    private final String auditHead;
    private final String title;
    private final String description;
    private final HiddenDangerSource source;
    private final Optional<HiddenDangerCategory> category;
    private final OrgUnitId unit;
    private final ActorId reporter;
    private final Instant reportedAt;
    private final LocalDate foundOn;
    private final Optional<RiskPointId> riskPoint;
    private final Optional<HazardId> hazard;
    private final Optional<ControlMeasureId> failedMeasure;
    private final Optional<InspectionRef> inspection;
    private final List<URI> evidence;
    private final Optional<HiddenDangerGrade> grade;
    private final Optional<ActorId> verifier;
    private final Optional<AuthorityReport> authorityReport;
    private final Optional<RectificationPlan> plan;
    private final Optional<LocalDate> originalDeadline;
    private final Optional<LocalDate> deadline;
    private final List<DeadlineExtension> extensions;
    private final SortedSet<ActorId> rectifiers;
    private final SortedSet<ActorId> submitters;
    private final boolean rectifiedOnSpot;
    private final Optional<String> rectificationNote;
    private final List<URI> rectificationEvidence;
    private final Optional<LocalDate> completedOn;
    private final int rejections;
    private final Optional<String> lastRejectionReason;
    private final Optional<ActorId> acceptor;
    private final Optional<Instant> closedAt;
    private final Optional<ActorId> withdrawnBy;
    private final Optional<String> withdrawReason;

    private HiddenDanger(Draft d) {
        this.id = Objects.requireNonNull(d.id, "id");
        this.version = d.version;
        this.state = Objects.requireNonNull(d.state, "state");
        this.lastActionAt = Objects.requireNonNull(d.lastActionAt, "lastActionAt");
        this.auditHead = Objects.requireNonNull(d.auditHead, "auditHead");
        this.title = d.title;
        this.description = d.description;
        this.source = d.source;
        this.category = d.category;
        this.unit = d.unit;
        this.reporter = d.reporter;
        this.reportedAt = d.reportedAt;
        this.foundOn = d.foundOn;
        this.riskPoint = d.riskPoint;
        this.hazard = d.hazard;
        this.failedMeasure = d.failedMeasure;
        this.inspection = d.inspection;
        this.evidence = List.copyOf(d.evidence);
        this.grade = d.grade;
        this.verifier = d.verifier;
        this.authorityReport = d.authorityReport;
        this.plan = d.plan;
        this.originalDeadline = d.originalDeadline;
        this.deadline = d.deadline;
        this.extensions = List.copyOf(d.extensions);
        this.rectifiers = Collections.unmodifiableSortedSet(new TreeSet<>(d.rectifiers));
        this.submitters = Collections.unmodifiableSortedSet(new TreeSet<>(d.submitters));
        this.rectifiedOnSpot = d.rectifiedOnSpot;
        this.rectificationNote = d.rectificationNote;
        this.rectificationEvidence = List.copyOf(d.rectificationEvidence);
        this.completedOn = d.completedOn;
        this.rejections = d.rejections;
        this.lastRejectionReason = d.lastRejectionReason;
        this.acceptor = d.acceptor;
        this.closedAt = d.closedAt;
        this.withdrawnBy = d.withdrawnBy;
        this.withdrawReason = d.withdrawReason;
    }

    // ------------------------------------------------------------------------------------------ commands

    /**
     * Reports a new hidden danger (上报). The result's {@code next} is in {@link HiddenDangerState#REPORTED}
     * with version 1; its audit entry is entry 1 of the chain.
     *
     * @param command the report
     * @param clock the clock giving the time of the report
     * @param orgZone the organisation's time zone, for "today"
     * @return the transition
     * @throws ValidationException listing every guard violation
     */
    public static Transition report(HiddenDangerCommand.Report command, Clock clock, ZoneId orgZone) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(orgZone, "orgZone");
        Instant at = clock.instant();
        LocalDate today = LocalDate.ofInstant(at, orgZone);
        ValidationException.Collector v = new ValidationException.Collector(
                "command [REPORT] for hidden danger [" + command.id() + "]");
        Guards.report(v, command, today);
        v.throwIfAny();
        HiddenDanger next = evolve(null, command, at, "");
        AuditEntry audit = AuditEntry.create(next.id, next.version, command.actor().id(), at, HiddenDangerAction.REPORT,
                Optional.empty(), next.state, CommandCodec.encode(command), AuditEntry.GENESIS);
        next = next.withAuditHead(audit.hash());
        HiddenDangerEvent.Reported event = new HiddenDangerEvent.Reported(next.id, at, next.reporter, next.unit,
                next.source, next.title, next.riskPoint);
        return new Transition(next, audit, List.of(event));
    }

    /**
     * Applies a command (every action but {@link HiddenDangerAction#REPORT}, which is refused as an illegal
     * transition here).
     *
     * <p>Order of checks: the transition table, then separation of duties, then the data guards (all
     * violations at once). The command's time is {@code clock.instant()}; "today" is that instant's date in
     * {@code orgZone}.
     *
     * @param command the command
     * @param clock the clock
     * @param orgZone the organisation's time zone
     * @param settings the closed-loop settings
     * @return the transition to the next version
     * @throws IllegalTransitionException if the action is not allowed in the current state
     * @throws AccessDeniedException if separation of duties forbids the actor
     * @throws ValidationException listing every guard violation
     */
    public Transition apply(HiddenDangerCommand command, Clock clock, ZoneId orgZone, ClosedLoopSettings settings) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(orgZone, "orgZone");
        Objects.requireNonNull(settings, "settings");
        HiddenDangerAction action = command.action();
        HiddenDangerState target = TransitionTable.target(state, action).orElseThrow(() -> illegal(action));
        Instant at = clock.instant();
        LocalDate today = LocalDate.ofInstant(at, orgZone);
        if (settings.separationOfDuties()) {
            Guards.separationOfDuties(this, command);
        }
        ValidationException.Collector v = new ValidationException.Collector(
                "command [" + action + "] for hidden danger [" + id + "]");
        if (at.isBefore(lastActionAt)) {
            v.add("at", at, "an instant not before the last action at [" + lastActionAt + "]");
        }
        Guards.check(v, this, command, today);
        v.throwIfAny();
        HiddenDanger next = evolve(this, command, at, auditHead);
        if (next.state != target) {
            throw new IllegalStateException("evolve disagrees with the table for " + action + " from " + state);
        }
        AuditEntry audit = AuditEntry.create(id, next.version, command.actor().id(), at, action, Optional.of(state),
                next.state, CommandCodec.encode(command), auditHead);
        next = next.withAuditHead(audit.hash());
        return new Transition(next, audit, events(next, command, at, orgZone));
    }

    /**
     * The exception {@link #apply} throws for an action the table does not allow now.
     *
     * @param action the action tried
     * @return the exception, naming the state, the action and the allowed actions
     */
    public IllegalTransitionException illegal(HiddenDangerAction action) {
        return new IllegalTransitionException(KIND, id.value(), state.name(), action.name(),
                allowedActions().stream().map(Enum::name).toList());
    }

    /** @return the actions the table allows in the current state (guards may still refuse one) */
    public List<HiddenDangerAction> allowedActions() {
        return TransitionTable.allowedIn(state);
    }

    private List<HiddenDangerEvent> events(HiddenDanger next, HiddenDangerCommand command, Instant at, ZoneId zone) {
        List<HiddenDangerEvent> out = new ArrayList<>();
        out.add(new HiddenDangerEvent.Transitioned(id, at, command.actor().id(), command.action(), state, next.state,
                next.version));
        switch (command.action()) {
            case VERIFY:
                if (next.grade.orElseThrow() == HiddenDangerGrade.MAJOR) {
                    out.add(new HiddenDangerEvent.MajorReportedToAuthority(id, at, unit, title,
                            next.authorityReport.orElseThrow(), riskPoint));
                }
                reassessment(at).ifPresent(out::add);
                break;
            case RECTIFY_ON_SPOT:
                if (state == HiddenDangerState.REPORTED) {
                    reassessment(at).ifPresent(out::add);
                }
                break;
            case EXTEND_DEADLINE:
                out.add(new HiddenDangerEvent.DeadlineExtended(id, at, next.extensions.get(next.extensions.size() - 1),
                        next.extensions.size()));
                break;
            case ACCEPT:
                boolean onTime = deadline.map(d -> !LocalDate.ofInstant(at, zone).isAfter(d)).orElse(true);
                out.add(new HiddenDangerEvent.Closed(id, at, command.actor().id(), next.grade.orElseThrow(), unit, onTime,
                        rejections));
                break;
            default:
                break;
        }
        return out;
    }

    private Optional<HiddenDangerEvent> reassessment(Instant at) {
        if (failedMeasure.isPresent()) {
            return Optional.of(new HiddenDangerEvent.ReassessmentRequested(id, at, riskPoint.orElseThrow(),
                    hazard.orElseThrow(), failedMeasure.get()));
        }
        return Optional.empty();
    }

    /**
     * The effect of an accepted command, without any guard: used by {@link #apply}, {@link #report} and
     * {@link AuditChain#replay}.
     */
    static HiddenDanger evolve(HiddenDanger current, HiddenDangerCommand command, Instant at, String head) {
        Draft d;
        ActorId actor = command.actor().id();
        if (command instanceof HiddenDangerCommand.Report) {
            HiddenDangerCommand.Report r = (HiddenDangerCommand.Report) command;
            d = new Draft();
            d.id = r.id();
            d.version = 0;
            d.title = r.title();
            d.description = r.description();
            d.source = r.source();
            d.category = r.category();
            d.unit = r.unit();
            d.reporter = actor;
            d.reportedAt = at;
            d.foundOn = r.foundOn();
            d.riskPoint = r.riskPoint();
            d.hazard = r.hazard();
            d.failedMeasure = r.failedMeasure();
            d.inspection = r.inspection();
            d.evidence = new ArrayList<>(r.evidence());
            d.state = HiddenDangerState.REPORTED;
        } else {
            d = new Draft(Objects.requireNonNull(current, "current"));
            d.state = TransitionTable.row(command.action()).target(current.state);
            if (command instanceof HiddenDangerCommand.Verify) {
                HiddenDangerCommand.Verify c = (HiddenDangerCommand.Verify) command;
                d.grade = Optional.of(c.grade());
                d.verifier = Optional.of(actor);
                d.authorityReport = c.authorityReport();
            } else if (command instanceof HiddenDangerCommand.Withdraw) {
                d.withdrawnBy = Optional.of(actor);
                d.withdrawReason = Optional.of(((HiddenDangerCommand.Withdraw) command).reason());
            } else if (command instanceof HiddenDangerCommand.RectifyOnSpot) {
                HiddenDangerCommand.RectifyOnSpot c = (HiddenDangerCommand.RectifyOnSpot) command;
                d.grade = Optional.of(HiddenDangerGrade.GENERAL);
                d.rectifiedOnSpot = true;
                d.rectifiers.add(actor);
                d.submitters.add(actor);
                d.rectificationNote = Optional.of(c.description());
                d.rectificationEvidence = new ArrayList<>(c.evidence());
                d.completedOn = Optional.of(c.completedOn());
            } else if (command instanceof HiddenDangerCommand.Plan) {
                RectificationPlan p = ((HiddenDangerCommand.Plan) command).plan();
                d.plan = Optional.of(p);
                d.originalDeadline = Optional.of(p.deadline());
                d.deadline = Optional.of(p.deadline());
            } else if (command instanceof HiddenDangerCommand.Start) {
                d.rectifiers.add(actor);
                d.rectifiers.addAll(((HiddenDangerCommand.Start) command).rectifiers());
            } else if (command instanceof HiddenDangerCommand.ExtendDeadline) {
                HiddenDangerCommand.ExtendDeadline c = (HiddenDangerCommand.ExtendDeadline) command;
                d.extensions.add(new DeadlineExtension(current.deadline.orElseThrow(), c.newDeadline(), c.reason(), actor,
                        c.approver(), at));
                d.deadline = Optional.of(c.newDeadline());
            } else if (command instanceof HiddenDangerCommand.Submit) {
                HiddenDangerCommand.Submit c = (HiddenDangerCommand.Submit) command;
                d.submitters.add(actor);
                d.rectificationNote = Optional.of(c.description());
                d.rectificationEvidence = new ArrayList<>(c.evidence());
                d.completedOn = Optional.of(c.completedOn());
            } else if (command instanceof HiddenDangerCommand.Accept) {
                d.acceptor = Optional.of(actor);
                d.closedAt = Optional.of(at);
            } else if (command instanceof HiddenDangerCommand.Reject) {
                d.rejections++;
                d.lastRejectionReason = Optional.of(((HiddenDangerCommand.Reject) command).reason());
            } else {
                throw new IllegalStateException("unknown command " + command.getClass());
            }
        }
        d.version++;
        d.lastActionAt = at;
        d.auditHead = head;
        return new HiddenDanger(d);
    }

    HiddenDanger withAuditHead(String hash) {
        Draft d = new Draft(this);
        d.auditHead = hash;
        return new HiddenDanger(d);
    }

    // ------------------------------------------------------------------------------------------ derived

    /**
     * Whether the hidden danger is overdue on a day: not closed or withdrawn, a deadline is in force, and
     * {@code today} is after it. Overdue is never stored.
     *
     * @param today the day, in the organisation's zone
     * @return true if overdue
     */
    public boolean isOverdue(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return !state.isTerminal() && deadline.isPresent() && today.isAfter(deadline.get());
    }

    /**
     * Whether the hidden danger is overdue at an instant, judged by the date in the organisation's zone.
     *
     * @param now the instant
     * @param orgZone the organisation's zone
     * @return true if overdue
     */
    public boolean isOverdue(Instant now, ZoneId orgZone) {
        return isOverdue(LocalDate.ofInstant(Objects.requireNonNull(now, "now"), Objects.requireNonNull(orgZone, "orgZone")));
    }

    /**
     * Days past the deadline in force on a day.
     *
     * @param today the day
     * @return days overdue, 0 when not overdue
     */
    public long daysOverdue(LocalDate today) {
        return isOverdue(today) ? ChronoUnit.DAYS.between(deadline.orElseThrow(), today) : 0;
    }

    /** @return whether the hidden danger is neither closed nor withdrawn */
    public boolean isOpen() {
        return !state.isTerminal();
    }

    // ------------------------------------------------------------------------------------------ accessors

    /** @return the id */
    public HiddenDangerId id() {
        return id;
    }

    /** @return the number of accepted commands, equal to the last audit entry's sequence (1 after the report) */
    public long version() {
        return version;
    }

    /** @return the current state */
    public HiddenDangerState state() {
        return state;
    }

    /** @return when the last accepted command happened; the next may not be earlier */
    public Instant lastActionAt() {
        return lastActionAt;
    }

    /** @return the hash of the last audit entry; the next entry's previous hash */
    public String auditHead() {
        return auditHead;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the description, possibly empty */
    public String description() {
        return description;
    }

    /** @return how it was found */
    public HiddenDangerSource source() {
        return source;
    }

    /** @return basic-management or on-site, if given */
    public Optional<HiddenDangerCategory> category() {
        return category;
    }

    /** @return the organisation unit it belongs to */
    public OrgUnitId unit() {
        return unit;
    }

    /** @return who reported it */
    public ActorId reporter() {
        return reporter;
    }

    /** @return when it was reported */
    public Instant reportedAt() {
        return reportedAt;
    }

    /** @return the day it was found */
    public LocalDate foundOn() {
        return foundOn;
    }

    /** @return the linked risk point, if any */
    public Optional<RiskPointId> riskPoint() {
        return riskPoint;
    }

    /** @return the linked hazard, if any */
    public Optional<HazardId> hazard() {
        return hazard;
    }

    /** @return the control measure that failed, if any */
    public Optional<ControlMeasureId> failedMeasure() {
        return failedMeasure;
    }

    /** @return the inspection task and item that found it, if any */
    public Optional<InspectionRef> inspection() {
        return inspection;
    }

    /** @return the evidence given with the report */
    public List<URI> evidence() {
        return evidence;
    }

    /** @return the grade, once verified or rectified on the spot */
    public Optional<HiddenDangerGrade> grade() {
        return grade;
    }

    /** @return who verified it, if verified */
    public Optional<ActorId> verifier() {
        return verifier;
    }

    /** @return the authority report given when graded major */
    public Optional<AuthorityReport> authorityReport() {
        return authorityReport;
    }

    /** @return the rectification plan, once planned */
    public Optional<RectificationPlan> plan() {
        return plan;
    }

    /** @return the plan's original deadline */
    public Optional<LocalDate> originalDeadline() {
        return originalDeadline;
    }

    /** @return the deadline in force (the last extension's, or the plan's) */
    public Optional<LocalDate> deadline() {
        return deadline;
    }

    /** @return every deadline extension, in order */
    public List<DeadlineExtension> extensions() {
        return extensions;
    }

    /** @return the number of deadline extensions */
    public int extensionCount() {
        return extensions.size();
    }

    /** @return everyone who started or did the rectification, sorted */
    public SortedSet<ActorId> rectifiers() {
        return rectifiers;
    }

    /** @return everyone who submitted a rectification for acceptance, sorted */
    public SortedSet<ActorId> submitters() {
        return submitters;
    }

    /** @return whether it was rectified on the spot (立查立改) */
    public boolean rectifiedOnSpot() {
        return rectifiedOnSpot;
    }

    /** @return the last submitted description of the rectification */
    public Optional<String> rectificationNote() {
        return rectificationNote;
    }

    /** @return the last submitted evidence of the rectification */
    public List<URI> rectificationEvidence() {
        return rectificationEvidence;
    }

    /** @return the day the last submitted rectification was completed */
    public Optional<LocalDate> completedOn() {
        return completedOn;
    }

    /** @return how many submissions were rejected */
    public int rejections() {
        return rejections;
    }

    /** @return the reason of the last rejection */
    public Optional<String> lastRejectionReason() {
        return lastRejectionReason;
    }

    /** @return who accepted and closed it */
    public Optional<ActorId> acceptor() {
        return acceptor;
    }

    /** @return when it was closed */
    public Optional<Instant> closedAt() {
        return closedAt;
    }

    /** @return who withdrew it */
    public Optional<ActorId> withdrawnBy() {
        return withdrawnBy;
    }

    /** @return why it was withdrawn */
    public Optional<String> withdrawReason() {
        return withdrawReason;
    }

    /**
     * Everyone separation of duties keeps from accepting: the rectifiers, the submitters and the plan's
     * responsible person.
     *
     * @return the ids, sorted
     */
    public SortedSet<ActorId> rectificationParties() {
        TreeSet<ActorId> out = new TreeSet<>(rectifiers);
        out.addAll(submitters);
        plan.ifPresent(p -> out.add(p.responsible()));
        return Collections.unmodifiableSortedSet(out);
    }

    private List<Object> components() {
        return java.util.Arrays.asList(id, version, state, lastActionAt, auditHead, title, description, source, category,
                unit, reporter, reportedAt, foundOn, riskPoint, hazard, failedMeasure, inspection, evidence, grade,
                verifier, authorityReport, plan, originalDeadline, deadline, extensions, rectifiers, submitters,
                rectifiedOnSpot, rectificationNote, rectificationEvidence, completedOn, rejections,
                lastRejectionReason, acceptor, closedAt, withdrawnBy, withdrawReason);
    }

    /** Equal when every component is equal, the version and audit head included. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HiddenDanger && components().equals(((HiddenDanger) o).components());
    }

    @Override
    public int hashCode() {
        return components().hashCode();
    }

    @Override
    public String toString() {
        return "HiddenDanger[" + id + " " + state + grade.map(g -> " " + g).orElse("") + " v" + version + "]";
    }

    // ------------------------------------------------------------------------------------------ internals

    /** Mutable copy used to build the next version. */
    private static final class Draft {
        HiddenDangerId id;
        long version;
        HiddenDangerState state;
        Instant lastActionAt;
        String auditHead;
        String title;
        String description;
        HiddenDangerSource source;
        Optional<HiddenDangerCategory> category = Optional.empty();
        OrgUnitId unit;
        ActorId reporter;
        Instant reportedAt;
        LocalDate foundOn;
        Optional<RiskPointId> riskPoint = Optional.empty();
        Optional<HazardId> hazard = Optional.empty();
        Optional<ControlMeasureId> failedMeasure = Optional.empty();
        Optional<InspectionRef> inspection = Optional.empty();
        List<URI> evidence = new ArrayList<>();
        Optional<HiddenDangerGrade> grade = Optional.empty();
        Optional<ActorId> verifier = Optional.empty();
        Optional<AuthorityReport> authorityReport = Optional.empty();
        Optional<RectificationPlan> plan = Optional.empty();
        Optional<LocalDate> originalDeadline = Optional.empty();
        Optional<LocalDate> deadline = Optional.empty();
        List<DeadlineExtension> extensions = new ArrayList<>();
        SortedSet<ActorId> rectifiers = new TreeSet<>();
        SortedSet<ActorId> submitters = new TreeSet<>();
        boolean rectifiedOnSpot;
        Optional<String> rectificationNote = Optional.empty();
        List<URI> rectificationEvidence = new ArrayList<>();
        Optional<LocalDate> completedOn = Optional.empty();
        int rejections;
        Optional<String> lastRejectionReason = Optional.empty();
        Optional<ActorId> acceptor = Optional.empty();
        Optional<Instant> closedAt = Optional.empty();
        Optional<ActorId> withdrawnBy = Optional.empty();
        Optional<String> withdrawReason = Optional.empty();

        Draft() {
        }

        Draft(HiddenDanger h) {
            id = h.id;
            version = h.version;
            state = h.state;
            lastActionAt = h.lastActionAt;
            auditHead = h.auditHead;
            title = h.title;
            description = h.description;
            source = h.source;
            category = h.category;
            unit = h.unit;
            reporter = h.reporter;
            reportedAt = h.reportedAt;
            foundOn = h.foundOn;
            riskPoint = h.riskPoint;
            hazard = h.hazard;
            failedMeasure = h.failedMeasure;
            inspection = h.inspection;
            evidence = new ArrayList<>(h.evidence);
            grade = h.grade;
            verifier = h.verifier;
            authorityReport = h.authorityReport;
            plan = h.plan;
            originalDeadline = h.originalDeadline;
            deadline = h.deadline;
            extensions = new ArrayList<>(h.extensions);
            rectifiers = new TreeSet<>(h.rectifiers);
            submitters = new TreeSet<>(h.submitters);
            rectifiedOnSpot = h.rectifiedOnSpot;
            rectificationNote = h.rectificationNote;
            rectificationEvidence = new ArrayList<>(h.rectificationEvidence);
            completedOn = h.completedOn;
            rejections = h.rejections;
            lastRejectionReason = h.lastRejectionReason;
            acceptor = h.acceptor;
            closedAt = h.closedAt;
            withdrawnBy = h.withdrawnBy;
            withdrawReason = h.withdrawReason;
        }
    }

    /** The guards of each action. */
    private static final class Guards {
        private Guards() {
        }

        static void separationOfDuties(HiddenDanger h, HiddenDangerCommand command) {
            ActorId actor = command.actor().id();
            if (command instanceof HiddenDangerCommand.Accept && h.rectificationParties().contains(actor)) {
                throw new AccessDeniedException(actor.value(), command.action().name(), h.id.value(),
                        "separation of duties: the acceptor must not be a rectifier, submitter or the responsible person "
                                + h.rectificationParties());
            }
            if (command instanceof HiddenDangerCommand.ExtendDeadline
                    && ((HiddenDangerCommand.ExtendDeadline) command).approver().equals(actor)) {
                throw new AccessDeniedException(actor.value(), command.action().name(), h.id.value(),
                        "separation of duties: a deadline extension must be approved by someone other than the requester");
            }
        }

        static void report(ValidationException.Collector v, HiddenDangerCommand.Report r, LocalDate today) {
            v.addIf(r.title().isBlank(), "title", r.title(), NON_BLANK);
            v.addIf(r.foundOn().isAfter(today), "foundOn", r.foundOn(), "a date not after today [" + today + "]");
            v.addIf(r.hazard().isPresent() && r.riskPoint().isEmpty(), "hazard", r.hazard().orElse(null),
                    "a hazard only together with its riskPoint");
            v.addIf(r.failedMeasure().isPresent() && r.hazard().isEmpty(), "failedMeasure",
                    r.failedMeasure().orElse(null), "a failed measure only together with its hazard");
            if (r.source() == HiddenDangerSource.INSPECTION && r.inspection().isEmpty()) {
                v.add("inspection", "none", "an inspection reference (task and item) when the source is INSPECTION");
            }
            if (r.source() != HiddenDangerSource.INSPECTION && r.inspection().isPresent()) {
                v.add("inspection", r.inspection().get(), "none unless the source is INSPECTION");
            }
            r.inspection().ifPresent(i -> {
                v.addIf(i.task().isBlank(), "inspection.task", i.task(), NON_BLANK);
                v.addIf(i.item().isBlank(), "inspection.item", i.item(), NON_BLANK);
            });
            evidence(v, "evidence", r.evidence(), false);
        }

        static void check(ValidationException.Collector v, HiddenDanger h, HiddenDangerCommand command,
                LocalDate today) {
            switch (command.action()) {
                case VERIFY: {
                    HiddenDangerCommand.Verify c = (HiddenDangerCommand.Verify) command;
                    if (c.grade() == HiddenDangerGrade.MAJOR) {
                        if (c.authorityReport().isEmpty()) {
                            v.add("authorityReport", "none",
                                    "the report to the authority (status and cause, harm and difficulty, treatment plan)"
                                            + " for a MAJOR hidden danger");
                        } else {
                            AuthorityReport a = c.authorityReport().get();
                            v.addIf(a.statusAndCause().isBlank(), "authorityReport.statusAndCause", a.statusAndCause(),
                                    NON_BLANK);
                            v.addIf(a.harmAndDifficulty().isBlank(), "authorityReport.harmAndDifficulty",
                                    a.harmAndDifficulty(), NON_BLANK);
                            v.addIf(a.treatmentPlan().isBlank(), "authorityReport.treatmentPlan", a.treatmentPlan(),
                                    NON_BLANK);
                        }
                    }
                    break;
                }
                case WITHDRAW: {
                    String reason = ((HiddenDangerCommand.Withdraw) command).reason();
                    v.addIf(reason.isBlank(), "reason", reason, NON_BLANK);
                    break;
                }
                case RECTIFY_ON_SPOT: {
                    HiddenDangerCommand.RectifyOnSpot c = (HiddenDangerCommand.RectifyOnSpot) command;
                    v.addIf(h.grade.orElse(HiddenDangerGrade.GENERAL) == HiddenDangerGrade.MAJOR, "grade",
                            HiddenDangerGrade.MAJOR, "GENERAL: only a general hidden danger is rectified on the spot");
                    rectification(v, h, c.description(), c.evidence(), c.completedOn(), today);
                    break;
                }
                case PLAN:
                    plan(v, h, ((HiddenDangerCommand.Plan) command).plan(), today);
                    break;
                case START:
                    break;
                case EXTEND_DEADLINE: {
                    HiddenDangerCommand.ExtendDeadline c = (HiddenDangerCommand.ExtendDeadline) command;
                    if (h.deadline.isEmpty()) {
                        v.add("newDeadline", c.newDeadline(), "an extension only when a deadline is in force; none is");
                    } else if (!c.newDeadline().isAfter(h.deadline.get())) {
                        v.add("newDeadline", c.newDeadline(), "a date after the deadline in force [" + h.deadline.get() + "]");
                    }
                    v.addIf(c.reason().isBlank(), "reason", c.reason(), NON_BLANK);
                    break;
                }
                case SUBMIT: {
                    HiddenDangerCommand.Submit c = (HiddenDangerCommand.Submit) command;
                    rectification(v, h, c.description(), c.evidence(), c.completedOn(), today);
                    break;
                }
                case ACCEPT:
                    break;
                case REJECT: {
                    String reason = ((HiddenDangerCommand.Reject) command).reason();
                    v.addIf(reason.isBlank(), "reason", reason, NON_BLANK);
                    break;
                }
                default:
                    throw new IllegalStateException("no guards for " + command.action());
            }
        }

        private static void rectification(ValidationException.Collector v, HiddenDanger h, String description,
                List<URI> evidence, LocalDate completedOn, LocalDate today) {
            v.addIf(description.isBlank(), "description", description, NON_BLANK);
            evidence(v, "evidence", evidence, true);
            if (completedOn.isBefore(h.foundOn)) {
                v.add("completedOn", completedOn, "a date not before the day found [" + h.foundOn + "]");
            } else if (completedOn.isAfter(today)) {
                v.add("completedOn", completedOn, "a date not after today [" + today + "]");
            }
        }

        private static void plan(ValidationException.Collector v, HiddenDanger h, RectificationPlan p, LocalDate today) {
            v.addIf(p.measures().isBlank(), "plan.measures", p.measures(), NON_BLANK);
            BigDecimal amount = p.funds().amount();
            v.addIf(amount.signum() < 0, "plan.funds.amount", amount.toPlainString(), "an amount not negative");
            if (!isCurrency(p.funds().currency())) {
                v.add("plan.funds.currency", p.funds().currency(), "an ISO 4217 currency code such as CNY");
            }
            v.addIf(p.deadline().isBefore(today), "plan.deadline", p.deadline(), "a date not before today [" + today + "]");
            v.addIf(p.contingencyPlan().isBlank(), "plan.contingencyPlan", p.contingencyPlan(), NON_BLANK);
            if (h.grade.orElseThrow() == HiddenDangerGrade.MAJOR) {
                if (p.scheme().isEmpty()) {
                    v.add("plan.scheme", "none", "the six-element governance scheme for a MAJOR hidden danger");
                } else {
                    GovernanceScheme s = p.scheme().get();
                    v.addIf(s.goalsAndTasks().isBlank(), "plan.scheme.goalsAndTasks", s.goalsAndTasks(), NON_BLANK);
                    v.addIf(s.methodsAndMeasures().isBlank(), "plan.scheme.methodsAndMeasures", s.methodsAndMeasures(),
                            NON_BLANK);
                    v.addIf(s.fundsAndMaterials().isBlank(), "plan.scheme.fundsAndMaterials", s.fundsAndMaterials(),
                            NON_BLANK);
                    v.addIf(s.organisationAndPeople().isBlank(), "plan.scheme.organisationAndPeople",
                            s.organisationAndPeople(), NON_BLANK);
                    v.addIf(s.timeLimitAndRequirements().isBlank(), "plan.scheme.timeLimitAndRequirements",
                            s.timeLimitAndRequirements(), NON_BLANK);
                    v.addIf(s.safetyMeasuresAndEmergencyPlan().isBlank(), "plan.scheme.safetyMeasuresAndEmergencyPlan",
                            s.safetyMeasuresAndEmergencyPlan(), NON_BLANK);
                }
            }
        }

        private static boolean isCurrency(String code) {
            try {
                Currency.getInstance(code);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static void evidence(ValidationException.Collector v, String path, List<URI> evidence, boolean required) {
            if (required && evidence.isEmpty()) {
                v.add(path, "[]", "at least one evidence URI");
            }
            for (int i = 0; i < evidence.size(); i++) {
                URI u = evidence.get(i);
                v.addIf(!u.isAbsolute(), path + "[" + i + "]", u, "an absolute URI such as https://… or file:…");
            }
        }
    }
}
