package org.dualprevention.engine;

import static org.dualprevention.engine.StorageAccess.PAGE;
import static org.dualprevention.engine.StorageAccess.retrying;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;
import org.dualprevention.danger.OutboxEntry;
import org.jspecify.annotations.Nullable;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.danger.CheckpointDetail;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.danger.CommandOutcome;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.OverdueSweep;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.Checkpoints;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.engine.closedloop.ClosedLoopService;
import org.dualprevention.engine.closedloop.StoreVerification;
import org.dualprevention.engine.dynamic.RiskFeedback;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.spi.CommandObserver;
import org.dualprevention.spi.Storage;

/**
 * The hidden-danger closed loop (second firewall, 隐患排查治理) of a {@link DualPrevention} engine: report a
 * hidden danger, apply the commands of the loop (verify and grade, plan, start, submit, accept or reject,
 * extend the deadline, withdraw), find and query hidden dangers, sweep for newly overdue ones, and read and
 * verify their audit chains. Obtained from {@link DualPrevention#hiddenDangers()}.
 *
 * <pre>{@code
 * HiddenDanger hd = dp.hiddenDangers().report(report);
 * dp.hiddenDangers().apply(hd.id(), HiddenDangerCommand.Verify.general(safetyOfficer, "confirmed"));
 * dp.hiddenDangers().sweepOverdue(lastSweepDay);   // daily, from the host's scheduler
 * }</pre>
 *
 * <h2>How a command is stored</h2>
 * The hidden danger is loaded, the closed-loop service checks and applies the command, and then one atomic unit
 * of the storage ({@link Storage#atomically}) stores everything the command changes: the next version with its
 * audit entry, the reassessment flag of the hazard whose control measure failed (on its risk point), the
 * command's id, and an outbox entry for its events ({@link StaleVersionException} if anything changed
 * concurrently; nothing is stored). Only then are the events handed to the listeners and the outbox entry marked
 * delivered, and a change of the risk point's effective level is published as {@link EffectiveLevelChanged}. A
 * crash after the commit loses nothing: {@link #deliverPending()} (run by {@link DualPrevention.Builder#build()})
 * hands the events of every change still in the outbox to the listeners, so each event is delivered at least
 * once.
 *
 * <h2>Unknown outcomes and retries</h2>
 * Every command carries a command id ({@link CommandId}), chosen by the caller. When a command ends with an
 * exception of the storage (for example a connection that died while the commit was under way), the caller
 * cannot know whether it was stored: it may have been. Send the same command again with the same id: if the
 * first attempt was stored, the stored result is returned (the hidden danger as that command left it) and
 * nothing is applied twice; if it was not, the command runs now. An id already used for a different command is
 * refused with {@link IllegalArgumentException}. The overloads without an id take a random one, which is right
 * only for callers that never retry.
 *
 * <p>This class is thread-safe if the storage, listeners and policies are.
 *
 * @since 0.1
 */
public final class HiddenDangers {
    /**
     * How many times flagging a hazard for reassessment is tried inside the command's unit before the command
     * fails as stale.
     *
     * <p>Why 5: the flag is written to the risk point after the hidden danger is stored, and loses when
     * someone else saves the same risk point in between (an assessment, another hidden danger's flag); each
     * attempt reloads the risk point. Such writes come from people and are rare per risk point, so one or two
     * retries settle a real race. Five leaves room for a burst (several failed items of one inspection naming
     * the same risk point) while a storage that keeps answering "stale" still ends after a bounded number of
     * reloads and reaches the failure handler instead of spinning.
     */
    private static final int FLAG_ATTEMPTS = 5;
    private static final System.Logger LOG = System.getLogger(HiddenDangers.class.getName());

    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final ClosedLoopService closedLoop;
    private final EffectiveLevels levels;
    private final EventPublisher publisher;
    private final List<CommandObserver> observers;
    private final @Nullable AuditKeyProvider keys;

    HiddenDangers(Storage storage, Clock clock, ZoneId zone, ClosedLoopService closedLoop, EffectiveLevels levels,
            EventPublisher publisher, List<CommandObserver> observers, @Nullable AuditKeyProvider keys) {
        this.keys = keys;
        this.observers = List.copyOf(observers);
        this.storage = storage;
        this.clock = clock;
        this.zone = zone;
        this.closedLoop = closedLoop;
        this.levels = levels;
        this.publisher = publisher;
    }

    // ------------------------------------------------------------------------------------------ commands

    /**
     * Reports a new hidden danger (an inspection finding or a random observation, 随手拍) under a random command
     * id: for callers that never retry; see {@link #report(CommandId, HiddenDangerCommand.Report)}.
     *
     * @param command the report
     * @return the stored hidden danger, version 1
     * @throws org.dualprevention.AccessDeniedException if the access policy refuses
     * @throws ValidationException listing every guard violation
     * @throws StaleVersionException if the id is already used
     */
    public HiddenDanger report(HiddenDangerCommand.Report command) {
        return report(CommandId.random(), command, true);
    }

    /**
     * Reports a new hidden danger under a caller-chosen command id. Sending the same report again with the same
     * id (after an unknown outcome) returns the stored hidden danger instead of failing.
     *
     * @param commandId the id the caller keeps for a retry
     * @param command the report
     * @return the stored hidden danger, version 1
     * @throws org.dualprevention.AccessDeniedException if the access policy refuses
     * @throws ValidationException listing every guard violation
     * @throws StaleVersionException if the hidden danger id is already used by another command
     * @throws IllegalArgumentException if the command id was used for a different command
     */
    public HiddenDanger report(CommandId commandId, HiddenDangerCommand.Report command) {
        return report(commandId, command, false);
    }

    /**
     * {@link #report(CommandId, HiddenDangerCommand.Report)}; {@code fresh} skips the look-up of the command id
     * (see {@link #apply(CommandId, HiddenDangerId, HiddenDangerCommand, boolean)}).
     */
    HiddenDanger report(CommandId commandId, HiddenDangerCommand.Report command, boolean fresh) {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(command, "command");
        return observed(command, () -> {
            String fingerprint = fingerprint(command.createdId().orElseThrow(), command);
            Optional<HiddenDanger> done = fresh ? Optional.empty() : stored(commandId, fingerprint);
            if (done.isPresent()) {
                return done.get();
            }
            return storeOnce(closedLoop.report(command), Optional.empty(), commandId, fingerprint);
        });
    }

    /**
     * Applies a command of the closed loop under a random command id: for callers that never retry; see
     * {@link #apply(CommandId, HiddenDangerId, HiddenDangerCommand)}.
     *
     * @param id the hidden danger
     * @param command the command
     * @return the stored next version
     * @throws IllegalArgumentException if no such hidden danger is stored
     * @throws org.dualprevention.IllegalTransitionException if the action is not allowed in its state
     * @throws org.dualprevention.AccessDeniedException if the access policy or separation of duties refuses
     * @throws ValidationException listing every guard violation
     * @throws StaleVersionException if it changed concurrently
     */
    public HiddenDanger apply(HiddenDangerId id, HiddenDangerCommand command) {
        return apply(CommandId.random(), id, command, true);
    }

    /**
     * Applies a command of the closed loop to a stored hidden danger under a caller-chosen command id: load,
     * apply, store atomically with its follow-ups and outbox entry, then publish the events. If a command with
     * this id was stored before (a retry after an unknown outcome), returns the hidden danger as that command
     * left it and changes nothing.
     *
     * @param commandId the id the caller keeps for a retry
     * @param id the hidden danger
     * @param command the command
     * @return the stored version the command produced
     * @throws IllegalArgumentException if no such hidden danger is stored, or the command id was used for a
     *     different command
     * @throws org.dualprevention.IllegalTransitionException if the action is not allowed in its state
     * @throws org.dualprevention.AccessDeniedException if the access policy or separation of duties refuses
     * @throws ValidationException listing every guard violation
     * @throws StaleVersionException if it changed concurrently
     */
    public HiddenDanger apply(CommandId commandId, HiddenDangerId id, HiddenDangerCommand command) {
        return apply(commandId, id, command, false);
    }

    /**
     * {@link #apply(CommandId, HiddenDangerId, HiddenDangerCommand)}; {@code fresh} skips the look-up of the command
     * id before the command runs, for an id just drawn by {@link CommandId#random()} (122 random bits: no command can
     * have been stored under it unless they collide). The look-up is a map probe per command that, for such an id,
     * always finds nothing. Even on a collision the answer is the one the look-up gives: the unit's
     * {@link org.dualprevention.spi.CommandLog#record} refuses the id as stale, the whole unit is undone, and
     * {@link #storeOnce} then looks the id up and returns the stored result or refuses the id as used for another
     * command. (Only a failure of the command itself — a guard, or a hidden danger not stored — would then be
     * reported first; nothing is stored either way.)
     */
    HiddenDanger apply(CommandId commandId, HiddenDangerId id, HiddenDangerCommand command, boolean fresh) {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        return observed(command, () -> {
            String fingerprint = fingerprint(id, command);
            Optional<HiddenDanger> done = fresh ? Optional.empty() : stored(commandId, fingerprint);
            if (done.isPresent()) {
                return done.get();
            }
            HiddenDanger current = find(id).orElseThrow(() -> new NotStored(
                    "Hidden danger [" + id + "] is not stored"));
            return storeOnce(closedLoop.apply(current, command), Optional.of(current), commandId, fingerprint);
        });
    }

    /** Runs a command and tells the observers how it ended. */
    private HiddenDanger observed(HiddenDangerCommand command, Supplier<HiddenDanger> run) {
        if (observers.isEmpty()) {
            return run.get();
        }
        long start = System.nanoTime();
        CommandOutcome outcome = CommandOutcome.FAILED;
        try {
            HiddenDanger stored = run.get();
            outcome = CommandOutcome.ACCEPTED;
            return stored;
        } catch (IllegalTransitionException e) {
            outcome = CommandOutcome.ILLEGAL_TRANSITION;
            throw e;
        } catch (AccessDeniedException e) {
            outcome = CommandOutcome.ACCESS_DENIED;
            throw e;
        } catch (ValidationException e) {
            outcome = CommandOutcome.INVALID;
            throw e;
        } catch (StaleVersionException e) {
            outcome = CommandOutcome.STALE_VERSION;
            throw e;
        } catch (NotStored e) {
            outcome = CommandOutcome.NOT_FOUND;
            throw e;
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            for (CommandObserver o : observers) {
                try {
                    o.onCommand(command.action(), outcome, took);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "command observer " + o + " failed", e);
                }
            }
        }
    }

    /** The hidden danger a command names is not stored (an {@link IllegalArgumentException}, as documented). */
    private static final class NotStored extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotStored(String message) {
            super(message);
        }
    }

    /**
     * The fingerprint of a command ({@link ClosedLoop#fingerprint}): a retry of the same command matches and another
     * command does not. (It was the SHA-256 of the command's record text, whose {@code toString} cost a
     * {@code String.format} per component on JDK 17: a tenth of a command.)
     */
    static String fingerprint(HiddenDangerId id, HiddenDangerCommand command) {
        return ClosedLoop.fingerprint(id, command);
    }

    /**
     * The result of a command stored under this id before, if any.
     *
     * @throws IllegalArgumentException if the id was used for another command
     */
    private Optional<HiddenDanger> stored(CommandId commandId, String fingerprint) {
        Optional<CommandRecord> r = storage.commands().find(commandId);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        CommandRecord rec = r.get();
        if (!rec.fingerprint().equals(fingerprint)) {
            throw new IllegalArgumentException("Command id [" + commandId + "] was used for another command (on hidden"
                    + " danger [" + rec.dangerId() + "], version [" + rec.sequence() + "]); allowed: a new id for every"
                    + " command, the same id only to send the same command again");
        }
        HiddenDanger result = versionAt(rec.dangerId(), rec.sequence());
        // the first attempt may have stored the change and died before delivering its events
        deliverPending();
        return Optional.of(result);
    }

    /** The hidden danger as a given version left it (the stored one, or a replay of its chain up to there). */
    private HiddenDanger versionAt(HiddenDangerId id, long version) {
        HiddenDanger now = find(id).orElseThrow(() -> new IllegalStateException("Hidden danger [" + id
                + "] of a recorded command is not stored"));
        if (now.version() == version) {
            return now;
        }
        List<AuditEntry> chain = auditEntries(id);
        return AuditChain.replay(chain.subList(0, (int) Math.min(version, chain.size())), keys);
    }

    /** Stores a transition; a stale version that was in fact this command's own earlier attempt returns it. */
    private HiddenDanger storeOnce(Transition t, Optional<HiddenDanger> before, CommandId commandId,
            String fingerprint) {
        try {
            return store(t, before, commandId, fingerprint);
        } catch (StaleVersionException e) {
            Optional<HiddenDanger> done = stored(commandId, fingerprint);
            if (done.isPresent()) {
                return done.get();
            }
            throw e;
        }
    }

    /** @return the closed-loop service (for tests in this package) */
    ClosedLoopService closedLoop() {
        return closedLoop;
    }

    /**
     * The checked transition of a report, not stored yet: lets the inspections area validate every hidden
     * danger of a recorded task before it stores anything, then {@link #write} them in its own unit.
     */
    Transition prepareReport(HiddenDangerCommand.Report command) {
        return closedLoop.report(command);
    }

    /**
     * Stores a transition in one atomic unit with its follow-ups, then delivers its events.
     *
     * @param t the transition
     * @param before the stored version it replaces, empty for a report
     * @param commandId the command's id
     * @param fingerprint the command's fingerprint
     * @return the stored hidden danger
     */
    private HiddenDanger store(Transition t, Optional<HiddenDanger> before, CommandId commandId, String fingerprint) {
        Before b = before(t, before);
        storage.atomically(() -> {
            write(t, commandId, fingerprint);
            return null;
        });
        return after(t, b);
    }

    /** What the effective-level change after a transition is measured against. */
    record Before(Optional<RiskPoint> point, @Nullable EffectiveLevel level) {
    }

    /** The effective level of the transition's risk point before it is stored. */
    Before before(Transition t, Optional<HiddenDanger> before) {
        HiddenDanger next = t.next();
        // effective-level changes are reported for assessed risk points only (an unassessed one has no level)
        Optional<RiskPoint> point = next.riskPoint().flatMap(storage.riskPoints()::find)
                .filter(p -> levels.assessedLevel(p).isPresent());
        EffectiveLevel levelBefore = point.map(p -> levels.effectiveLevel(p, levels.dangersAt(p.id(), before)))
                .orElse(null);
        return new Before(point, levelBefore);
    }

    /**
     * Writes a transition and everything that follows from it; call inside {@link Storage#atomically}: the next
     * version with its audit entry, the reassessment flags, the command record and the outbox entry.
     */
    void write(Transition t, CommandId commandId, String fingerprint) {
        HiddenDanger next = t.next();
        storage.hiddenDangers().save(next, t.expectedVersion(), t.audit());
        for (HiddenDangerEvent e : t.events()) {
            if (e instanceof HiddenDangerEvent.ReassessmentRequested) {
                flag((HiddenDangerEvent.ReassessmentRequested) e);
            }
        }
        storage.commands().record(new CommandRecord(commandId, fingerprint, next.id(), next.version()));
        storage.outbox().add(new OutboxEntry(next.id(), next.version()));
    }

    /** After the unit committed: the events, the outbox entry marked delivered, the effective-level change. */
    HiddenDanger after(Transition t, Before b) {
        HiddenDanger next = t.next();
        deliver(new OutboxEntry(next.id(), next.version()), t.events());
        EffectiveLevel levelBefore = b.level();
        if (b.point().isPresent() && levelBefore != null) {
            RiskPoint point = b.point().get();
            try {
                RiskPoint p = storage.riskPoints().find(point.id()).orElse(point);
                EffectiveLevel after = levels.effectiveLevel(p, levels.dangersAt(p.id(), Optional.of(next)));
                EffectiveLevelChanged.between(levelBefore, after, t.audit().at(), Optional.of(next.id()))
                        .ifPresent(publisher::publish);
            } catch (RuntimeException ex) {
                publisher.failed("effective level of risk point [" + point.id() + "]", ex);
            }
        }
        return next;
    }

    private void deliver(OutboxEntry entry, List<HiddenDangerEvent> events) {
        for (HiddenDangerEvent e : events) {
            publisher.publish(e);
        }
        try {
            storage.outbox().delivered(entry);
        } catch (RuntimeException ex) {
            // the events were handed out; the entry stays pending and they go out again on the next delivery
            publisher.failed("outbox entry [" + entry.dangerId() + " #" + entry.sequence() + "]", ex);
        }
    }

    /**
     * Hands the events of every stored change still in the outbox to the listeners, and marks each delivered:
     * the changes whose events were not delivered because the process stopped (or the storage failed) after
     * the commit. {@link DualPrevention.Builder#build()} runs it once; a host may run it again (after a storage
     * outage, or from its scheduler). Events can be delivered twice (at least once, never lost): a listener
     * that must not act twice keys its work on the event's hidden danger and version.
     *
     * @return how many changes' events were delivered
     */
    public int deliverPending() {
        int n = 0;
        for (;;) {
            List<OutboxEntry> pending = storage.outbox().pending(PAGE);
            if (pending.isEmpty()) {
                return n;
            }
            for (OutboxEntry e : pending) {
                List<AuditEntry> chain = auditEntries(e.dangerId());
                if (chain.size() < e.sequence()) {
                    publisher.failed("outbox entry [" + e.dangerId() + " #" + e.sequence() + "]",
                            new IllegalStateException("its audit entry is not stored"));
                    storage.outbox().delivered(e);
                    continue;
                }
                int seq = (int) e.sequence();
                Optional<HiddenDanger> before = seq == 1 ? Optional.empty()
                        : Optional.of(AuditChain.replay(chain.subList(0, seq - 1), keys));
                HiddenDanger next = AuditChain.replay(chain.subList(0, seq), keys);
                deliver(e, closedLoop.events(before, chain.get(seq - 1), next));
                n++;
            }
            if (pending.size() < PAGE) {
                return n;
            }
        }
    }

    /**
     * Flags the hazard of a failed control measure for reassessment on its risk point, inside the unit of the
     * hidden danger that names it. A risk point, hazard or measure that is no longer in the register has nothing
     * to flag: that is reported to the failure handler and does not stop the command. A concurrent change of the
     * risk point is retried (each attempt reloads it); if it keeps changing, the whole command fails with
     * {@link StaleVersionException} and nothing of it is stored.
     */
    private void flag(HiddenDangerEvent.ReassessmentRequested e) {
        retrying(FLAG_ATTEMPTS, () -> {
            Optional<RiskPoint> found = storage.riskPoints().find(e.riskPoint());
            if (found.isEmpty()) {
                publisher.failed(e, new IllegalArgumentException("risk point [" + e.riskPoint()
                        + "] named by hidden danger [" + e.dangerId() + "] is not stored"));
                return null;
            }
            RiskPoint p = found.get();
            RiskPoint flagged;
            try {
                flagged = RiskFeedback.flagForReassessment(p, e);
            } catch (IllegalArgumentException ex) {
                publisher.failed(e, ex);
                return null;
            }
            if (!flagged.equals(p)) {
                storage.riskPoints().save(flagged.withVersion(p.version() + 1), p.version());
            }
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------ reading

    /**
     * The stored hidden danger.
     *
     * @param id the id
     * @return it, or empty
     */
    public Optional<HiddenDanger> find(HiddenDangerId id) {
        return storage.hiddenDangers().find(id);
    }

    /**
     * One page of hidden dangers. For "a unit with its sub-units" pass
     * {@code query.inUnits(dp.register().unitAndBelow(u))}.
     *
     * @param query the query
     * @param page the page
     * @return the page
     */
    public Page<HiddenDanger> find(HiddenDangerQuery query, PageRequest page) {
        return storage.hiddenDangers().find(query, page);
    }

    // ------------------------------------------------------------------------------------------ overdue sweep

    /**
     * Reports the hidden dangers that became overdue since the previous sweep as
     * {@link HiddenDangerEvent.Overdue} events to the listeners. Overdue is derived, nothing is stored: a
     * hidden danger is newly overdue when it is overdue today but was not on {@code previousSweep}, so a
     * host that sweeps daily and passes the day of its last sweep gets each one once per deadline in force
     * (sweeping twice with the same {@code previousSweep} reports the same events again). A newly overdue
     * hidden danger that raises its risk point's effective level is also reported as an
     * {@link EffectiveLevelChanged}.
     *
     * @param previousSweep the day of the previous sweep (the day before the first one)
     * @return the events published
     */
    public List<HiddenDangerEvent.Overdue> sweepOverdue(LocalDate previousSweep) {
        Objects.requireNonNull(previousSweep, "previousSweep");
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<HiddenDanger> overdue = Page.stream(
                p -> storage.hiddenDangers().find(HiddenDangerQuery.all().overdueAsOf(today), p), PAGE)
                .collect(Collectors.toList());
        List<HiddenDangerEvent.Overdue> events = OverdueSweep.newlyOverdue(overdue, previousSweep, now, zone);
        Map<RiskPointId, EffectiveLevel> seen = new HashMap<>();
        for (HiddenDangerEvent.Overdue e : events) {
            publisher.publish(e);
        }
        // an overdue general hidden danger may raise its risk point's level
        for (HiddenDanger d : overdue) {
            if (d.riskPoint().isPresent() && !seen.containsKey(d.riskPoint().get())
                    && events.stream().anyMatch(e -> e.dangerId().equals(d.id()))) {
                storage.riskPoints().find(d.riskPoint().get()).ifPresent(p -> {
                    List<HiddenDanger> ds = levels.dangersAt(p.id(), Optional.empty());
                    EffectiveLevel then = levels.assessedLevel(p)
                            .map(l -> levels.evaluate(p.id(), l, ds, previousSweep)).orElse(null);
                    EffectiveLevel nowLevel = levels.effectiveLevel(p, ds);
                    seen.put(p.id(), nowLevel);
                    if (then != null) {
                        EffectiveLevelChanged.between(then, nowLevel, now, Optional.of(d.id()))
                                .ifPresent(publisher::publish);
                    }
                });
            }
        }
        return events;
    }

    // ------------------------------------------------------------------------------------------ audit chain

    /**
     * Verifies the audit chain of a stored hidden danger against its stored state: every entry's hash,
     * the links between entries, and that replaying the chain rebuilds the stored hidden danger. A chain edited
     * in the store gives an invalid verification naming the first bad entry (also when the store itself refuses to
     * load the hidden danger because of it), never an exception.
     *
     * @param id the hidden danger
     * @return the verification
     * @throws IllegalArgumentException if no such hidden danger is stored
     */
    public ChainVerification verifyAuditChain(HiddenDangerId id) {
        List<AuditEntry> entries = auditEntries(id);
        Optional<HiddenDanger> current;
        try {
            current = find(id);
        } catch (RuntimeException e) {
            // a store that loads by replaying the chain (or checks the state against it) refuses an edited one: say
            // which entry is at fault instead of passing the failure on
            ChainVerification chain = AuditChain.verify(entries, keys);
            if (!chain.isValid() || entries.isEmpty()) {
                return chain;
            }
            AuditEntry last = entries.get(entries.size() - 1);
            return ChainVerification.broken(entries.size(), entries.size() - 1, last.sequence(),
                    "the stored hidden danger does not match its chain: " + e.getMessage());
        }
        if (current.isEmpty()) {
            throw new IllegalArgumentException("Hidden danger [" + id + "] is not stored");
        }
        return AuditChain.verify(entries, current.get(), keys);
    }

    /**
     * The audit entries of a hidden danger, in order.
     *
     * @param id the hidden danger
     * @return the entries (a hidden danger has one per accepted command, usually a handful)
     */
    public List<AuditEntry> auditEntries(HiddenDangerId id) {
        return Page.stream(p -> storage.auditLog().entries(id, p), PAGE).collect(Collectors.toList());
    }

    // ------------------------------------------------------------------ the record of truth (issue 12, chain half)

    /**
     * Verifies one hidden danger fully: its chain entry by entry, against its snapshot, and replayed to a hidden
     * danger equal to the snapshot (the slow check; a load only checks the snapshot against its head entry).
     *
     * @param id the hidden danger
     * @return the fault found, or empty when it passes
     * @since 0.2
     */
    public Optional<StoreVerification.Fault> verifyFully(HiddenDangerId id) {
        return StoreVerification.verify(storage, Objects.requireNonNull(id, "id"), keys);
    }

    /**
     * Verifies every stored hidden danger fully, page by page, going on past every fault.
     *
     * @param resumeToken the {@link StoreVerification.Progress#resumeToken()} of an interrupted run, or empty
     * @param progress told after each page, with the token to resume from
     * @return the number checked and every fault
     * @since 0.2
     */
    public StoreVerification.Result verifyAll(Optional<String> resumeToken,
            java.util.function.Consumer<StoreVerification.Progress> progress) {
        return StoreVerification.verifyAll(storage, resumeToken, progress, keys);
    }

    /**
     * A checkpoint of every audit chain as of one minute ago ({@link Checkpoints#DEFAULT_LAG}), to keep outside
     * the store (print it in the monthly report) and verify the store against later.
     *
     * @return the checkpoint
     * @since 0.2
     */
    public Checkpoint checkpoint() {
        return checkpoint(clock.instant().minus(Checkpoints.DEFAULT_LAG));
    }

    /**
     * A checkpoint of every audit chain as of an instant.
     *
     * @param asOf the instant
     * @return the checkpoint
     * @since 0.2
     */
    public Checkpoint checkpoint(Instant asOf) {
        return Checkpoints.of(storage, asOf);
    }

    /**
     * Verifies the store against a checkpoint taken earlier: finds any change to the history it covers (a chain
     * rolled back or truncated, a hidden danger deleted, history rewritten with recomputed hashes, entries
     * back-dated into it). The printed checkpoint does not say which hidden danger changed: keep its detail for that
     * ({@link #verify(CheckpointDetail)}). With the engine's keys every chain is also verified under them, and each
     * that fails is a finding naming the hidden danger and the entry.
     *
     * @param checkpoint the checkpoint
     * @return the result
     * @since 0.2
     */
    public CheckpointVerification verify(Checkpoint checkpoint) {
        return Checkpoints.verify(storage, checkpoint, keys);
    }

    /**
     * A checkpoint of every audit chain as of an instant with its detailed form (one leaf per hidden danger), for a
     * host that prints {@link CheckpointDetail#checkpoint()} and keeps the detail to localise a later fault
     * ({@link #verify(CheckpointDetail)}).
     *
     * @param asOf the instant, e.g. {@code clock.instant().minus(Checkpoints.DEFAULT_LAG)}
     * @return the detail
     * @since 0.2
     */
    public CheckpointDetail checkpointDetail(Instant asOf) {
        return Checkpoints.detail(storage, asOf);
    }

    /**
     * Verifies the store against a checkpoint's detailed form and names each hidden danger rolled back or truncated,
     * deleted, rewritten, or extended or added with back-dated entries since the checkpoint; with the engine's keys
     * ({@link DualPrevention.Builder#auditKeys}) also each whose chain fails under them.
     *
     * @param detail the detail kept with the checkpoint
     * @return the result, its {@link CheckpointVerification#findings()} naming the hidden dangers
     * @throws IllegalArgumentException if the detail's leaves do not give its checkpoint (altered)
     * @since 0.2
     */
    public CheckpointVerification verify(CheckpointDetail detail) {
        return Checkpoints.verify(storage, detail, keys);
    }
}

