package org.dualprevention.engine.closedloop;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.AccessRequest;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.Transition;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.spi.AuditKeyProvider;
import org.jspecify.annotations.Nullable;

/**
 * Applies closed-loop commands with everything that decides them: the clock, the organisation's zone,
 * the {@link ClosedLoopSettings} and the {@link AccessPolicy}. Checks run in this order, and the first
 * that fails throws and changes nothing:
 * <ol>
 *   <li>the {@link TransitionTable} ({@link org.dualprevention.IllegalTransitionException});</li>
 *   <li>the access policy ({@link org.dualprevention.AccessDeniedException});</li>
 *   <li>separation of duties ({@link org.dualprevention.AccessDeniedException});</li>
 *   <li>the command's guards ({@link org.dualprevention.ValidationException}, every violation).</li>
 * </ol>
 * Pure: it neither stores nor publishes; the caller saves {@link Transition#next()} with
 * {@link Transition#audit()} at {@link Transition#expectedVersion()}, then hands out the events.
 *
 * <p>With the host's keys ({@link #withKeys}) every audit entry it makes is keyed with the current key
 * (HMAC-SHA-256, the key id recorded in the entry).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ClosedLoopService {
    private final Clock clock;
    private final ZoneId orgZone;
    private final ClosedLoopSettings settings;
    private final AccessPolicy accessPolicy;
    private final @Nullable AuditKeyProvider keys;

    private ClosedLoopService(Clock clock, ZoneId orgZone, ClosedLoopSettings settings, AccessPolicy accessPolicy,
            @Nullable AuditKeyProvider keys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.orgZone = Objects.requireNonNull(orgZone, "orgZone");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
        this.keys = keys;
    }

    /**
     * A service.
     *
     * @param clock the clock
     * @param orgZone the organisation's zone
     * @param settings the settings
     * @param accessPolicy the access policy
     * @return the service
     */
    public static ClosedLoopService of(Clock clock, ZoneId orgZone, ClosedLoopSettings settings,
            AccessPolicy accessPolicy) {
        return new ClosedLoopService(clock, orgZone, settings, accessPolicy, null);
    }

    /**
     * This service keying every audit entry it makes with the host's current key.
     *
     * @param auditKeys the host's keys
     * @return a service like this one whose entries are keyed
     * @since 0.2
     */
    public ClosedLoopService withKeys(AuditKeyProvider auditKeys) {
        return new ClosedLoopService(clock, orgZone, settings, accessPolicy,
                Objects.requireNonNull(auditKeys, "auditKeys"));
    }

    /**
     * The host's keys, if entries are keyed.
     *
     * @return the keys, or empty
     * @since 0.2
     */
    public Optional<AuditKeyProvider> keys() {
        return Optional.ofNullable(keys);
    }

    /**
     * Reports a new hidden danger.
     *
     * @param command the report
     * @return the transition creating it
     */
    public Transition report(HiddenDangerCommand.Report command) {
        AccessRequest request = AccessRequest.report(command);
        accessPolicy.decide(request).throwIfDenied(request);
        AuditKeyProvider k = keys;
        return k == null ? ClosedLoop.report(command, clock, orgZone) : ClosedLoop.report(command, clock, orgZone, k);
    }

    /**
     * Applies a command to a hidden danger.
     *
     * @param current the hidden danger as stored
     * @param command the command
     * @return the transition to the next version
     */
    public Transition apply(HiddenDanger current, HiddenDangerCommand command) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(command, "command");
        if (TransitionTable.target(current.state(), command.action()).isEmpty()) {
            throw ClosedLoop.illegal(current, command.action());
        }
        AccessRequest request = AccessRequest.of(command, current);
        accessPolicy.decide(request).throwIfDenied(request);
        AuditKeyProvider k = keys;
        return k == null ? ClosedLoop.apply(current, command, clock, orgZone, settings)
                : ClosedLoop.apply(current, command, clock, orgZone, settings, k);
    }

    /**
     * The events of a stored change, rebuilt from its audit entry: the events {@link #apply} returned when the
     * command was accepted (for delivering the outbox after a restart).
     *
     * @param before the version before the entry, empty for a report
     * @param entry the stored entry
     * @param next the version the entry produced
     * @return the events, in order
     */
    public List<HiddenDangerEvent> events(Optional<HiddenDanger> before, AuditEntry entry, HiddenDanger next) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(next, "next");
        return ClosedLoop.events(before, entry, next, orgZone);
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the organisation's zone */
    public ZoneId orgZone() {
        return orgZone;
    }

    /** @return the settings */
    public ClosedLoopSettings settings() {
        return settings;
    }

    /** @return the access policy */
    public AccessPolicy accessPolicy() {
        return accessPolicy;
    }
}
