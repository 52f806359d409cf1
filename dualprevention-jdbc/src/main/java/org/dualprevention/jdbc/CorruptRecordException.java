package org.dualprevention.jdbc;

import org.dualprevention.RecordIntegrityException;
import org.jspecify.annotations.Nullable;

/**
 * A stored record that is not as the library wrote it: a query column edited outside the library (it disagrees
 * with the hidden danger's verified state), a time text that cannot be read, an unknown code. The record is named
 * (the hidden danger, and the audit entry when the fault is in one) with the column and the value found; it is
 * never served as if it were true. {@link JdbcStorage#corruptRecords()} lists every such record without
 * stopping at the first.
 *
 * <p>It is a {@link RecordIntegrityException} (as the in-memory store's refused record is), so verifying the store
 * against a checkpoint or over all its chains reports the record as a finding and goes on with the others; its
 * {@link #sequence()} is 0 when the fault is in the hidden danger's row rather than in one of its entries.
 *
 * @since 0.2
 */
public class CorruptRecordException extends RecordIntegrityException {
    private static final long serialVersionUID = 1L;

    private final String column;

    /**
     * Creates the exception.
     *
     * @param recordId the hidden danger's id
     * @param sequence the audit entry's sequence, 0 when the fault is in the hidden danger's row
     * @param column the column at fault
     * @param message the whole message
     */
    public CorruptRecordException(String recordId, long sequence, String column, String message) {
        super(recordId, sequence, message, message, null);
        this.column = column;
    }

    /**
     * Creates the exception with the parse failure.
     *
     * @param recordId the hidden danger's id
     * @param sequence the audit entry's sequence, 0 when the fault is in the hidden danger's row
     * @param column the column at fault
     * @param message the whole message
     * @param cause the parse failure
     */
    public CorruptRecordException(String recordId, long sequence, String column, String message, Throwable cause) {
        super(recordId, sequence, message, message, cause);
        this.column = column;
    }

    /** @return the id of the hidden danger whose record is corrupt (the same as {@link #dangerId()}) */
    public String recordId() {
        return dangerId();
    }

    /** @return the column at fault */
    public String column() {
        return column;
    }

    /**
     * Names a corrupt value found while reading.
     *
     * @param recordId the hidden danger
     * @param sequence the entry's sequence, 0 for the hidden danger's row
     * @param column the column
     * @param value the text found
     * @param expected what the column must hold
     * @param cause the parse failure, or null
     * @return the exception
     */
    public static CorruptRecordException unreadable(String recordId, long sequence, String column,
            @Nullable String value, String expected, @Nullable Throwable cause) {
        String where = sequence == 0 ? "The row of hidden danger [" + recordId + "]"
                : "Audit entry [#" + sequence + "] of hidden danger [" + recordId + "]";
        String msg = where + " is corrupt: column [" + column + "] holds [" + value + "], not " + expected
                + "; it was written outside the library. JdbcStorage.corruptRecords() lists every corrupt record";
        return cause == null ? new CorruptRecordException(recordId, sequence, column, msg)
                : new CorruptRecordException(recordId, sequence, column, msg, cause);
    }
}
