package org.dualprevention.excel;

import java.util.List;
import java.util.Objects;
import org.dualprevention.json.QuarantineReport;

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
 * @param quarantine the same outcome as the JSON register import's quarantine report
 *     ({@link org.dualprevention.json.RegisterDocument#quarantine}): one refusal per problem with the JSON
 *     Pointer of the value in the equivalent register document ({@code /riskPoints/3/hazards/0/accidentTypes}),
 *     the field, the value, what is allowed, and the cell as {@code source} ({@code 风险分级管控清单 第 12 行 C 列（…）});
 *     one recomputation per assessment whose score or level cell disagreed with the factors, stored beside
 *     recomputed. Written as JSON or CSV by {@link QuarantineReport#writeJson} and {@link QuarantineReport#writeCsv}
 * @since 0.1
 */
public record ExcelImportReport(long rows, long imported, List<CellProblem> problems, long moreProblems,
        List<CellProblem> warnings, List<RegisterChange> changes, QuarantineReport quarantine) {
    /** Validates and copies the components. */
    public ExcelImportReport {
        Objects.requireNonNull(quarantine, "quarantine");
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
    }

    /** @return whether every row was imported */
    public boolean clean() {
        return problems.isEmpty() && moreProblems == 0;
    }
}
