package org.dualprevention.engine;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.dualprevention.ProviderConfigurationException;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.engine.closedloop.ClosedLoopService;
import org.dualprevention.engine.closedloop.OrganizationAccessPolicy;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.engine.inspection.RoutineCadence;
import org.dualprevention.engine.internal.ProviderRegistry;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.spi.CommandObserver;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.spi.InspectionListener;
import org.dualprevention.spi.LevelCombination;
import org.dualprevention.spi.Storage;

/**
 * The one entry point an embedder starts from: it holds the configuration (storage, clock, zone, providers,
 * policies, listeners) and hands out the three areas of work, all over an explicitly given {@link Storage}.
 *
 * <pre>{@code
 * DualPrevention dp = DualPrevention.builder()
 *         .storage(InMemoryStorage.create())          // required; no silent default
 *         .clock(Clock.system(ZoneId.of("Asia/Shanghai")))
 *         .build();                                   // built-in methods LEC, LS, … are discovered
 * dp.register().addRiskPoint(point);                        // organisation, risk points, assessments
 * dp.hiddenDangers().report(report);                        // closed loop: commands, sweeps, audit
 * dp.inspections().recordTask(taskId, inspector, results);  // plans, tasks, results, missed tasks
 * }</pre>
 *
 * <h2>The areas</h2>
 * <ul>
 *   <li>{@link #register()}: the risk register (first firewall, 风险分级管控) — organisation, risk points,
 *       assessments, assessed and effective levels ({@link RiskRegister});</li>
 *   <li>{@link #hiddenDangers()}: the hidden-danger closed loop (second firewall, 隐患排查治理) — report,
 *       commands, queries, the overdue sweep, audit chains ({@link HiddenDangers});</li>
 *   <li>{@link #inspections()}: plans, task scheduling, recording results (a failed item reports a hidden
 *       danger), the missed-task sweep, good practices ({@link Inspections}).</li>
 * </ul>
 * Analytics (risk map, statistics, early warnings) have no area here: they live in the module
 * {@code dualprevention-analytics}, which reads the same storage.
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
 * <p>This class and its areas are thread-safe if the storage, listeners and policies are.
 *
 * @since 0.1
 */
public final class DualPrevention {
    private static final System.Logger LOG = System.getLogger("org.dualprevention.engine");

    /** The message of {@link Builder#build()} when no storage was given (STYLE.md §4.2 step 6). */
    public static final String NO_STORAGE = "No storage configured; pass one to DualPrevention.builder().storage(..), "
            + "e.g. InMemoryStorage.create() for tests and demos";

    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final ProviderRegistry providers;
    private final RiskRegister register;
    private final HiddenDangers hiddenDangers;
    private final Inspections inspections;

    private DualPrevention(Builder b, Storage storage, ProviderRegistry providers) {
        this.storage = storage;
        this.clock = b.clock;
        this.zone = b.zone != null ? b.zone : b.clock.getZone();
        this.providers = providers;
        EventPublisher publisher = new EventPublisher(b.dangerListeners, b.inspectionListeners, b.failureHandler);
        EffectiveLevels levels = new EffectiveLevels(storage, clock, zone, b.combination, b.effectivePolicy);
        RiskRegister riskRegister = new RiskRegister(storage, clock, Assessor.of(providers), levels, publisher);
        this.register = riskRegister;
        AccessPolicy policy = b.accessPolicy != null ? b.accessPolicy
                : request -> OrganizationAccessPolicy.of(riskRegister.organization()).decide(request);
        ClosedLoopService plain = ClosedLoopService.of(clock, zone, b.settings, policy);
        AuditKeyProvider keys = b.auditKeys;
        ClosedLoopService closedLoop = keys == null ? plain : plain.withKeys(keys);
        this.hiddenDangers = new HiddenDangers(storage, clock, zone, closedLoop, levels, publisher, b.observers, keys);
        this.inspections = new Inspections(storage, clock, zone, b.cadence, riskRegister, hiddenDangers, publisher);
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------ areas

    /**
     * The risk register: organisation, risk points, assessments, assessed and effective levels.
     *
     * @return the register area of this engine (always the same instance)
     */
    public RiskRegister register() {
        return register;
    }

    /**
     * The hidden-danger closed loop: report, commands, queries, the overdue sweep, audit chains.
     *
     * @return the closed-loop area of this engine (always the same instance)
     */
    public HiddenDangers hiddenDangers() {
        return hiddenDangers;
    }

    /**
     * Inspections: plans, task scheduling, recording results, the missed-task sweep, good practices.
     *
     * @return the inspections area of this engine (always the same instance)
     */
    public Inspections inspections() {
        return inspections;
    }

    // ------------------------------------------------------------------------------------------ configuration

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
        return StorageAccess.retrying(attempts, operation);
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
        private @Nullable Storage storage;
        private Clock clock = Clock.systemDefaultZone();
        private @Nullable ZoneId zone;
        private boolean discover = true;
        private final ProviderRegistry.Builder registry = ProviderRegistry.builder();
        private @Nullable AccessPolicy accessPolicy;
        private ClosedLoopSettings settings = ClosedLoopSettings.defaults();
        private EffectiveLevelPolicy effectivePolicy = DefaultEffectiveLevelPolicy.create();
        private LevelCombination combination = LevelCombination.MOST_SEVERE;
        private RoutineCadence cadence = RoutineCadence.defaults();
        private final List<HiddenDangerListener> dangerListeners = new ArrayList<>();
        private final List<InspectionListener> inspectionListeners = new ArrayList<>();
        private final List<CommandObserver> observers = new ArrayList<>();
        private BiConsumer<Object, RuntimeException> failureHandler = (s, e) -> { };
        private final List<Runnable> registrations = new ArrayList<>();
        private @Nullable AuditKeyProvider auditKeys;

        private Builder() {
        }

        /**
         * The host's keys for keyed audit chaining (optional; default none). With keys, every new audit entry is
         * keyed with the current key (HMAC-SHA-256, its id recorded in the entry), and every verification of the
         * engine ({@link HiddenDangers#verifyAuditChain}, {@link HiddenDangers#verifyFully},
         * {@link HiddenDangers#verifyAll}, {@link HiddenDangers#verify(org.dualprevention.danger.Checkpoint)})
         * checks keyed entries under them and refuses an unkeyed entry of this release dated at or after
         * {@link AuditKeyProvider#keyedSince()}. Give the same keys to the storage, so its loads check keyed heads
         * too (e.g. {@code InMemoryStorage.create(keys)}). Rotate by changing the provider's current key id and
         * keeping the old keys: old entries still verify with theirs.
         *
         * @param keys the provider
         * @return this builder
         * @since 0.2
         */
        public Builder auditKeys(AuditKeyProvider keys) {
            this.auditKeys = Objects.requireNonNull(keys, "auditKeys");
            return this;
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
         * Registers every grading scheme of a provider; each id must not clash with another one.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder register(org.dualprevention.spi.GradingSchemeProvider provider) {
            Objects.requireNonNull(provider, "provider");
            registrations.add(() -> registry.register(provider));
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
         * Adds an observer of every closed-loop command handled by {@link DualPrevention#hiddenDangers()}, accepted
         * or refused, with its duration (for metrics).
         *
         * @param o the observer
         * @return this builder
         * @since 0.2
         */
        public Builder commandObserver(CommandObserver o) {
            observers.add(Objects.requireNonNull(o, "observer"));
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

        /** The provider's current key exists and is long enough; its copy is cleared. Never names the key. */
        private static void requireCurrentKey(AuditKeyProvider keys) {
            String id = keys.currentKeyId();
            if (id == null || id.isBlank() || id.length() > 128) {
                throw new ProviderConfigurationException("Audit key provider's current key id [" + id
                        + "]; allowed: a printable id of 1 to 128 characters");
            }
            byte[] key = keys.key(id).orElseThrow(() -> new ProviderConfigurationException("Audit key provider's"
                    + " current key id [" + id + "] has no key; allowed: a provider that returns the key of its"
                    + " current id (and of every id ever current)"));
            try {
                if (key.length < 32) {
                    throw new ProviderConfigurationException("Audit key [" + id + "] has " + key.length
                            + " bytes; allowed: 32 bytes or more");
                }
            } finally {
                java.util.Arrays.fill(key, (byte) 0);
            }
            if (keys.keyedSince() == null) {
                throw new ProviderConfigurationException("Audit key provider's keyedSince is null; allowed: the"
                        + " instant keyed chaining was switched on");
            }
        }

        /**
         * Builds the engine, then hands the events still in the storage's outbox (changes stored before a crash) to the listeners
         * ({@link HiddenDangers#deliverPending()}).
         *
         * @return the engine
         * @throws ProviderConfigurationException if no storage was given, providers clash, or the audit key
         *     provider has no key (of at least 32 bytes) for its current id
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
            AuditKeyProvider keys = auditKeys;
            if (keys != null) {
                requireCurrentKey(keys);
            }
            ProviderRegistry providers = registry.build();
            LOG.log(System.Logger.Level.DEBUG, "DualPrevention built: {0}", providers.summary());
            DualPrevention dp = new DualPrevention(this, storage, providers);
            // events of changes stored before a crash (or a failed delivery) go out now, at least once
            dp.hiddenDangers().deliverPending();
            return dp;
        }
    }
}
