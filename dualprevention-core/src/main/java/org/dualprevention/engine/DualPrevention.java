package org.dualprevention.engine;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dualprevention.ProviderConfigurationException;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.OverdueSweep;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.ClosedLoopService;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.engine.dynamic.RiskFeedback;
import org.dualprevention.engine.inspection.InspectionScheduler;
import org.dualprevention.engine.inspection.RoutineCadence;
import org.dualprevention.engine.internal.ProviderRegistry;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionRecord;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemOutcome;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.MeasureLink;
import org.dualprevention.inspection.TaskMissed;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.spi.InspectionListener;
import org.dualprevention.query.InspectionPlanQuery;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.spi.LevelCombination;
import org.dualprevention.engine.closedloop.OrganizationAccessPolicy;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.spi.Storage;
import org.dualprevention.query.Versioned;

/**
 * The facade an embedder starts from: the risk register and assessments (first firewall), inspections and
 * the hidden-danger closed loop (second firewall), and the loop back to risk, all over an explicitly given
 * {@link Storage}.
 *
 * <pre>{@code
 * DualPrevention dp = DualPrevention.builder()
 *         .storage(InMemoryStorage.create())          // required; no silent default
 *         .clock(Clock.system(ZoneId.of("Asia/Shanghai")))
 *         .build();                                   // built-in methods LEC, LS, … are discovered
 * }</pre>
 *
 * <h2>How a change is made</h2>
 * Every change loads the aggregate, computes its next immutable version, and saves it with the version it
 * replaces ({@code save(next, expectedVersion, …)}); a concurrent change makes the save fail with
 * {@link StaleVersionException}, which reaches the caller unchanged (nothing was stored; reload and retry,
 * or use {@link #retrying(int, Supplier)}). The library never opens or commits a transaction: a host that
 * wants several changes in one transaction runs the calls inside its own and gives a storage that joins it.
 *
 * <p>Events are handed to the registered listeners only after the change is stored, on the calling thread,
 * in the order produced. A listener that throws does not undo or block the change and does not stop the other
 * listeners: its failure is logged through {@link System.Logger} (logger {@code org.dualprevention.engine})
 * and passed to the optional failure handler.
 *
 * <h2>The loop back to risk</h2>
 * A hidden danger naming a failed control measure flags that hazard for reassessment (saved on its risk
 * point); a new assessment clears the flag. Whenever a change of a hidden danger or of an assessment
 * changes the effective level of a risk point (by the {@link EffectiveLevelPolicy}), listeners get an
 * {@link EffectiveLevelChanged} (only for risk points that have been assessed; a first assessment gives a
 * level and is not reported as a change).
 *
 * <h2>Time</h2>
 * All instants come from the builder's clock; "today" is the clock's instant in the organisation's zone.
 *
 * <p>This class is thread-safe if the storage, listeners and policies are.
 *
 * @since 0.1
 */
public final class DualPrevention {
    private static final System.Logger LOG = System.getLogger("org.dualprevention.engine");
    private static final int PAGE = 500;

    /** The message of {@link Builder#build()} when no storage was given (STYLE.md §4.2 step 6). */
    public static final String NO_STORAGE = "No storage configured; pass one to DualPrevention.builder().storage(..), "
            + "e.g. InMemoryStorage.create() for tests and demos";

    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final ProviderRegistry providers;
    private final Assessor assessor;
    private final ClosedLoopService closedLoop;
    private final EffectiveLevelPolicy effectivePolicy;
    private final LevelCombination combination;
    private final RoutineCadence cadence;
    private final InspectionScheduler scheduler;
    private final List<HiddenDangerListener> dangerListeners;
    private final List<InspectionListener> inspectionListeners;
    private final BiConsumer<Object, RuntimeException> failureHandler;

    private DualPrevention(Builder b, ProviderRegistry providers) {
        this.storage = b.storage;
        this.clock = b.clock;
        this.zone = b.zone != null ? b.zone : b.clock.getZone();
        this.providers = providers;
        this.assessor = Assessor.of(providers);
        AccessPolicy policy = b.accessPolicy != null ? b.accessPolicy
                : request -> OrganizationAccessPolicy.of(organization()).decide(request);
        this.closedLoop = ClosedLoopService.of(clock, zone, b.settings, policy);
        this.effectivePolicy = b.effectivePolicy;
        this.combination = b.combination;
        this.cadence = b.cadence;
        this.scheduler = new InspectionScheduler(zone);
        this.dangerListeners = List.copyOf(b.dangerListeners);
        this.inspectionListeners = List.copyOf(b.inspectionListeners);
        this.failureHandler = b.failureHandler;
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------ wiring

    /** @return the storage */
    public Storage storage() {
        return storage;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the organisation's time zone */
    public ZoneId zone() {
        return zone;
    }

    /** @return the assessment methods and grading schemes available */
    public Providers providers() {
        return providers;
    }

    /** @return today in the organisation's zone, by the clock */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /**
     * Runs an operation again when it fails with {@link StaleVersionException} (a concurrent change won),
     * up to {@code attempts} times in all. The operation must reload what it changes on each run.
     *
     * @param attempts how many runs at most, at least 1
     * @param operation the operation
     * @param <T> its result
     * @return the result of the first run that did not meet a stale version
     * @throws StaleVersionException from the last run if every run met one
     */
    public <T> T retrying(int attempts, Supplier<T> operation) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts [" + attempts + "] must be at least 1");
        }
        for (int i = 1;; i++) {
            try {
                return operation.get();
            } catch (StaleVersionException e) {
                if (i >= attempts) {
                    throw e;
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ organisation

    /**
     * The stored organisation.
     *
     * @return the organisation
     * @throws IllegalStateException if none is stored yet
     */
    public Organization organization() {
        return storage.organization().load().map(Versioned::value).orElseThrow(() -> new IllegalStateException(
                "No organisation is stored yet; call saveOrganization(..) first"));
    }

    /**
     * Stores the organisation, replacing the stored one.
     *
     * @param org the organisation
     * @throws StaleVersionException if it changed concurrently
     */
    public void saveOrganization(Organization org) {
        Objects.requireNonNull(org, "org");
        long version = storage.organization().load().map(Versioned::version).orElse(0L);
        storage.organization().save(org, version);
    }

    /**
     * A unit and every unit below it, for queries "with sub-units".
     *
     * @param unit the unit
     * @return the unit's subtree
     */
    public Set<OrgUnitId> unitAndBelow(OrgUnitId unit) {
        return organization().selfAndDescendants(unit);
    }

    // ------------------------------------------------------------------------------------------ risk register

    /**
     * Registers a new risk point (version 0) with its hazards and measures.
     *
     * @param point the risk point, version 0
     * @return the stored risk point, version 1
     * @throws ValidationException if a unit is unknown or a hazard id is used by another risk point
     * @throws StaleVersionException if a risk point with the id exists already
     */
    public RiskPoint registerRiskPoint(RiskPoint point) {
        Objects.requireNonNull(point, "point");
        if (point.version() != 0) {
            throw new IllegalArgumentException("risk point [" + point.id() + "] has version [" + point.version()
                    + "]; register new risk points with version 0 and change stored ones with updateRiskPoint");
        }
        validate(point);
        RiskPoint next = point.withVersion(1);
        storage.riskPoints().save(next, 0);
        return next;
    }

    /**
     * Stores a changed risk point. {@code changed.version()} is the version it was loaded with.
     *
     * @param changed the risk point as changed by the caller
     * @return the stored risk point, with the next version
     * @throws ValidationException if a unit is unknown or a hazard id is used by another risk point
     * @throws StaleVersionException if it changed concurrently since it was loaded
     */
    public RiskPoint updateRiskPoint(RiskPoint changed) {
        Objects.requireNonNull(changed, "changed");
        validate(changed);
        RiskPoint next = changed.withVersion(changed.version() + 1);
        storage.riskPoints().save(next, changed.version());
        return next;
    }

    private void validate(RiskPoint point) {
        Organization org = organization();
        ValidationException.Collector v = new ValidationException.Collector("risk point [" + point.id() + "]");
        v.addIf(!org.contains(point.owningUnit()), "owningUnit", point.owningUnit(), "a unit of the organisation");
        for (int i = 0; i < point.hazards().size(); i++) {
            Hazard h = point.hazards().get(i);
            Optional<RiskPoint> holder = storage.riskPoints().findByHazard(h.id());
            if (holder.isPresent() && !holder.get().id().equals(point.id())) {
                v.add("hazards[" + i + "].id", h.id(), "an id not used by another risk point (used by ["
                        + holder.get().id() + "])");
            }
            for (int j = 0; j < h.measures().size(); j++) {
                ControlMeasure m = h.measures().get(j);
                v.addIf(!org.contains(m.responsibleUnit()), "hazards[" + i + "].measures[" + j + "].responsibleUnit",
                        m.responsibleUnit(), "a unit of the organisation");
            }
        }
        v.throwIfAny();
    }

    /**
     * The stored risk point.
     *
     * @param id the id
     * @return it, or empty
     */
    public Optional<RiskPoint> riskPoint(RiskPointId id) {
        return storage.riskPoints().find(id);
    }

    /**
     * One page of risk points.
     *
     * @param query the query
     * @param page the page
     * @return the page
     */
    public Page<RiskPoint> riskPoints(RiskPointQuery query, PageRequest page) {
        return storage.riskPoints().find(query, page);
    }

    /**
     * Assesses a hazard, stores the assessment in its history (clearing its reassessment flag) and reports a
     * change of the risk point's effective level.
     *
     * @param hazard the hazard
     * @param request the method, factor values, kind and assessor
     * @return the assessment
     * @throws IllegalArgumentException if no stored risk point holds the hazard
     * @throws StaleVersionException if the risk point changed concurrently
     */
    public Assessment assess(HazardId hazard, AssessmentRequest request) {
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(request, "request");
        RiskPoint point = storage.riskPoints().findByHazard(hazard).orElseThrow(() -> new IllegalArgumentException(
                "hazard [" + hazard + "] is on no stored risk point"));
        boolean wasAssessed = assessedLevel(point).isPresent();
        EffectiveLevel before = effectiveLevel(point, dangersAt(point.id(), Optional.empty()));
        Hazard assessed = assessor.assess(point.hazard(hazard).orElseThrow(), request, clock);
        RiskPoint next = point.withHazardChanged(hazard, h -> assessed).withVersion(point.version() + 1);
        storage.riskPoints().save(next, point.version());
        EffectiveLevel after = effectiveLevel(next, dangersAt(point.id(), Optional.empty()));
        if (wasAssessed) {
            // the first assessment gives the point a level; it is not a change of one
            EffectiveLevelChanged.between(before, after, clock.instant(), Optional.empty()).ifPresent(this::publish);
        }
        return assessed.assessments().get(assessed.assessments().size() - 1);
    }

    /**
     * The assessed level of a risk point: its hazards' levels (each by the combination rule) combined by
     * taking the most severe.
     *
     * @param point the risk point
     * @return the level, empty if no hazard is assessed
     */
    public Optional<RiskLevel> assessedLevel(RiskPoint point) {
        RiskLevel worst = null;
        for (Hazard h : point.hazards()) {
            Optional<RiskLevel> l = combination.levelOf(h);
            if (l.isPresent()) {
                worst = worst == null ? l.get() : RiskLevel.mostSevere(worst, l.get());
            }
        }
        return Optional.ofNullable(worst);
    }

    /**
     * The effective (dynamic) level of a risk point today (REFERENCE §10.2).
     *
     * @param id the risk point
     * @return the effective level, empty if the risk point is unknown or not assessed
     */
    public Optional<EffectiveLevel> effectiveLevel(RiskPointId id) {
        Optional<RiskPoint> p = storage.riskPoints().find(id);
        if (p.isEmpty() || assessedLevel(p.get()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(effectiveLevel(p.get(), dangersAt(id, Optional.empty())));
    }

    private EffectiveLevel effectiveLevel(RiskPoint point, Collection<HiddenDanger> dangers) {
        Optional<RiskLevel> assessed = assessedLevel(point);
        if (assessed.isEmpty()) {
            // an unassessed point has no level to raise: report it as LOW with no reasons, never as an event
            return EffectiveLevel.asAssessed(point.id(), RiskLevel.LOW);
        }
        return effectivePolicy.evaluate(point.id(), assessed.get(), dangers, today());
    }

    /** The stored hidden dangers of a risk point, with {@code replacement} put in place of its stored version. */
    private List<HiddenDanger> dangersAt(RiskPointId point, Optional<HiddenDanger> replacement) {
        Map<HiddenDangerId, HiddenDanger> all = new LinkedHashMap<>();
        Page.stream(p -> storage.hiddenDangers().find(HiddenDangerQuery.all().atRiskPoint(point), p), PAGE)
                .forEach(d -> all.put(d.id(), d));
        replacement.ifPresent(d -> all.put(d.id(), d));
        return List.copyOf(all.values());
    }

    // ------------------------------------------------------------------------------------------ hidden dangers

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
        return store(closedLoop.report(command), Optional.empty());
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
        HiddenDanger current = hiddenDanger(id).orElseThrow(() -> new IllegalArgumentException(
                "Hidden danger [" + id + "] is not stored"));
        return store(closedLoop.apply(current, command), Optional.of(current));
    }

    private HiddenDanger store(Transition t, Optional<HiddenDanger> before) {
        HiddenDanger next = t.next();
        // effective-level changes are reported for assessed risk points only (an unassessed one has no level)
        Optional<RiskPoint> point = next.riskPoint().flatMap(storage.riskPoints()::find)
                .filter(p -> assessedLevel(p).isPresent());
        EffectiveLevel levelBefore = point.map(p -> effectiveLevel(p, dangersAt(p.id(), before))).orElse(null);
        storage.hiddenDangers().save(next, t.expectedVersion(), t.audit());
        // stored: from here on nothing undoes the change
        for (HiddenDangerEvent e : t.events()) {
            if (e instanceof HiddenDangerEvent.ReassessmentRequested) {
                flag((HiddenDangerEvent.ReassessmentRequested) e);
            }
        }
        for (HiddenDangerEvent e : t.events()) {
            publish(e);
        }
        if (point.isPresent()) {
            try {
                RiskPoint p = storage.riskPoints().find(point.get().id()).orElse(point.get());
                EffectiveLevel after = effectiveLevel(p, dangersAt(p.id(), Optional.of(next)));
                EffectiveLevelChanged.between(levelBefore, after, t.audit().at(), Optional.of(next.id()))
                        .ifPresent(this::publish);
            } catch (RuntimeException ex) {
                failed("effective level of risk point [" + point.get().id() + "]", ex);
            }
        }
        return next;
    }

    private void flag(HiddenDangerEvent.ReassessmentRequested e) {
        try {
            retrying(5, () -> {
                RiskPoint p = storage.riskPoints().find(e.riskPoint()).orElseThrow(() -> new IllegalArgumentException(
                        "risk point [" + e.riskPoint() + "] named by hidden danger [" + e.dangerId() + "] is not stored"));
                RiskPoint flagged = RiskFeedback.flagForReassessment(p, e);
                if (!flagged.equals(p)) {
                    storage.riskPoints().save(flagged.withVersion(p.version() + 1), p.version());
                }
                return null;
            });
        } catch (RuntimeException ex) {
            failed(e, ex);
        }
    }

    /**
     * The stored hidden danger.
     *
     * @param id the id
     * @return it, or empty
     */
    public Optional<HiddenDanger> hiddenDanger(HiddenDangerId id) {
        return storage.hiddenDangers().find(id);
    }

    /**
     * One page of hidden dangers. For "a unit with its sub-units" pass {@code query.inUnits(unitAndBelow(u))}.
     *
     * @param query the query
     * @param page the page
     * @return the page
     */
    public Page<HiddenDanger> hiddenDangers(HiddenDangerQuery query, PageRequest page) {
        return storage.hiddenDangers().find(query, page);
    }

    /**
     * Reports the hidden dangers that became overdue since the previous sweep as
     * {@link HiddenDangerEvent.Overdue} events to the listeners. Overdue is derived, nothing is stored: a
     * hidden danger is newly overdue when it is overdue today but was not on {@code previousSweep}, so a
     * host that sweeps daily and passes the day of its last sweep gets each one once per deadline in force
     * (sweeping twice with the same {@code previousSweep} reports the same events again).
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
            publish(e);
        }
        // an overdue general hidden danger may raise its risk point's level
        for (HiddenDanger d : overdue) {
            if (d.riskPoint().isPresent() && !seen.containsKey(d.riskPoint().get())
                    && events.stream().anyMatch(e -> e.dangerId().equals(d.id()))) {
                storage.riskPoints().find(d.riskPoint().get()).ifPresent(p -> {
                    List<HiddenDanger> ds = dangersAt(p.id(), Optional.empty());
                    EffectiveLevel then = assessedLevel(p).map(l -> effectivePolicy.evaluate(p.id(), l, ds, previousSweep))
                            .orElse(null);
                    EffectiveLevel nowLevel = effectiveLevel(p, ds);
                    seen.put(p.id(), nowLevel);
                    if (then != null) {
                        EffectiveLevelChanged.between(then, nowLevel, now, Optional.of(d.id())).ifPresent(this::publish);
                    }
                });
            }
        }
        return events;
    }

    /**
     * Verifies the audit chain of a stored hidden danger against its stored state: every entry's hash,
     * the links between entries, and that replaying the chain rebuilds the stored hidden danger.
     *
     * @param id the hidden danger
     * @return the verification
     * @throws IllegalArgumentException if no such hidden danger is stored
     */
    public ChainVerification verifyAuditChain(HiddenDangerId id) {
        HiddenDanger current = hiddenDanger(id).orElseThrow(() -> new IllegalArgumentException(
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

    // ------------------------------------------------------------------------------------------ inspections

    /**
     * Stores a new (version 0) or changed inspection plan.
     *
     * @param plan the plan; its version is the one it was loaded with
     * @return the stored plan
     * @throws ValidationException if the plan's unit is not in the organisation
     * @throws StaleVersionException if it changed concurrently
     */
    public InspectionPlan savePlan(InspectionPlan plan) {
        Objects.requireNonNull(plan, "plan");
        ValidationException.Collector v = new ValidationException.Collector("inspection plan [" + plan.id() + "]");
        v.addIf(!organization().contains(plan.unit()), "unit", plan.unit(), "a unit of the organisation");
        v.throwIfAny();
        InspectionPlan next = plan.withVersion(plan.version() + 1);
        storage.inspectionPlans().save(next, plan.version());
        return next;
    }

    /**
     * Creates the routine (and comprehensive) plans of every unit by the routine cadence
     * ({@link InspectionScheduler#routinePlans}), storing those whose id is not stored yet.
     *
     * @param validFrom the first day of the new plans
     * @return the plans stored now
     */
    public List<InspectionPlan> createRoutinePlans(LocalDate validFrom) {
        List<InspectionPlan> stored = new ArrayList<>();
        for (InspectionPlan p : InspectionScheduler.routinePlans(organization(), cadence, validFrom)) {
            if (storage.inspectionPlans().find(p.id()).isEmpty()) {
                try {
                    stored.add(savePlan(p));
                } catch (StaleVersionException e) {
                    // created concurrently: fine
                }
            }
        }
        return List.copyOf(stored);
    }

    /**
     * Generates the tasks of every plan due in {@code [from, before)} and stores those not stored yet.
     * Deterministic: running it again, or over overlapping windows, stores nothing twice. The items of a
     * task are copied from the register as it is now.
     *
     * @param from inclusive start of the due window
     * @param before exclusive end
     * @return how many tasks were stored now
     */
    public int scheduleTasks(Instant from, Instant before) {
        Organization org = organization();
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(93);
        LocalDate last = LocalDate.ofInstant(before, zone);
        List<InspectionPlan> plans = Page.stream(p -> storage.inspectionPlans().find(
                InspectionPlanQuery.all().validBetween(first, last), p), PAGE).collect(Collectors.toList());
        int stored = 0;
        for (InspectionPlan plan : plans) {
            if (!org.contains(plan.unit())) {
                LOG.log(System.Logger.Level.WARNING, "inspection plan [{0}] names unit [{1}], which is not in the"
                        + " organisation; no tasks generated", plan.id(), plan.unit());
                continue;
            }
            List<InspectionItem> controlled = List.of();
            if (plan.includesControlledItems()) {
                List<RiskPoint> points = Page.stream(p -> storage.riskPoints().find(
                        RiskPointQuery.all().inUnits(InspectionScheduler.branch(org, plan.unit())), p), PAGE)
                        .collect(Collectors.toList());
                controlled = InspectionScheduler.controlledItems(org, plan.unit(), points);
            }
            List<InspectionTask> tasks = scheduler.tasks(plan, controlled, from, before);
            if (!tasks.isEmpty()) {
                stored += storage.inspectionTasks().insertMissing(tasks);
            }
        }
        return stored;
    }

    /**
     * One page of the tasks due in {@code [from, before)}, in due order. The first page (no token) first
     * runs {@link #scheduleTasks} over the window, so the tasks exist.
     *
     * @param from inclusive start
     * @param before exclusive end
     * @param page the page
     * @return the page
     */
    public Page<InspectionTask> tasksDue(Instant from, Instant before, PageRequest page) {
        if (page.after().isEmpty()) {
            scheduleTasks(from, before);
        }
        return storage.inspectionTasks().find(InspectionTaskQuery.dueBetween(from, before), page);
    }

    /**
     * The stored task.
     *
     * @param id the id
     * @return it, or empty
     */
    public Optional<InspectionTask> task(InspectionTaskId id) {
        return storage.inspectionTasks().find(id);
    }

    /**
     * Records a done task: one result per item. Each failed item registers a hidden danger (source
     * inspection, linked to the task and item, and for a measure item to the risk point, hazard and failed
     * measure, which flags the hazard for reassessment); its id is derived from the task and item ids, and
     * the result links to it. The hidden dangers are validated before anything is stored; the task is stored
     * first (so two inspectors recording one task cannot both succeed), then the hidden dangers.
     *
     * @param id the task
     * @param inspector who inspected
     * @param results one result per item of the task
     * @return the stored task with its record
     * @throws IllegalArgumentException if the task is unknown, already recorded, or the results do not match its items
     * @throws StaleVersionException if it was recorded concurrently
     */
    public InspectionTask recordTask(InspectionTaskId id, Actor inspector, List<ItemResult> results) {
        Objects.requireNonNull(inspector, "inspector");
        Objects.requireNonNull(results, "results");
        InspectionTask task = task(id).orElseThrow(() -> new IllegalArgumentException(
                "Inspection task [" + id + "] is not stored; schedule it first"));
        Map<org.dualprevention.inspection.InspectionItemId, InspectionItem> items = new HashMap<>();
        for (InspectionItem i : task.items()) {
            items.put(i.id(), i);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<ItemResult> linked = new ArrayList<>();
        List<Transition> reports = new ArrayList<>();
        for (ItemResult r : results) {
            InspectionItem item = items.get(r.item());
            if (r.outcome() != ItemOutcome.FAILED || item == null) {
                linked.add(r);
                continue;
            }
            HiddenDangerId dangerId = dangerId(task.id(), item);
            HiddenDangerCommand.Report report = new HiddenDangerCommand.Report(inspector, dangerId,
                    item.content() + ": " + item.standard(), r.note(), HiddenDangerSource.INSPECTION,
                    Optional.of(item.itemClass() == ChecklistClass.ON_SITE ? HiddenDangerCategory.ON_SITE
                            : HiddenDangerCategory.BASIC_MANAGEMENT),
                    task.unit(), today, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(InspectionRef.of(task.id().value(), item.id().value())), r.evidence());
            if (item.measure().isPresent()) {
                MeasureLink m = item.measure().get();
                report = report.withFailedMeasure(m.riskPoint(), m.hazard(), m.measure());
            }
            reports.add(closedLoop.report(report));
            linked.add(r.withHiddenDanger(dangerId));
        }
        InspectionTask next = task.withRecord(new InspectionRecord(inspector.id(), now, linked))
                .withVersion(task.version() + 1);
        storage.inspectionTasks().save(next, task.version());
        for (Transition t : reports) {
            store(t, Optional.empty());
        }
        for (InspectionListener l : inspectionListeners) {
            try {
                l.onTaskRecorded(next);
            } catch (RuntimeException ex) {
                failed(next, ex);
            }
        }
        return next;
    }

    private static HiddenDangerId dangerId(InspectionTaskId task, InspectionItem item) {
        String key = task.value() + "/" + item.id().value();
        if (key.length() <= 128) {
            return HiddenDangerId.of(key);
        }
        return HiddenDangerId.of(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Reports the tasks due in {@code [since, now)} that have no record as {@link TaskMissed} events. Missed
     * is derived, nothing is stored: pass the instant of the previous sweep as {@code since} and each missed
     * task is reported once.
     *
     * @param since the instant of the previous sweep
     * @return the events published
     */
    public List<TaskMissed> sweepMissed(Instant since) {
        Instant now = clock.instant();
        if (!now.isAfter(since)) {
            return List.of();
        }
        scheduleTasks(since, now);
        List<TaskMissed> events = Page.stream(p -> storage.inspectionTasks().find(
                InspectionTaskQuery.dueBetween(since, now).recorded(false), p), PAGE)
                .map(t -> new TaskMissed(t.id(), t.plan(), t.unit(), t.due(), now)).collect(Collectors.toList());
        for (TaskMissed e : events) {
            for (InspectionListener l : inspectionListeners) {
                try {
                    l.onTaskMissed(e);
                } catch (RuntimeException ex) {
                    failed(e, ex);
                }
            }
        }
        return List.copyOf(events);
    }

    /**
     * Shares a good practice seen by any employee (随手拍), without a task.
     *
     * @param practice the good practice
     * @throws ValidationException if its unit is not in the organisation
     * @throws StaleVersionException if the id is already used
     */
    public void shareGoodPractice(GoodPractice practice) {
        Objects.requireNonNull(practice, "practice");
        ValidationException.Collector v = new ValidationException.Collector("good practice [" + practice.id() + "]");
        v.addIf(!organization().contains(practice.unit()), "unit", practice.unit(), "a unit of the organisation");
        v.throwIfAny();
        storage.goodPractices().add(practice);
    }

    // ------------------------------------------------------------------------------------------ events

    private void publish(HiddenDangerEvent e) {
        for (HiddenDangerListener l : dangerListeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                failed(e, ex);
            }
        }
    }

    private void publish(EffectiveLevelChanged e) {
        for (HiddenDangerListener l : dangerListeners) {
            try {
                l.onEffectiveLevelChanged(e);
            } catch (RuntimeException ex) {
                failed(e, ex);
            }
        }
    }

    private void failed(Object subject, RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "A listener or follow-up failed on [" + subject
                + "]; the change it follows stays stored", ex);
        try {
            failureHandler.accept(subject, ex);
        } catch (RuntimeException again) {
            LOG.log(System.Logger.Level.ERROR, "The listener failure handler failed too", again);
        }
    }

    @Override
    public String toString() {
        return "DualPrevention[storage=" + storage.description() + ", zone=" + zone + ", " + providers.summary() + "]";
    }

    // ------------------------------------------------------------------------------------------ builder

    /**
     * Configures a {@link DualPrevention}. Only the storage is required.
     *
     * <p>Defaults: the clock {@link Clock#systemDefaultZone()} (pass your own for tests and for a host whose
     * JVM zone is not the organisation's); the organisation's zone is the clock's zone; assessment methods and
     * grading schemes are discovered with {@link java.util.ServiceLoader} plus those registered here; the
     * access policy is the {@link OrganizationAccessPolicy} of the stored organisation; closed-loop settings
     * {@link ClosedLoopSettings#defaults()} (separation of duties on); the effective-level policy
     * {@link DefaultEffectiveLevelPolicy}; the combination rule {@link LevelCombination#MOST_SEVERE}; the
     * routine cadence {@link RoutineCadence#defaults()}; no listeners; listener failures are logged only.
     *
     * <p>This class is not thread-safe; use it from one thread, then share the built engine.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Storage storage;
        private Clock clock = Clock.systemDefaultZone();
        private ZoneId zone;
        private boolean discover = true;
        private final ProviderRegistry.Builder registry = ProviderRegistry.builder();
        private AccessPolicy accessPolicy;
        private ClosedLoopSettings settings = ClosedLoopSettings.defaults();
        private EffectiveLevelPolicy effectivePolicy = DefaultEffectiveLevelPolicy.create();
        private LevelCombination combination = LevelCombination.MOST_SEVERE;
        private RoutineCadence cadence = RoutineCadence.defaults();
        private final List<HiddenDangerListener> dangerListeners = new ArrayList<>();
        private final List<InspectionListener> inspectionListeners = new ArrayList<>();
        private BiConsumer<Object, RuntimeException> failureHandler = (s, e) -> { };
        private final List<Runnable> registrations = new ArrayList<>();

        private Builder() {
        }

        /**
         * The storage (required).
         *
         * @param s the storage, e.g. {@code InMemoryStorage.create()}
         * @return this builder
         */
        public Builder storage(Storage s) {
            this.storage = Objects.requireNonNull(s, "storage");
            return this;
        }

        /**
         * The clock all times come from.
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * The organisation's time zone (deadlines, "today", calendar periods); defaults to the clock's zone.
         *
         * @param z the zone
         * @return this builder
         */
        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        /**
         * Whether to discover methods and schemes with {@link java.util.ServiceLoader} (default true).
         *
         * @param on true to discover
         * @return this builder
         */
        public Builder discover(boolean on) {
            this.discover = on;
            return this;
        }

        /**
         * Registers an assessment method; its id must not clash with another one.
         *
         * @param method the method
         * @return this builder
         */
        public Builder register(AssessmentMethod method) {
            Objects.requireNonNull(method, "method");
            registrations.add(() -> registry.register(method));
            return this;
        }

        /**
         * Registers a grading scheme; its id must not clash with another one.
         *
         * @param scheme the scheme
         * @return this builder
         */
        public Builder register(GradingScheme scheme) {
            Objects.requireNonNull(scheme, "scheme");
            registrations.add(() -> registry.register(scheme));
            return this;
        }

        /**
         * Replaces the method with the same id (e.g. a built-in) explicitly.
         *
         * @param method the method
         * @return this builder
         */
        public Builder replace(AssessmentMethod method) {
            Objects.requireNonNull(method, "method");
            registrations.add(() -> registry.replace(method));
            return this;
        }

        /**
         * Replaces the scheme with the same id (e.g. a built-in) explicitly.
         *
         * @param scheme the scheme
         * @return this builder
         */
        public Builder replace(GradingScheme scheme) {
            Objects.requireNonNull(scheme, "scheme");
            registrations.add(() -> registry.replace(scheme));
            return this;
        }

        /**
         * The access policy (default: the organisation policy of the stored organisation).
         *
         * @param p the policy, e.g. {@link AccessPolicy#allowAll()} in tests
         * @return this builder
         */
        public Builder accessPolicy(AccessPolicy p) {
            this.accessPolicy = Objects.requireNonNull(p, "accessPolicy");
            return this;
        }

        /**
         * The closed-loop settings.
         *
         * @param s the settings
         * @return this builder
         */
        public Builder closedLoop(ClosedLoopSettings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /**
         * The effective-level policy.
         *
         * @param p the policy
         * @return this builder
         */
        public Builder effectiveLevelPolicy(EffectiveLevelPolicy p) {
            this.effectivePolicy = Objects.requireNonNull(p, "effectiveLevelPolicy");
            return this;
        }

        /**
         * The rule combining a hazard's current assessments into its level.
         *
         * @param c the rule
         * @return this builder
         */
        public Builder levelCombination(LevelCombination c) {
            this.combination = Objects.requireNonNull(c, "levelCombination");
            return this;
        }

        /**
         * The routine inspection cadence per control level.
         *
         * @param c the cadence
         * @return this builder
         */
        public Builder routineCadence(RoutineCadence c) {
            this.cadence = Objects.requireNonNull(c, "routineCadence");
            return this;
        }

        /**
         * Adds a listener of the closed loop and of effective-level changes.
         *
         * @param l the listener
         * @return this builder
         */
        public Builder listener(HiddenDangerListener l) {
            dangerListeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /**
         * Adds a listener of inspections.
         *
         * @param l the listener
         * @return this builder
         */
        public Builder inspectionListener(InspectionListener l) {
            inspectionListeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /**
         * Receives every failure of a listener or of a follow-up after a stored change (the event or subject,
         * and the exception), in addition to the log.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder listenerFailureHandler(BiConsumer<Object, RuntimeException> handler) {
            this.failureHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         * @throws ProviderConfigurationException if no storage was given, or providers clash
         */
        public DualPrevention build() {
            if (storage == null) {
                throw new ProviderConfigurationException(NO_STORAGE);
            }
            if (discover) {
                registry.discover();
            }
            for (Runnable r : registrations) {
                r.run();
            }
            ProviderRegistry providers = registry.build();
            LOG.log(System.Logger.Level.DEBUG, "DualPrevention built: {0}", providers.summary());
            return new DualPrevention(this, providers);
        }
    }
}
