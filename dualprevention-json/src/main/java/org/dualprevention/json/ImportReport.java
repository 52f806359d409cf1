package org.dualprevention.json;

import java.util.List;
import java.util.Objects;

import org.dualprevention.Violation;

/**
 * The outcome of a successful import.
 *
 * @param format the document format, e.g. {@code dualprevention.register}
 * @param version the version the document was imported as (the current one)
 * @param sourceVersion the version the document was written in; lower than {@code version} when it was migrated
 * @param items the number of items delivered (risk points, hidden dangers, audit entries)
 * @param warnings disagreements reported as warnings under {@link ScoreDisagreement#WARN}, with JSON Pointers
 * @since 0.1
 */
public record ImportReport(String format, int version, int sourceVersion, long items, List<Violation> warnings) {
    /** Validates and copies the components. */
    public ImportReport {
        Objects.requireNonNull(format, "format");
        warnings = List.copyOf(warnings);
    }

    /**
     * Whether the document was migrated from an older version.
     *
     * @return true if {@code sourceVersion < version}
     */
    public boolean migrated() {
        return sourceVersion < version;
    }
}
