package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.spi.AuditLog;
import org.dualprevention.spi.HiddenDangerRepository;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.spi.RiskPointRepository;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.testkit.StorageContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.jupiter.api.Test;

/**
 * The storage contract catches broken stores and names the rule they break: the in-memory store is
 * wrapped in two broken decorators, the contract is run against each through the JUnit Platform
 * launcher, and the run must fail those rules (and pass the rules the breakage does not touch).
 */
class StorageContractCatchesBrokenStoresTest {

    @Test
    @DisplayName("a store that ignores the expected version fails S3 and S7")
    void ignoringExpectedVersionFails() {
        assertCaught(IgnoresExpectedVersion.class, List.of("S3", "S7"), List.of("S1", "S8", "S9", "S13"));
    }

    @Test
    @DisplayName("a store that saves state without its audit entry fails S4 and S5")
    void stateWithoutAuditEntryFails() {
        assertCaught(DropsAuditEntries.class, List.of("S4", "S5"), List.of("S1", "S2", "S8", "S9", "S13"));
    }

    @Test
    @DisplayName("a store that keeps names in a 3-byte UTF-8 (emoji and CJK extension ideographs become ?) fails S19")
    void lossyTextFails() {
        assertCaught(LossyText.class, List.of("S19"), List.of("S2", "S3", "S13"));
    }

    @Test
    @DisplayName("a store that drops the state hash of audit entries (an old column set) fails S24")
    void lostStateHashFails() {
        assertCaught(LosesStateHash.class, List.of("S24"), List.of("S1", "S2", "S13"));
    }

    @Test
    @DisplayName("a store that drops the key id of audit entries (no key id column) fails S26, and S24 still passes")
    void lostKeyIdFails() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(LosesKeyId.class);
        List<String> failed = ContractRunner.failedRules(outcomes);
        assertTrue(failed.contains("S26"), "expected S26 to fail, failed: " + failed + "\n" + outcomes.values());
        assertNamesRules(outcomes);
        for (String untouched : List.of("S1", "S2", "S13", "S24", "S25")) {
            assertTrue(!failed.contains(untouched), untouched + " should still pass: " + outcomes.values());
        }
    }

    @Test
    @DisplayName("a store that lists one hidden danger no more (deleted behind the library's back) fails S25")
    void hiddenDangerGoneFromListingFails() {
        assertCaught(HidesOneHiddenDanger.class, List.of("S25"), List.of("S2", "S3", "S13"));
    }

    @Test
    @DisplayName("a store whose open() walk skips the last open hidden danger (an off-by-one walk) fails S27")
    void openWalkMissingTheLastFails() {
        assertCaught(OpenWalkMissesTheLast.class, List.of("S27"), List.of("S1", "S9", "S12", "S13"));
    }

    @Test
    @DisplayName("a store whose open() walk gives the open hidden dangers in another order than its pages fails S27")
    void openWalkInAnotherOrderFails() {
        assertCaught(OpenWalkReversed.class, List.of("S27"), List.of("S1", "S9", "S12", "S13"));
    }

    @Test
    @DisplayName("a store whose unit of work is not atomic (a failed unit keeps its writes) fails S20")
    void nonAtomicUnitFails() {
        assertCaught(NonAtomicUnits.class, List.of("S20"), List.of("S1", "S3", "S21", "S22"));
    }

    @Test
    @DisplayName("a store that forgets command ids (or lets a second command take one) fails S21")
    void forgetfulCommandLogFails() {
        assertCaught(LastCommandWins.class, List.of("S21"), List.of("S1", "S3", "S22"));
    }

    @Test
    @DisplayName("the unbroken in-memory store passes every rule when run the same way")
    void unbrokenStorePasses() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(Unbroken.class);
        assertEquals(List.of(), ContractRunner.failedRules(outcomes), outcomes.values().toString());
        assertTrue(outcomes.size() >= 23, "expected every storage rule to run: " + outcomes.keySet());
    }

    @Test
    @DisplayName("the check itself fails when a broken store passes the rule it breaks, or breaks one it should pass")
    void theCheckFailsWhenAStoreIsNotCaught() {
        AssertionError passed = assertThrows(AssertionError.class,
                () -> assertCaught(Unbroken.class, List.of("S3"), List.of("S1")));
        assertTrue(passed.getMessage().contains("should fail S3"), passed.getMessage());
        AssertionError broke = assertThrows(AssertionError.class,
                () -> assertCaught(IgnoresExpectedVersion.class, List.of("S3"), List.of("S1", "S7")));
        assertTrue(broke.getMessage().contains("S7 should still pass"), broke.getMessage());
    }

    /**
     * Runs the contract against a store: each rule of {@code breaks} must fail and every failure must name its
     * rule; each rule of {@code stillPass} must have run and passed, so a breakage is pinned to its rules.
     */
    private static void assertCaught(Class<? extends StorageContract> store, List<String> breaks, List<String> stillPass) {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(store);
        List<String> failed = ContractRunner.failedRules(outcomes);
        String name = store.getSimpleName();
        for (String rule : breaks) {
            assertTrue(failed.contains(rule), name + " should fail " + rule + "; failed: " + failed + "\n" + outcomes.values());
        }
        assertNamesRules(outcomes);
        for (String rule : stillPass) {
            assertTrue(outcomes.values().stream().anyMatch(o -> o.rule().equals(rule)
                    && o.status() == TestExecutionResult.Status.SUCCESSFUL),
                    name + ": " + rule + " should still pass: " + outcomes.values());
        }
    }

    private static void assertNamesRules(Map<String, ContractRunner.Outcome> outcomes) {
        for (ContractRunner.Outcome o : outcomes.values()) {
            if (o.failed()) {
                assertTrue(o.message().contains(o.rule()), "the failure of " + o.displayName()
                        + " should name its rule: " + o.message());
            }
        }
    }

    // ------------------------------------------------------------------ the stores under test

    static final class Unbroken extends StorageContract {
        @Override
        protected Storage createStorage() {
            return InMemoryStorage.create();
        }
    }

    /**
     * Last writer wins: a stale save of a risk point overwrites the stored one, and a stale save of a
     * hidden danger is acknowledged but silently dropped.
     */
    static final class IgnoresExpectedVersion extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            RiskPointRepository points = real.riskPoints();
            HiddenDangerRepository dangers = real.hiddenDangers();
            return decorate(real, Map.of(
                    RiskPointRepository.class, wrap(RiskPointRepository.class, points, (m, args) -> {
                        if (m.getName().equals("save")) {
                            RiskPoint next = (RiskPoint) args[0];
                            long stored = points.find(next.id()).map(RiskPoint::version).orElse(0L);
                            points.save(next.withVersion(stored + 1), stored);
                            return Optional.of(Void.TYPE);
                        }
                        return Optional.empty();
                    }),
                    HiddenDangerRepository.class, wrap(HiddenDangerRepository.class, dangers, (m, args) -> {
                        if (m.getName().equals("save")) {
                            try {
                                m.invoke(dangers, args);
                            } catch (InvocationTargetException e) {
                                if (!(e.getCause() instanceof StaleVersionException)) {
                                    throw e;
                                }
                            }
                            return Optional.of(Void.TYPE);
                        }
                        return Optional.empty();
                    })));
        }
    }

    /** Stores every hidden-danger state, but only the first audit entry of each hidden danger. */
    static final class DropsAuditEntries extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            AuditLog log = real.auditLog();
            Set<String> dropped = ConcurrentHashMap.newKeySet();
            HiddenDangerRepository dangers = real.hiddenDangers();
            return decorate(real, Map.of(
                    HiddenDangerRepository.class, wrap(HiddenDangerRepository.class, dangers, (m, args) -> {
                        if (m.getName().equals("save")) {
                            AuditEntry entry = (AuditEntry) args[2];
                            m.invoke(dangers, args);
                            if (entry.sequence() > 1) {
                                dropped.add(entry.dangerId().value() + "#" + entry.sequence());
                            }
                            return Optional.of(Void.TYPE);
                        }
                        return Optional.empty();
                    }),
                    AuditLog.class, wrap(AuditLog.class, log, (m, args) -> {
                        if (m.getName().equals("entries")) {
                            @SuppressWarnings("unchecked")
                            Page<AuditEntry> page = (Page<AuditEntry>) m.invoke(log, args);
                            List<AuditEntry> kept = new ArrayList<>();
                            for (AuditEntry e : page.items()) {
                                if (!dropped.contains(((HiddenDangerId) args[0]).value() + "#" + e.sequence())) {
                                    kept.add(e);
                                }
                            }
                            return Optional.of(Page.of(kept, page.next()));
                        }
                        return Optional.empty();
                    })));
        }
    }

    /** Serves audit entries without their format, state hash and key id, as a table without those columns would. */
    static final class LosesStateHash extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            AuditLog log = real.auditLog();
            return decorate(real, Map.of(AuditLog.class, wrap(AuditLog.class, log, (m, args) -> {
                if (m.getName().equals("entries")) {
                    @SuppressWarnings("unchecked")
                    Page<AuditEntry> page = (Page<AuditEntry>) m.invoke(log, args);
                    List<AuditEntry> old = new ArrayList<>();
                    for (AuditEntry e : page.items()) {
                        old.add(new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                                e.stateAfter(), e.data(), e.previousHash(), e.hash()));
                    }
                    return Optional.of(Page.of(old, page.next()));
                }
                return Optional.empty();
            })));
        }
    }

    /** Reads audit entries back without their key id, as a store without a key id column would. */
    static final class LosesKeyId extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            AuditLog log = real.auditLog();
            return decorate(real, Map.of(AuditLog.class, wrap(AuditLog.class, log, (m, args) -> {
                if (m.getName().equals("entries")) {
                    @SuppressWarnings("unchecked")
                    Page<AuditEntry> page = (Page<AuditEntry>) m.invoke(log, args);
                    List<AuditEntry> lost = new ArrayList<>();
                    for (AuditEntry e : page.items()) {
                        lost.add(new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(),
                                e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(),
                                e.stateHash(), Optional.empty()));
                    }
                    return Optional.of(Page.of(lost, page.next()));
                }
                return Optional.empty();
            })));
        }
    }

    /** Stops listing the first hidden danger ever saved in queries and ids, as if its row were deleted. */
    static final class HidesOneHiddenDanger extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            HiddenDangerRepository dangers = real.hiddenDangers();
            Set<HiddenDangerId> first = ConcurrentHashMap.newKeySet();
            return decorate(real, Map.of(HiddenDangerRepository.class, wrap(HiddenDangerRepository.class, dangers,
                    (m, args) -> {
                        if (m.getName().equals("save") && first.isEmpty()) {
                            first.add(((org.dualprevention.danger.HiddenDanger) args[0]).id());
                        }
                        if (m.getName().equals("ids")) {
                            @SuppressWarnings("unchecked")
                            Page<HiddenDangerId> page = (Page<HiddenDangerId>) m.invoke(dangers, args);
                            return Optional.of(Page.of(page.items().stream().filter(id -> !first.contains(id)).toList(),
                                    page.next()));
                        }
                        if (m.getName().equals("find") && args.length == 2) {
                            @SuppressWarnings("unchecked")
                            Page<org.dualprevention.danger.HiddenDanger> page =
                                    (Page<org.dualprevention.danger.HiddenDanger>) m.invoke(dangers, args);
                            return Optional.of(Page.of(page.items().stream().filter(h -> !first.contains(h.id()))
                                    .toList(), page.next()));
                        }
                        return Optional.empty();
                    })));
        }
    }

    /**
     * An in-memory store whose {@code open()} gives its walk changed by {@code change} (pages are right): the
     * broken stores of rule S27.
     */
    static Storage withOpenWalk(java.util.function.UnaryOperator<List<org.dualprevention.danger.HiddenDanger>> change) {
        Storage real = InMemoryStorage.create();
        HiddenDangerRepository dangers = real.hiddenDangers();
        return decorate(real, Map.of(HiddenDangerRepository.class, wrap(HiddenDangerRepository.class, dangers,
                (m, args) -> {
                    if (m.getName().equals("open")) {
                        List<org.dualprevention.danger.HiddenDanger> all = new ArrayList<>();
                        dangers.open().forEach(all::add);
                        Iterable<org.dualprevention.danger.HiddenDanger> walk = change.apply(all);
                        return Optional.of(walk);
                    }
                    return Optional.empty();
                })));
    }

    /** Walks the open hidden dangers of {@code open()} but the last (pages are right). */
    static final class OpenWalkMissesTheLast extends StorageContract {
        @Override
        protected Storage createStorage() {
            return withOpenWalk(all -> all.isEmpty() ? all : all.subList(0, all.size() - 1));
        }
    }

    /** Walks the open hidden dangers of {@code open()} backwards (pages are right). */
    static final class OpenWalkReversed extends StorageContract {
        @Override
        protected Storage createStorage() {
            return withOpenWalk(all -> {
                java.util.Collections.reverse(all);
                return all;
            });
        }
    }

    /** Runs a unit's work without any atomicity: what a failed unit wrote stays. */
    static final class NonAtomicUnits extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            return wrap(Storage.class, real, (m, args) -> m.getName().equals("atomically")
                    ? Optional.of(((java.util.function.Supplier<?>) args[0]).get()) : Optional.empty());
        }
    }

    /** A command log keyed by id where a second record of an id replaces the first (last writer wins). */
    static final class LastCommandWins extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            Map<org.dualprevention.danger.CommandId, org.dualprevention.danger.CommandRecord> map = new ConcurrentHashMap<>();
            org.dualprevention.spi.CommandLog log = new org.dualprevention.spi.CommandLog() {
                @Override
                public Optional<org.dualprevention.danger.CommandRecord> find(org.dualprevention.danger.CommandId id) {
                    return Optional.ofNullable(map.get(id));
                }

                @Override
                public void record(org.dualprevention.danger.CommandRecord record) {
                    map.put(record.id(), record);
                }
            };
            return decorate(real, Map.of(org.dualprevention.spi.CommandLog.class, log));
        }
    }

    /**
     * Keeps risk point names as a database column in MySQL's 3-byte {@code utf8} would: every character
     * outside the Basic Multilingual Plane becomes {@code ?}.
     */
    static final class LossyText extends StorageContract {
        static String lossy(String s) {
            StringBuilder sb = new StringBuilder();
            s.codePoints().forEach(cp -> sb.appendCodePoint(cp > 0xFFFF ? '?' : cp));
            return sb.toString();
        }

        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            RiskPointRepository points = real.riskPoints();
            return decorate(real, Map.of(
                    RiskPointRepository.class, wrap(RiskPointRepository.class, points, (m, args) -> {
                        if (m.getName().equals("save")) {
                            RiskPoint rp = (RiskPoint) args[0];
                            points.save(RiskPoint.of(rp.id(), lossy(rp.name()), rp.kind(), rp.owningUnit(), rp.zone())
                                    .withHazards(rp.hazards()).withVersion(rp.version()), (Long) args[1]);
                            return Optional.of(Void.TYPE);
                        }
                        return Optional.empty();
                    })));
        }
    }

    // ------------------------------------------------------------------ proxies

    /** Intercepts calls: returns a present Optional (holding Void.TYPE for void) to replace the call. */
    interface Interceptor {
        Optional<Object> intercept(Method m, Object[] args) throws Exception;
    }

    static <T> T wrap(Class<T> type, T target, Interceptor interceptor) {
        InvocationHandler h = (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return m.invoke(target, args);
            }
            try {
                Optional<Object> replaced = interceptor.intercept(m, args);
                if (replaced.isPresent()) {
                    return replaced.get() == Void.TYPE ? null : replaced.get();
                }
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    /** A storage whose repositories are {@code replacements} where given, else the real ones. */
    static Storage decorate(Storage real, Map<Class<?>, Object> replacements) {
        return wrap(Storage.class, real, (m, args) -> {
            Object r = replacements.get(m.getReturnType());
            return Optional.ofNullable(r);
        });
    }

    @Test
    @DisplayName("a store that writes the audit entry before it checks the version (a stale save overwrites it) fails S3 and S23")
    void staleSaveOverwritingTheAuditEntryFails() {
        assertCaught(OverwritesAuditEntryOnStaleSave.class, List.of("S3", "S23"), List.of("S1", "S2", "S8", "S9", "S13"));
    }

    @Test
    @DisplayName("a store that pages tasks by due time alone loses tasks that share a due time: fails S9")
    void pagingTasksByDueTimeAloneFails() {
        assertCaught(PagesTasksByDueTimeAlone.class, List.of("S9"), List.of("S1", "S2", "S3", "S5", "S13"));
    }

    @Test
    @DisplayName("a store that orders audit entries by time (ties in any order) fails S5 and S11")
    void orderingAuditEntriesByTimeFails() {
        assertCaught(OrdersAuditEntriesByTime.class, List.of("S5", "S11"), List.of("S1", "S2", "S13"));
    }

    @Test
    @DisplayName("a store whose version check and write are two steps (check-then-act, unsynchronised) fails S7")
    void unsynchronisedCheckThenActFails() {
        assertCaught(UnsynchronisedVersionCheck.class, List.of("S7"), List.of("S1", "S2", "S3", "S8", "S13"));
    }

    /**
     * Writes the audit entry under its hidden danger and sequence first, then checks the version: a stale save
     * throws, but its entry has replaced the stored one.
     */
    static final class OverwritesAuditEntryOnStaleSave extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            AuditLog log = real.auditLog();
            Map<String, AuditEntry> written = new ConcurrentHashMap<>();
            HiddenDangerRepository dangers = real.hiddenDangers();
            return decorate(real, Map.of(
                    HiddenDangerRepository.class, wrap(HiddenDangerRepository.class, dangers, (m, args) -> {
                        if (m.getName().equals("save")) {
                            AuditEntry entry = (AuditEntry) args[2];
                            if (entry.dangerId().equals(((org.dualprevention.danger.HiddenDanger) args[0]).id())
                                    && entry.sequence() == ((org.dualprevention.danger.HiddenDanger) args[0]).version()) {
                                written.put(entry.dangerId().value() + "#" + entry.sequence(), entry);
                            }
                            m.invoke(dangers, args);
                            return Optional.of(Void.TYPE);
                        }
                        return Optional.empty();
                    }),
                    AuditLog.class, wrap(AuditLog.class, log, (m, args) -> {
                        if (m.getName().equals("entries")) {
                            @SuppressWarnings("unchecked")
                            Page<AuditEntry> page = (Page<AuditEntry>) m.invoke(log, args);
                            List<AuditEntry> shown = new ArrayList<>();
                            for (AuditEntry e : page.items()) {
                                shown.add(written.getOrDefault(e.dangerId().value() + "#" + e.sequence(), e));
                            }
                            return Optional.of(Page.of(shown, page.next()));
                        }
                        return Optional.empty();
                    })));
        }
    }

    /**
     * Checks a risk point's expected version, then writes in a second step over whatever is stored by then: two
     * threads that both pass the check both win. Sequential use is indistinguishable from a correct store.
     */
    static final class UnsynchronisedVersionCheck extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            RiskPointRepository points = real.riskPoints();
            return decorate(real, Map.of(
                    RiskPointRepository.class, wrap(RiskPointRepository.class, points, (m, args) -> {
                        if (m.getName().equals("save")) {
                            RiskPoint next = (RiskPoint) args[0];
                            long expected = (Long) args[1];
                            if (next.version() != expected + 1) {
                                throw new IllegalArgumentException("version " + next.version() + " after " + expected);
                            }
                            long stored = points.find(next.id()).map(RiskPoint::version).orElse(0L);
                            if (stored != expected) {
                                throw new StaleVersionException(next.id().value(), expected, stored);
                            }
                            Thread.yield();
                            // the write: over what is stored now, unchecked
                            long now = points.find(next.id()).map(RiskPoint::version).orElse(0L);
                            points.save(next.withVersion(now + 1), now);
                            return Optional.of(Void.TYPE);
                        }
                        return Optional.empty();
                    })));
        }
    }

    /** Pages tasks with the due time as the only key: the next page starts after the last due time seen. */
    static final class PagesTasksByDueTimeAlone extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            org.dualprevention.spi.InspectionTaskRepository tasks = real.inspectionTasks();
            return decorate(real, Map.of(
                    org.dualprevention.spi.InspectionTaskRepository.class, wrap(org.dualprevention.spi.InspectionTaskRepository.class,
                            tasks, (m, args) -> {
                                if (m.getName().equals("find") && args.length == 2
                                        && args[0] instanceof org.dualprevention.query.InspectionTaskQuery) {
                                    org.dualprevention.query.InspectionTaskQuery q = (org.dualprevention.query.InspectionTaskQuery) args[0];
                                    org.dualprevention.query.PageRequest req = (org.dualprevention.query.PageRequest) args[1];
                                    List<org.dualprevention.inspection.InspectionTask> all = new ArrayList<>(
                                            org.dualprevention.query.Page.stream(p -> tasks.find(q, p), 1000).toList());
                                    all.sort(java.util.Comparator.comparing(org.dualprevention.inspection.InspectionTask::due));
                                    java.time.Instant after = req.after().map(java.time.Instant::parse).orElse(java.time.Instant.MIN);
                                    List<org.dualprevention.inspection.InspectionTask> page = new ArrayList<>();
                                    for (org.dualprevention.inspection.InspectionTask t : all) {
                                        if (t.due().isAfter(after) && page.size() < req.limit()) {
                                            page.add(t);
                                        }
                                    }
                                    boolean more = all.stream().filter(t -> t.due().isAfter(after)).count() > page.size();
                                    return Optional.of(org.dualprevention.query.Page.of(page, more
                                            ? Optional.of(page.get(page.size() - 1).due().toString()) : Optional.empty()));
                                }
                                return Optional.empty();
                            })));
        }
    }

    /** Returns audit entries sorted by their time, ties broken by hash (as a table ordered by a time column). */
    static final class OrdersAuditEntriesByTime extends StorageContract {
        @Override
        protected Storage createStorage() {
            Storage real = InMemoryStorage.create();
            AuditLog log = real.auditLog();
            return decorate(real, Map.of(
                    AuditLog.class, wrap(AuditLog.class, log, (m, args) -> {
                        if (m.getName().equals("entries")) {
                            HiddenDangerId id = (HiddenDangerId) args[0];
                            org.dualprevention.query.PageRequest req = (org.dualprevention.query.PageRequest) args[1];
                            List<AuditEntry> all = new ArrayList<>(org.dualprevention.query.Page.stream(
                                    p -> log.entries(id, p), 1000).toList());
                            all.sort(java.util.Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::hash));
                            int from = req.after().map(Integer::parseInt).orElse(0);
                            int to = Math.min(all.size(), from + req.limit());
                            return Optional.of(Page.of(all.subList(from, to), to < all.size()
                                    ? Optional.of(Integer.toString(to)) : Optional.empty()));
                        }
                        return Optional.empty();
                    })));
        }
    }
}
