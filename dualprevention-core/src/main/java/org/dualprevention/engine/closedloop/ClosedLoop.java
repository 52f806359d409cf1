package org.dualprevention.engine.closedloop;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.Acceptance;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.DeadlineExtension;
import org.dualprevention.danger.Finding;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.Grading;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Planning;
import org.dualprevention.danger.Rectification;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Submission;
import org.dualprevention.danger.Transition;
import org.dualprevention.danger.Withdrawal;
import org.dualprevention.organization.ActorId;

/**
 * The closed loop of a hidden danger (隐患): report, verify and grade, plan the rectification, rectify,
 * submit, accept by someone else and close (销号); or withdraw, or rectify a general one on the spot
 * (立查立改). The allowed moves are the data of {@link TransitionTable}.
 *
 * <p>{@link #report} creates a hidden danger; {@link #apply} moves it. Both are pure: they return a
 * {@link Transition} holding the next immutable version, exactly one {@link AuditEntry} and the events, and
 * never change their arguments. A refused command throws and changes nothing:
 * <ul>
 *   <li>{@link IllegalTransitionException} when the table does not allow the action in the current state
 *       (naming the state, the action and the actions allowed now);</li>
 *   <li>{@link AccessDeniedException} when separation of duties forbids the actor;</li>
 *   <li>{@link ValidationException} listing every guard violation of the command's data, with paths such
 *       as {@code plan.funds.amount}, including time order ({@code at}: no command before the last one).</li>
 * </ul>
 * Roles and control levels are not checked here but by an {@code AccessPolicy}, which
 * {@link ClosedLoopService} consults before calling {@link #apply}.
 *
 * <p>A store saves a transition with expected version {@code next.version() - 1} (0: not stored yet).
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ClosedLoop {
    private static final String NON_BLANK = "non-blank text";

    private ClosedLoop() {
    }

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
        AuditEntry audit = AuditEntries.create(command.id(), 1, command.actor().id(), at, HiddenDangerAction.REPORT,
                Optional.empty(), HiddenDangerState.REPORTED, CommandCodec.encode(command), AuditEntry.GENESIS);
        HiddenDanger next = evolve(null, command, at, audit.hash());
        HiddenDangerEvent.Reported event = new HiddenDangerEvent.Reported(next.id(), at, next.reporter(), next.unit(),
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
    public static Transition apply(HiddenDanger current, HiddenDangerCommand command, Clock clock, ZoneId orgZone,
            ClosedLoopSettings settings) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(orgZone, "orgZone");
        Objects.requireNonNull(settings, "settings");
        HiddenDangerAction action = command.action();
        HiddenDangerState state = current.state();
        HiddenDangerState target = TransitionTable.target(state, action).orElseThrow(() -> illegal(current, action));
        Instant at = clock.instant();
        LocalDate today = LocalDate.ofInstant(at, orgZone);
        if (settings.separationOfDuties()) {
            Guards.separationOfDuties(current, command);
        }
        ValidationException.Collector v = new ValidationException.Collector(
                "command [" + action + "] for hidden danger [" + current.id() + "]");
        if (at.isBefore(current.lastActionAt())) {
            v.add("at", at, "an instant not before the last action at [" + current.lastActionAt() + "]");
        }
        Guards.check(v, current, command, today);
        v.throwIfAny();
        AuditEntry audit = AuditEntries.create(current.id(), current.version() + 1, command.actor().id(), at, action,
                Optional.of(state), target, CommandCodec.encode(command), current.auditHead());
        HiddenDanger next = evolve(current, command, at, audit.hash());
        if (next.state() != target) {
            throw new IllegalStateException("evolve disagrees with the table for " + action + " from " + state);
        }
        return new Transition(next, audit, events(current, next, command, at, orgZone));
    }

    /**
     * The exception {@link #apply} throws for an action the table does not allow now.
     *
     * @param current the hidden danger
     * @param action the action tried
     * @return the exception, naming the state, the action and the allowed actions
     */
    static IllegalTransitionException illegal(HiddenDanger current, HiddenDangerAction action) {
        return new IllegalTransitionException("Hidden danger", current.id().value(), current.state().name(),
                action.name(), TransitionTable.allowedIn(current.state()).stream().map(Enum::name).toList());
    }

    private static List<HiddenDangerEvent> events(HiddenDanger current, HiddenDanger next, HiddenDangerCommand command,
            Instant at, ZoneId zone) {
        HiddenDangerId id = current.id();
        List<HiddenDangerEvent> out = new ArrayList<>();
        out.add(new HiddenDangerEvent.Transitioned(id, at, command.actor().id(), command.action(), current.state(),
                next.state(), next.version()));
        switch (command.action()) {
            case VERIFY:
                if (next.grade().orElseThrow() == HiddenDangerGrade.MAJOR) {
                    out.add(new HiddenDangerEvent.MajorReportedToAuthority(id, at, current.unit(), current.title(),
                            next.authorityReport().orElseThrow(), current.riskPoint()));
                }
                reassessment(current, at).ifPresent(out::add);
                break;
            case RECTIFY_ON_SPOT:
                if (current.state() == HiddenDangerState.REPORTED) {
                    reassessment(current, at).ifPresent(out::add);
                }
                break;
            case EXTEND_DEADLINE:
                out.add(new HiddenDangerEvent.DeadlineExtended(id, at,
                        next.extensions().get(next.extensions().size() - 1), next.extensions().size()));
                break;
            case ACCEPT:
                boolean onTime = current.deadline().map(d -> !LocalDate.ofInstant(at, zone).isAfter(d)).orElse(true);
                out.add(new HiddenDangerEvent.Closed(id, at, command.actor().id(), next.grade().orElseThrow(),
                        current.unit(), onTime, current.rejections()));
                break;
            default:
                break;
        }
        return out;
    }

    private static Optional<HiddenDangerEvent> reassessment(HiddenDanger current, Instant at) {
        if (current.failedMeasure().isPresent()) {
            return Optional.of(new HiddenDangerEvent.ReassessmentRequested(current.id(), at,
                    current.riskPoint().orElseThrow(), current.hazard().orElseThrow(), current.failedMeasure().get()));
        }
        return Optional.empty();
    }

    /**
     * The effect of an accepted command, without any guard: used by {@link #apply}, {@link #report} and
     * {@link AuditChain#replay}.
     */
    static HiddenDanger evolve(HiddenDanger current, HiddenDangerCommand command, Instant at, String head) {
        ActorId actor = command.actor().id();
        HiddenDanger.Builder b;
        if (command instanceof HiddenDangerCommand.Report) {
            HiddenDangerCommand.Report r = (HiddenDangerCommand.Report) command;
            b = HiddenDanger.builder().id(r.id()).version(1).state(HiddenDangerState.REPORTED).finding(new Finding(r.title(),
                    r.description(), r.source(), r.category(), r.unit(), actor, at, r.foundOn(), r.riskPoint(), r.hazard(),
                    r.failedMeasure(), r.inspection(), r.evidence()));
        } else {
            Objects.requireNonNull(current, "current");
            b = current.toBuilder().version(current.version() + 1)
                    .state(TransitionTable.row(command.action()).target(current.state()));
            if (command instanceof HiddenDangerCommand.Verify) {
                HiddenDangerCommand.Verify c = (HiddenDangerCommand.Verify) command;
                b.grading(Optional.of(Grading.verified(c.grade(), actor, c.authorityReport())));
            } else if (command instanceof HiddenDangerCommand.Withdraw) {
                b.withdrawal(Optional.of(new Withdrawal(actor, ((HiddenDangerCommand.Withdraw) command).reason())));
            } else if (command instanceof HiddenDangerCommand.RectifyOnSpot) {
                HiddenDangerCommand.RectifyOnSpot c = (HiddenDangerCommand.RectifyOnSpot) command;
                if (current.grading().isEmpty()) {
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
                b.planning(Optional.of(current.planning().orElseThrow().withExtension(new DeadlineExtension(
                        current.deadline().orElseThrow(), c.newDeadline(), c.reason(), actor, c.approver(), at))));
            } else if (command instanceof HiddenDangerCommand.Submit) {
                HiddenDangerCommand.Submit c = (HiddenDangerCommand.Submit) command;
                b.rectification(Optional.of(current.rectification().orElseThrow().withSubmission(actor,
                        new Submission(c.description(), c.evidence(), c.completedOn()))));
            } else if (command instanceof HiddenDangerCommand.Accept) {
                b.acceptance(Optional.of(new Acceptance(actor, at)));
            } else if (command instanceof HiddenDangerCommand.Reject) {
                b.rectification(Optional.of(current.rectification().orElseThrow()
                        .withRejection(((HiddenDangerCommand.Reject) command).reason())));
            } else {
                throw new IllegalStateException("unknown command " + command.getClass());
            }
        }
        return b.lastActionAt(at).auditHead(head).build();
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
}
