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
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.Checkpoint;
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
import org.dualprevention.engine.closedloop.ClosedLoopService;
import org.dualprevention.engine.closedloop.StoreVerification;
import org.dualprevention.engine.dynamic.RiskFeedback;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
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
 * The hidden danger is loaded, the closed-loop service checks and applies the command, and the next version is
 * saved with its audit entry in one atomic call ({@link StaleVersionException} if it changed concurrently;
 * nothing is stored). Then, in this order: a hazard whose control measure failed is flagged for reassessment
 * on its risk point, the events go to the listeners, and a change of the risk point's effective level is
 * published as {@link EffectiveLevelChanged}. None of these follow-ups can undo the stored change; their
 * failures go to the log and the failure handler (see {@link DualPrevention}).
 *
 * <p>This class is thread-safe if the storage, listeners and policies are.
 *
 * @since 0.1
 */
public final class HiddenDangers {
    /**
     * How many times flagging a hazard for reassessment is tried before its failure is reported.
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

    HiddenDangers(Storage storage, Clock clock, ZoneId zone, ClosedLoopService closedLoop, EffectiveLevels levels,
            EventPublisher publisher, List<CommandObserver> observers) {
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
     * Reports a new hidden danger (an inspection finding or a random observation, 随手拍).
     *
     * @param command the report
     * @return the stored hidden danger, version 1
     * @throws org.dualprevention.AccessDeniedException if the access policy refuses
     * @throws ValidationException listing every guard violation
     * @throws StaleVersionException if the id is already used
     */
    public HiddenDanger report(HiddenDangerCommand.Report command) {
        return observed(command, () -> store(closedLoop.report(command), Optional.empty()));
    }

    /**
     * Applies a command of the closed loop to a stored hidden danger: load, apply, save with the audit
     * entry, then publish the events.
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
        return observed(command, () -> {
            HiddenDanger current = find(id).orElseThrow(() -> new NotStored(
                    "Hidden danger [" + id + "] is not stored"));
            return store(closedLoop.apply(current, command), Optional.of(current));
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
     * The checked transition of a report, not stored yet: lets the inspections area validate every hidden
     * danger of a recorded task before it stores anything, then {@link #store} them.
     */
    Transition prepareReport(HiddenDangerCommand.Report command) {
        return closedLoop.report(command);
    }

    /**
     * Saves a transition with its audit entry, then runs the follow-ups: reassessment flags, events, and the
     * effective-level change of the linked risk point.
     *
     * @param t the transition
     * @param before the stored version it replaces, empty for a report
     * @return the stored hidden danger
     */
    HiddenDanger store(Transition t, Optional<HiddenDanger> before) {
        HiddenDanger next = t.next();
        // effective-level changes are reported for assessed risk points only (an unassessed one has no level)
        Optional<RiskPoint> point = next.riskPoint().flatMap(storage.riskPoints()::find)
                .filter(p -> levels.assessedLevel(p).isPresent());
        EffectiveLevel levelBefore = point.map(p -> levels.effectiveLevel(p, levels.dangersAt(p.id(), before)))
                .orElse(null);
        storage.hiddenDangers().save(next, t.expectedVersion(), t.audit());
        // stored: from here on nothing undoes the change
        for (HiddenDangerEvent e : t.events()) {
            if (e instanceof HiddenDangerEvent.ReassessmentRequested) {
                flag((HiddenDangerEvent.ReassessmentRequested) e);
            }
        }
        for (HiddenDangerEvent e : t.events()) {
            publisher.publish(e);
        }
        if (point.isPresent()) {
            try {
                RiskPoint p = storage.riskPoints().find(point.get().id()).orElse(point.get());
                EffectiveLevel after = levels.effectiveLevel(p, levels.dangersAt(p.id(), Optional.of(next)));
                EffectiveLevelChanged.between(levelBefore, after, t.audit().at(), Optional.of(next.id()))
                        .ifPresent(publisher::publish);
            } catch (RuntimeException ex) {
                publisher.failed("effective level of risk point [" + point.get().id() + "]", ex);
            }
        }
        return next;
    }

    private void flag(HiddenDangerEvent.ReassessmentRequested e) {
        try {
            retrying(FLAG_ATTEMPTS, () -> {
                RiskPoint p = storage.riskPoints().find(e.riskPoint()).orElseThrow(() -> new IllegalArgumentException(
                        "risk point [" + e.riskPoint() + "] named by hidden danger [" + e.dangerId() + "] is not stored"));
                RiskPoint flagged = RiskFeedback.flagForReassessment(p, e);
                if (!flagged.equals(p)) {
                    storage.riskPoints().save(flagged.withVersion(p.version() + 1), p.version());
                }
                return null;
            });
        } catch (RuntimeException ex) {
            publisher.failed(e, ex);
        }
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
     * the links between entries, and that replaying the chain rebuilds the stored hidden danger.
     *
     * @param id the hidden danger
     * @return the verification
     * @throws IllegalArgumentException if no such hidden danger is stored
     */
    public ChainVerification verifyAuditChain(HiddenDangerId id) {
        HiddenDanger current = find(id).orElseThrow(() -> new IllegalArgumentException(
                "Hidden danger [" + id + "] is not stored"));
        return AuditChain.verify(auditEntries(id), current);
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
        return StoreVerification.verify(storage, Objects.requireNonNull(id, "id"));
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
        return StoreVerification.verifyAll(storage, resumeToken, progress);
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
     * back-dated into it).
     *
     * @param checkpoint the checkpoint
     * @return the result
     * @since 0.2
     */
    public CheckpointVerification verify(Checkpoint checkpoint) {
        return Checkpoints.verify(storage, checkpoint);
    }
}

