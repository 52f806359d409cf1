package org.dualprevention.danger;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.ValidationException;

/**
 * A hidden danger (隐患) at one version of its closed loop: report, verify and grade, plan the
 * rectification, rectify, submit, accept by someone else and close (销号); or withdraw, or rectify a
 * general one on the spot (立查立改).
 *
 * <p>Its facts come in groups, each filled by the step of the loop that sets it: the {@link Finding} of
 * the report, the {@link Grading}, the {@link Planning} (the plan and its deadline extensions), the
 * {@link Rectification} with its last {@link Submission}, and the {@link Acceptance} that closes it, or
 * the {@link Withdrawal}. Convenience accessors such as {@link #grade()}, {@link #deadline()} and
 * {@link #rectifiers()} read through the groups.
 *
 * <p>This is the model only. The closed loop itself (which actions are allowed in which state, their
 * guards, their effect, their events and the audit entry each writes) is the engine's, in
 * {@code dualprevention-core}; it creates every version from the previous one.
 *
 * <p>{@link #of} builds a hidden danger from its stored form and checks that the groups fit the state:
 * a grading from {@link HiddenDangerState#VERIFIED} on, a planning in {@link HiddenDangerState#PLANNED}
 * and after it unless rectified on the spot, a rectification from {@link HiddenDangerState#RECTIFYING} on,
 * an acceptance exactly when {@link HiddenDangerState#CLOSED}, a withdrawal exactly when
 * {@link HiddenDangerState#WITHDRAWN}, and so on. {@link #toBuilder()} copies one to change some groups.
 *
 * <p>{@link #version()} counts accepted commands: 1 after the report, +1 per command, equal to the
 * sequence of the last audit entry, whose hash is {@link #auditHead()}. Overdue is derived
 * ({@link #isOverdue(LocalDate)}), never a state.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class HiddenDanger {
    private static final String NON_BLANK = "non-blank text";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final SortedSet<ActorId> NOBODY = Collections.unmodifiableSortedSet(new TreeSet<>());

    private final HiddenDangerId id;
    private final long version;
    private final HiddenDangerState state;
    private final Instant lastActionAt;
    private final String auditHead;
    private final Finding finding;
    private final Optional<Grading> grading;
    private final Optional<Planning> planning;
    private final Optional<Rectification> rectification;
    private final Optional<Acceptance> acceptance;
    private final Optional<Withdrawal> withdrawal;

    private HiddenDanger(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.version = b.version;
        this.state = Objects.requireNonNull(b.state, "state");
        this.lastActionAt = Objects.requireNonNull(b.lastActionAt, "lastActionAt");
        this.auditHead = Objects.requireNonNull(b.auditHead, "auditHead");
        this.finding = Objects.requireNonNull(b.finding, "finding");
        this.grading = Objects.requireNonNull(b.grading, "grading");
        this.planning = Objects.requireNonNull(b.planning, "planning");
        this.rectification = Objects.requireNonNull(b.rectification, "rectification");
        this.acceptance = Objects.requireNonNull(b.acceptance, "acceptance");
        this.withdrawal = Objects.requireNonNull(b.withdrawal, "withdrawal");
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Hidden danger [" + id + "] in state [" + state + "] at version ["
                    + version + "] is inconsistent: " + String.join("; ", problems));
        }
    }

    /**
     * A hidden danger from its stored form.
     *
     * @param id the id
     * @param version the number of accepted commands, at least 1
     * @param state the state
     * @param lastActionAt when the last accepted command happened, not before the report
     * @param auditHead the hash of the last audit entry: 64 lower-case hex digits
     * @param finding what was reported
     * @param grading how it was graded, from {@link HiddenDangerState#VERIFIED} on (possibly when withdrawn)
     * @param planning the plan and its extensions, once planned (never when rectified on the spot)
     * @param rectification the rectification, from {@link HiddenDangerState#RECTIFYING} on
     * @param acceptance the acceptance, exactly when {@link HiddenDangerState#CLOSED}
     * @param withdrawal the withdrawal, exactly when {@link HiddenDangerState#WITHDRAWN}
     * @return the hidden danger
     * @throws IllegalArgumentException naming every way the groups do not fit the state or each other
     */
    public static HiddenDanger of(HiddenDangerId id, long version, HiddenDangerState state, Instant lastActionAt,
            String auditHead, Finding finding, Optional<Grading> grading, Optional<Planning> planning,
            Optional<Rectification> rectification, Optional<Acceptance> acceptance, Optional<Withdrawal> withdrawal) {
        return new Builder().id(id).version(version).state(state).lastActionAt(lastActionAt).auditHead(auditHead)
                .finding(finding).grading(grading).planning(planning).rectification(rectification)
                .acceptance(acceptance).withdrawal(withdrawal).build();
    }

    /** @return an empty builder; every group starts absent */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this hidden danger's components, to build a changed copy */
    public Builder toBuilder() {
        return new Builder().id(id).version(version).state(state).lastActionAt(lastActionAt).auditHead(auditHead)
                .finding(finding).grading(grading).planning(planning).rectification(rectification)
                .acceptance(acceptance).withdrawal(withdrawal);
    }

    private List<String> problems() {
        List<String> out = new ArrayList<>();
        if (version < 1) {
            out.add("version [" + version + "]; allowed: 1 or more");
        }
        if (!HASH.matcher(auditHead).matches()) {
            out.add("audit head [" + auditHead + "]; allowed: 64 lower-case hex digits");
        }
        if (lastActionAt.isBefore(finding.reportedAt())) {
            out.add("last action at [" + lastActionAt + "] before the report at [" + finding.reportedAt() + "]");
        }
        boolean rectifying = state == HiddenDangerState.RECTIFYING || state == HiddenDangerState.AWAITING_ACCEPTANCE
                || state == HiddenDangerState.CLOSED;
        boolean graded = state != HiddenDangerState.REPORTED && state != HiddenDangerState.WITHDRAWN;
        if (graded && grading.isEmpty()) {
            out.add("no grading; allowed: a grading in every state but REPORTED and WITHDRAWN");
        }
        if (state == HiddenDangerState.REPORTED && grading.isPresent()) {
            out.add("a grading; allowed: none while REPORTED");
        }
        if (rectifying != rectification.isPresent()) {
            out.add((rectifying ? "no" : "a") + " rectification; allowed: a rectification exactly in RECTIFYING,"
                    + " AWAITING_ACCEPTANCE and CLOSED");
        }
        boolean onSpot = rectification.map(Rectification::onSpot).orElse(false);
        boolean planned = state == HiddenDangerState.PLANNED || rectifying && !onSpot;
        if (planned != planning.isPresent()) {
            out.add((planned ? "no" : "a") + " planning; allowed: a planning exactly in PLANNED and, unless rectified"
                    + " on the spot, from RECTIFYING on");
        }
        boolean submitted = state == HiddenDangerState.AWAITING_ACCEPTANCE || state == HiddenDangerState.CLOSED;
        if (submitted && rectification.flatMap(Rectification::lastSubmission).isEmpty()) {
            out.add("no submission; allowed: a submitted rectification in AWAITING_ACCEPTANCE and CLOSED");
        }
        if (grading.isPresent() && grading.get().verifier().isEmpty() && !onSpot) {
            out.add("a grading without verifier; allowed: only when rectified on the spot");
        }
        if (onSpot && grading.map(Grading::grade).orElse(null) == HiddenDangerGrade.MAJOR) {
            out.add("a MAJOR one rectified on the spot; allowed: only a GENERAL one");
        }
        if ((state == HiddenDangerState.CLOSED) != acceptance.isPresent()) {
            out.add((acceptance.isPresent() ? "an" : "no") + " acceptance; allowed: an acceptance exactly when CLOSED");
        }
        if (acceptance.isPresent() && !acceptance.get().closedAt().equals(lastActionAt)) {
            out.add("closed at [" + acceptance.get().closedAt() + "]; allowed: the last action at [" + lastActionAt + "]");
        }
        if ((state == HiddenDangerState.WITHDRAWN) != withdrawal.isPresent()) {
            out.add((withdrawal.isPresent() ? "a" : "no") + " withdrawal; allowed: a withdrawal exactly when WITHDRAWN");
        }
        return out;
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
        AuditEntry audit = AuditEntry.create(command.id(), 1, command.actor().id(), at, HiddenDangerAction.REPORT,
                Optional.empty(), HiddenDangerState.REPORTED, CommandCodec.encode(command), AuditEntry.GENESIS);
        HiddenDanger next = evolve(null, command, at, audit.hash());
        HiddenDangerEvent.Reported event = new HiddenDangerEvent.Reported(next.id, at, next.reporter(), next.unit(),
                next.source(), next.title(), next.riskPoint());
        return new Transition(next, audit, List.of(event));
    }

    /**
     * Applies a command (every action but {@link HiddenDangerAction#REPORT}, which is refused as an illegal
     * transition here).
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
        AuditEntry audit = AuditEntry.create(id, version + 1, command.actor().id(), at, action, Optional.of(state),
                target, CommandCodec.encode(command), auditHead);
        HiddenDanger next = evolve(this, command, at, audit.hash());
        if (next.state != target) {
            throw new IllegalStateException("evolve disagrees with the table for " + action + " from " + state);
        }
        return new Transition(next, audit, events(next, command, at, orgZone));
    }

    /**
     * The exception {@link #apply} throws for an action the table does not allow now.
     *
     * @param action the action tried
     * @return the exception, naming the state, the action and the allowed actions
     */
    public IllegalTransitionException illegal(HiddenDangerAction action) {
        return new IllegalTransitionException("Hidden danger", id.value(), state.name(), action.name(),
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
                if (next.grade().orElseThrow() == HiddenDangerGrade.MAJOR) {
                    out.add(new HiddenDangerEvent.MajorReportedToAuthority(id, at, unit(), title(),
                            next.authorityReport().orElseThrow(), riskPoint()));
                }
                reassessment(at).ifPresent(out::add);
                break;
            case RECTIFY_ON_SPOT:
                if (state == HiddenDangerState.REPORTED) {
                    reassessment(at).ifPresent(out::add);
                }
                break;
            case EXTEND_DEADLINE:
                out.add(new HiddenDangerEvent.DeadlineExtended(id, at,
                        next.extensions().get(next.extensions().size() - 1), next.extensions().size()));
                break;
            case ACCEPT:
                boolean onTime = deadline().map(d -> !LocalDate.ofInstant(at, zone).isAfter(d)).orElse(true);
                out.add(new HiddenDangerEvent.Closed(id, at, command.actor().id(), next.grade().orElseThrow(), unit(),
                        onTime, rejections()));
                break;
            default:
                break;
        }
        return out;
    }

    private Optional<HiddenDangerEvent> reassessment(Instant at) {
        if (failedMeasure().isPresent()) {
            return Optional.of(new HiddenDangerEvent.ReassessmentRequested(id, at, riskPoint().orElseThrow(),
                    hazard().orElseThrow(), failedMeasure().get()));
        }
        return Optional.empty();
    }

    /**
     * The effect of an accepted command, without any guard: used by {@link #apply}, {@link #report} and
     * {@link AuditChain#replay}.
     */
    static HiddenDanger evolve(HiddenDanger current, HiddenDangerCommand command, Instant at, String head) {
        ActorId actor = command.actor().id();
        Builder b;
        if (command instanceof HiddenDangerCommand.Report) {
            HiddenDangerCommand.Report r = (HiddenDangerCommand.Report) command;
            b = builder().id(r.id()).version(1).state(HiddenDangerState.REPORTED).finding(new Finding(r.title(),
                    r.description(), r.source(), r.category(), r.unit(), actor, at, r.foundOn(), r.riskPoint(), r.hazard(),
                    r.failedMeasure(), r.inspection(), r.evidence()));
        } else {
            Objects.requireNonNull(current, "current");
            b = current.toBuilder().version(current.version + 1)
                    .state(TransitionTable.row(command.action()).target(current.state));
            if (command instanceof HiddenDangerCommand.Verify) {
                HiddenDangerCommand.Verify c = (HiddenDangerCommand.Verify) command;
                b.grading(Optional.of(Grading.verified(c.grade(), actor, c.authorityReport())));
            } else if (command instanceof HiddenDangerCommand.Withdraw) {
                b.withdrawal(Optional.of(new Withdrawal(actor, ((HiddenDangerCommand.Withdraw) command).reason())));
            } else if (command instanceof HiddenDangerCommand.RectifyOnSpot) {
                HiddenDangerCommand.RectifyOnSpot c = (HiddenDangerCommand.RectifyOnSpot) command;
                if (current.grading.isEmpty()) {
                    b.grading(Optional.of(Grading.generalOnTheSpot()));
                }
                b.rectification(Optional.of(Rectification.onTheSpot(actor,
                        new Submission(c.description(), c.evidence(), c.completedOn()))));
            } else if (command instanceof HiddenDangerCommand.Plan) {
                b.planning(Optional.of(Planning.of(((HiddenDangerCommand.Plan) command).plan())));
            } else if (command instanceof HiddenDangerCommand.Start) {
                List<ActorId> rectifiers = new ArrayList<>();
                rectifiers.add(actor);
                rectifiers.addAll(((HiddenDangerCommand.Start) command).rectifiers());
                b.rectification(Optional.of(Rectification.started(rectifiers)));
            } else if (command instanceof HiddenDangerCommand.ExtendDeadline) {
                HiddenDangerCommand.ExtendDeadline c = (HiddenDangerCommand.ExtendDeadline) command;
                b.planning(Optional.of(current.planning.orElseThrow().withExtension(new DeadlineExtension(
                        current.deadline().orElseThrow(), c.newDeadline(), c.reason(), actor, c.approver(), at))));
            } else if (command instanceof HiddenDangerCommand.Submit) {
                HiddenDangerCommand.Submit c = (HiddenDangerCommand.Submit) command;
                b.rectification(Optional.of(current.rectification.orElseThrow().withSubmission(actor,
                        new Submission(c.description(), c.evidence(), c.completedOn()))));
            } else if (command instanceof HiddenDangerCommand.Accept) {
                b.acceptance(Optional.of(new Acceptance(actor, at)));
            } else if (command instanceof HiddenDangerCommand.Reject) {
                b.rectification(Optional.of(current.rectification.orElseThrow()
                        .withRejection(((HiddenDangerCommand.Reject) command).reason())));
            } else {
                throw new IllegalStateException("unknown command " + command.getClass());
            }
        }
        return b.lastActionAt(at).auditHead(head).build();
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
        Optional<LocalDate> d = deadline();
        return !state.isTerminal() && d.isPresent() && today.isAfter(d.get());
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
        return isOverdue(today) ? ChronoUnit.DAYS.between(deadline().orElseThrow(), today) : 0;
    }

    /** @return whether the hidden danger is neither closed nor withdrawn */
    public boolean isOpen() {
        return !state.isTerminal();
    }

    /**
     * Everyone separation of duties keeps from accepting: the rectifiers, the submitters and the plan's
     * responsible person.
     *
     * @return the ids, sorted
     */
    public SortedSet<ActorId> rectificationParties() {
        TreeSet<ActorId> out = new TreeSet<>(rectifiers());
        out.addAll(submitters());
        plan().ifPresent(p -> out.add(p.responsible()));
        return Collections.unmodifiableSortedSet(out);
    }

    // ------------------------------------------------------------------------------------------ components

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

    /** @return what was reported */
    public Finding finding() {
        return finding;
    }

    /** @return how it was graded, once verified or rectified on the spot */
    public Optional<Grading> grading() {
        return grading;
    }

    /** @return the rectification plan and its deadline extensions, once planned */
    public Optional<Planning> planning() {
        return planning;
    }

    /** @return the rectification, once started or done on the spot */
    public Optional<Rectification> rectification() {
        return rectification;
    }

    /** @return the acceptance, once closed */
    public Optional<Acceptance> acceptance() {
        return acceptance;
    }

    /** @return the withdrawal, once withdrawn */
    public Optional<Withdrawal> withdrawal() {
        return withdrawal;
    }

    // ------------------------------------------------------------------------------------------ read through

    /** @return the title */
    public String title() {
        return finding.title();
    }

    /** @return the description, possibly empty */
    public String description() {
        return finding.description();
    }

    /** @return how it was found */
    public HiddenDangerSource source() {
        return finding.source();
    }

    /** @return basic-management or on-site, if given */
    public Optional<HiddenDangerCategory> category() {
        return finding.category();
    }

    /** @return the organisation unit it belongs to */
    public OrgUnitId unit() {
        return finding.unit();
    }

    /** @return who reported it */
    public ActorId reporter() {
        return finding.reporter();
    }

    /** @return when it was reported */
    public Instant reportedAt() {
        return finding.reportedAt();
    }

    /** @return the day it was found */
    public LocalDate foundOn() {
        return finding.foundOn();
    }

    /** @return the linked risk point, if any */
    public Optional<RiskPointId> riskPoint() {
        return finding.riskPoint();
    }

    /** @return the linked hazard, if any */
    public Optional<HazardId> hazard() {
        return finding.hazard();
    }

    /** @return the control measure that failed, if any */
    public Optional<ControlMeasureId> failedMeasure() {
        return finding.failedMeasure();
    }

    /** @return the inspection task and item that found it, if any */
    public Optional<InspectionRef> inspection() {
        return finding.inspection();
    }

    /** @return the evidence given with the report */
    public List<URI> evidence() {
        return finding.evidence();
    }

    /** @return the grade, once verified or rectified on the spot */
    public Optional<HiddenDangerGrade> grade() {
        return grading.map(Grading::grade);
    }

    /** @return who verified it, if verified */
    public Optional<ActorId> verifier() {
        return grading.flatMap(Grading::verifier);
    }

    /** @return the authority report given when graded major */
    public Optional<AuthorityReport> authorityReport() {
        return grading.flatMap(Grading::authorityReport);
    }

    /** @return the rectification plan, once planned */
    public Optional<RectificationPlan> plan() {
        return planning.map(Planning::plan);
    }

    /** @return the plan's original deadline */
    public Optional<LocalDate> originalDeadline() {
        return planning.map(Planning::originalDeadline);
    }

    /** @return the deadline in force (the last extension's, or the plan's) */
    public Optional<LocalDate> deadline() {
        return planning.map(Planning::deadline);
    }

    /** @return every deadline extension, in order */
    public List<DeadlineExtension> extensions() {
        return planning.map(Planning::extensions).orElse(List.of());
    }

    /** @return the number of deadline extensions */
    public int extensionCount() {
        return extensions().size();
    }

    /** @return everyone who started or did the rectification, sorted */
    public SortedSet<ActorId> rectifiers() {
        return rectification.map(Rectification::rectifiers).orElse(NOBODY);
    }

    /** @return everyone who submitted a rectification for acceptance, sorted */
    public SortedSet<ActorId> submitters() {
        return rectification.map(Rectification::submitters).orElse(NOBODY);
    }

    /** @return whether it was rectified on the spot (立查立改) */
    public boolean rectifiedOnSpot() {
        return rectification.map(Rectification::onSpot).orElse(false);
    }

    /** @return the last submitted description of the rectification */
    public Optional<String> rectificationNote() {
        return rectification.flatMap(Rectification::lastSubmission).map(Submission::description);
    }

    /** @return the last submitted evidence of the rectification */
    public List<URI> rectificationEvidence() {
        return rectification.flatMap(Rectification::lastSubmission).map(Submission::evidence).orElse(List.of());
    }

    /** @return the day the last submitted rectification was completed */
    public Optional<LocalDate> completedOn() {
        return rectification.flatMap(Rectification::lastSubmission).map(Submission::completedOn);
    }

    /** @return how many submissions were rejected */
    public int rejections() {
        return rectification.map(Rectification::rejections).orElse(0);
    }

    /** @return the reason of the last rejection */
    public Optional<String> lastRejectionReason() {
        return rectification.flatMap(Rectification::lastRejectionReason);
    }

    /** @return who accepted and closed it */
    public Optional<ActorId> acceptor() {
        return acceptance.map(Acceptance::acceptor);
    }

    /** @return when it was closed */
    public Optional<Instant> closedAt() {
        return acceptance.map(Acceptance::closedAt);
    }

    /** @return who withdrew it */
    public Optional<ActorId> withdrawnBy() {
        return withdrawal.map(Withdrawal::withdrawnBy);
    }

    /** @return why it was withdrawn */
    public Optional<String> withdrawReason() {
        return withdrawal.map(Withdrawal::reason);
    }

    private List<Object> components() {
        return java.util.Arrays.asList(id, version, state, lastActionAt, auditHead, finding, grading, planning,
                rectification, acceptance, withdrawal);
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
        return "HiddenDanger[" + id + " " + state + grade().map(g -> " " + g).orElse("") + " v" + version + "]";
    }

    /** The guards of each action. */
    private static final class Guards {
        private Guards() {
        }

        static void separationOfDuties(HiddenDanger h, HiddenDangerCommand command) {
            ActorId actor = command.actor().id();
            if (command instanceof HiddenDangerCommand.Accept && h.rectificationParties().contains(actor)) {
                throw new AccessDeniedException(actor.value(), command.action().name(), h.id().value(),
                        "separation of duties: the acceptor must not be a rectifier, submitter or the responsible person "
                                + h.rectificationParties());
            }
            if (command instanceof HiddenDangerCommand.ExtendDeadline
                    && ((HiddenDangerCommand.ExtendDeadline) command).approver().equals(actor)) {
                throw new AccessDeniedException(actor.value(), command.action().name(), h.id().value(),
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
                    v.addIf(h.grade().orElse(HiddenDangerGrade.GENERAL) == HiddenDangerGrade.MAJOR, "grade",
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
                    if (h.deadline().isEmpty()) {
                        v.add("newDeadline", c.newDeadline(), "an extension only when a deadline is in force; none is");
                    } else if (!c.newDeadline().isAfter(h.deadline().get())) {
                        v.add("newDeadline", c.newDeadline(), "a date after the deadline in force [" + h.deadline().get() + "]");
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
            if (completedOn.isBefore(h.foundOn())) {
                v.add("completedOn", completedOn, "a date not before the day found [" + h.foundOn() + "]");
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
            if (h.grade().orElseThrow() == HiddenDangerGrade.MAJOR) {
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

    /**
     * Collects the components of a hidden danger; {@link #build()} checks them as {@link HiddenDanger#of} does.
     * Every group starts absent.
     *
     * <p>This class is mutable and not thread-safe; use one per hidden danger built.
     *
     * @since 0.1
     */
    public static final class Builder {
        private HiddenDangerId id;
        private long version;
        private HiddenDangerState state;
        private Instant lastActionAt;
        private String auditHead;
        private Finding finding;
        private Optional<Grading> grading = Optional.empty();
        private Optional<Planning> planning = Optional.empty();
        private Optional<Rectification> rectification = Optional.empty();
        private Optional<Acceptance> acceptance = Optional.empty();
        private Optional<Withdrawal> withdrawal = Optional.empty();

        private Builder() {
        }

        /**
         * Sets the id.
         *
         * @param value the id
         * @return this builder
         */
        public Builder id(HiddenDangerId value) {
            this.id = Objects.requireNonNull(value, "id");
            return this;
        }

        /**
         * Sets the version.
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /**
         * Sets the state.
         *
         * @param value the state
         * @return this builder
         */
        public Builder state(HiddenDangerState value) {
            this.state = Objects.requireNonNull(value, "state");
            return this;
        }

        /**
         * Sets when the last accepted command happened.
         *
         * @param value when the last accepted command happened
         * @return this builder
         */
        public Builder lastActionAt(Instant value) {
            this.lastActionAt = Objects.requireNonNull(value, "lastActionAt");
            return this;
        }

        /**
         * Sets the hash of the last audit entry.
         *
         * @param value the hash of the last audit entry
         * @return this builder
         */
        public Builder auditHead(String value) {
            this.auditHead = Objects.requireNonNull(value, "auditHead");
            return this;
        }

        /**
         * Sets what was reported.
         *
         * @param value what was reported
         * @return this builder
         */
        public Builder finding(Finding value) {
            this.finding = Objects.requireNonNull(value, "finding");
            return this;
        }

        /**
         * Sets the grading, or empty.
         *
         * @param value the grading, or empty
         * @return this builder
         */
        public Builder grading(Optional<Grading> value) {
            this.grading = Objects.requireNonNull(value, "grading");
            return this;
        }

        /**
         * Sets the planning, or empty.
         *
         * @param value the planning, or empty
         * @return this builder
         */
        public Builder planning(Optional<Planning> value) {
            this.planning = Objects.requireNonNull(value, "planning");
            return this;
        }

        /**
         * Sets the rectification, or empty.
         *
         * @param value the rectification, or empty
         * @return this builder
         */
        public Builder rectification(Optional<Rectification> value) {
            this.rectification = Objects.requireNonNull(value, "rectification");
            return this;
        }

        /**
         * Sets the acceptance, or empty.
         *
         * @param value the acceptance, or empty
         * @return this builder
         */
        public Builder acceptance(Optional<Acceptance> value) {
            this.acceptance = Objects.requireNonNull(value, "acceptance");
            return this;
        }

        /**
         * Sets the withdrawal, or empty.
         *
         * @param value the withdrawal, or empty
         * @return this builder
         */
        public Builder withdrawal(Optional<Withdrawal> value) {
            this.withdrawal = Objects.requireNonNull(value, "withdrawal");
            return this;
        }

        /**
         * Builds the hidden danger.
         *
         * @return the hidden danger
         * @throws NullPointerException naming a component never set
         * @throws IllegalArgumentException naming every way the groups do not fit the state or each other
         */
        public HiddenDanger build() {
            return new HiddenDanger(this);
        }
    }
}
