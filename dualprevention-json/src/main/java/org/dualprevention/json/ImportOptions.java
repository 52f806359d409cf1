package org.dualprevention.json;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.spi.AuditKeyProvider;
import org.jspecify.annotations.Nullable;

/**
 * How a document import behaves. Immutable; start from {@link #defaults()} and derive with the
 * {@code with…} methods.
 *
 * <p>Defaults: strict (unknown fields are problems), a stored score or grade that disagrees with the
 * recomputed one is an error ({@link ScoreDisagreement#REJECT}), batches of 1,000 items, at most 1,000
 * problems listed, the default {@link JsonLimits}, and no audit keys (a keyed audit chain is then refused: it
 * cannot be checked without the keys; see {@link #withAuditKeys}).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class ImportOptions {
    /** The default cap on the problems listed in a {@link JsonImportException}. */
    public static final int DEFAULT_MAX_PROBLEMS = 1000;
    /** The default batch size handed to a {@link DocumentSink}. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private static final ImportOptions DEFAULTS = new ImportOptions(false, ScoreDisagreement.REJECT, DEFAULT_BATCH_SIZE,
            DEFAULT_MAX_PROBLEMS, JsonLimits.defaults(), null);

    private final boolean lenient;
    private final ScoreDisagreement scoreDisagreement;
    private final int batchSize;
    private final int maxProblems;
    private final JsonLimits limits;
    private final @Nullable AuditKeyProvider auditKeys;

    private ImportOptions(boolean lenient, ScoreDisagreement scoreDisagreement, int batchSize, int maxProblems,
            JsonLimits limits, @Nullable AuditKeyProvider auditKeys) {
        this.auditKeys = auditKeys;
        this.lenient = lenient;
        this.scoreDisagreement = Objects.requireNonNull(scoreDisagreement, "scoreDisagreement");
        if (batchSize < 1 || maxProblems < 1) {
            throw new IllegalArgumentException("batchSize [" + batchSize + "] and maxProblems [" + maxProblems
                    + "] are not allowed; allowed: at least 1");
        }
        this.batchSize = batchSize;
        this.maxProblems = maxProblems;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The defaults described in the class description.
     *
     * @return the default options
     */
    public static ImportOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy that ignores unknown fields instead of reporting them (for documents written by a newer
     * minor release that added optional fields). Everything else is still checked.
     *
     * @return the lenient copy
     */
    public ImportOptions lenient() {
        return new ImportOptions(true, scoreDisagreement, batchSize, maxProblems, limits, auditKeys);
    }

    /**
     * A copy with another policy for stored scores and grades that disagree with the recomputed ones.
     *
     * @param policy the policy
     * @return the copy
     */
    public ImportOptions withScoreDisagreement(ScoreDisagreement policy) {
        return new ImportOptions(lenient, policy, batchSize, maxProblems, limits, auditKeys);
    }

    /**
     * A copy with another batch size.
     *
     * @param size items per {@link DocumentSink#accept} call, at least 1
     * @return the copy
     */
    public ImportOptions withBatchSize(int size) {
        return new ImportOptions(lenient, scoreDisagreement, size, maxProblems, limits, auditKeys);
    }

    /**
     * A copy with another cap on listed problems (the count of the rest is still reported).
     *
     * @param max at least 1
     * @return the copy
     */
    public ImportOptions withMaxProblems(int max) {
        return new ImportOptions(lenient, scoreDisagreement, batchSize, max, limits, auditKeys);
    }

    /**
     * A copy with other read limits.
     *
     * @param newLimits the limits
     * @return the copy
     */
    public ImportOptions withLimits(JsonLimits newLimits) {
        return new ImportOptions(lenient, scoreDisagreement, batchSize, maxProblems, newLimits, auditKeys);
    }

    /**
     * A copy that verifies audit chains (of the hidden-danger ledger and the NDJSON audit log) with the host's keys:
     * a keyed entry's hash must be the HMAC under the key it names, an entry under an unknown key id is refused naming
     * the id, and an unkeyed entry of release 0.2 dated at or after {@link AuditKeyProvider#keyedSince()} is refused
     * (a chain rewritten or rehashed without the key).
     *
     * @param keys the host's keys
     * @return the copy
     * @since 0.2
     */
    public ImportOptions withAuditKeys(AuditKeyProvider keys) {
        return new ImportOptions(lenient, scoreDisagreement, batchSize, maxProblems, limits,
                Objects.requireNonNull(keys, "keys"));
    }

    /**
     * The host's keys audit chains are verified with.
     *
     * @return the keys, or empty (keyed chains are then refused)
     * @since 0.2
     */
    public Optional<AuditKeyProvider> auditKeys() {
        return Optional.ofNullable(auditKeys);
    }

    /** @return whether unknown fields are ignored */
    public boolean isLenient() {
        return lenient;
    }

    /** @return the policy for disagreeing stored scores and grades */
    public ScoreDisagreement scoreDisagreement() {
        return scoreDisagreement;
    }

    /** @return the batch size */
    public int batchSize() {
        return batchSize;
    }

    /** @return the cap on listed problems */
    public int maxProblems() {
        return maxProblems;
    }

    /** @return the read limits */
    public JsonLimits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "ImportOptions[lenient=" + lenient + ", scoreDisagreement=" + scoreDisagreement + ", batchSize="
                + batchSize + ", maxProblems=" + maxProblems + ", limits=" + limits + ", auditKeys=" + (auditKeys == null ? "none" : "[current " + auditKeys.currentKeyId() + "]")
                + "]";
    }
}
