package org.dualprevention.testkit;

import org.dualprevention.engine.closedloop.ClosedLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;
import org.dualprevention.danger.OutboxEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.engine.closedloop.Checkpoints;
import org.dualprevention.engine.closedloop.StateHash;
import org.dualprevention.engine.closedloop.StoreVerification;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.inspection.Cadence;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.inspection.Schedule;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.query.GoodPracticeQuery;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.InspectionPlanQuery;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.query.Versioned;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.Storage;
import org.dualprevention.testkit.gen.DangerGen;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Storage} must meet: the numbered rules of the {@link Storage} Javadoc,
 * checked on seeded random data. Extend it and return a fresh, empty storage:
 *
 * <pre>{@code
 * class OracleStorageTest extends StorageContract {
 *     @Override protected Storage createStorage() { return new OracleStorage(freshSchema()); }
 * }
 * }</pre>
 *
 * <h2>Rules checked</h2>
 * <ol>
 * <li><b>S1</b> find after save: every repository returns what was just saved, also from another thread.</li>
 * <li><b>S2</b> version step: a save whose version is not {@code expectedVersion + 1} throws
 *     {@link IllegalArgumentException} and stores nothing.</li>
 * <li><b>S3</b> stale version: a save whose expected version is not the stored one throws
 *     {@link StaleVersionException} (with id, expected and actual version) and stores nothing, audit entry included:
 *     also a rival transition computed from the same earlier version, whose entry differs from the stored one.</li>
 * <li><b>S4</b> state and audit entry together: no reader, even concurrently with the writer, sees a hidden
 *     danger's state without its audit entry or the entry without the state.</li>
 * <li><b>S5</b> append-only audit log: after n saves exactly the n entries given, in save order; the chain verifies
 *     against the stored hidden danger.</li>
 * <li><b>S6</b> an audit entry of another hidden danger or with another sequence is refused with
 *     {@link IllegalArgumentException}; nothing is stored.</li>
 * <li><b>S7</b> concurrent saves: of {@link #threads()} threads (16 by default) saving the same version of one
 *     aggregate at once, round after round ({@link #raceRounds()}), exactly one wins each round, the others get {@link StaleVersionException}; nothing acknowledged is lost; audit chains stay
 *     intact and replay to the stored state.</li>
 * <li><b>S8</b> values round-trip: {@code find} returns a value equal to the one saved, for risk points with
 *     hazards, measures and assessments, hidden dangers in every state, plans, tasks and good practices.</li>
 * <li><b>S9</b> queries agree with a reference model: paging through random queries returns exactly the stored
 *     values for which {@code query.matches} holds, each once.</li>
 * <li><b>S10</b> keyset paging: pages hold at most the limit; a next token is given iff more items follow; a
 *     bad token is refused with {@link IllegalArgumentException}.</li>
 * <li><b>S11</b> order: tasks in ascending due time, audit entries in save order, other queries in a stable order.</li>
 * <li><b>S12</b> {@code count(query)} equals the number of items paging returns.</li>
 * <li><b>S13</b> absent is empty: unknown ids give {@code Optional.empty()} and an empty last page.</li>
 * <li><b>S14</b> {@code insertMissing} stores exactly the new tasks, leaves stored ones unchanged, counts right,
 *     and never stores a task twice under concurrent calls.</li>
 * <li><b>S15</b> good practices are write-once: a second {@code add} throws {@link StaleVersionException}
 *     (expected 0, actual 1) and changes nothing.</li>
 * <li><b>S17</b> {@code findByHazard} returns the risk point holding the hazard as of its latest save.</li>
 * <li><b>S18</b> the organisation: empty before the first save, then the last saved one with its version.</li>
 * <li><b>S19</b> text is kept exactly: ids, names and free text holding characters of every Unicode plane (4-byte
 *     emoji and CJK extension ideographs included) are found unchanged in every aggregate, and ids that differ
 *     in one such character (or that a lossy encoding would turn into the same {@code ?}) stay distinct.</li>
 * <li><b>S20</b> one atomic unit: when the work given to {@code atomically} throws, nothing it wrote stays
 *     (hidden danger with audit entry, risk point, command record, outbox entry), its exception passes through
 *     unchanged, and a nested unit joins the outer one; when it returns, everything is stored.</li>
 * <li><b>S21</b> command ids: a recorded command is found exactly; recording the same id again throws
 *     {@link StaleVersionException} and changes nothing; an unknown id is empty.</li>
 * <li><b>S22</b> outbox: added entries stay pending until delivered, each hidden danger's in ascending sequence;
 *     adding a pending entry again changes nothing; delivering an unknown entry is ignored.</li>
 * <li><b>S23</b> a save that throws has stored nothing: after a refused save (a version step, a stale version
 *     or rival transition, an audit entry of another hidden danger or sequence) every aggregate and audit entry
 *     is as before.</li>
 * <li><b>S24</b> snapshot and chain agree: {@code find} returns the state its head entry binds (same version and audit
 *     head, the head's state hash kept and equal to the snapshot's); {@code ids} lists every hidden danger once; full
 *     verification ({@code StoreVerification.verifyAll}) checks every one and finds no fault.</li>
 * <li><b>S25</b> checkpoints: the store's checkpoint as of an instant ({@code Checkpoints.of}) is the one its saves
 *     give (every hidden danger, each by its last entry at or before the instant), and verifying it after later saves
 *     passes.</li>
 * <li><b>S26</b> keyed entries are kept exactly: chains keyed with a host's keys (HMAC-SHA-256, the key id in each
 *     entry, a rotation half-way through each chain) are saved and read back through the audit log with every key
 *     id, hash, format and state hash as saved, and verify under the keys. (The store is the one
 *     {@code createStorage()} gives, the keys are the contract's own, and the hidden dangers are not loaded: a store
 *     that checks keyed heads on load needs the host's keys, which this store was not given.)</li>
 * <li><b>S27</b> open hidden dangers walked whole: {@code hiddenDangers().open()} gives exactly the items, in the
 *     same order, of paging through {@code find(HiddenDangerQuery.all().open(), ..)} to the end (pages of several
 *     sizes), which are the stored open ones; again on a second walk, after hidden dangers were closed, withdrawn,
 *     moved on or reported, and on an empty store; an ended walk's {@code next()} throws
 *     {@link java.util.NoSuchElementException}.</li>
 * </ol>
 * Rule S16 (the host owns transactions) cannot be observed from outside a storage and is not checked here.
 *
 * <p>Random data comes from {@link Gen} seeded with {@link #seed()}; failures name the seed.
 *
 * @since 0.1
 */
public abstract class StorageContract {
    /** Creates the contract. */
    protected StorageContract() {
    }

    /**
     * A fresh, empty storage; called once per test.
     *
     * @return the storage under test
     */
    protected abstract Storage createStorage();

    /**
     * The seed of the random data.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    /**
     * How many aggregates of each kind the query rules (S9 to S12) store.
     *
     * @return 60 by default; lower it for a slow remote database
     */
    protected int dataSize() {
        return 60;
    }

    /**
     * How many threads race in rule S7 (and S14). Many threads through one barrier is what exposes an unsynchronised
     * check-then-act version check: four threads on ten seeds let one pass that sixteen catch at once.
     *
     * @return 16 by default
     */
    protected int threads() {
        return 16;
    }

    /**
     * How many rounds of concurrent saves rule S7 runs on one risk point (hidden dangers run a quarter as many,
     * at least 12, on each of three).
     *
     * @return 60 by default; lower it for a slow remote database
     */
    protected int raceRounds() {
        return 60;
    }

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    private String seedNote() {
        return " [seed=" + seed() + " replay with -D" + Seeds.PROPERTY + "=" + seed() + "]";
    }

    private static void save(Storage s, Transition t) {
        s.hiddenDangers().save(t.next(), t.next().version() - 1, t.audit());
    }

    private static List<AuditEntry> entries(Storage s, HiddenDangerId id) {
        return drain(p -> s.auditLog().entries(id, p), 7, 100_000);
    }

    /**
     * Pages through a query to the end, checking S10's limit, and returns every item.
     */
    static <T> List<T> drain(Function<PageRequest, Page<T>> fetch, int pageSize, int maxItems) {
        List<T> out = new ArrayList<>();
        Page<T> page = fetch.apply(PageRequest.first(pageSize));
        int pages = 0;
        while (true) {
            if (page.items().size() > pageSize) {
                throw new AssertionError("S10 a page holds " + page.items().size() + " items; the limit was " + pageSize);
            }
            out.addAll(page.items());
            if (page.next().isEmpty()) {
                return out;
            }
            if (++pages > maxItems + 2) {
                throw new AssertionError("S10 paging does not end: more than " + pages + " pages");
            }
            page = fetch.apply(PageRequest.after(page.next().get(), pageSize));
        }
    }

    // ------------------------------------------------------------------ S20, S21, S22

    /** Rule S20: a unit of work is atomic; a failed unit leaves nothing, nested units join the outer one. */
    @Test
    @DisplayName("S20 a unit of work that throws stores nothing of what it wrote; one that returns stores all of it")
    public void s20AtomicUnit() {
        Rules.check("S20", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(6);
            RiskPoint rp = gen.riskPoint(org).withVersion(1);
            s.riskPoints().save(rp, 0);
            List<Transition> h = gen.dangers().history(org, HiddenDangerState.VERIFIED, T0);
            save(s, h.get(0));
            HiddenDangerId id = h.get(0).next().id();
            CommandRecord rec = new CommandRecord(CommandId.of("S20-command"), "a".repeat(64), id, 2);
            OutboxEntry out = new OutboxEntry(id, 2);
            Runnable writes = () -> {
                save(s, h.get(1));
                s.riskPoints().save(rp.withVersion(2), 1);
                s.commands().record(rec);
                s.outbox().add(out);
            };
            IllegalStateException boom = new IllegalStateException("S20 probe: the unit fails after its writes");
            for (boolean nested : List.of(false, true)) {
                IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> s.atomically(() -> {
                    if (nested) {
                        s.atomically(() -> {
                            writes.run();
                            return null;
                        });
                    } else {
                        writes.run();
                    }
                    throw boom;
                }), "S20 the unit's exception passes through");
                assertTrue(thrown == boom, "S20 the unit's own exception is rethrown, got " + thrown);
                String what = nested ? "S20 a failed outer unit (writes in a nested unit): " : "S20 a failed unit: ";
                assertEquals(h.get(0).next(), s.hiddenDangers().find(id).orElseThrow(), what + "the hidden danger stayed"
                        + seedNote());
                assertEquals(List.of(h.get(0).audit()), entries(s, id), what + "its audit entry stayed" + seedNote());
                assertEquals(1, s.riskPoints().find(rp.id()).orElseThrow().version(), what + "the risk point stayed"
                        + seedNote());
                assertTrue(s.commands().find(rec.id()).isEmpty(), what + "the command record stayed" + seedNote());
                assertFalse(s.outbox().pending(100).contains(out), what + "the outbox entry stayed" + seedNote());
            }
            assertEquals("done", s.atomically(() -> {
                writes.run();
                return "done";
            }), "S20 atomically returns the work's result");
            assertEquals(h.get(1).next(), s.hiddenDangers().find(id).orElseThrow(), "S20 a unit that returned stored"
                    + " the hidden danger" + seedNote());
            assertEquals(2, s.riskPoints().find(rp.id()).orElseThrow().version(), "S20 ... and the risk point");
            assertEquals(Optional.of(rec), s.commands().find(rec.id()), "S20 ... and the command record");
            assertTrue(s.outbox().pending(100).contains(out), "S20 ... and the outbox entry");
        });
    }

    /** Rule S21: command ids are recorded once and found exactly. */
    @Test
    @DisplayName("S21 a command record is found exactly; the same command id again throws StaleVersionException, nothing changes")
    public void s21CommandIds() {
        Rules.check("S21", () -> {
            Storage s = createStorage();
            CommandRecord rec = new CommandRecord(CommandId.of("S21-命令-\uD83D\uDE00"), "0123456789abcdef".repeat(4),
                    HiddenDangerId.of("HD-S21"), 3);
            assertTrue(s.commands().find(rec.id()).isEmpty(), "S21 an unknown command id is empty");
            s.commands().record(rec);
            assertEquals(Optional.of(rec), s.commands().find(rec.id()), "S21 the recorded command");
            CommandRecord other = new CommandRecord(rec.id(), "f".repeat(64), HiddenDangerId.of("HD-other"), 1);
            StaleVersionException e = assertThrows(StaleVersionException.class, () -> s.commands().record(other),
                    "S21 the same command id recorded twice");
            assertEquals(0, e.expectedVersion(), "S21 expectedVersion");
            assertEquals(1, e.actualVersion(), "S21 actualVersion");
            assertEquals(Optional.of(rec), s.commands().find(rec.id()), "S21 a second record changed the first");
            assertTrue(s.commands().find(CommandId.of("S21-命令-\uD83D\uDE01")).isEmpty(),
                    "S21 ids that differ in one character are different keys");
        });
    }

    /** Rule S22: outbox entries stay pending until delivered. */
    @Test
    @DisplayName("S22 outbox entries stay pending until delivered, each hidden danger's in ascending sequence")
    public void s22Outbox() {
        Rules.check("S22", () -> {
            Storage s = createStorage();
            HiddenDangerId a = HiddenDangerId.of("HD-S22-a");
            HiddenDangerId b = HiddenDangerId.of("HD-S22-b");
            List<OutboxEntry> added = List.of(new OutboxEntry(a, 3), new OutboxEntry(b, 1), new OutboxEntry(a, 1),
                    new OutboxEntry(a, 2));
            added.forEach(s.outbox()::add);
            s.outbox().add(new OutboxEntry(a, 1));
            List<OutboxEntry> pending = s.outbox().pending(100);
            assertEquals(Set.copyOf(added), Set.copyOf(pending), "S22 every added entry is pending, once");
            assertEquals(added.size(), pending.size(), "S22 an entry added twice is pending once: " + pending);
            List<Long> seqOfA = pending.stream().filter(e -> e.dangerId().equals(a)).map(OutboxEntry::sequence).toList();
            assertEquals(List.of(1L, 2L, 3L), seqOfA, "S22 one hidden danger's entries in ascending sequence");
            assertEquals(2, s.outbox().pending(2).size(), "S22 pending(limit) returns at most limit entries");
            s.outbox().delivered(new OutboxEntry(a, 1));
            s.outbox().delivered(new OutboxEntry(HiddenDangerId.of("HD-S22-unknown"), 9));
            assertEquals(Set.of(new OutboxEntry(a, 2), new OutboxEntry(a, 3), new OutboxEntry(b, 1)),
                    Set.copyOf(s.outbox().pending(100)), "S22 a delivered entry is no longer pending");
        });
    }

    // ------------------------------------------------------------------ S1, S8, S13

    /** Rule S1: a saved organisation, risk point, plan, task, good practice and hidden danger are found, also from another thread. */
    @Test
    @DisplayName("S1 a saved organisation, risk point, plan, task, good practice and hidden danger are found, also from another thread")
    public void s1FindAfterSave() {
        Rules.check("S1", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(8);
            s.organization().save(org, 0);
            RiskPoint rp = gen.riskPoint(org).withVersion(1);
            s.riskPoints().save(rp, 0);
            InspectionPlan plan = gen.inspections().plan(org, LocalDate.of(2026, 3, 1)).withVersion(1);
            s.inspectionPlans().save(plan, 0);
            InspectionTask task = gen.inspections().task(plan, T0, 10, 0.5).withVersion(1);
            s.inspectionTasks().save(task, 0);
            GoodPractice gp = gen.inspections().goodPractice(org, T0, 10);
            s.goodPractices().add(gp);
            Transition t = gen.dangers().history(org, HiddenDangerState.REPORTED, T0).get(0);
            save(s, t);
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<List<Object>> read = other.submit(() -> List.of(s.organization().load().orElseThrow().value(),
                        s.riskPoints().find(rp.id()).orElseThrow(), s.inspectionPlans().find(plan.id()).orElseThrow(),
                        s.inspectionTasks().find(task.id()).orElseThrow(), s.goodPractices().find(gp.id()).orElseThrow(),
                        s.hiddenDangers().find(t.next().id()).orElseThrow()));
                assertEquals(List.of(org, rp, plan, task, gp, t.next()), read.get(60, TimeUnit.SECONDS),
                        "S1 values read in another thread after save" + seedNote());
            } finally {
                other.shutdownNow();
            }
        });
    }

    /** Rule S8: values round-trip: find returns a value equal to the one saved, every field included. */
    @Test
    @DisplayName("S8 values round-trip: find returns a value equal to the one saved, every field included")
    public void s8RoundTrip() {
        Rules.check("S8", () -> {
            Storage s = createStorage();
            Data d = populate(s, Gen.of(seed()), dataSize());
            List<String> problems = new ArrayList<>();
            for (RiskPoint rp : d.riskPoints.values()) {
                check(problems, rp, s.riskPoints().find(rp.id()));
            }
            for (HiddenDanger h : d.dangers.values()) {
                check(problems, h, s.hiddenDangers().find(h.id()));
            }
            for (InspectionPlan p : d.plans.values()) {
                check(problems, p, s.inspectionPlans().find(p.id()));
            }
            for (InspectionTask t : d.tasks.values()) {
                check(problems, t, s.inspectionTasks().find(t.id()));
            }
            for (GoodPractice g : d.practices.values()) {
                check(problems, g, s.goodPractices().find(g.id()));
            }
            assertTrue(problems.isEmpty(), "S8 " + problems.size() + " values do not round-trip" + seedNote() + ": "
                    + problems.subList(0, Math.min(5, problems.size())));
        });
    }

    private static void check(List<String> problems, Object saved, Optional<?> found) {
        if (found.isEmpty()) {
            problems.add(saved + " not found");
        } else if (!found.get().equals(saved)) {
            problems.add("saved " + saved + " but found " + found.get());
        }
    }

    /** Rule S13: absent is empty: unknown ids give empty results and an empty last page, never an exception. */
    @Test
    @DisplayName("S13 absent is empty: unknown ids give empty results and an empty last page, never an exception")
    public void s13AbsentIsEmpty() {
        Rules.check("S13", () -> {
            Storage s = createStorage();
            assertTrue(s.organization().load().isEmpty(), "S13 organization().load() before any save");
            assertTrue(s.riskPoints().find(RiskPointId.of("nope")).isEmpty(), "S13 riskPoints().find(unknown)");
            assertTrue(s.riskPoints().findByHazard(HazardId.of("nope")).isEmpty(), "S13 riskPoints().findByHazard(unknown)");
            assertTrue(s.inspectionPlans().find(InspectionPlanId.of("nope")).isEmpty(), "S13 inspectionPlans().find(unknown)");
            assertTrue(s.inspectionTasks().find(InspectionTaskId.of("nope")).isEmpty(), "S13 inspectionTasks().find(unknown)");
            assertTrue(s.goodPractices().find(GoodPracticeId.of("nope")).isEmpty(), "S13 goodPractices().find(unknown)");
            assertTrue(s.hiddenDangers().find(HiddenDangerId.of("nope")).isEmpty(), "S13 hiddenDangers().find(unknown)");
            Page<AuditEntry> p = s.auditLog().entries(HiddenDangerId.of("nope"), PageRequest.first(10));
            assertTrue(p.items().isEmpty() && p.next().isEmpty(), "S13 audit log of an unknown hidden danger: " + p);
            assertTrue(drain(q -> s.hiddenDangers().find(HiddenDangerQuery.all(), q), 10, 10).isEmpty(),
                    "S13 queries on an empty storage");
            assertEquals(0, s.hiddenDangers().count(HiddenDangerQuery.all()), "S13 count on an empty storage");
        });
    }

    // ------------------------------------------------------------------ S2, S3, S6, S15, S18

    /** Rule S2: a save whose version is not expectedVersion + 1 throws IllegalArgumentException and stores nothing. */
    @Test
    @DisplayName("S2 a save whose version is not expectedVersion + 1 throws IllegalArgumentException and stores nothing")
    public void s2VersionStep() {
        Rules.check("S2", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(6);
            RiskPoint rp = gen.riskPoint(org);
            assertThrows(IllegalArgumentException.class, () -> s.riskPoints().save(rp.withVersion(2), 0),
                    "S2 risk point version 2 saved with expected version 0");
            assertThrows(IllegalArgumentException.class, () -> s.riskPoints().save(rp, 0),
                    "S2 risk point version 0 saved with expected version 0");
            assertTrue(s.riskPoints().find(rp.id()).isEmpty(), "S2 a refused risk point was stored");
            InspectionPlan plan = gen.inspections().plan(org, LocalDate.of(2026, 3, 1));
            assertThrows(IllegalArgumentException.class, () -> s.inspectionPlans().save(plan.withVersion(3), 1),
                    "S2 plan version 3 saved with expected version 1");
            assertTrue(s.inspectionPlans().find(plan.id()).isEmpty(), "S2 a refused plan was stored");
            InspectionTask task = gen.inspections().task(plan, T0, 5, 0.5);
            assertThrows(IllegalArgumentException.class, () -> s.inspectionTasks().save(task, 0),
                    "S2 task version 0 saved with expected version 0");
            assertTrue(s.inspectionTasks().find(task.id()).isEmpty(), "S2 a refused task was stored");
            List<Transition> h = gen.dangers().history(org, HiddenDangerState.PLANNED, T0);
            save(s, h.get(0));
            Transition third = h.get(2);
            assertThrows(IllegalArgumentException.class,
                    () -> s.hiddenDangers().save(third.next(), 1, third.audit()),
                    "S2 hidden danger version 3 saved with expected version 1");
            assertEquals(1, s.hiddenDangers().find(third.next().id()).orElseThrow().version(),
                    "S2 a refused hidden danger changed the stored one");
            assertEquals(1, entries(s, third.next().id()).size(), "S2 a refused save added an audit entry");
        });
    }

    /** Rule S3: a save with a stale version throws StaleVersionException naming id and versions, and stores nothing. */
    @Test
    @DisplayName("S3 a save with a stale version throws StaleVersionException naming id and versions, and stores nothing")
    public void s3StaleVersion() {
        Rules.check("S3", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(6);
            // risk points
            RiskPoint first = gen.riskPoint(org).withVersion(1);
            s.riskPoints().save(first, 0);
            RiskPoint rival = first.withDetails("rival " + first.name(), first.kind(), first.owningUnit(), first.zone());
            StaleVersionException e = assertThrows(StaleVersionException.class, () -> s.riskPoints().save(rival, 0),
                    "S3 a second create of the same risk point");
            assertEquals(0, e.expectedVersion(), "S3 expectedVersion");
            assertEquals(1, e.actualVersion(), "S3 actualVersion");
            assertTrue(e.aggregateId().contains(first.id().value()), "S3 aggregateId [" + e.aggregateId() + "]");
            assertEquals(first, s.riskPoints().find(first.id()).orElseThrow(), "S3 a stale save changed the risk point");
            RiskPoint ahead = first.withVersion(6);
            StaleVersionException e2 = assertThrows(StaleVersionException.class, () -> s.riskPoints().save(ahead, 5),
                    "S3 a save expecting version 5 of a risk point stored at 1");
            assertEquals(5, e2.expectedVersion(), "S3 expectedVersion");
            assertEquals(1, e2.actualVersion(), "S3 actualVersion");
            RiskPoint absent = gen.riskPoint(org).withVersion(2);
            StaleVersionException e3 = assertThrows(StaleVersionException.class, () -> s.riskPoints().save(absent, 1),
                    "S3 an update of a risk point never stored");
            assertEquals(0, e3.actualVersion(), "S3 actualVersion of an absent aggregate");
            assertTrue(s.riskPoints().find(absent.id()).isEmpty(), "S3 a stale update created the risk point");
            // plans and tasks
            InspectionPlan plan = gen.inspections().plan(org, LocalDate.of(2026, 3, 1)).withVersion(1);
            s.inspectionPlans().save(plan, 0);
            assertThrows(StaleVersionException.class, () -> s.inspectionPlans().save(plan, 0), "S3 plan created twice");
            InspectionTask task = gen.inspections().task(plan, T0, 5, 0.0).withVersion(1);
            s.inspectionTasks().save(task, 0);
            assertThrows(StaleVersionException.class, () -> s.inspectionTasks().save(task.withVersion(3), 2),
                    "S3 task saved expecting version 2 while 1 is stored");
            assertEquals(task, s.inspectionTasks().find(task.id()).orElseThrow(), "S3 a stale save changed the task");
            // hidden dangers: neither state nor audit entry
            List<Transition> h = gen.dangers().history(org, HiddenDangerState.VERIFIED, T0);
            save(s, h.get(0));
            save(s, h.get(1));
            List<Transition> other = gen.dangers().history(org, HiddenDangerState.REPORTED, T0);
            HiddenDangerId id = h.get(0).next().id();
            StaleVersionException e4 = assertThrows(StaleVersionException.class, () -> save(s, h.get(1)),
                    "S3 the same hidden-danger transition saved twice");
            assertEquals(1, e4.expectedVersion(), "S3 expectedVersion");
            assertEquals(2, e4.actualVersion(), "S3 actualVersion");
            assertTrue(e4.aggregateId().contains(id.value()), "S3 aggregateId [" + e4.aggregateId() + "]");
            assertEquals(h.get(1).next(), s.hiddenDangers().find(id).orElseThrow(), "S3 a stale save changed the state");
            assertEquals(List.of(h.get(0).audit(), h.get(1).audit()), entries(s, id), "S3 a stale save touched the audit log");
            // a rival of the stored version 2, computed from version 1 like a second user would: other content, same
            // sequence; a store that writes the entry before it checks the version would now show the rival's
            Transition rivalTransition = rival(gen, h.get(0).next(), h.get(1), org);
            assertThrows(StaleVersionException.class, () -> save(s, rivalTransition),
                    "S3 a rival transition saved from version 1 while 2 is stored");
            assertEquals(h.get(1).next(), s.hiddenDangers().find(id).orElseThrow(), "S3 a stale rival changed the state");
            assertEquals(List.of(h.get(0).audit(), h.get(1).audit()), entries(s, id),
                    "S3 a stale rival save overwrote the stored audit entry" + seedNote());
            assertTrue(s.hiddenDangers().find(other.get(0).next().id()).isEmpty(), "S3 unrelated hidden danger appeared");
        });
    }

    /** A transition from {@code from} that differs from {@code stored} (another action, time or content). */
    private Transition rival(Gen gen, HiddenDanger from, Transition stored, Organization org) {
        for (int i = 0; i < 50; i++) {
            Optional<Transition> t = gen.fork().dangers().next(from, org);
            if (t.isPresent() && !t.get().audit().hash().equals(stored.audit().hash())) {
                return t.get();
            }
        }
        throw new AssertionError("S3 the generator gave no rival transition from version " + from.version() + seedNote());
    }

    /** Everything a storage holds about the given aggregates, to compare before and after a refused save. */
    private static List<Object> snapshot(Storage s, List<HiddenDangerId> dangers, List<RiskPointId> points) {
        List<Object> out = new ArrayList<>();
        for (HiddenDangerId id : dangers) {
            out.add(s.hiddenDangers().find(id));
            out.add(entries(s, id));
        }
        for (RiskPointId id : points) {
            out.add(s.riskPoints().find(id));
        }
        out.add(s.hiddenDangers().count(HiddenDangerQuery.all()));
        out.add(s.riskPoints().count(RiskPointQuery.all()));
        return out;
    }

    /**
     * Rule S23: a save that throws has stored nothing: whatever the reason (a version step, a stale version, an
     * audit entry of another hidden danger or sequence), everything stored, audit log included, is as before.
     */
    @Test
    @DisplayName("S23 a save that throws has stored nothing, whatever the reason, audit log included")
    public void s23RefusedSaveStoresNothing() {
        Rules.check("S23", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(6);
            List<Transition> h = gen.dangers().history(org, HiddenDangerState.VERIFIED, T0);
            List<Transition> other = gen.dangers().history(org, HiddenDangerState.VERIFIED, T0);
            save(s, h.get(0));
            save(s, h.get(1));
            save(s, other.get(0));
            RiskPoint rp = gen.riskPoint(org).withVersion(1);
            s.riskPoints().save(rp, 0);
            HiddenDangerId id = h.get(0).next().id();
            List<HiddenDangerId> dangers = List.of(id, other.get(0).next().id());
            List<RiskPointId> points = List.of(rp.id());
            Map<String, Runnable> refused = new LinkedHashMap<>();
            Transition rival = rival(gen, h.get(0).next(), h.get(1), org);
            refused.put("a stale rival of version 2", () -> save(s, rival));
            refused.put("version 2 saved again", () -> save(s, h.get(1)));
            if (h.size() > 2) {
                refused.put("version 3 saved expecting 1", () -> s.hiddenDangers().save(h.get(2).next(), 1, h.get(2).audit()));
                refused.put("version 3 with the entry of another hidden danger",
                        () -> s.hiddenDangers().save(h.get(2).next(), 2, other.get(0).audit()));
                refused.put("version 3 with the entry of sequence 2", () -> s.hiddenDangers().save(h.get(2).next(), 2,
                        h.get(1).audit()));
            }
            refused.put("the other hidden danger's version 1 saved again", () -> save(s, other.get(0)));
            refused.put("a stale risk point", () -> s.riskPoints().save(rp.withDetails("rival", rp.kind(), rp.owningUnit(),
                    rp.zone()), 0));
            refused.put("a risk point version step of 2", () -> s.riskPoints().save(rp.withVersion(3), 1));
            for (Map.Entry<String, Runnable> e : refused.entrySet()) {
                List<Object> before = snapshot(s, dangers, points);
                try {
                    e.getValue().run();
                    fail("S23 " + e.getKey() + " was accepted" + seedNote());
                } catch (StaleVersionException | IllegalArgumentException expected) {
                    // refused, as it should be
                }
                assertEquals(before, snapshot(s, dangers, points), "S23 " + e.getKey() + " threw but changed what is stored"
                        + seedNote());
            }
        });
    }

    /** Rule S6: an audit entry of another hidden danger or with another sequence is refused; nothing is stored. */
    @Test
    @DisplayName("S6 an audit entry of another hidden danger or with another sequence is refused; nothing is stored")
    public void s6EntryBelongsToState() {
        Rules.check("S6", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(6);
            List<Transition> a = gen.dangers().history(org, HiddenDangerState.VERIFIED, T0);
            List<Transition> b = gen.dangers().history(org, HiddenDangerState.VERIFIED, T0);
            assertThrows(IllegalArgumentException.class,
                    () -> s.hiddenDangers().save(a.get(0).next(), 0, b.get(0).audit()),
                    "S6 saved with the audit entry of another hidden danger");
            assertThrows(IllegalArgumentException.class,
                    () -> s.hiddenDangers().save(a.get(0).next(), 0, a.get(1).audit()),
                    "S6 saved with the audit entry of sequence 2 for version 1");
            HiddenDangerId id = a.get(0).next().id();
            assertTrue(s.hiddenDangers().find(id).isEmpty(), "S6 a refused hidden danger was stored");
            assertTrue(entries(s, id).isEmpty(), "S6 a refused save left an audit entry");
            assertTrue(entries(s, b.get(0).next().id()).isEmpty(), "S6 a refused save left an audit entry under the other id");
        });
    }

    /** Rule S15: a good practice is stored once; a second add throws StaleVersionException (0, 1) and changes nothing. */
    @Test
    @DisplayName("S15 a good practice is stored once; a second add throws StaleVersionException (0, 1) and changes nothing")
    public void s15WriteOnceGoodPractice() {
        Rules.check("S15", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(4);
            GoodPractice gp = gen.inspections().goodPractice(org, T0, 3);
            s.goodPractices().add(gp);
            GoodPractice again = new GoodPractice(gp.id(), gp.reporter(), gp.unit(), gp.riskPoint(), gp.observedAt(),
                    "changed " + gp.description(), gp.evidence());
            StaleVersionException e = assertThrows(StaleVersionException.class, () -> s.goodPractices().add(again),
                    "S15 a second add of the same id");
            assertEquals(0, e.expectedVersion(), "S15 expectedVersion");
            assertEquals(1, e.actualVersion(), "S15 actualVersion");
            assertEquals(gp, s.goodPractices().find(gp.id()).orElseThrow(), "S15 a refused add changed the stored one");
        });
    }

    /** Rule S18: the organisation is empty before the first save, then the last saved one with its version. */
    @Test
    @DisplayName("S18 the organisation is empty before the first save, then the last saved one with its version")
    public void s18Organization() {
        Rules.check("S18", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            assertTrue(s.organization().load().isEmpty(), "S18 load() before the first save");
            Organization one = gen.organization(5);
            Organization two = gen.organization(9);
            s.organization().save(one, 0);
            assertEquals(new Versioned<>(one, 1), s.organization().load().orElseThrow(), "S18 after the first save");
            s.organization().save(two, 1);
            assertEquals(new Versioned<>(two, 2), s.organization().load().orElseThrow(), "S18 after the second save");
            StaleVersionException e = assertThrows(StaleVersionException.class, () -> s.organization().save(one, 1),
                    "S18/S3 a stale organisation save");
            assertEquals("organization", e.aggregateId(), "S18 the organisation's aggregate id");
            assertEquals(new Versioned<>(two, 2), s.organization().load().orElseThrow(), "S18 after a stale save");
        });
    }

    // ------------------------------------------------------------------ S4, S5

    /** Rule S4: a hidden danger's state and its audit entry are never seen apart, even while being written. */
    @Test
    @DisplayName("S4 a hidden danger's state and its audit entry are never seen apart, even while being written")
    public void s4StateAndAuditTogether() {
        Rules.check("S4", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(6);
            List<Transition> h = gen.dangers().history(org, HiddenDangerState.CLOSED, T0);
            HiddenDangerId id = h.get(0).next().id();
            // single-threaded: after each save, version == number of entries
            Storage single = s;
            for (Transition t : h) {
                save(single, t);
                long version = single.hiddenDangers().find(id).orElseThrow().version();
                int count = entries(single, id).size();
                assertEquals(version, count, "S4 after saving version " + t.next().version() + " the state has version "
                        + version + " but the audit log " + count + " entries");
            }
            // concurrently: a writer saves a long history while readers check both read orders
            Storage c = createStorage();
            List<Transition> longer = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                longer.addAll(gen.dangers().history(org, HiddenDangerState.CLOSED, T0.plus(Duration.ofDays(i))));
            }
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<String>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    final boolean stateFirst = r == 0;
                    readers.add(pool.submit(() -> {
                        while (!done.get()) {
                            for (Transition t : longer) {
                                HiddenDangerId hid = t.next().id();
                                if (stateFirst) {
                                    long v = c.hiddenDangers().find(hid).map(HiddenDanger::version).orElse(0L);
                                    int n = entries(c, hid).size();
                                    if (n < v) {
                                        return "read state version " + v + " then only " + n + " audit entries of " + hid;
                                    }
                                } else {
                                    int n = entries(c, hid).size();
                                    long v = c.hiddenDangers().find(hid).map(HiddenDanger::version).orElse(0L);
                                    if (v < n) {
                                        return "read " + n + " audit entries then state version " + v + " of " + hid;
                                    }
                                }
                            }
                        }
                        return null;
                    }));
                }
                Future<?> writer = pool.submit(() -> {
                    try {
                        for (Transition t : longer) {
                            save(c, t);
                        }
                    } finally {
                        done.set(true);
                    }
                    return null;
                });
                writer.get(120, TimeUnit.SECONDS);
                for (Future<String> r : readers) {
                    String problem = r.get(120, TimeUnit.SECONDS);
                    if (problem != null) {
                        fail("S4 " + problem + seedNote());
                    }
                }
            } finally {
                done.set(true);
                pool.shutdownNow();
            }
        });
    }

    /** Rule S5: the audit log holds exactly the entries saved, in save order, and the chain verifies. */
    @Test
    @DisplayName("S5 the audit log holds exactly the entries saved, in save order, and the chain verifies")
    public void s5AppendOnlyAuditLog() {
        Rules.check("S5", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(8);
            List<List<Transition>> all = new ArrayList<>();
            for (HiddenDangerState st : HiddenDangerState.values()) {
                all.add(gen.dangers().history(org, st, T0));
            }
            // interleave the saves of different hidden dangers
            int max = all.stream().mapToInt(List::size).max().orElse(0);
            for (int i = 0; i < max; i++) {
                for (List<Transition> h : all) {
                    if (i < h.size()) {
                        save(s, h.get(i));
                    }
                }
            }
            for (List<Transition> h : all) {
                HiddenDangerId id = h.get(0).next().id();
                List<AuditEntry> expected = new ArrayList<>();
                for (Transition t : h) {
                    expected.add(t.audit());
                }
                List<AuditEntry> stored = entries(s, id);
                assertEquals(expected, stored, "S5 audit log of " + id + seedNote());
                HiddenDanger current = s.hiddenDangers().find(id).orElseThrow();
                ChainVerification v = AuditChain.verify(stored, current);
                assertTrue(v.isValid(), "S5 the stored chain of " + id + " does not verify: " + v + seedNote());
            }
        });
    }

    // ------------------------------------------------------------------ S24, S25

    /** Every hidden danger of every state, its history saved interleaved with the others'. */
    private List<List<Transition>> savedHistories(Storage s) {
        Gen gen = Gen.of(seed());
        Organization org = gen.organization(8);
        List<List<Transition>> all = new ArrayList<>();
        for (HiddenDangerState st : HiddenDangerState.values()) {
            for (int k = 0; k < 2; k++) {
                all.add(gen.dangers().history(org, st, T0.plus(Duration.ofHours(k * 7L))));
            }
        }
        int max = all.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < max; i++) {
            for (List<Transition> h : all) {
                if (i < h.size()) {
                    save(s, h.get(i));
                }
            }
        }
        return all;
    }

    /** Rule S24: the snapshot agrees with its chain's head; full verification passes and lists every hidden danger. */
    @Test
    @DisplayName("S24 snapshot and chain agree: find returns the state its head entry binds; full verification passes")
    public void s24SnapshotAndChainAgree() {
        Rules.check("S24", () -> {
            Storage s = createStorage();
            List<List<Transition>> all = savedHistories(s);
            for (List<Transition> h : all) {
                Transition last = h.get(h.size() - 1);
                HiddenDangerId id = last.next().id();
                List<AuditEntry> stored = entries(s, id);
                HiddenDanger snapshot = s.hiddenDangers().find(id).orElseThrow();
                Optional<String> problem = AuditChain.checkSnapshot(snapshot, stored.get(stored.size() - 1));
                assertTrue(problem.isEmpty(), "S24 the snapshot of " + id + " disagrees with its head entry: "
                        + problem.orElse("") + seedNote());
                assertEquals(StateHash.of(last.next()), StateHash.of(snapshot), "S24 state hash of " + id + seedNote());
                assertEquals(last.audit().stateHash(), stored.get(stored.size() - 1).stateHash(),
                        "S24 the head entry of " + id + " lost its state hash" + seedNote());
            }
            Set<HiddenDangerId> listed = new HashSet<>();
            for (HiddenDangerId id : drain(p -> s.hiddenDangers().ids(p), 5, 100_000)) {
                assertTrue(listed.add(id), "S24 ids() lists " + id + " twice" + seedNote());
            }
            assertEquals(all.size(), listed.size(), "S24 ids() lists every stored hidden danger once" + seedNote());
            StoreVerification.Result r = StoreVerification.verifyAll(s, Optional.empty(), p -> { });
            assertEquals(all.size(), r.checked(), "S24 full verification checks every hidden danger" + seedNote());
            assertTrue(r.isValid(), "S24 full verification finds faults in an honest store: " + r.faults() + seedNote());
        });
    }

    /** Rule S25: a checkpoint taken from the store is the one its saves give, and stays valid as work goes on. */
    @Test
    @DisplayName("S25 checkpoints: the store's checkpoint as of an instant is the one its saves give, and later saves keep it valid")
    public void s25Checkpoints() {
        Rules.check("S25", () -> {
            Storage s = createStorage();
            List<List<Transition>> all = savedHistories(s);
            List<Instant> times = new ArrayList<>();
            all.forEach(h -> h.forEach(t -> times.add(t.audit().at())));
            times.sort(null);
            Instant cut = times.get(times.size() / 2);
            Checkpoints.Tree expected = new Checkpoints.Tree();
            for (List<Transition> h : all) {
                Transition head = null;
                for (Transition t : h) {
                    if (!t.audit().at().isAfter(cut)) {
                        head = t;
                    }
                }
                if (head != null) {
                    expected.put(head.audit().dangerId(), head.audit().sequence(), head.audit().hash());
                }
            }
            Checkpoint cp = Checkpoints.of(s, cut);
            assertEquals(expected.checkpoint(cut), cp, "S25 the checkpoint as of " + cut + " is not the one the saves"
                    + " give: a hidden danger is missing, or a head is not the saved one" + seedNote());
            CheckpointVerification v = Checkpoints.verify(s, cp);
            assertTrue(v.isValid(), "S25 " + v + seedNote());
            Checkpoint now = Checkpoints.of(s, times.get(times.size() - 1));
            assertEquals(all.size(), now.count(), "S25 a checkpoint after the last save covers every hidden danger"
                    + seedNote());
        });
    }

    // ------------------------------------------------------------------ S26

    /** The contract's own keys (S26): two, one current; never a host's. */
    private static final class ContractKeys implements org.dualprevention.spi.AuditKeyProvider {
        volatile String current = "contract-k1";

        @Override
        public String currentKeyId() {
            return current;
        }

        @Override
        public Optional<byte[]> key(String keyId) {
            return keyId.equals("contract-k1") || keyId.equals("contract-k2")
                    ? Optional.of(("storage contract test key " + keyId + ", 32 bytes or more")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : Optional.empty();
        }

        @Override
        public Instant keyedSince() {
            return T0;
        }
    }

    /** A history re-keyed: every entry's hash the HMAC under the current key, rotated half-way through. */
    private static List<Transition> keyed(List<Transition> history, ContractKeys keys) {
        List<Transition> out = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        for (int n = 0; n < history.size(); n++) {
            Transition t = history.get(n);
            AuditEntry e = t.audit();
            keys.current = n < history.size() / 2 ? "contract-k1" : "contract-k2";
            AuditEntry k = org.dualprevention.engine.closedloop.AuditEntries.create(e.dangerId(), e.sequence(),
                    e.actor(), e.at(), e.action(), e.stateBefore(), e.stateAfter(), e.data(), previous,
                    e.stateHash().orElseThrow(), keys);
            out.add(new Transition(t.next().toBuilder().auditHead(k.hash()).build(), k, t.events()));
            previous = k.hash();
        }
        return out;
    }

    /** Rule S26: keyed entries are kept exactly and verify under the keys across a rotation. */
    @Test
    @DisplayName("S26 keyed entries kept exactly: key ids and HMACs read back as saved; the chains verify under the keys across a rotation")
    public void s26KeyedEntriesKeptExactly() {
        Rules.check("S26", () -> {
            Storage s = createStorage();
            ContractKeys keys = new ContractKeys();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(8);
            List<List<Transition>> all = new ArrayList<>();
            for (HiddenDangerState st : HiddenDangerState.values()) {
                all.add(keyed(gen.dangers().history(org, st, T0.plus(Duration.ofHours(3))), keys));
            }
            int max = all.stream().mapToInt(List::size).max().orElse(0);
            for (int i = 0; i < max; i++) {
                for (List<Transition> h : all) {
                    if (i < h.size()) {
                        save(s, h.get(i));
                    }
                }
            }
            for (List<Transition> h : all) {
                HiddenDangerId id = h.get(0).next().id();
                List<AuditEntry> expected = h.stream().map(Transition::audit).toList();
                List<AuditEntry> stored = entries(s, id);
                assertEquals(expected.stream().map(AuditEntry::keyId).toList(),
                        stored.stream().map(AuditEntry::keyId).toList(), "S26 the key ids of " + id + seedNote());
                assertEquals(expected, stored, "S26 the keyed entries of " + id + " are not kept exactly" + seedNote());
                ChainVerification v = AuditChain.verify(stored, keys);
                assertTrue(v.isValid(), "S26 the keyed chain of " + id + " does not verify under its keys: " + v
                        + seedNote());
            }
        });
    }

    // ------------------------------------------------------------------ S7

    /** Rule S7: concurrent saves on one aggregate: exactly one wins each round, nothing lost, audit chains intact. */
    @Test
    @DisplayName("S7 concurrent saves on one aggregate: exactly one wins each round, nothing lost, audit chains intact")
    public void s7ConcurrentSaves() {
        Rules.check("S7", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(6);
            int threads = Math.max(2, threads());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                // hidden dangers: every round each thread computes its own next transition from the same version
                for (int d = 0; d < 3; d++) {
                    Transition first = gen.dangers().history(org, HiddenDangerState.REPORTED, T0).get(0);
                    save(s, first);
                    HiddenDangerId id = first.next().id();
                    int rounds = 0;
                    while (rounds < Math.max(12, raceRounds() / 4)) {
                        HiddenDanger current = s.hiddenDangers().find(id).orElseThrow();
                        List<Transition> candidates = new ArrayList<>();
                        for (int t = 0; t < threads; t++) {
                            gen.fork().dangers().next(current, org).ifPresent(candidates::add);
                        }
                        if (candidates.size() < threads) {
                            break;
                        }
                        List<Object> results = race(pool, candidates, t -> {
                            save(s, t);
                            return t;
                        });
                        List<Transition> winners = new ArrayList<>();
                        for (Object r : results) {
                            if (r instanceof Transition) {
                                winners.add((Transition) r);
                            }
                        }
                        assertEquals(1, winners.size(), "S7 round " + rounds + " on " + id + ": " + winners.size()
                                + " of " + threads + " concurrent saves of version " + (current.version() + 1)
                                + " succeeded; results " + results + seedNote());
                        assertEquals(winners.get(0).next(), s.hiddenDangers().find(id).orElseThrow(),
                                "S7 the stored state is not the winner's" + seedNote());
                        rounds++;
                    }
                    HiddenDanger stored = s.hiddenDangers().find(id).orElseThrow();
                    List<AuditEntry> log = entries(s, id);
                    assertEquals(stored.version(), log.size(), "S7 " + id + ": version " + stored.version() + " but "
                            + log.size() + " audit entries" + seedNote());
                    ChainVerification v = AuditChain.verify(log, stored);
                    assertTrue(v.isValid(), "S7 the audit chain of " + id + " is broken after concurrent saves: " + v + seedNote());
                    assertEquals(stored, AuditChain.replay(log), "S7 replaying the audit log of " + id
                            + " does not give the stored state" + seedNote());
                }
                // risk points: concurrent creates and updates
                RiskPoint rp = gen.riskPoint(org);
                for (int round = 0; round < Math.max(10, raceRounds()); round++) {
                    long expected = round;
                    List<RiskPoint> candidates = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        candidates.add(rp.withDetails("name " + round + "/" + t, rp.kind(), rp.owningUnit(), rp.zone())
                                .withVersion(expected + 1));
                    }
                    List<Object> results = race(pool, candidates, c -> {
                        s.riskPoints().save(c, expected);
                        return c;
                    });
                    List<Object> winners = new ArrayList<>();
                    for (Object r : results) {
                        if (r instanceof RiskPoint) {
                            winners.add(r);
                        }
                    }
                    assertEquals(1, winners.size(), "S7 risk point round " + round + ": " + results + seedNote());
                    assertEquals(winners.get(0), s.riskPoints().find(rp.id()).orElseThrow(),
                            "S7 the stored risk point is not the winner's" + seedNote());
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    private interface Attempt<T> {
        Object run(T candidate) throws Exception;
    }

    /** Runs one attempt per candidate at the same moment; returns each result or "stale"; other exceptions fail. */
    private static <T> List<Object> race(ExecutorService pool, List<T> candidates, Attempt<T> attempt) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(candidates.size());
        List<Future<Object>> futures = new ArrayList<>();
        for (T c : candidates) {
            Callable<Object> job = () -> {
                barrier.await(60, TimeUnit.SECONDS);
                try {
                    return attempt.run(c);
                } catch (StaleVersionException e) {
                    return "stale";
                }
            };
            futures.add(pool.submit(job));
        }
        List<Object> out = new ArrayList<>();
        for (Future<Object> f : futures) {
            out.add(f.get(120, TimeUnit.SECONDS));
        }
        return out;
    }

    // ------------------------------------------------------------------ S9 to S12, S14, S17

    /** Seeded data stored in a storage, with the reference copies. */
    static final class Data {
        final Organization org;
        final Map<RiskPointId, RiskPoint> riskPoints = new LinkedHashMap<>();
        final Map<HiddenDangerId, HiddenDanger> dangers = new LinkedHashMap<>();
        final Map<InspectionPlanId, InspectionPlan> plans = new LinkedHashMap<>();
        final Map<InspectionTaskId, InspectionTask> tasks = new LinkedHashMap<>();
        final Map<GoodPracticeId, GoodPractice> practices = new LinkedHashMap<>();

        Data(Organization org) {
            this.org = org;
        }
    }

    static Data populate(Storage s, Gen gen, int n) {
        Organization org = gen.organization(Math.max(4, n / 4));
        s.organization().save(org, 0);
        Data d = new Data(org);
        for (int i = 0; i < n; i++) {
            RiskPoint rp = gen.riskPoint(org).withVersion(1);
            s.riskPoints().save(rp, 0);
            if (gen.chance(0.3)) {
                RiskPoint changed = rp.withDetails(rp.name() + " (renamed)", rp.kind(), gen.pick(org.units()).id(), rp.zone())
                        .withVersion(2);
                s.riskPoints().save(changed, 1);
                rp = changed;
            }
            d.riskPoints.put(rp.id(), rp);
        }
        List<RiskPoint> points = new ArrayList<>(d.riskPoints.values());
        DangerGen dg = gen.dangers();
        for (int i = 0; i < n; i++) {
            Instant start = gen.instant(T0, Duration.ofDays(90));
            Optional<RiskPoint> rp = gen.chance(0.6) ? Optional.of(gen.pick(points)) : Optional.empty();
            List<Transition> h = dg.history(org, rp, gen.pick(HiddenDangerState.class), start);
            for (Transition t : h) {
                save(s, t);
            }
            HiddenDanger last = h.get(h.size() - 1).next();
            d.dangers.put(last.id(), last);
        }
        LocalDate day0 = LocalDate.of(2026, 3, 1);
        for (int i = 0; i < Math.max(3, n / 3); i++) {
            InspectionPlan p = gen.inspections().plan(org, day0).withVersion(1);
            s.inspectionPlans().save(p, 0);
            d.plans.put(p.id(), p);
        }
        List<InspectionPlan> plans = new ArrayList<>(d.plans.values());
        List<InspectionTask> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fresh.add(gen.inspections().task(gen.pick(plans), T0, 60, 0.0).withVersion(1));
        }
        int stored = s.inspectionTasks().insertMissing(fresh);
        if (stored != fresh.size()) {
            throw new AssertionError("S14 insertMissing of " + fresh.size() + " new tasks returned " + stored);
        }
        for (InspectionTask t : fresh) {
            InspectionTask now = t;
            if (gen.chance(0.4)) {
                now = gen.inspections().recorded(t).withVersion(2);
                s.inspectionTasks().save(now, 1);
            }
            d.tasks.put(now.id(), now);
        }
        for (int i = 0; i < n / 2; i++) {
            GoodPractice g = gen.inspections().goodPractice(org, T0, 90);
            s.goodPractices().add(g);
            d.practices.put(g.id(), g);
        }
        return d;
    }

    private Set<OrgUnitId> someUnits(Gen gen, Organization org) {
        Set<OrgUnitId> out = new HashSet<>();
        for (OrgUnit u : gen.subset(org.units(), 0)) {
            out.add(u.id());
        }
        return out;
    }

    /** Rule S9: paging through random queries returns exactly the stored values the query matches, each once. */
    @Test
    @DisplayName("S9 paging through random queries returns exactly the stored values the query matches, each once")
    public void s9QueriesAgreeWithReference() {
        Rules.check("S9", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Data d = populate(s, gen, dataSize());
            for (int q = 0; q < 25; q++) {
                HiddenDangerQuery hq = dangerQuery(gen, d);
                compare("hidden dangers " + hq, d.dangers.values(), hq::matches, HiddenDanger::id,
                        p -> s.hiddenDangers().find(hq, p), gen.intBetween(1, 17));
                RiskPointQuery rq = riskPointQuery(gen, d);
                compare("risk points " + rq, d.riskPoints.values(), rq::matches, RiskPoint::id,
                        p -> s.riskPoints().find(rq, p), gen.intBetween(1, 17));
                InspectionPlanQuery pq = planQuery(gen, d);
                compare("plans " + pq, d.plans.values(), pq::matches, InspectionPlan::id,
                        p -> s.inspectionPlans().find(pq, p), gen.intBetween(1, 17));
                InspectionTaskQuery tq = taskQuery(gen, d);
                compare("tasks " + tq, d.tasks.values(), tq::matches, InspectionTask::id,
                        p -> s.inspectionTasks().find(tq, p), gen.intBetween(1, 17));
                GoodPracticeQuery gq = practiceQuery(gen, d);
                compare("good practices " + gq, d.practices.values(), gq::matches, GoodPractice::id,
                        p -> s.goodPractices().find(gq, p), gen.intBetween(1, 17));
            }
        });
    }

    private <T, K> void compare(String what, Collection<T> reference, Predicate<T> matches, Function<T, K> id,
            Function<PageRequest, Page<T>> fetch, int pageSize) {
        Map<K, T> expected = new HashMap<>();
        for (T t : reference) {
            if (matches.test(t)) {
                expected.put(id.apply(t), t);
            }
        }
        List<T> got = drain(fetch, pageSize, reference.size());
        Map<K, Integer> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (T t : got) {
            K k = id.apply(t);
            if (seen.merge(k, 1, Integer::sum) == 2) {
                problems.add(k + " returned twice");
            }
            if (!expected.containsKey(k)) {
                problems.add(k + " returned but does not match");
            } else if (!expected.get(k).equals(t)) {
                problems.add(k + " returned in another state than stored");
            }
        }
        for (K k : expected.keySet()) {
            if (!seen.containsKey(k)) {
                problems.add(k + " matches but was not returned");
            }
        }
        if (!problems.isEmpty()) {
            fail("S9 " + what + " with pages of " + pageSize + ": " + problems.size() + " problems " + seedNote() + ": "
                    + problems.subList(0, Math.min(8, problems.size())));
        }
    }

    private HiddenDangerQuery dangerQuery(Gen gen, Data d) {
        HiddenDangerQuery q = HiddenDangerQuery.all();
        if (gen.chance(0.4)) {
            q = q.inUnits(someUnits(gen, d.org));
        }
        if (gen.chance(0.3)) {
            q = q.inStates(gen.subset(List.of(HiddenDangerState.values()), 0));
        }
        if (gen.chance(0.3)) {
            q = q.open();
        }
        if (gen.chance(0.3)) {
            q = q.overdueAsOf(gen.date(LocalDate.of(2026, 3, 1), 150));
        }
        if (gen.chance(0.2) && !d.riskPoints.isEmpty()) {
            q = q.atRiskPoint(gen.pick(new ArrayList<>(d.riskPoints.keySet())));
        }
        if (gen.chance(0.3)) {
            q = q.ofGrades(gen.subset(List.of(HiddenDangerGrade.values()), 0));
        }
        if (gen.chance(0.3)) {
            Instant from = gen.instant(T0, Duration.ofDays(90));
            q = q.reportedBetween(from, from.plus(Duration.ofDays(gen.intBetween(0, 60))));
        }
        return q;
    }

    private RiskPointQuery riskPointQuery(Gen gen, Data d) {
        RiskPointQuery q = RiskPointQuery.all();
        if (gen.chance(0.5)) {
            q = q.inUnits(someUnits(gen, d.org));
        }
        if (gen.chance(0.3)) {
            Set<MapZoneId> zones = new HashSet<>();
            for (RiskPoint rp : d.riskPoints.values()) {
                if (rp.zone().isPresent() && gen.chance(0.3)) {
                    zones.add(rp.zone().get());
                }
            }
            q = q.inZones(zones);
        }
        if (gen.chance(0.2)) {
            q = q.flaggedForReassessment();
        }
        return q;
    }

    private InspectionPlanQuery planQuery(Gen gen, Data d) {
        InspectionPlanQuery q = InspectionPlanQuery.all();
        if (gen.chance(0.5)) {
            q = q.inUnits(someUnits(gen, d.org));
        }
        if (gen.chance(0.4)) {
            q = q.ofKinds(gen.subset(List.of(PlanKind.values()), 0));
        }
        if (gen.chance(0.4)) {
            LocalDate first = gen.date(LocalDate.of(2026, 3, 1), 120);
            q = q.validBetween(first, first.plusDays(gen.intBetween(0, 60)));
        }
        return q;
    }

    private InspectionTaskQuery taskQuery(Gen gen, Data d) {
        Instant from = gen.chance(0.2) ? T0.minus(Duration.ofDays(1)) : gen.instant(T0, Duration.ofDays(60));
        InspectionTaskQuery q = InspectionTaskQuery.dueBetween(from, from.plus(Duration.ofDays(gen.intBetween(0, 80))));
        if (gen.chance(0.4)) {
            q = q.inUnits(someUnits(gen, d.org));
        }
        if (gen.chance(0.3)) {
            q = q.ofPlan(gen.pick(new ArrayList<>(d.plans.keySet())));
        }
        if (gen.chance(0.4)) {
            q = q.recorded(gen.chance(0.5));
        }
        return q;
    }

    private GoodPracticeQuery practiceQuery(Gen gen, Data d) {
        GoodPracticeQuery q = GoodPracticeQuery.all();
        if (gen.chance(0.5)) {
            q = q.inUnits(someUnits(gen, d.org));
        }
        if (gen.chance(0.4)) {
            Instant from = gen.instant(T0, Duration.ofDays(90));
            q = q.observedBetween(from, from.plus(Duration.ofDays(gen.intBetween(0, 40))));
        }
        return q;
    }

    /** Rule S10: keyset paging: at most limit items per page, a next token iff more follow, bad tokens refused. */
    @Test
    @DisplayName("S10 keyset paging: at most limit items per page, a next token iff more follow, bad tokens refused")
    public void s10KeysetPaging() {
        Rules.check("S10", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Data d = populate(s, gen, Math.min(dataSize(), 30));
            int total = d.dangers.size();
            for (int size : List.of(1, 2, 3, 7, total - 1, total, total + 1)) {
                if (size < 1) {
                    continue;
                }
                int seen = 0;
                Page<HiddenDanger> page = s.hiddenDangers().find(HiddenDangerQuery.all(), PageRequest.first(size));
                while (true) {
                    assertTrue(page.items().size() <= size, "S10 page of " + page.items().size() + " items for limit " + size);
                    seen += page.items().size();
                    if (page.next().isEmpty()) {
                        break;
                    }
                    assertTrue(seen < total, "S10 a next token after all " + total + " items were returned (limit "
                            + size + ")" + seedNote());
                    page = s.hiddenDangers().find(HiddenDangerQuery.all(), PageRequest.after(page.next().get(), size));
                }
                assertEquals(total, seen, "S10 pages of " + size + " returned " + seen + " of " + total + seedNote());
                if (size < total) {
                    Page<HiddenDanger> firstPage = s.hiddenDangers().find(HiddenDangerQuery.all(), PageRequest.first(size));
                    assertEquals(size, firstPage.items().size(), "S10 a first page of limit " + size + " out of " + total
                            + " items is not full");
                    assertTrue(firstPage.next().isPresent(), "S10 no next token although " + (total - size) + " items follow");
                } else {
                    Page<HiddenDanger> only = s.hiddenDangers().find(HiddenDangerQuery.all(), PageRequest.first(size));
                    assertEquals(total, only.items().size(), "S10 one page of limit " + size + " holds all " + total);
                }
            }
            assertThrows(IllegalArgumentException.class,
                    () -> s.hiddenDangers().find(HiddenDangerQuery.all(), PageRequest.after("\u0000not a token\u0007", 5)),
                    "S10 a token that cannot be decoded");
        });
    }

    /** Rule S11: order: tasks by ascending due time, audit entries in save order, other queries stable. */
    @Test
    @DisplayName("S11 order: tasks by ascending due time, audit entries in save order, other queries stable")
    public void s11Order() {
        Rules.check("S11", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Data d = populate(s, gen, dataSize());
            InspectionTaskQuery all = InspectionTaskQuery.dueBetween(T0.minus(Duration.ofDays(10)), T0.plus(Duration.ofDays(400)));
            List<InspectionTask> tasks = drain(p -> s.inspectionTasks().find(all, p), 7, d.tasks.size());
            assertEquals(d.tasks.size(), tasks.size(), "S11 every task is due in the window");
            for (int i = 1; i < tasks.size(); i++) {
                assertFalse(tasks.get(i).due().isBefore(tasks.get(i - 1).due()), "S11 task " + tasks.get(i).id() + " due "
                        + tasks.get(i).due() + " comes after one due " + tasks.get(i - 1).due());
            }
            for (HiddenDanger h : d.dangers.values()) {
                List<AuditEntry> log = entries(s, h.id());
                for (int i = 0; i < log.size(); i++) {
                    assertEquals(i + 1, log.get(i).sequence(), "S11 audit entries of " + h.id() + " out of order");
                }
            }
            List<HiddenDangerId> once = new ArrayList<>();
            drain(p -> s.hiddenDangers().find(HiddenDangerQuery.all(), p), 5, d.dangers.size()).forEach(h -> once.add(h.id()));
            List<HiddenDangerId> twice = new ArrayList<>();
            drain(p -> s.hiddenDangers().find(HiddenDangerQuery.all(), p), 11, d.dangers.size()).forEach(h -> twice.add(h.id()));
            assertEquals(once, twice, "S11 two traversals of the same query give different orders");
        });
    }

    /** Rule S12: count(query) equals the number of items paging returns. */
    @Test
    @DisplayName("S12 count(query) equals the number of items paging returns")
    public void s12Count() {
        Rules.check("S12", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Data d = populate(s, gen, dataSize());
            for (int q = 0; q < 20; q++) {
                HiddenDangerQuery hq = dangerQuery(gen, d);
                assertEquals(drain(p -> s.hiddenDangers().find(hq, p), 9, d.dangers.size()).size(),
                        s.hiddenDangers().count(hq), "S12 count of hidden dangers " + hq + seedNote());
                RiskPointQuery rq = riskPointQuery(gen, d);
                assertEquals(drain(p -> s.riskPoints().find(rq, p), 9, d.riskPoints.size()).size(),
                        s.riskPoints().count(rq), "S12 count of risk points " + rq + seedNote());
                InspectionTaskQuery tq = taskQuery(gen, d);
                assertEquals(drain(p -> s.inspectionTasks().find(tq, p), 9, d.tasks.size()).size(),
                        s.inspectionTasks().count(tq), "S12 count of tasks " + tq + seedNote());
                GoodPracticeQuery gq = practiceQuery(gen, d);
                assertEquals(drain(p -> s.goodPractices().find(gq, p), 9, d.practices.size()).size(),
                        s.goodPractices().count(gq), "S12 count of good practices " + gq + seedNote());
            }
        });
    }

    /** Rule S14: insertMissing stores exactly the new tasks, keeps stored ones, and never stores one twice under contention. */
    @Test
    @DisplayName("S14 insertMissing stores exactly the new tasks, keeps stored ones, and never stores one twice under contention")
    public void s14InsertMissing() {
        Rules.check("S14", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(6);
            InspectionPlan plan = gen.inspections().plan(org, LocalDate.of(2026, 3, 1));
            List<InspectionTask> first = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                first.add(gen.inspections().task(plan, T0, 20, 0.0).withVersion(1));
            }
            assertEquals(10, s.inspectionTasks().insertMissing(first), "S14 insertMissing of 10 new tasks");
            List<InspectionTask> mixed = new ArrayList<>();
            for (InspectionTask t : first.subList(0, 5)) {
                // same id, other content: must be left as stored
                mixed.add(InspectionTask.of(t.id(), t.plan(), t.planKind(), t.unit(), t.assignee(), t.windowStart(),
                        t.due().plus(Duration.ofHours(1)), t.items()).withVersion(1));
            }
            List<InspectionTask> added = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                added.add(gen.inspections().task(plan, T0, 20, 0.0).withVersion(1));
            }
            mixed.addAll(added);
            assertEquals(4, s.inspectionTasks().insertMissing(mixed), "S14 insertMissing of 5 stored and 4 new tasks");
            for (InspectionTask t : first) {
                assertEquals(t, s.inspectionTasks().find(t.id()).orElseThrow(), "S14 a stored task was changed");
            }
            for (InspectionTask t : added) {
                assertEquals(t, s.inspectionTasks().find(t.id()).orElseThrow(), "S14 a new task was not stored");
            }
            InspectionTask v2 = gen.inspections().task(plan, T0, 20, 0.0).withVersion(2);
            assertThrows(IllegalArgumentException.class, () -> s.inspectionTasks().insertMissing(List.of(v2)),
                    "S14 a task of version 2");
            InspectionTask dup = gen.inspections().task(plan, T0, 20, 0.0).withVersion(1);
            InspectionTask ok = gen.inspections().task(plan, T0, 20, 0.0).withVersion(1);
            assertThrows(IllegalArgumentException.class, () -> s.inspectionTasks().insertMissing(List.of(ok, dup, dup)),
                    "S14 the same id twice in one call");
            assertTrue(s.inspectionTasks().find(ok.id()).isEmpty(), "S14 a refused insertMissing stored a task");
            // contention: every thread inserts the same batch
            List<InspectionTask> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(gen.inspections().task(plan, T0, 20, 0.0).withVersion(1));
            }
            int threads = Math.max(2, threads());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<List<InspectionTask>> same = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    same.add(batch);
                }
                List<Object> counts = race(pool, same, b -> s.inspectionTasks().insertMissing(b));
                int sum = 0;
                for (Object c : counts) {
                    sum += (Integer) c;
                }
                assertEquals(batch.size(), sum, "S14 concurrent insertMissing of one batch stored " + sum + " of "
                        + batch.size() + " (per thread " + counts + ")" + seedNote());
            } finally {
                pool.shutdownNow();
            }
        });
    }

    /** Rule S17: findByHazard returns the risk point holding the hazard as of its latest save. */
    @Test
    @DisplayName("S17 findByHazard returns the risk point holding the hazard as of its latest save")
    public void s17HazardLookup() {
        Rules.check("S17", () -> {
            Storage s = createStorage();
            Gen gen = Gen.of(seed());
            Organization org = gen.organization(6);
            RiskPoint rp = gen.riskPoint(org);
            while (rp.hazards().size() < 2) {
                rp = rp.withHazard(gen.hazard(org));
            }
            rp = rp.withVersion(1);
            s.riskPoints().save(rp, 0);
            for (Hazard h : rp.hazards()) {
                assertEquals(rp, s.riskPoints().findByHazard(h.id()).orElse(null), "S17 findByHazard(" + h.id() + ")");
            }
            Hazard removed = rp.hazards().get(0);
            Hazard added = gen.hazard(org);
            List<Hazard> next = new ArrayList<>(rp.hazards().subList(1, rp.hazards().size()));
            next.add(added);
            RiskPoint v2 = rp.withHazards(next).withVersion(2);
            s.riskPoints().save(v2, 1);
            assertTrue(s.riskPoints().findByHazard(removed.id()).isEmpty(), "S17 a hazard removed by the latest save is still found");
            assertEquals(v2, s.riskPoints().findByHazard(added.id()).orElse(null), "S17 a hazard added by the latest save");
            assertEquals(v2, s.riskPoints().findByHazard(next.get(0).id()).orElse(null), "S17 a kept hazard gives the latest version");
        });
    }

    // ------------------------------------------------------------------ S19

    /**
     * Texts of every Unicode plane: one character of each of the 17 planes (none a non-character), 4-byte
     * emoji (one a ZWJ sequence), CJK ideographs of the basic block and of extensions A, B, C, G and H, a
     * combining accent, right-to-left Arabic, and BMP characters a lossy encoding mangles ({@code ?}, the
     * replacement character, a zero-width no-break space). Each is short enough to go into a 128-character id.
     *
     * @return the texts, each distinct
     */
    static List<String> unicodeTexts() {
        List<String> out = new ArrayList<>();
        StringBuilder planes = new StringBuilder();
        for (int plane = 0; plane <= 16; plane++) {
            planes.appendCodePoint(plane == 0 ? 0x4E2D : plane * 0x10000 + (plane == 14 ? 0x0041 : 0x1234));
        }
        out.add(planes.toString());
        out.add("\uD83D\uDE00\uD83D\uDD25");
        out.add("\uD83D\uDE01\uD83D\uDD25");
        out.add("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67");
        out.add(new StringBuilder("隐患").appendCodePoint(0x3400).appendCodePoint(0x20000).appendCodePoint(0x2A6D6)
                .appendCodePoint(0x2A700).appendCodePoint(0x30000).appendCodePoint(0x31350).toString());
        out.add("e\u0301 \u0627\u0644\u0639\u0631\u0628\u064A\u0629");
        out.add("?");
        out.add("??");
        out.add("\uFFFD");
        out.add("\uFEFFx\u200B");
        out.add(new StringBuilder().appendCodePoint(0x10FFFD).appendCodePoint(0xFFFD).appendCodePoint(0xF0000).toString());
        return out;
    }

    /**
     * Rule S19: text of every Unicode plane is kept exactly, in ids, names and free text of every aggregate,
     * and ids that differ in one such character stay distinct.
     */
    @Test
    @DisplayName("S19 text of every Unicode plane is kept exactly in ids, names and free text, and ids differing in one character stay apart")
    public void s19UnicodeText() {
        Rules.check("S19", () -> {
            Storage s = createStorage();
            List<String> texts = unicodeTexts();
            String all = String.join(" ", texts);
            OrgUnit root = OrgUnit.root(OrgUnitId.of("总部" + texts.get(0)), "名称 " + all, ControlLevel.COMPANY);
            List<OrgUnit> units = new ArrayList<>(List.of(root));
            for (String t : texts) {
                units.add(OrgUnit.child(OrgUnitId.of("U-" + t), "单位 " + t, ControlLevel.DEPARTMENT, root.id()));
            }
            Organization org = Organization.of(units);
            s.organization().save(org, 0);
            assertEquals(org, s.organization().load().orElseThrow().value(), "S19 the organisation" + seedNote());
            LocalDate day = LocalDate.of(2026, 3, 2);
            for (String t : texts) {
                OrgUnitId unit = OrgUnitId.of("U-" + t);
                Hazard h = Hazard.of(HazardId.of("H-" + t), "描述 " + t, HazardCategory.of("21"), Set.of(AccidentType.FIRE),
                        "原因 " + t, "后果 " + t).withMeasures(List.of(new ControlMeasure(ControlMeasureId.of("M-" + t),
                        MeasureCategory.MANAGEMENT, "措施 " + t, ControlLevel.DEPARTMENT, unit, "标准 " + t)));
                RiskPoint rp = RiskPoint.of(RiskPointId.of("RP-" + t), "风险点 " + t, RiskPointKind.PLACE, unit,
                        Optional.of(MapZoneId.of("Z-" + t))).withHazards(List.of(h)).withVersion(1);
                s.riskPoints().save(rp, 0);
                InspectionItem item = new InspectionItem(InspectionItemId.of("I-" + t), "内容 " + t, "标准 " + t,
                        ChecklistClass.values()[0], Optional.empty());
                InspectionPlan plan = InspectionPlan.routine(InspectionPlanId.of("P-" + t), "计划 " + t, unit,
                        Schedule.every(Cadence.WEEK), day).withItems(List.of(item), false).withVersion(1);
                s.inspectionPlans().save(plan, 0);
                InspectionTask task = InspectionTask.of(InspectionTaskId.of("T-" + t), plan.id(), plan.kind(), unit,
                        Optional.of(ActorId.of("A-" + t)), T0, T0.plus(Duration.ofDays(1)), plan.items()).withVersion(1);
                s.inspectionTasks().save(task, 0);
                GoodPractice gp = new GoodPractice(GoodPracticeId.of("G-" + t), ActorId.of("A-" + t), unit,
                        Optional.of(rp.id()), T0, "做法 " + t, List.of());
                s.goodPractices().add(gp);
                Transition tr = ClosedLoop.report(HiddenDangerCommand.Report.of(Actor.of(ActorId.of("A-" + t), unit),
                        HiddenDangerId.of("HD-" + t), "标题 " + t, "描述 " + t, HiddenDangerSource.OTHER, unit, day),
                        Clock.fixed(T0, ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8));
                save(s, tr);
            }
            for (String t : texts) {
                String at = " for the text [" + escape(t) + "]" + seedNote();
                RiskPoint rp = s.riskPoints().find(RiskPointId.of("RP-" + t)).orElseThrow(
                        () -> new AssertionError("S19 risk point not found" + at));
                assertEquals("风险点 " + t, rp.name(), "S19 risk point name" + at);
                assertEquals("原因 " + t, rp.hazards().get(0).causes(), "S19 hazard causes" + at);
                assertEquals(rp, s.riskPoints().findByHazard(HazardId.of("H-" + t)).orElse(null), "S19 findByHazard" + at);
                List<RiskPoint> inUnit = drain(p -> s.riskPoints().find(RiskPointQuery.all().inUnits(
                        List.of(OrgUnitId.of("U-" + t))), p), 5, 100);
                assertEquals(List.of(rp), inUnit, "S19 risk points of the unit" + at);
                InspectionPlan plan = s.inspectionPlans().find(InspectionPlanId.of("P-" + t)).orElseThrow(
                        () -> new AssertionError("S19 plan not found" + at));
                assertEquals("计划 " + t, plan.name(), "S19 plan name" + at);
                assertEquals("内容 " + t, plan.items().get(0).content(), "S19 item content" + at);
                InspectionTask task = s.inspectionTasks().find(InspectionTaskId.of("T-" + t)).orElseThrow(
                        () -> new AssertionError("S19 task not found" + at));
                assertEquals(Optional.of(ActorId.of("A-" + t)), task.assignee(), "S19 task assignee" + at);
                GoodPractice gp = s.goodPractices().find(GoodPracticeId.of("G-" + t)).orElseThrow(
                        () -> new AssertionError("S19 good practice not found" + at));
                assertEquals("做法 " + t, gp.description(), "S19 good practice description" + at);
                HiddenDanger hd = s.hiddenDangers().find(HiddenDangerId.of("HD-" + t)).orElseThrow(
                        () -> new AssertionError("S19 hidden danger not found" + at));
                assertEquals("标题 " + t, hd.title(), "S19 hidden danger title" + at);
                List<AuditEntry> log = entries(s, hd.id());
                assertEquals(1, log.size(), "S19 audit entries" + at);
                assertTrue(AuditChain.verify(log).isValid(), "S19 the stored audit entry no longer matches its hash" + at);
                assertEquals(hd, AuditChain.replay(log), "S19 the audit entry replays to another hidden danger" + at);
            }
            assertEquals(texts.size(), drain(p -> s.riskPoints().find(RiskPointQuery.all(), p), 7, 1000).size(),
                    "S19 risk points stored (ids differing in one character must not merge)" + seedNote());
            assertEquals(texts.size(), drain(p -> s.hiddenDangers().find(HiddenDangerQuery.all(), p), 7, 1000).size(),
                    "S19 hidden dangers stored" + seedNote());
        });
    }

    /**
     * Rule S27: {@code open()} walks exactly the open hidden dangers that paging the query of open ones gives, in the
     * same order.
     */
    @Test
    @DisplayName("S27 open() gives exactly the items of paging through the query of open hidden dangers, in the same order")
    public void s27OpenDangersWalkedWhole() {
        Rules.check("S27", () -> {
            Storage s = createStorage();
            assertEquals(List.of(), walk(s.hiddenDangers().open()), "S27 an empty store has open hidden dangers"
                    + seedNote());
            Gen gen = Gen.of(seed());
            Data d = populate(s, gen, dataSize());
            checkOpenWalk(s, d, gen, "after populating");
            // some open ones move on (closed, withdrawn, a next step), some are reported: a new walk sees the changes
            List<HiddenDanger> open = new ArrayList<>();
            for (HiddenDanger h : d.dangers.values()) {
                if (h.isOpen()) {
                    open.add(h);
                }
            }
            int moved = 0;
            for (HiddenDanger h : open) {
                if (!gen.chance(0.4)) {
                    continue;
                }
                Optional<Transition> next = gen.dangers().next(h, d.org);
                if (next.isPresent()) {
                    save(s, next.get());
                    d.dangers.put(h.id(), next.get().next());
                    moved++;
                }
            }
            for (int i = 0; i < 5; i++) {
                List<Transition> h = gen.dangers().history(d.org, Optional.empty(), HiddenDangerState.REPORTED,
                        gen.instant(T0, Duration.ofDays(90)));
                for (Transition t : h) {
                    save(s, t);
                }
                HiddenDanger last = h.get(h.size() - 1).next();
                d.dangers.put(last.id(), last);
            }
            checkOpenWalk(s, d, gen, "after " + moved + " hidden dangers moved on and 5 reported");
        });
    }

    private void checkOpenWalk(Storage s, Data d, Gen gen, String when) {
        List<HiddenDanger> expected = new ArrayList<>();
        for (HiddenDanger h : d.dangers.values()) {
            if (h.isOpen()) {
                expected.add(h);
            }
        }
        Iterable<HiddenDanger> open = s.hiddenDangers().open();
        List<HiddenDanger> walked = walk(open);
        // pages of several sizes, each compared with a walk (a store may read differently once it was read before)
        for (int size : List.of(1, gen.intBetween(2, 17), PageRequest.MAX_LIMIT)) {
            List<HiddenDanger> paged = drain(p -> s.hiddenDangers().find(HiddenDangerQuery.all().open(), p), size,
                    d.dangers.size());
            for (List<HiddenDanger> w : List.of(walked, walk(s.hiddenDangers().open()))) {
                assertEquals(ids(paged), ids(w), "S27 " + when + ": open() and pages of " + size
                        + " give other hidden dangers or another order" + seedNote());
                assertEquals(paged, w, "S27 " + when + ": open() gives other states than pages of " + size
                        + seedNote());
            }
        }
        assertEquals(new HashSet<>(ids(expected)), new HashSet<>(ids(walked)), "S27 " + when
                + ": open() does not give the stored open hidden dangers" + seedNote());
        assertEquals(expected.size(), walked.size(), "S27 " + when + ": open() gives a hidden danger twice" + seedNote());
        assertEquals(walked, walk(open), "S27 " + when + ": a second walk of the same iterable differs" + seedNote());
        java.util.Iterator<HiddenDanger> it = open.iterator();
        while (it.hasNext()) {
            it.next();
        }
        assertThrows(java.util.NoSuchElementException.class, it::next, "S27 " + when
                + ": next() after the last open hidden danger" + seedNote());
    }

    private static List<HiddenDanger> walk(Iterable<HiddenDanger> items) {
        List<HiddenDanger> out = new ArrayList<>();
        for (HiddenDanger h : items) {
            out.add(h);
        }
        return out;
    }

    private static List<HiddenDangerId> ids(List<HiddenDanger> dangers) {
        List<HiddenDangerId> out = new ArrayList<>(dangers.size());
        for (HiddenDanger h : dangers) {
            out.add(h.id());
        }
        return out;
    }

    private static String escape(String t) {
        StringBuilder sb = new StringBuilder();
        t.codePoints().forEach(cp -> sb.append(cp < 0x80 && cp >= 0x20 ? String.valueOf((char) cp) : String.format("U+%04X ", cp)));
        return sb.toString().trim();
    }
}
