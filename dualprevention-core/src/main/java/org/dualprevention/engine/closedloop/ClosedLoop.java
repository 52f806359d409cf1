package org.dualprevention.engine.closedloop;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.spi.AuditKeyProvider;
import org.jspecify.annotations.Nullable;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;

/**
 * The closed loop of a hidden danger (隐患): report, verify and grade, plan the rectification, rectify,
 * submit, accept by someone else and close (销号); or withdraw, or rectify a general one on the spot
 * (立查立改). Each action is defined in one place (its states, guards, effect, events, access class and audit
 * encoding); the {@link TransitionTable} shows them.
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
    private ClosedLoop() {
    }

    /**
     * The fingerprint of a command sent to a hidden danger, which a command record keeps so that a retry of the same
     * command (same command id) is told from another command sent under that id: the lower-case hex SHA-256 over the
     * hidden danger's id, the action's code, the actor's id and the command as its audit entry records it (the
     * actor's unit and roles and every field the action reads back, in canonical {@code key=value} form).
     *
     * @param id the hidden danger (the one reported, for a report)
     * @param command the command
     * @return 64 lower-case hex digits
     * @since 0.2
     */
    public static String fingerprint(HiddenDangerId id, HiddenDangerCommand command) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        String data = ClosedLoopActions.of(command.action()).encode(command);
        StringBuilder sb = FINGERPRINT_TEXT.get();
        sb.setLength(0);
        sb.append("hidden danger ");
        CanonicalData.escapeInto(id.value(), sb);
        sb.append("\naction=").append(command.action().code()).append("\nactor=");
        CanonicalData.escapeInto(command.actor().id().value(), sb);
        sb.append('\n').append(data);
        String hash = org.dualprevention.engine.digest.Sha256.hex(sb.toString());
        if (sb.capacity() > 1 << 16) {
            FINGERPRINT_TEXT.remove(); // a very long text: do not keep its buffer
        }
        return hash;
    }

    /** A buffer per thread for the text a fingerprint hashes. */
    private static final ThreadLocal<StringBuilder> FINGERPRINT_TEXT = ThreadLocal.withInitial(
            () -> new StringBuilder(512));

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
        return run(Optional.empty(), command, clock, orgZone, ClosedLoopSettings.defaults(), null);
    }

    /**
     * {@link #report(HiddenDangerCommand.Report, Clock, ZoneId)} with the entry keyed with the host's current key.
     *
     * @param command the report
     * @param clock the clock
     * @param orgZone the organisation's time zone
     * @param keys the host's keys
     * @return the transition
     * @throws ValidationException listing every guard violation
     * @since 0.2
     */
    public static Transition report(HiddenDangerCommand.Report command, Clock clock, ZoneId orgZone,
            AuditKeyProvider keys) {
        Objects.requireNonNull(command, "command");
        return run(Optional.empty(), command, clock, orgZone, ClosedLoopSettings.defaults(),
                Objects.requireNonNull(keys, "keys"));
    }

    /**
     * Applies a command to a hidden danger (every action but the report, which is refused as an illegal
     * transition here).
     *
     * <p>Order of checks: the transition table, then separation of duties, then the data guards (all
     * violations at once). The command's time is {@code clock.instant()}; "today" is that instant's date in
     * {@code orgZone}.
     *
     * @param current the hidden danger as stored
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
        return run(Optional.of(current), command, clock, orgZone, settings, null);
    }

    /**
     * {@link #apply(HiddenDanger, HiddenDangerCommand, Clock, ZoneId, ClosedLoopSettings)} with the entry keyed
     * with the host's current key.
     *
     * @param current the hidden danger as stored
     * @param command the command
     * @param clock the clock
     * @param orgZone the organisation's time zone
     * @param settings the closed-loop settings
     * @param keys the host's keys
     * @return the transition to the next version
     * @since 0.2
     */
    public static Transition apply(HiddenDanger current, HiddenDangerCommand command, Clock clock, ZoneId orgZone,
            ClosedLoopSettings settings, AuditKeyProvider keys) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(command, "command");
        return run(Optional.of(current), command, clock, orgZone, settings, Objects.requireNonNull(keys, "keys"));
    }

    private static Transition run(Optional<HiddenDanger> before, HiddenDangerCommand command, Clock clock,
            ZoneId orgZone, ClosedLoopSettings settings, @Nullable AuditKeyProvider keys) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(orgZone, "orgZone");
        Objects.requireNonNull(settings, "settings");
        HiddenDangerAction action = command.action();
        ActionDefinition<?> definition = ClosedLoopActions.of(action);
        HiddenDangerState target;
        HiddenDangerId id;
        if (before.isPresent()) {
            HiddenDanger current = before.get();
            target = definition.targetFrom(current.state()).orElseThrow(() -> illegal(current, action));
            id = current.id();
        } else {
            target = definition.to().filter(s -> definition.creates())
                    .orElseThrow(() -> new IllegalArgumentException(action + " does not create a hidden danger"));
            id = command.createdId().orElseThrow();
        }
        Instant at = clock.instant();
        LocalDate today = LocalDate.ofInstant(at, orgZone);
        if (before.isPresent() && settings.separationOfDuties()) {
            definition.checkSeparationOfDuties(before.get(), command);
        }
        ValidationException.Collector v = new ValidationException.Collector(
                "command [" + action + "] for hidden danger [" + id + "]");
        if (before.isPresent() && at.isBefore(before.get().lastActionAt())) {
            v.add("at", at, "an instant not before the last action at [" + before.get().lastActionAt() + "]");
        }
        definition.checkGuards(before, command, at, today, v);
        v.throwIfAny();
        // the entry binds the digest of the state it produces, and that state's audit head is the entry's hash:
        // evolve with a placeholder head, hash the state (the digest leaves the head out), then set the head
        HiddenDanger unheaded = evolve(definition, before, command, at, AuditEntry.GENESIS);
        String previousHash = before.map(HiddenDanger::auditHead).orElse(AuditEntry.GENESIS);
        String stateHash = StateHash.of(unheaded);
        AuditEntry audit = keys == null
                ? AuditEntries.create(id, unheaded.version(), command.actor().id(), at, action,
                        before.map(HiddenDanger::state), target, definition.encode(command), previousHash,
                        stateHash)
                : AuditEntries.create(id, unheaded.version(), command.actor().id(), at, action,
                        before.map(HiddenDanger::state), target, definition.encode(command), previousHash,
                        stateHash, keys);
        HiddenDanger next = unheaded.withAuditHead(audit.hash());
        StateHash.remember(next, stateHash);
        List<HiddenDangerEvent> events = new ArrayList<>();
        before.ifPresent(h -> events.add(new HiddenDangerEvent.Transitioned(id, at, command.actor().id(), action,
                h.state(), next.state(), next.version())));
        definition.addEvents(before, command, at, next, orgZone, events);
        return new Transition(next, audit, events);
    }

    /**
     * The events of a stored change, rebuilt from its audit entry and the versions before and after it: the same
     * events {@link #apply} (or {@link #report}) returned when the command was accepted. Used to deliver the
     * events of an outbox entry after a restart.
     *
     * @param before the version before the entry, empty for a report
     * @param entry the entry
     * @param next the version the entry produced
     * @param orgZone the organisation's zone
     * @return the events, in order
     */
    static List<HiddenDangerEvent> events(Optional<HiddenDanger> before, AuditEntry entry, HiddenDanger next,
            ZoneId orgZone) {
        ActionDefinition<?> definition = ClosedLoopActions.of(entry.action());
        HiddenDangerCommand command = definition.decode(entry.actor(), entry.data());
        List<HiddenDangerEvent> events = new ArrayList<>();
        before.ifPresent(h -> events.add(new HiddenDangerEvent.Transitioned(next.id(), entry.at(), entry.actor(),
                entry.action(), h.state(), next.state(), next.version())));
        definition.addEvents(before, command, entry.at(), next, orgZone, events);
        return events;
    }

    /**
     * The effect of an accepted command, without any guard: the next version, with the state the table gives.
     * Used by {@link #apply}, {@link #report} and {@link AuditChain#replay}.
     */
    static HiddenDanger evolve(ActionDefinition<?> definition, Optional<HiddenDanger> before, HiddenDangerCommand command,
            Instant at, String head) {
        HiddenDanger.Builder next;
        if (before.isPresent()) {
            HiddenDanger h = before.get();
            next = h.toBuilder().version(h.version() + 1).state(definition.target(h.state()));
        } else {
            next = HiddenDanger.builder().id(command.createdId().orElseThrow()).version(1)
                    .state(definition.to().orElseThrow());
        }
        next.lastActionAt(at).auditHead(head);
        definition.applyEffect(before, command, at, next);
        return next.build();
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
}
