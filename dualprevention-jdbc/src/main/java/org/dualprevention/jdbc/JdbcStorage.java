package org.dualprevention.jdbc;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.jdbc.internal.JdbcAuditLog;
import org.dualprevention.jdbc.internal.JdbcCommandLog;
import org.dualprevention.jdbc.internal.JdbcOutbox;
import org.dualprevention.jdbc.internal.JdbcGoodPracticeRepository;
import org.dualprevention.jdbc.internal.JdbcHiddenDangerRepository;
import org.dualprevention.jdbc.internal.JdbcInspectionPlanRepository;
import org.dualprevention.jdbc.internal.JdbcIncidentRepository;
import org.dualprevention.jdbc.internal.JdbcInspectionTaskRepository;
import org.dualprevention.jdbc.internal.JdbcMajorHazardRepository;
import org.dualprevention.jdbc.internal.JdbcRecheckRepository;
import org.dualprevention.jdbc.internal.JdbcTypicalHiddenDangerRepository;
import org.dualprevention.jdbc.internal.JdbcOrganizationRepository;
import org.dualprevention.jdbc.internal.JdbcRiskPointRepository;
import org.dualprevention.jdbc.internal.JsonCodec;
import org.dualprevention.jdbc.internal.Redaction;
import org.dualprevention.jdbc.internal.Tallies;
import org.dualprevention.jdbc.internal.Transactions;
import org.dualprevention.jdbc.internal.UrlDataSource;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.spi.AuditLog;
import org.dualprevention.spi.CommandLog;
import org.dualprevention.spi.Outbox;
import org.dualprevention.spi.GoodPracticeRepository;
import org.dualprevention.spi.HiddenDangerRepository;
import org.dualprevention.spi.InspectionPlanRepository;
import org.dualprevention.spi.IncidentRepository;
import org.dualprevention.spi.InspectionTaskRepository;
import org.dualprevention.spi.MajorHazardRepository;
import org.dualprevention.spi.RecheckRepository;
import org.dualprevention.spi.TypicalHiddenDangerRepository;
import org.dualprevention.spi.OrganizationRepository;
import org.dualprevention.spi.RiskPointRepository;
import org.dualprevention.spi.Storage;
import org.jspecify.annotations.Nullable;

/**
 * The dualprevention {@link Storage} over plain JDBC: H2 (embedded), PostgreSQL, MySQL and MariaDB.
 *
 * <p>Each aggregate is one row: its JSON document (the dualprevention-json form) plus indexed columns for
 * the queries of the storage SPI. A hidden danger's persistent truth is its audit chain; its row holds the query
 * columns and its snapshot (the dualprevention-json form, {@code HiddenDangerJson}), written with the audit entry.
 * A load reads the row joined with its head audit entry in one statement (a query page likewise) and checks the
 * snapshot against the head ({@code AuditChain.checkSnapshot}, with the keys of {@link Builder#auditKeys}) and every
 * query column against the snapshot: a disagreement is a {@link CorruptRecordException}, never served. Full
 * verification replays the chain ({@link #corruptRecords()}, the engine's verification, imports). A row without a
 * snapshot (stored before 0.2) loads by replaying its chain; {@link #fillSnapshots()} writes the missing ones.
 * Saves are optimistic: a conditional {@code UPDATE … WHERE id = ? AND
 * version = ?} (or an {@code INSERT} for version 0 with the id as primary key); no row updated, or a
 * duplicate key, is a {@link org.dualprevention.StaleVersionException}. A hidden danger's state and its audit
 * entry are written in one transaction; the audit log is an append-only table keyed by (hidden danger,
 * sequence).
 *
 * <h2>Transactions</h2>
 * <ul>
 *   <li>{@link #of(DataSource)} / {@link Builder#dataSource(DataSource)}: each save runs in its own short
 *       transaction on a connection of the host's pool.</li>
 *   <li>{@link #bind(Connection)}: inside the host's own transaction, bind its connection on the current
 *       thread; the storage then writes on it (within a savepoint) and never commits, rolls back or closes
 *       it. What the library saved commits or rolls back with the host's work.</li>
 *   <li>{@link Builder#connections(ConnectionProvider)} with {@link ConnectionProvider#host}: always the
 *       host's current connection (for example Spring's {@code DataSourceUtils::getConnection}).</li>
 * </ul>
 *
 * <h2>Schema</h2>
 * The tables come from the versioned scripts in the jar ({@link Migrations}); hand
 * {@link Dialect#migrationLocation()} to Flyway, or call {@link Migrations#migrate(DataSource)} (crash-safe),
 * {@link Builder#migrate(boolean)}, or {@link Builder#migrateWith(DataSource)} to migrate with the tables' owner
 * and run with a runtime account that cannot alter them. {@link #h2File(Path)} migrates by itself.
 *
 * <p>No credential appears in {@link #description()}, {@link #toString()}, the log or the messages of the
 * exceptions thrown: passwords in the URL and settings are masked.
 *
 * <p>This class is thread-safe.
 *
 * @since 0.1
 */
public final class JdbcStorage implements Storage, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JdbcStorage.class.getName());

    private final Dialect dialect;
    private final Transactions tx;
    private final String description;
    private final @Nullable String ownedH2Url;
    private final OrganizationRepository organization;
    private final RiskPointRepository riskPoints;
    private final InspectionPlanRepository inspectionPlans;
    private final InspectionTaskRepository inspectionTasks;
    private final GoodPracticeRepository goodPractices;
    private final JdbcHiddenDangerRepository hiddenDangers;
    private final AuditLog auditLog;
    private final CommandLog commands;
    private final Outbox outbox;
    private final MajorHazardRepository majorHazards;
    private final IncidentRepository incidents;
    private final RecheckRepository rechecks;
    private final TypicalHiddenDangerRepository typicalHiddenDangers;
    private final String tenant;

    /** The enterprise (tenant) id of a store opened without one: {@value}. */
    public static final String DEFAULT_TENANT = "default";

    private final @Nullable AuditKeyProvider keys;
    private @Nullable Tallies tallies;

    private JdbcStorage(ConnectionProvider provider, Dialect dialect, String description, @Nullable String ownedH2Url,
            JsonCodec codec, String tenant) {
        this(provider, dialect, description, ownedH2Url, codec, tenant, null);
    }

    private JdbcStorage(ConnectionProvider provider, Dialect dialect, String description, @Nullable String ownedH2Url,
            JsonCodec codec, String tenant, @Nullable AuditKeyProvider keys) {
        this.keys = keys;
        this.dialect = dialect;
        this.tx = new Transactions(provider, tenant);
        this.description = description;
        this.ownedH2Url = ownedH2Url;
        this.organization = new JdbcOrganizationRepository(tx, codec, dialect == Dialect.POSTGRESQL);
        this.riskPoints = new JdbcRiskPointRepository(tx, codec, dialect);
        this.inspectionPlans = new JdbcInspectionPlanRepository(tx, codec, dialect);
        this.inspectionTasks = new JdbcInspectionTaskRepository(tx, codec, dialect);
        this.goodPractices = new JdbcGoodPracticeRepository(tx, codec, dialect);
        this.hiddenDangers = new JdbcHiddenDangerRepository(tx, codec, dialect, keys);
        this.auditLog = new JdbcAuditLog(tx);
        this.tenant = tenant;
        this.commands = new JdbcCommandLog(tx, tenant);
        this.outbox = new JdbcOutbox(tx, tenant, dialect);
        this.majorHazards = new JdbcMajorHazardRepository(tx, dialect);
        this.incidents = new JdbcIncidentRepository(tx, dialect);
        this.rechecks = new JdbcRecheckRepository(tx, dialect);
        this.typicalHiddenDangers = new JdbcTypicalHiddenDangerRepository(tx, dialect);
    }

    /**
     * Storage on the host's data source, the dialect detected, each save in its own transaction. The tables
     * must exist (see {@link Migrations}).
     *
     * @param dataSource the host's data source (usually a pool)
     * @return the storage
     * @throws JdbcStorageException if the database cannot be reached, is not supported, or lacks the tables
     */
    public static JdbcStorage of(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /**
     * The embedded, persistent default for the demo and small sites: an H2 database in one file, created
     * and migrated if needed. Needs {@code com.h2database:h2} on the class path. {@link #close()} shuts the
     * database down.
     *
     * @param file the database file without the {@code .mv.db} suffix, e.g. {@code Path.of("data/plant")}
     * @return the storage
     * @throws JdbcStorageException if H2 is missing or the file cannot be opened (e.g. another process has it)
     */
    public static JdbcStorage h2File(Path file) {
        String url = h2FileUrl(file);
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new JdbcStorageException("No H2 driver for [" + url + "]; add com.h2database:h2 (2.x) to the class path"
                    + " or pass your own DataSource to JdbcStorage.of(..)", e);
        }
        DataSource ds = new UrlDataSource(url);
        Migrations.migrate(ds);
        return new JdbcStorage(ConnectionProvider.managed(ds), Dialect.H2, Redaction.redact(url), url, new JsonCodec(),
                DEFAULT_TENANT);
    }

    /** How long an H2 file store's writer waits for a locked row, in milliseconds (see {@link #h2FileUrl}). */
    public static final int H2_LOCK_TIMEOUT_MS = 10_000;

    /**
     * The JDBC URL of an embedded H2 database in file mode at a path, with the settings the storage relies
     * on: the database stays open while the JVM uses it ({@code DB_CLOSE_DELAY=-1}) and every commit is
     * written to the file before the commit returns ({@code WRITE_DELAY=0}), so a killed process loses no
     * acknowledged save. A writer waits up to {@value #H2_LOCK_TIMEOUT_MS} ms for a row another writer holds
     * ({@code LOCK_TIMEOUT}): H2's own default of one second turned into failed saves when two writers met on
     * a busy two-core machine, while the optimistic version check already decides who wins.
     *
     * @param file the database file without the {@code .mv.db} suffix
     * @return the URL
     */
    public static String h2FileUrl(Path file) {
        Objects.requireNonNull(file, "file");
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0;LOCK_TIMEOUT="
                + H2_LOCK_TIMEOUT_MS;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the host's connection to the current thread: until the returned handle is closed, every call of
     * this storage on this thread uses that connection inside the host's transaction, and never commits,
     * rolls back or closes it. Bindings nest; close them on the thread that opened them.
     *
     * <pre>{@code
     * try (Connection c = ds.getConnection()) {
     *     c.setAutoCommit(false);
     *     try (var bound = storage.bind(c)) {
     *         dualPrevention.apply(...);   // the hidden danger and its audit entry join the host's transaction
     *         hostDao.updateWorkOrder(c);  // the host's own work
     *     }
     *     c.commit();                      // all of it, or c.rollback() for none of it
     * }
     * }</pre>
     *
     * @param hostConnection the host's connection, not in auto-commit mode
     * @return the handle; closing it ends the binding (not the transaction)
     */
    public Binding bind(Connection hostConnection) {
        AutoCloseable inner = tx.bind(hostConnection);
        return () -> {
            try {
                inner.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** @return the SQL dialect in use */
    public Dialect dialect() {
        return dialect;
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
        return inspectionPlans;
    }

    @Override
    public InspectionTaskRepository inspectionTasks() {
        return inspectionTasks;
    }

    @Override
    public GoodPracticeRepository goodPractices() {
        return goodPractices;
    }

    @Override
    public HiddenDangerRepository hiddenDangers() {
        return hiddenDangers;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
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
     * Major hazard installations in this database ({@code dp_major_hazard}, schema version 6), for the engine's
     * {@code MajorHazards} area. Saves are optimistic (rule MH2) and join {@link #atomically} and {@link #bind}.
     *
     * @return the repository
     * @since 0.2
     */
    public MajorHazardRepository majorHazards() {
        return majorHazards;
    }

    /**
     * Incidents and near misses in this database ({@code dp_incident}, schema version 6), for the engine's
     * {@code Incidents} area; recorded once. Inside {@link #atomically} an incident commits together with the
     * reassessment flags it sets on its risk point's hazards.
     *
     * @return the repository
     * @since 0.2
     */
    public IncidentRepository incidents() {
        return incidents;
    }

    /**
     * Results of look-back re-checks in this database ({@code dp_recheck}, schema version 6), recorded once per
     * re-check.
     *
     * @return the repository
     * @since 0.2
     */
    public RecheckRepository rechecks() {
        return rechecks;
    }

    /**
     * The typical hidden-danger library in this database ({@code dp_typical_danger}, schema version 6), one entry
     * per hidden danger.
     *
     * @return the repository
     * @since 0.2
     */
    public TypicalHiddenDangerRepository typicalHiddenDangers() {
        return typicalHiddenDangers;
    }

    /**
     * Every corrupt hidden-danger record, for administrators: a snapshot that disagrees with its head entry or with
     * the replay of its whole chain, a chain that does not verify (naming the first bad entry), a row whose query
     * columns (state, open flag, unit, risk point, grade, deadline, reported time) disagree with the hidden danger's
     * verified state, an audit entry
     * with a value that cannot be read (a time text, a code), a chain that does not replay or does not reach the
     * stored version. Each is named with the column and the value found; the good records are untouched and keep
     * being served, while a read that meets a corrupt one throws {@link CorruptRecordException} (or a
     * {@link JdbcStorageException} for a chain that does not replay). A {@link CorruptRecordException} is a
     * {@link org.dualprevention.RecordIntegrityException}, so checkpoint verification reports the record as a
     * finding and goes on. A full pass over the hidden dangers.
     *
     * @return the corrupt records, by hidden danger id; empty if all are sound
     */
    public List<CorruptRecord> corruptRecords() {
        return hiddenDangers.corruptRecords();
    }

    /**
     * Writes the snapshot ({@code doc}) of every hidden danger stored without one, i.e. written before release 0.2,
     * each from its verified chain: until then such a hidden danger is loaded by replaying its whole chain (correct,
     * but its cost grows with the chain), and its next save writes the snapshot anyway. Safe to run while the
     * application runs and to run again; a corrupt record is skipped and left to {@link #corruptRecords()}.
     *
     * @return how many snapshots were written
     * @since 0.2
     */
    public int fillSnapshots() {
        return hiddenDangers.fillSnapshots();
    }

    /** @return the enterprise (tenant) this store serves */
    public String tenant() {
        return tenant;
    }

    /**
     * Runs work as one transaction (rule S20 of {@link Storage}): every write of this storage on this thread
     * inside it commits together; inside the host's transaction ({@link #bind}, {@link ConnectionProvider#host}) it
     * is a savepoint of that transaction. If the commit itself fails the outcome is unknown: the
     * {@link JdbcStorageException} says so, and the engine's command ids make a retry safe.
     */
    @Override
    public <T> T atomically(java.util.function.Supplier<T> work) {
        return tx.unit("store one unit of work", work);
    }

    /**
     * Bulk import of hidden dangers not stored yet, each with its whole audit chain (entries 1 to its
     * version), with its snapshot, in JDBC batches, or on PostgreSQL with {@code COPY … FROM STDIN} through the
     * driver's {@code CopyManager} when the connection unwraps to {@code org.postgresql.PGConnection}: one
     * transaction per call (or the host's, when a connection is bound). For
     * moving a ledger into the database; everyday saves go through {@link #hiddenDangers()}. Through {@code COPY}
     * the chains are verified on other threads while the rows stream (the {@link Builder#auditKeys} provider is
     * then called from those threads); the transaction commits only once every chain has verified.
     *
     * @param dangers the hidden dangers
     * @param chains the audit chain of each, in the same order
     * @return how many were stored
     * @throws IllegalArgumentException if a chain does not verify against its hidden danger or does not replay to
     *     it (naming the hidden danger and the entry), or a hidden danger is stored already; nothing of the call is
     *     stored then
     */
    public int importHiddenDangers(List<HiddenDanger> dangers, List<List<AuditEntry>> chains) {
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(chains, "chains");
        if (dangers.size() != chains.size()) {
            throw new IllegalArgumentException("[" + dangers.size() + "] hidden dangers but [" + chains.size()
                    + "] audit chains; allowed: one chain per hidden danger");
        }
        // every chain verified and replayed to its state before it is stored; a failure rolls the batch back (issue 12)
        for (int i = 0; i < dangers.size(); i++) {
            Objects.requireNonNull(dangers.get(i), "dangers[" + i + "]");
            Objects.requireNonNull(chains.get(i), "chains[" + i + "]");
        }
        List<HiddenDanger> ds = List.copyOf(dangers);
        List<List<AuditEntry>> cs = List.copyOf(chains);
        return ds.isEmpty() ? 0 : hiddenDangers.importBatch(ds, cs,
                i -> org.dualprevention.engine.closedloop.StoreVerification.requireImportable(i, ds.get(i), cs.get(i), keys));
    }

    /**
     * The dialect and the database's JDBC URL, with any password in it masked ({@code password=***}).
     *
     * @return e.g. {@code jdbc:postgresql jdbc:postgresql://db:5432/plant?user=dp_app&password=***}
     */
    @Override
    public String description() {
        return "jdbc:" + dialect.folder() + " " + description;
    }

    /**
     * Shuts down the embedded H2 database of {@link #h2File(Path)}; for a host's data source, does nothing
     * (the host closes its pool).
     */
    @Override
    public void close() {
        if (ownedH2Url == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(ownedH2Url); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, () -> "H2 shutdown: " + Redaction.redact(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + description() + "]";
    }

    /** A binding of the host's connection to the current thread; closing it ends the binding. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        /** Ends the binding (the host's transaction goes on). */
        @Override
        void close();
    }

    /**
     * The hidden-danger counts of one period (统计期) over a set of units, read from the counters kept in the
     * transaction of every save ({@link Builder#keepTallies}): one statement whose cost grows with the days and
     * units asked for, not with the number of hidden dangers. Pass a unit with all its sub-units to get the
     * figures of the unit as the analytics module's {@code Statistics} rolls them up.
     *
     * @param unitIds the units whose counts are summed
     * @param first the period's first day
     * @param last the period's last day
     * @param asOf the day the figures are taken: today, or {@code last} once it has passed (not after {@code last})
     * @return the counts
     * @throws IllegalStateException if the store was not built with {@link Builder#keepTallies}
     * @throws IllegalArgumentException if {@code last} is before {@code first} or {@code asOf} after {@code last}
     * @since 0.2
     */
    public PeriodTally tallies(java.util.Collection<String> unitIds, java.time.LocalDate first, java.time.LocalDate last,
            java.time.LocalDate asOf) {
        Objects.requireNonNull(unitIds, "unitIds");
        Objects.requireNonNull(first, "first");
        for (String u : unitIds) {
            if (Objects.requireNonNull(u, "unit id").isEmpty() && unitIds.size() > 1) {
                throw new IllegalArgumentException("unit id [] with others; allowed: org unit ids, or talliesOfAll(..)");
            }
        }
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(asOf, "asOf");
        if (last.isBefore(first) || asOf.isAfter(last)) {
            throw new IllegalArgumentException("period [" + first + ", " + last + "] as of [" + asOf + "]; allowed: first"
                    + " <= last and asOf <= last");
        }
        return requireTallies().read(unitIds, first, last, asOf);
    }

    /**
     * The hidden-danger counts of one period over every unit of this tenant (the whole organisation, 全公司), read
     * from the tenant's roll-up counters kept beside each unit's: the same cost as one unit's read, whatever the
     * number of units. Equal to {@link #tallies} over every unit id a hidden danger names (a hidden danger of a unit
     * no longer in the organisation counts here, where {@code Statistics} skips it).
     *
     * @param first the period's first day
     * @param last the period's last day
     * @param asOf the day the figures are taken (not after {@code last})
     * @return the counts
     * @throws IllegalStateException if the store was not built with {@link Builder#keepTallies}
     * @throws IllegalArgumentException if {@code last} is before {@code first} or {@code asOf} after {@code last}
     * @since 0.2
     */
    public PeriodTally talliesOfAll(java.time.LocalDate first, java.time.LocalDate last, java.time.LocalDate asOf) {
        return tallies(List.of(Tallies.ALL_UNITS), first, last, asOf);
    }

    /**
     * Rebuilds this tenant's hidden-danger counters from every stored hidden danger, all or nothing in one unit of
     * work: for a store that existed before migration V7, or after nodes that did not keep tallies wrote to it
     * (a store that keeps tallies counts what {@link #importHiddenDangers} stores in the import's transaction). Reads every hidden danger once; run it when no command writes.
     *
     * @return how many hidden dangers were counted
     * @throws IllegalStateException if the store was not built with {@link Builder#keepTallies}
     * @since 0.2
     */
    public long rebuildTallies() {
        Tallies t = requireTallies();
        return t.rebuild(hiddenDangers, organization.load().map(v -> v.value()));
    }

    /**
     * The hidden-danger counts of one period for a unit with all its sub-units (as the analytics module's
     * {@code Statistics} rolls a unit up), read from the unit's roll-up counters (migration V8): the cost of one
     * unit's read, whatever the size of its sub-tree. The sub-tree is that of the organisation as last saved through
     * this store's {@link #organization()} (each save rewrites the tree and rebuilds the roll-ups); a count at the
     * level of a hidden danger's own unit is under that unit's level in {@link PeriodTally#foundByControlLevel()}.
     *
     * @param unitId the unit
     * @param first the period's first day
     * @param last the period's last day
     * @param asOf the day the figures are taken (not after {@code last})
     * @return the counts (none for a unit not in the stored organisation)
     * @throws IllegalStateException if the store was not built with {@link Builder#keepTallies}
     * @throws IllegalArgumentException if {@code last} is before {@code first} or {@code asOf} after {@code last}
     * @since 0.2
     */
    public PeriodTally talliesOf(String unitId, java.time.LocalDate first, java.time.LocalDate last,
            java.time.LocalDate asOf) {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(asOf, "asOf");
        if (last.isBefore(first) || asOf.isAfter(last)) {
            throw new IllegalArgumentException("period [" + first + ", " + last + "] as of [" + asOf + "]; allowed: first"
                    + " <= last and asOf <= last");
        }
        return requireTallies().readTree(unitId, first, last, asOf);
    }

    private Tallies requireTallies() {
        Tallies t = tallies;
        if (t == null) {
            throw new IllegalStateException("this store keeps no hidden-danger tallies; build it with"
                    + " JdbcStorage.builder().keepTallies(zone)");
        }
        return t;
    }

    /**
     * Configures a {@link JdbcStorage}.
     *
     * @since 0.1
     */
    public static final class Builder {
        private @Nullable ConnectionProvider provider;
        private @Nullable DataSource dataSource;
        private @Nullable Dialect dialect;
        private boolean migrate;
        private @Nullable DataSource migrationOwner;
        private final JsonCodec codec = new JsonCodec();
        private String tenant = DEFAULT_TENANT;
        private @Nullable AuditKeyProvider keys;
        private java.time.@Nullable ZoneId talliesZone;

        private Builder() {
        }

        /**
         * Keeps the hidden-danger counters (migration V7, {@code dp_danger_tally}) in the transaction of every hidden
         * danger's save, so that {@link JdbcStorage#tallies} reads a period's figures without scanning. Costs one
         * read and one batch of counter upserts per save (see docs/ARCHITECTURE.md). Every node writing to the store
         * must keep them, with the same zone; a store written without them is counted once with
         * {@link JdbcStorage#rebuildTallies()}. Off by default.
         *
         * @param zone the organisation's time zone (the day a hidden danger is closed on), as given to the engine
         * @return this builder
         * @since 0.2
         */
        public Builder keepTallies(java.time.ZoneId zone) {
            this.talliesZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * The enterprise (tenant) this store serves: every row it writes carries it, and it reads only that
         * enterprise's rows. Defaults to {@value JdbcStorage#DEFAULT_TENANT}.
         *
         * @param tenantId the enterprise's id: 1 to 64 characters, no control characters
         * @return this builder
         */
        public Builder tenant(String tenantId) {
            Objects.requireNonNull(tenantId, "tenantId");
            if (tenantId.isEmpty() || tenantId.length() > 64 || tenantId.chars().anyMatch(Character::isISOControl)
                    || !tenantId.strip().equals(tenantId)) {
                throw new IllegalArgumentException("tenant id [" + tenantId + "]; allowed: 1 to 64 characters, no control"
                        + " characters, no leading or trailing space");
            }
            this.tenant = tenantId;
            return this;
        }

        /**
         * The host's keys for keyed audit chaining (the same provider the engine writes entries with): every load
         * then checks a keyed head entry's HMAC against its snapshot, and replays, {@link JdbcStorage#corruptRecords()}
         * and {@link JdbcStorage#importHiddenDangers} verify keyed entries with them. Without keys a keyed head's own hash cannot be
         * checked (the snapshot is still compared with it). Off by default.
         *
         * @param auditKeys the host's key provider
         * @return this builder
         * @since 0.2
         */
        public Builder auditKeys(AuditKeyProvider auditKeys) {
            this.keys = Objects.requireNonNull(auditKeys, "auditKeys");
            return this;
        }

        /**
         * Storage-owned transactions on the host's data source.
         *
         * @param ds the data source
         * @return this builder
         */
        public Builder dataSource(DataSource ds) {
            this.dataSource = Objects.requireNonNull(ds, "ds");
            this.provider = ConnectionProvider.managed(ds);
            return this;
        }

        /**
         * Where connections come from and who owns transactions.
         *
         * @param connections the provider
         * @return this builder
         */
        public Builder connections(ConnectionProvider connections) {
            this.provider = Objects.requireNonNull(connections, "connections");
            this.dataSource = null;
            return this;
        }

        /**
         * The dialect; detected from the database when not set.
         *
         * @param d the dialect
         * @return this builder
         */
        public Builder dialect(Dialect d) {
            this.dialect = Objects.requireNonNull(d, "d");
            return this;
        }

        /**
         * Whether {@link #build()} runs {@link Migrations#migrate(DataSource)} first (only with
         * {@link #dataSource(DataSource)}, on the same account). Off by default: hosts with Flyway or Liquibase
         * apply the scripts; see also {@link #migrateWith(DataSource)}.
         *
         * @param on whether to migrate
         * @return this builder
         */
        public Builder migrate(boolean on) {
            this.migrate = on;
            return this;
        }

        /**
         * Makes {@link #build()} run {@link Migrations#migrate(DataSource)} first on another account's data
         * source: the owner of the tables migrates, and the storage then runs on the connections of
         * {@link #dataSource(DataSource)} or {@link #connections(ConnectionProvider)}, typically a runtime
         * account that may not create or alter tables (README, "Running with least privilege"). Takes
         * precedence over {@link #migrate(boolean)}.
         *
         * @param owner the data source of the account that owns the tables
         * @return this builder
         */
        public Builder migrateWith(DataSource owner) {
            this.migrationOwner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        /**
         * Builds the storage, checking that the database is reachable and has the tables.
         *
         * @return the storage
         * @throws IllegalStateException if no data source or provider was given
         * @throws JdbcStorageException if the database fails or the tables are missing
         */
        public JdbcStorage build() {
            if (provider == null) {
                throw new IllegalStateException("No connections configured; call JdbcStorage.builder().dataSource(ds)"
                        + " or .connections(ConnectionProvider.host(..))");
            }
            ConnectionProvider p = provider;
            if (migrationOwner != null) {
                Migrations.migrate(migrationOwner);
            } else if (migrate) {
                if (dataSource == null) {
                    throw new IllegalStateException("migrate(true) needs dataSource(..); with host connections apply the"
                            + " scripts with the host's migration tool or Migrations.migrate(connection, dialect)");
                }
                Migrations.migrate(dataSource);
            }
            Dialect d = dialect;
            String desc;
            try {
                Connection c = p.acquire();
                try {
                    if (d == null) {
                        d = Dialect.detect(c);
                    }
                    String url = c.getMetaData().getURL();
                    desc = url == null ? "" : Redaction.redact(url);
                    try (Statement s = c.createStatement()) {
                        s.executeQuery("SELECT COUNT(*) FROM dp_hidden_danger WHERE 1 = 0").close();
                    } catch (SQLException e) {
                        throw new JdbcStorageException("The dualprevention tables are missing in [" + desc
                                + "]; run Migrations.migrate(dataSource), use JdbcStorage.builder().migrate(true), or apply"
                                + " the scripts at classpath:" + d.migrationLocation() + " with Flyway or Liquibase", e);
                    }
                } finally {
                    p.release(c);
                }
            } catch (SQLException e) {
                throw new JdbcStorageException("Cannot connect to the database", e);
            }
            JdbcStorage storage = new JdbcStorage(p, d, desc, null, codec, tenant, keys);
            if (talliesZone != null) {
                JdbcRiskPointRepository points = (JdbcRiskPointRepository) storage.riskPoints;
                Tallies t = new Tallies(storage.tx, d, talliesZone, points::find);
                storage.tallies = t;
                storage.hiddenDangers.keepTallies(t);
                points.keepTallies(t);
                ((JdbcOrganizationRepository) storage.organization).keepTallies(t);
            }
            return storage;
        }
    }
}
