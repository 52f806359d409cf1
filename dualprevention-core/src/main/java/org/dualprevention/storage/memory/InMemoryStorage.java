package org.dualprevention.storage.memory;

import java.util.function.Supplier;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.spi.AuditLog;
import org.dualprevention.spi.CommandLog;
import org.dualprevention.spi.GoodPracticeRepository;
import org.dualprevention.spi.HiddenDangerRepository;
import org.dualprevention.spi.InspectionPlanRepository;
import org.dualprevention.spi.InspectionTaskRepository;
import org.dualprevention.spi.OrganizationRepository;
import org.dualprevention.spi.Outbox;
import org.dualprevention.spi.RiskPointRepository;
import org.dualprevention.spi.Storage;
import org.jspecify.annotations.Nullable;

/**
 * Storage in the heap of this JVM, for tests, demos and small embedded use. Chosen explicitly
 * ({@code DualPrevention.builder().storage(InMemoryStorage.create())}); nothing falls back to it. Its data
 * is lost when the JVM exits.
 *
 * <p>Every aggregate lives in a {@link java.util.concurrent.ConcurrentHashMap} as one immutable record
 * (a hidden danger together with its audit chain); a save is a per-aggregate compare-and-set of the
 * version inside {@code compute}, under the storage's one write lock that also serialises atomic units
 * ({@link #atomically}, rule S20), so no update is lost and a failed unit is undone.
 * Reads never take a lock. Every query of the storage SPI is served from a secondary index (a
 * {@link java.util.concurrent.ConcurrentSkipListSet} of keys per indexed value: unit, state, risk point,
 * grade, zone, hazard, plan, kind; tasks are ordered by due time), and each candidate is re-checked against
 * its current record with the query's own predicate, so results are exact.
 *
 * <p>It follows every numbered rule of {@link Storage} (S1 to S26). This class is thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryStorage implements Storage {
    private final MemoryOrganizationRepository organization = new MemoryOrganizationRepository();
    private final MemoryRiskPointRepository riskPoints = new MemoryRiskPointRepository();
    private final MemoryInspectionPlanRepository plans = new MemoryInspectionPlanRepository();
    private final MemoryInspectionTaskRepository tasks = new MemoryInspectionTaskRepository();
    private final MemoryGoodPracticeRepository goodPractices = new MemoryGoodPracticeRepository();
    private final MemoryHiddenDangerRepository dangers;
    private final MemoryUnit unit = new MemoryUnit();
    private final MemoryCommandLog commands = new MemoryCommandLog(unit);
    private final MemoryOutbox outbox = new MemoryOutbox(unit);

    private final @Nullable AuditKeyProvider keys;

    private InMemoryStorage(@Nullable AuditKeyProvider keys) {
        this.keys = keys;
        this.dangers = new MemoryHiddenDangerRepository(keys);
        riskPoints.join(unit);
        plans.join(unit);
        tasks.join(unit);
        goodPractices.join(unit);
        dangers.join(unit);
    }

    /**
     * A new, empty in-memory storage.
     *
     * @return the storage
     */
    public static InMemoryStorage create() {
        return new InMemoryStorage(null);
    }

    /**
     * A new, empty in-memory storage whose loads check each snapshot's head entry under the host's keys: a keyed
     * head's HMAC (an entry under an unknown key id is refused, naming the id), and an unkeyed head of release 0.2
     * dated at or after {@link AuditKeyProvider#keyedSince()} is refused. Give the engine the same keys
     * ({@code DualPrevention.builder().auditKeys(keys)}) so that it writes keyed entries.
     *
     * @param keys the host's keys
     * @return the storage
     * @since 0.2
     */
    public static InMemoryStorage create(AuditKeyProvider keys) {
        return new InMemoryStorage(java.util.Objects.requireNonNull(keys, "keys"));
    }

    /**
     * The host's keys this storage checks head entries with.
     *
     * @return the keys, or empty for a storage made by {@link #create()}
     * @since 0.2
     */
    public java.util.Optional<AuditKeyProvider> auditKeys() {
        return java.util.Optional.ofNullable(keys);
    }

    @Override
    public OrganizationRepository organization() {
        return organization;
    }

    @Override
    public RiskPointRepository riskPoints() {
        return riskPoints;
    }

    @Override
    public InspectionPlanRepository inspectionPlans() {
        return plans;
    }

    @Override
    public InspectionTaskRepository inspectionTasks() {
        return tasks;
    }

    @Override
    public GoodPracticeRepository goodPractices() {
        return goodPractices;
    }

    @Override
    public HiddenDangerRepository hiddenDangers() {
        return dangers;
    }

    @Override
    public AuditLog auditLog() {
        return dangers;
    }

    @Override
    public CommandLog commands() {
        return commands;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    /**
     * Runs work as one unit (S20): under this storage's one write lock, every write the work makes is undone in
     * reverse order if it throws. Readers take no lock and may see a running unit's earlier writes.
     */
    @Override
    public <T> T atomically(Supplier<T> work) {
        return unit.run(java.util.Objects.requireNonNull(work, "work"));
    }

    @Override
    public String description() {
        return "in-memory";
    }

    @Override
    public String toString() {
        return "InMemoryStorage";
    }
}
