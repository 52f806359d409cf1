package org.dualprevention.engine;

import static org.dualprevention.engine.StorageAccess.PAGE;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.dualprevention.danger.CommandId;
import org.dualprevention.engine.closedloop.AuditChain;
import java.util.stream.Collectors;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.inspection.InspectionScheduler;
import org.dualprevention.engine.inspection.RoutineCadence;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionRecord;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemOutcome;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.MeasureLink;
import org.dualprevention.inspection.TaskMissed;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.Organization;
import org.dualprevention.query.InspectionPlanQuery;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.spi.Storage;

/**
 * Hidden-danger investigation (隐患排查) of a {@link DualPrevention} engine: inspection plans and the routine
 * plans per control level, task scheduling, recording results (a failed item registers a hidden danger in the
 * closed loop), the sweep for missed tasks, and good practices. Obtained from {@link DualPrevention#inspections()}.
 *
 * <pre>{@code
 * dp.inspections().createRoutinePlans(firstDay);
 * Page<InspectionTask> due = dp.inspections().tasksDue(dayStart, dayEnd, PageRequest.first(100));
 * dp.inspections().recordTask(task.id(), inspector, results);
 * dp.inspections().sweepMissed(lastSweep);   // from the host's scheduler
 * }</pre>
 *
 * <p>Tasks are derived from plans deterministically and stored once; "missed" is derived from the due time
 * and the clock, never stored. Inspection listeners hear of recorded and missed tasks after the fact, as
 * {@link DualPrevention} describes for all listeners.
 *
 * <p>This class is thread-safe if the storage, listeners and policies are.
 *
 * @since 0.1
 */
public final class Inspections {
    private static final System.Logger LOG = System.getLogger("org.dualprevention.engine");

    /**
     * How many days before the start of a scheduling window the plans that may have tasks due in it are
     * looked for.
     *
     * <p>Why 93: a task belongs to a period of its plan's schedule that starts on a day the plan is valid, and
     * is due at the period's end. The longest calendar period is a quarter, and the longest quarters (July to
     * September, October to December) have 92 days, so a task due in the window belongs to a period that
     * started at most 92 days before the window's first day. One more day matches the scheduler, which also
     * looks one day back (for a shift that began the day before). A {@code ONCE} schedule longer than that is
     * found only while its plan is valid within this reach.
     */
    private static final int PLAN_LOOKBACK_DAYS = 93;

    /**
     * The longest host key any typed id accepts (see {@link HiddenDangerId}); a hidden danger registered by a
     * failed item gets the id {@code <task id>/<item id>} while that fits, otherwise a name-based UUID of it.
     */
    private static final int MAX_ID_LENGTH = 128;

    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final RoutineCadence cadence;
    private final InspectionScheduler scheduler;
    private final RiskRegister register;
    private final HiddenDangers hiddenDangers;
    private final EventPublisher publisher;

    Inspections(Storage storage, Clock clock, ZoneId zone, RoutineCadence cadence, RiskRegister register,
            HiddenDangers hiddenDangers, EventPublisher publisher) {
        this.storage = storage;
        this.clock = clock;
        this.zone = zone;
        this.cadence = cadence;
        this.scheduler = new InspectionScheduler(zone);
        this.register = register;
        this.hiddenDangers = hiddenDangers;
        this.publisher = publisher;
    }

    // ------------------------------------------------------------------------------------------ plans

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
        v.addIf(!register.organization().contains(plan.unit()), "unit", plan.unit(), "a unit of the organisation");
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
        for (InspectionPlan p : InspectionScheduler.routinePlans(register.organization(), cadence, validFrom)) {
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

    // ------------------------------------------------------------------------------------------ tasks

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
        Organization org = register.organization();
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(PLAN_LOOKBACK_DAYS);
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
     * measure, which flags the hazard for reassessment); its id is {@code <task id>/<item id>} (a name-based
     * UUID of that if it would be longer than an id may be), and the result links to it. The hidden dangers
     * are validated before anything is stored; the task is stored first (so two inspectors recording one task
     * cannot both succeed), then the hidden dangers.
     *
     * @param id the task
     * @param inspector who inspected
     * @param results one result per item of the task
     * @return the stored task with its record
     * @throws IllegalArgumentException if the task is unknown or the results do not match its items
     * @throws IllegalStateException if the task is already recorded
     * @throws StaleVersionException if it was recorded concurrently
     */
    public InspectionTask recordTask(InspectionTaskId id, Actor inspector, List<ItemResult> results) {
        Objects.requireNonNull(inspector, "inspector");
        Objects.requireNonNull(results, "results");
        InspectionTask task = task(id).orElseThrow(() -> new IllegalArgumentException(
                "Inspection task [" + id + "] is not stored; schedule it first"));
        Map<InspectionItemId, InspectionItem> items = new HashMap<>();
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
            reports.add(hiddenDangers.prepareReport(report));
            linked.add(r.withHiddenDanger(dangerId));
        }
        InspectionTask next = task.withRecord(new InspectionRecord(inspector.id(), now, linked))
                .withVersion(task.version() + 1);
        List<HiddenDangers.Before> befores = new ArrayList<>();
        for (Transition t : reports) {
            befores.add(hiddenDangers.before(t, Optional.empty()));
        }
        // the record and every hidden danger it reports (with their follow-ups) in one atomic unit
        storage.atomically(() -> {
            storage.inspectionTasks().save(next, task.version());
            for (Transition t : reports) {
                hiddenDangers.write(t, CommandId.random(), HiddenDangers.fingerprint(t.next().id(),
                        AuditChain.command(t.audit())));
            }
            return null;
        });
        for (int i = 0; i < reports.size(); i++) {
            hiddenDangers.after(reports.get(i), befores.get(i));
        }
        publisher.taskRecorded(next);
        return next;
    }

    private static HiddenDangerId dangerId(InspectionTaskId task, InspectionItem item) {
        String key = task.value() + "/" + item.id().value();
        if (key.length() <= MAX_ID_LENGTH) {
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
            publisher.taskMissed(e);
        }
        return List.copyOf(events);
    }

    // ------------------------------------------------------------------------------------------ good practices

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
        v.addIf(!register.organization().contains(practice.unit()), "unit", practice.unit(),
                "a unit of the organisation");
        v.throwIfAny();
        storage.goodPractices().add(practice);
    }
}
