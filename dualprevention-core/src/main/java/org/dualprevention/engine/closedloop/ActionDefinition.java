package org.dualprevention.engine.closedloop;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.jspecify.annotations.Nullable;

/**
 * Everything about one action of the closed loop, in one place: the states it is allowed in and the state
 * it leads to, who may take it ({@link AccessClass}), its guards (separation of duties and the data guards,
 * as code), its effect on the hidden danger, the events it sends, and how its command is written to and read
 * from the audit data. One final subclass per {@link HiddenDangerAction}; {@link ClosedLoopActions} lists
 * them, and the {@link TransitionTable}, the engine ({@link ClosedLoop}, {@link AuditChain}) and the default
 * access policy consult them through it. Nothing else in the library decides anything about a particular
 * action, which a test enforces.
 *
 * <p>A subclass is stateless; it is handed its typed command. Order of the engine's checks, the first
 * failing one throwing and changing nothing: the table ({@link #from()}), separation of duties
 * ({@link #separationOfDuties}, when the settings enforce it), then every data guard at once ({@link #guards}).
 *
 * @param <C> the command type of the action
 */
abstract sealed class ActionDefinition<C extends HiddenDangerCommand> permits ReportAction, VerifyAction,
        WithdrawAction, RectifyOnSpotAction, PlanAction, StartAction, ExtendDeadlineAction, SubmitAction, AcceptAction,
        RejectAction {

    private final HiddenDangerAction action;
    private final Class<C> commandType;
    private final Set<HiddenDangerState> from;
    private final Optional<HiddenDangerState> to;
    private final AccessClass access;
    private final String guardsInWords;

    /**
     * @param action the action defined
     * @param commandType its command's type
     * @param from the states it is allowed in; empty for the action that creates a hidden danger
     * @param to the state it leads to; empty when it leaves the state unchanged
     * @param access who may take it
     * @param guardsInWords its guards in words, for the documentation (the code is {@link #guards})
     */
    ActionDefinition(HiddenDangerAction action, Class<C> commandType, Set<HiddenDangerState> from,
            Optional<HiddenDangerState> to, AccessClass access, String guardsInWords) {
        this.action = Objects.requireNonNull(action, "action");
        this.commandType = Objects.requireNonNull(commandType, "commandType");
        this.from = from.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(from));
        this.to = Objects.requireNonNull(to, "to");
        this.access = Objects.requireNonNull(access, "access");
        this.guardsInWords = Objects.requireNonNull(guardsInWords, "guardsInWords");
        if (from.isEmpty() && to.isEmpty()) {
            throw new IllegalArgumentException(action + " creates a hidden danger, so it needs the state it creates");
        }
    }

    // ------------------------------------------------------------------------------------------ the table

    /** @return the action defined */
    final HiddenDangerAction action() {
        return action;
    }

    /** @return the states it is allowed in; empty for the action that creates a hidden danger */
    final Set<HiddenDangerState> from() {
        return from;
    }

    /** @return the state it leads to; empty when it leaves the state unchanged */
    final Optional<HiddenDangerState> to() {
        return to;
    }

    /** @return whether this action creates a hidden danger (it has no state before) */
    final boolean creates() {
        return from.isEmpty();
    }

    /**
     * The state after this action from a state, without asking whether the action is allowed there.
     *
     * @param state the state before
     * @return the state after
     */
    final HiddenDangerState target(HiddenDangerState state) {
        return to.orElse(state);
    }

    /**
     * The state after this action from a state, if the action is allowed there.
     *
     * @param state the state before
     * @return the state after, or empty
     */
    final Optional<HiddenDangerState> targetFrom(HiddenDangerState state) {
        return from.contains(state) ? Optional.of(target(state)) : Optional.empty();
    }

    /** @return who may take it */
    final AccessClass access() {
        return access;
    }

    /** @return its guards in words */
    final String guardsInWords() {
        return guardsInWords;
    }

    // ------------------------------------------------------------------------------------------ the action's own code

    /**
     * Separation of duties: throws {@link org.dualprevention.AccessDeniedException} when it forbids the actor.
     * Called only when the settings enforce it, and never for the action that creates a hidden danger. None by
     * default.
     *
     * @param current the hidden danger
     * @param command the command
     */
    void separationOfDuties(HiddenDanger current, C command) {
    }

    /**
     * Adds a violation for every data guard the command breaks.
     *
     * @param step the command and the hidden danger before it
     * @param today the command's day in the organisation's zone
     * @param v where violations go, with paths named after the command's components
     */
    abstract void guards(Step<C> step, LocalDate today, ValidationException.Collector v);

    /**
     * The command's effect on the groups of the hidden danger. The engine has set the id, version, state, time
     * and audit head on {@code next}, which starts as a copy of the hidden danger before (empty for the action
     * that creates one). Runs without guards when a chain is replayed.
     *
     * @param step the command and the hidden danger before it
     * @param next the next version being built
     */
    abstract void effect(Step<C> step, HiddenDanger.Builder next);

    /**
     * The events of the command, after the {@link HiddenDangerEvent.Transitioned} that the engine sends for every
     * action but the one that creates a hidden danger. None by default.
     *
     * @param step the command and the hidden danger before it
     * @param next the next version
     * @param orgZone the organisation's zone
     * @param out where the events go, in order
     */
    void events(Step<C> step, HiddenDanger next, ZoneId orgZone, List<HiddenDangerEvent> out) {
    }

    /**
     * Writes the command's data (all but the actor, which {@link #encode} writes) to canonical audit data.
     *
     * @param command the command
     * @param data the data
     */
    abstract void write(C command, CanonicalData data);

    /**
     * Reads the command back from canonical audit data.
     *
     * @param actor the actor, already read
     * @param data the data
     * @return the command, equal to the one written
     * @throws IllegalArgumentException if the data cannot be read
     */
    abstract C read(Actor actor, CanonicalData data);

    /**
     * The grade this command gives the hidden danger, for the access policy (a verification as major needs the
     * major level). Empty by default.
     *
     * @param command the command
     * @return the grade given, or empty
     */
    Optional<HiddenDangerGrade> gradeGiven(C command) {
        return Optional.empty();
    }

    /**
     * A second person the command names who must be allowed to decide too (the approver of a deadline
     * extension); the access policy decides about them with {@link #approverAccess()}. None by default.
     *
     * @param command the command
     * @return the approver, or empty
     */
    Optional<Actor> approver(C command) {
        return Optional.empty();
    }

    /**
     * The access class the {@link #approver} needs. Empty by default (no approver).
     *
     * @return the access class, or empty
     */
    Optional<AccessClass> approverAccess() {
        return Optional.empty();
    }

    final Optional<Actor> approverOf(HiddenDangerCommand command) {
        return approver(typed(command));
    }

    // ------------------------------------------------------------------------------------------ untyped entries

    /**
     * @param command a command of this action
     * @return it, typed
     */
    final C typed(HiddenDangerCommand command) {
        if (command.action() != action) {
            throw new IllegalArgumentException("a " + command.action() + " command given to the definition of "
                    + action);
        }
        return commandType.cast(command);
    }

    final void checkSeparationOfDuties(HiddenDanger current, HiddenDangerCommand command) {
        separationOfDuties(current, typed(command));
    }

    final void checkGuards(Optional<HiddenDanger> before, HiddenDangerCommand command, Instant at, LocalDate today,
            ValidationException.Collector v) {
        guards(new Step<>(before, typed(command), at), today, v);
    }

    final void applyEffect(Optional<HiddenDanger> before, HiddenDangerCommand command, Instant at,
            HiddenDanger.Builder next) {
        effect(new Step<>(before, typed(command), at), next);
    }

    final void addEvents(Optional<HiddenDanger> before, HiddenDangerCommand command, Instant at, HiddenDanger next,
            ZoneId orgZone, List<HiddenDangerEvent> out) {
        events(new Step<>(before, typed(command), at), next, orgZone, out);
    }

    final Optional<HiddenDangerGrade> gradeGivenBy(HiddenDangerCommand command) {
        return gradeGiven(typed(command));
    }

    /**
     * The command as canonical audit data: the actor's unit and roles, then the action's own data.
     *
     * @param command a command of this action
     * @return the data text
     */
    final String encode(HiddenDangerCommand command) {
        Encoded m = lastEncoded;
        if (m != null && m.command == command) {
            return m.text;
        }
        CanonicalData d = CanonicalData.empty();
        d.put("actor.unit", command.actor().unit().value());
        d.putList("actor.roles", List.copyOf(command.actor().roles()));
        write(typed(command), d);
        String text = d.text();
        lastEncoded = new Encoded(command, text);
        return text;
    }

    /** A command (by identity) and its data text. */
    private record Encoded(HiddenDangerCommand command, String text) {
    }

    /**
     * The command encoded last and its text: a command is encoded for its fingerprint ({@link ClosedLoop#fingerprint})
     * and again for its audit entry, one after the other on the same thread. Keyed by identity (a command is
     * immutable: records of immutable components, lists and sets copied), so any other command is encoded; shared by
     * all threads (a race only costs a miss).
     */
    private static volatile @Nullable Encoded lastEncoded;

    /**
     * A command of this action, read back from audit data.
     *
     * @param actor who acted (the entry's actor)
     * @param text the entry's data
     * @return the command
     * @throws IllegalArgumentException if the data cannot be read
     */
    final C decode(ActorId actor, String text) {
        CanonicalData d = CanonicalData.parse(text);
        return read(new Actor(actor, d.require("actor.unit", OrgUnitId::of), new TreeSet<>(d.list("actor.roles", s -> s))),
                d);
    }

    @Override
    public final String toString() {
        return "definition of " + action;
    }

    /**
     * One command being applied: the hidden danger before it (empty for the action that creates one), the
     * command and its time.
     *
     * @param before the hidden danger before, or empty
     * @param command the command
     * @param at when it is accepted
     * @param <C> the command type
     */
    record Step<C extends HiddenDangerCommand>(Optional<HiddenDanger> before, C command, Instant at) {
        /** @return the hidden danger before the command; present for every action but the creating one */
        HiddenDanger current() {
            return before.orElseThrow(() -> new IllegalStateException("no hidden danger before " + command.action()));
        }

        /** @return the id of who acts */
        ActorId actor() {
            return command.actor().id();
        }
    }

    // ------------------------------------------------------------------------------------------ shared by some actions

    /**
     * The request to reassess the hazard whose control measure failed, if the hidden danger names one
     * (DOMAIN.md §10.2).
     *
     * @param h the hidden danger
     * @param at when
     * @return the event, or empty
     */
    static Optional<HiddenDangerEvent> reassessment(HiddenDanger h, Instant at) {
        if (h.failedMeasure().isPresent()) {
            return Optional.of(new HiddenDangerEvent.ReassessmentRequested(h.id(), at, h.riskPoint().orElseThrow(),
                    h.hazard().orElseThrow(), h.failedMeasure().get()));
        }
        return Optional.empty();
    }
}
