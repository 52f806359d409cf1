package org.dualprevention.jdbc;

import java.util.Objects;

/**
 * One corrupt record found by {@link JdbcStorage#corruptRecords()}.
 *
 * @param dangerId the hidden danger whose record is corrupt
 * @param sequence the audit entry at fault, 0 when the fault is in the hidden danger's row or is not tied to one
 *     entry
 * @param column the column at fault, empty when not tied to one column (a chain that does not replay)
 * @param problem what is wrong, naming the values found
 * @since 0.2
 */
public record CorruptRecord(String dangerId, long sequence, String column, String problem) {
    /** Checks the fields. */
    public CorruptRecord {
        Objects.requireNonNull(dangerId, "dangerId");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(problem, "problem");
    }
}
