package org.dualprevention;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored hidden danger does not agree with its audit chain: its snapshot does not match its head entry,
 * its chain does not verify, or a checkpoint finds its history changed. The record is reported, never
 * returned as if it were true. Someone or something changed stored data outside the library (or the storage
 * is faulty); compare with a backup or an export and investigate before repairing anything.
 *
 * <p>A storage may throw a subclass that says more about where it found the fault (the JDBC store's
 * {@code CorruptRecordException} names the column); whoever verifies the store catches this type and reports the
 * record, so a fault found in any storage is a finding, not a failure of the verification.
 *
 * @since 0.2
 */
public class RecordIntegrityException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    private final String dangerId;
    private final long sequence;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param dangerId the hidden danger whose record is bad
     * @param sequence the sequence of the audit entry concerned (its head entry for a snapshot), 0 if none
     * @param reason what does not agree, naming the values found
     */
    public RecordIntegrityException(String dangerId, long sequence, String reason) {
        super("The stored record of hidden danger [" + dangerId + "] does not agree with its audit chain at entry ["
                + sequence + "]: " + reason + ". It was not used; compare the store with a backup or an export");
        this.dangerId = Objects.requireNonNull(dangerId, "dangerId");
        this.sequence = sequence;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates the exception with a message of the storage's own, for a subclass that names more (a column, a file).
     *
     * @param dangerId the hidden danger whose record is bad
     * @param sequence the sequence of the audit entry concerned, 0 if none
     * @param reason what does not agree, naming the values found
     * @param message the whole message
     * @param cause what failed while reading the record, or null
     */
    protected RecordIntegrityException(String dangerId, long sequence, String reason, String message,
            @Nullable Throwable cause) {
        super(message, cause);
        this.dangerId = Objects.requireNonNull(dangerId, "dangerId");
        this.sequence = sequence;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the hidden danger's id */
    public String dangerId() {
        return dangerId;
    }

    /** @return the sequence of the audit entry concerned, 0 if none */
    public long sequence() {
        return sequence;
    }

    /** @return what does not agree */
    public String reason() {
        return reason;
    }
}
