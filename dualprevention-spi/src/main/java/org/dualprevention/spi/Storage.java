package org.dualprevention.spi;

import java.util.function.Supplier;

/**
 * Where the library keeps its data: one repository per aggregate, plus the audit log. The host passes a
 * storage to the engine's builder explicitly; there is no default and no silent fallback.
 * {@code org.dualprevention.storage.memory.InMemoryStorage.create()} (in dualprevention-core) serves tests
 * and demos; dualprevention-jdbc keeps the data in the host's database.
 *
 * <h2>Contract</h2>
 * Every implementation is thread-safe and follows the numbered rules below for every repository they
 * apply to (each repository's Javadoc lists them). The testkit's storage contract suite checks each rule
 * and names it when it fails.
 *
 * <dl>
 * <dt>S1 Find after save</dt>
 * <dd>Once {@code save} (or {@code add}, {@code insertMissing}) returns, {@code find(id)} in any thread
 * returns the saved value.</dd>
 * <dt>S2 Version step</dt>
 * <dd>Every aggregate has a version: 0 means never stored, then 1, 2, … per save. {@code save(next,
 * expectedVersion, …)} requires {@code next.version() == expectedVersion + 1} (the organisation, which has
 * no version field, is stored under {@code expectedVersion + 1}); otherwise it throws
 * {@link IllegalArgumentException} and stores nothing. {@code expectedVersion} 0 creates.</dd>
 * <dt>S3 Stale version</dt>
 * <dd>If the stored version is not {@code expectedVersion} (an absent aggregate has version 0), {@code save}
 * throws {@link org.dualprevention.StaleVersionException} with the aggregate id, the expected and the
 * actual version, and stores nothing: no state, no audit entry, no index change.</dd>
 * <dt>S4 State and audit entry together</dt>
 * <dd>A hidden danger's next state and the audit entry saved with it become visible together or not at
 * all: no reader ever sees the new state without its entry, or the entry without its state.</dd>
 * <dt>S5 Append-only audit log</dt>
 * <dd>{@link AuditLog#entries} returns every entry saved with a hidden danger, in save order; after n
 * successful saves there are exactly n entries. Entries are never changed or removed.</dd>
 * <dt>S6 The entry belongs to the state</dt>
 * <dd>The audit entry names the saved hidden danger and its sequence equals {@code next.version()};
 * otherwise {@code save} throws {@link IllegalArgumentException} and stores nothing. The storage does not
 * verify hashes; the engine does.</dd>
 * <dt>S7 Concurrent saves</dt>
 * <dd>Saves may come from many threads (and, for a shared database, many processes). Of concurrent saves
 * with the same expected version on one aggregate exactly one succeeds and the others throw
 * {@code StaleVersionException}; no acknowledged save is lost. Reads are not blocked by a global lock.</dd>
 * <dt>S8 Values round-trip</dt>
 * <dd>{@code find} returns a value {@code equals} to the one saved, every field included.</dd>
 * <dt>S9 Queries follow their reference predicate</dt>
 * <dd>Paging through {@code find(query, …)} to the last page returns exactly the stored aggregates for which
 * {@code query.matches(aggregate)} is true, each once.</dd>
 * <dt>S10 Keyset paging</dt>
 * <dd>A page holds at most {@link PageRequest#limit()} items. {@link Page#next()} is present iff more
 * matching items existed after the page's last item when the page was read (so a last page may be full).
 * Passing the token on continues after that item. An item not created, changed or removed during the
 * traversal appears exactly once; an item changed during it may be missed or appear once in either state,
 * never twice. Tokens are opaque and valid for the same query on the same storage; a token that cannot be
 * decoded raises {@link IllegalArgumentException}.</dd>
 * <dt>S11 Order</dt>
 * <dd>Inspection tasks come in ascending due time; audit entries in save order. Every other query has a
 * stable order of the implementation's choice (e.g. by primary key).</dd>
 * <dt>S12 Count</dt>
 * <dd>{@code count(query)} equals the number of items paging through the same query returns, when nothing
 * changes in between.</dd>
 * <dt>S13 Absent is empty</dt>
 * <dd>{@code find(id)} of an unknown id returns {@code Optional.empty()}; the audit log of an unknown hidden
 * danger is an empty last page. Nothing throws for an absent record.</dd>
 * <dt>S14 Idempotent task insertion</dt>
 * <dd>{@link InspectionTaskRepository#insertMissing} stores exactly the tasks whose ids are not stored yet,
 * leaves stored ones unchanged (even if their content differs) and returns how many it stored; concurrent
 * calls never store one task twice.</dd>
 * <dt>S15 Write-once good practices</dt>
 * <dd>{@link GoodPracticeRepository#add} of an id already stored throws {@code StaleVersionException}
 * (expected 0, actual 1) and changes nothing.</dd>
 * <dt>S16 The host owns transactions</dt>
 * <dd>The library never opens, commits or rolls back a transaction of the host: a storage that runs inside
 * a host transaction (e.g. a JDBC connection the host passes in) joins it, and one that runs on its own
 * makes each {@code save} atomic by itself.</dd>
 * <dt>S17 Hazard lookup</dt>
 * <dd>{@link RiskPointRepository#findByHazard} returns the stored risk point whose hazards include the id,
 * as of its latest save.</dd>
 * <dt>S18 One organisation</dt>
 * <dd>{@link OrganizationRepository#load} returns the organisation of the last successful save with its
 * version; empty before the first save.</dd>
 * <dt>S19 Text is kept exactly</dt>
 * <dd>Every string the model accepts (ids, names, free text; characters of every Unicode plane, 4-byte
 * emoji and CJK extension ideographs included) is found unchanged, and ids that differ in any character
 * are different keys. (The model refuses unpaired surrogates everywhere and non-characters in ids and
 * names, so all such text is well-formed UTF-8; a database column must hold all of it, e.g. MySQL and
 * MariaDB need {@code utf8mb4}, never the 3-byte {@code utf8}.)</dd>
 * <dt>S20 One atomic unit</dt>
 * <dd>Every write made through the repositories, the {@link #commands() command log} and the
 * {@link #outbox() outbox} inside {@link #atomically} on the calling thread becomes durable together or not at
 * all: if the work throws, nothing it wrote stays stored; once {@code atomically} returns, all of it is stored
 * and, for a durable store, survives a crash. A JDBC store runs the unit in one transaction (or within the
 * host's, S16); the in-memory store runs units under one lock and undoes a failed unit's writes. Units nest:
 * an inner unit joins the outer one.</dd>
 * <dt>S21 Command ids</dt>
 * <dd>{@link CommandLog#record} of an id already recorded throws {@code StaleVersionException} and stores
 * nothing; {@link CommandLog#find} returns the record of the unit that stored it, exactly.</dd>
 * <dt>S22 Outbox</dt>
 * <dd>An {@link Outbox#add added} entry stays {@link Outbox#pending pending} (across a restart, for a durable
 * store) until it is marked {@link Outbox#delivered delivered}; entries of one hidden danger come in ascending
 * sequence.</dd>
 * <dt>S24 Snapshot and chain agree</dt>
 * <dd>A hidden danger is read from its stored snapshot, checked against the head entry of its audit log (core's
 * {@code AuditChain.requireSnapshot}: same version and audit head, the head's state hash equal to the snapshot's);
 * a snapshot its head disowns is reported with {@link org.dualprevention.RecordIntegrityException}, never
 * returned. Entries keep their format, state hash and key id. {@link HiddenDangerRepository#ids} lists every
 * stored hidden danger once, so full verification reaches each.</dd>
 * <dt>S25 Checkpoints</dt>
 * <dd>The checkpoint computed through this interface as of an instant (core's {@code Checkpoints.of}) is the one
 * the saves give: every hidden danger with an entry at or before the instant, each by its last such entry.</dd>
 * <dt>S26 Keyed entries kept exactly</dt>
 * <dd>An entry keyed with a host's key (its hash an HMAC-SHA-256, its {@code keyId} the key's id) reads back with
 * its key id, hash, format and state hash exactly as saved through the {@link AuditLog}, so a keyed chain verifies
 * under the host's keys after a store round trip, across a key rotation. A store that is given the host's keys
 * (e.g. {@code InMemoryStorage.create(keys)}) also checks a keyed head's HMAC on every load (S24).</dd>
 * <dt>S27 Open hidden dangers walked whole</dt>
 * <dd>{@link HiddenDangerRepository#open()} gives exactly the items, in the same order, that paging through
 * {@code find(HiddenDangerQuery.all().open(), ..)} to the end gives, each walk from the first; the default pages
 * through that query, a store's override walks them without pages.</dd>
 * </dl>
 *
 * <h2>Registration</h2>
 * None: a storage is handed to {@code DualPrevention.builder().storage(..)}. It is never discovered.
 *
 * @since 0.1
 */
public interface Storage {
    /** @return the organisation */
    OrganizationRepository organization();

    /** @return the risk register */
    RiskPointRepository riskPoints();

    /** @return the inspection plans */
    InspectionPlanRepository inspectionPlans();

    /** @return the inspection tasks and records */
    InspectionTaskRepository inspectionTasks();

    /** @return the good practices of random observations */
    GoodPracticeRepository goodPractices();

    /** @return the hidden dangers */
    HiddenDangerRepository hiddenDangers();

    /** @return the audit log of the hidden dangers */
    AuditLog auditLog();

    /**
     * The accepted commands by their caller-chosen id (S21).
     *
     * @return the command log
     * @since 0.2
     */
    CommandLog commands();

    /**
     * The changes whose events are still to be delivered (S22).
     *
     * @return the outbox
     * @since 0.2
     */
    Outbox outbox();

    /**
     * Runs work as one atomic unit (S20): the engine stores a hidden danger, what follows from it (a hazard
     * flagged for reassessment), its command id and its outbox entry in one unit, so that a crash never keeps
     * part of a command.
     *
     * <p>The outcome of a unit can be unknown to the caller: a connection that dies while the commit is under
     * way may have committed. The engine handles that with command ids (see {@code HiddenDangers}).
     *
     * @param work the work; its exceptions pass through unchanged after everything it wrote was undone
     * @param <T> the result type
     * @return what the work returned
     * @since 0.2
     */
    <T> T atomically(Supplier<T> work);

    /**
     * A short description for diagnostics, e.g. {@code "in-memory"} or {@code "jdbc:postgresql://…"}.
     *
     * @return the description; defaults to the class name
     */
    default String description() {
        return getClass().getName();
    }
}
