package org.dualprevention.excel;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a workbook import. Valid risk points were delivered; every row of a risk point with any
 * problem was held back (quarantined), and each held-back row is named in {@link #problems()}: nothing is
 * dropped without a line here.
 *
 * @param rows the data rows read (the header and empty rows not counted)
 * @param imported the risk points delivered
 * @param problems every refused cell or row, in row order (capped; see {@link #moreProblems()})
 * @param moreProblems problems not listed because of the cap
 * @param warnings cells that were accepted with a correction, e.g. a score that the method recomputes differently
 * @param changes the differences from the baseline register (empty without a baseline)
 * @since 0.1
 */
public record ExcelImportReport(long rows, long imported, List<CellProblem> problems, long moreProblems,
        List<CellProblem> warnings, List<RegisterChange> changes) {
    /** Validates and copies the components. */
    public ExcelImportReport {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    }

    /** @return whether every row was imported */
    public boolean clean() {
        return problems.isEmpty() && moreProblems == 0;
    }
}
