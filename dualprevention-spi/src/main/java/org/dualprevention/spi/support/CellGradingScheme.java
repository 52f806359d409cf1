package org.dualprevention.spi.support;

import org.dualprevention.spi.GradingScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.internal.Checks;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.jspecify.annotations.Nullable;

/**
 * A risk matrix with the grade given per cell (DOMAIN.md §2.4), of any size: rows 1..n (likelihood,
 * lowest first) by columns 1..m (severity, lowest first). It grades scores that carry a cell
 * ({@link Score#ofCell(int, int, java.math.BigDecimal)}); the score's value plays no part.
 *
 * <h2>Rules checked at construction</h2>
 * <ul>
 *   <li>the grades are declared most severe first, with unique codes and levels that never become
 *       more severe down the list; every declared grade is used by at least one cell;</li>
 *   <li>every cell is filled with a declared grade;</li>
 *   <li><b>monotonic by default</b>: moving to a higher row or a higher column never gives a grade
 *       further down the declared list (so never a less severe level). Some published or enterprise
 *       matrices are deliberately not monotonic; {@link Builder#allowNonMonotonic()} switches this one
 *       check off, explicitly, and {@link #isMonotonicityChecked()} reports it.</li>
 * </ul>
 * Every broken rule is reported at once in one {@link ValidationException}.
 *
 * <p>Grading a score without a cell, or with a cell outside the matrix, fails with a
 * {@link ValidationException} whose violation has the path {@code score}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class CellGradingScheme implements GradingScheme {
    private final SchemeId id;
    private final String name;
    private final String source;
    private final MethodId method;
    private final int rows;
    private final int columns;
    private final List<Grade> grades;
    private final Grade[][] cells;
    private final boolean monotonicityChecked;

    private CellGradingScheme(Builder b) {
        this.id = b.id;
        this.name = Objects.requireNonNull(b.name, "name"); // build() checked both
        this.source = Objects.requireNonNull(b.source, "source");
        this.method = b.method;
        this.rows = b.rows;
        this.columns = b.columns;
        this.grades = List.copyOf(b.grades);
        this.monotonicityChecked = !b.allowNonMonotonic;
        ValidationException.Collector v = new ValidationException.Collector("grading scheme [" + id + "]");
        Map<String, Integer> rank = new HashMap<>();
        if (grades.isEmpty()) {
            v.add("grades", "[]", "at least one grade, most severe first");
        }
        for (int i = 0; i < grades.size(); i++) {
            Grade g = grades.get(i);
            if (rank.putIfAbsent(g.code(), i) != null) {
                v.add("grades[" + i + "].code", g.code(), "a code not used by another grade");
            }
            if (i > 0 && g.level().isMoreSevereThan(grades.get(i - 1).level())) {
                v.add("grades[" + i + "].level", g.level(), "a level not more severe than " + grades.get(i - 1).level()
                        + " of grades[" + (i - 1) + "] (grades are listed most severe first)");
            }
        }
        this.cells = new Grade[rows][columns];
        Set<String> used = new HashSet<>();
        for (int r = 1; r <= rows; r++) {
            for (int c = 1; c <= columns; c++) {
                String code = b.cells[r - 1][c - 1];
                if (code == null) {
                    v.add(cellPath(r, c), null, "a grade code of " + rank.keySet().stream().sorted().toList()
                            + "; every cell must be filled");
                } else if (!rank.containsKey(code)) {
                    v.add(cellPath(r, c), code, "a declared grade code: " + codes());
                } else {
                    cells[r - 1][c - 1] = grades.get(rank.get(code));
                    used.add(code);
                }
            }
        }
        for (int i = 0; i < grades.size(); i++) {
            // every grade's code is in rank; it maps to its first occurrence
            if (!used.contains(grades.get(i).code()) && Objects.requireNonNull(rank.get(grades.get(i).code())) == i) {
                v.add("grades[" + i + "]", grades.get(i).code(), "a grade used by at least one cell");
            }
        }
        if (monotonicityChecked) {
            for (int r = 1; r <= rows; r++) {
                for (int c = 1; c <= columns; c++) {
                    Grade here = cells[r - 1][c - 1];
                    if (here == null) {
                        continue;
                    }
                    checkStep(v, rank, here, r, c, r + 1, c);
                    checkStep(v, rank, here, r, c, r, c + 1);
                }
            }
        }
        v.throwIfAny();
    }

    private void checkStep(ValidationException.Collector v, Map<String, Integer> rank, Grade here, int r, int c,
            int r2, int c2) {
        if (r2 > rows || c2 > columns) {
            return;
        }
        Grade next = cells[r2 - 1][c2 - 1];
        // both grades come from the cells, which hold declared grades only, so both codes are in rank
        if (next != null
                && Objects.requireNonNull(rank.get(next.code())) > Objects.requireNonNull(rank.get(here.code()))) {
            v.add(cellPath(r2, c2), next.code() + " (" + next.level() + ")", "a grade at least as severe as "
                    + here.code() + " (" + here.level() + ") of " + cellPath(r, c)
                    + ": moving to a higher row or column never lowers the grade (or build with allowNonMonotonic())");
        }
    }

    private static String cellPath(int r, int c) {
        return "cells[" + r + "," + c + "]";
    }

    private List<String> codes() {
        return grades.stream().map(Grade::code).toList();
    }

    /**
     * Starts a builder for a matrix of the given size.
     *
     * @param id the scheme id
     * @param method the method whose cells the scheme grades
     * @param rows number of rows (likelihood levels), at least 1
     * @param columns number of columns (severity levels), at least 1
     * @return a builder
     */
    public static Builder builder(SchemeId id, MethodId method, int rows, int columns) {
        return new Builder(id, method, rows, columns);
    }

    @Override
    public SchemeId id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public MethodId method() {
        return method;
    }

    /** @return every grade, most severe first, as declared; immutable */
    @Override
    public List<Grade> grades() {
        return grades;
    }

    /** @return the number of rows (likelihood levels) */
    public int rows() {
        return rows;
    }

    /** @return the number of columns (severity levels) */
    public int columns() {
        return columns;
    }

    /** @return false when the scheme was built with {@link Builder#allowNonMonotonic()} */
    public boolean isMonotonicityChecked() {
        return monotonicityChecked;
    }

    /**
     * The grade of one cell.
     *
     * @param row the row, 1 to {@link #rows()}
     * @param column the column, 1 to {@link #columns()}
     * @return the grade
     * @throws ValidationException with path {@code score} for a cell outside the matrix
     */
    public Grade gradeAt(int row, int column) {
        if (row < 1 || row > rows || column < 1 || column > columns) {
            throw outside("[" + row + "," + column + "]");
        }
        return cells[row - 1][column - 1];
    }

    /**
     * Grades a matrix cell.
     *
     * @param score a score carrying a cell
     * @return the cell's grade
     * @throws ValidationException with path {@code score} if the score has no cell or the cell is outside the matrix
     */
    @Override
    public Grade grade(Score score) {
        Objects.requireNonNull(score, "score");
        if (!score.isCell()) {
            throw outside(score.toString());
        }
        int r = score.row().orElseThrow();
        int c = score.column().orElseThrow();
        if (r > rows || c > columns) {
            throw outside(score.toString());
        }
        return cells[r - 1][c - 1];
    }

    private ValidationException outside(String value) {
        return new ValidationException("score for grading scheme [" + id + "]", List.of(Violation.of("score", value,
                "a matrix cell with row 1.." + rows + " and column 1.." + columns)));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CellGradingScheme)) {
            return false;
        }
        CellGradingScheme s = (CellGradingScheme) o;
        return id.equals(s.id) && name.equals(s.name) && source.equals(s.source) && method.equals(s.method)
                && rows == s.rows && columns == s.columns && grades.equals(s.grades)
                && monotonicityChecked == s.monotonicityChecked && Arrays.deepEquals(cells, s.cells);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, source, method, rows, columns, grades, monotonicityChecked,
                Arrays.deepHashCode(cells));
    }

    /** Renders as {@code MATRIX-5X5 (MATRIX) 5x5 [row 1: minimal minimal …; row 2: …]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(id).append(" (").append(method).append(") ").append(rows)
                .append('x').append(columns).append(" [");
        for (int r = 1; r <= rows; r++) {
            sb.append(r > 1 ? "; " : "").append("row ").append(r).append(':');
            for (int c = 1; c <= columns; c++) {
                sb.append(' ').append(cells[r - 1][c - 1].code());
            }
        }
        return sb.append(']').toString();
    }

    /**
     * Builds a {@link CellGradingScheme}: declare the grades (most severe first), then fill every cell
     * with a grade code.
     *
     * <p>This class is not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final SchemeId id;
        private final MethodId method;
        private final int rows;
        private final int columns;
        private @Nullable String name;
        private @Nullable String source;
        private final List<Grade> grades = new ArrayList<>();
        private final String[][] cells;
        private boolean allowNonMonotonic;

        private Builder(SchemeId id, MethodId method, int rows, int columns) {
            this.id = Objects.requireNonNull(id, "id");
            this.method = Objects.requireNonNull(method, "method");
            Checks.checkArgument(rows >= 1 && columns >= 1,
                    "matrix size [%sx%s] is not allowed; allowed: at least 1 row and 1 column", rows, columns);
            this.rows = rows;
            this.columns = columns;
            this.cells = new String[rows][columns];
        }

        /**
         * Sets the human-readable name.
         *
         * @param name the name, not blank
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Checks.notBlank(name, "name");
            return this;
        }

        /**
         * Sets the source the matrix comes from.
         *
         * @param source the source, not blank
         * @return this builder
         */
        public Builder source(String source) {
            this.source = Checks.notBlank(source, "source");
            return this;
        }

        /**
         * Declares the grades, most severe first (replacing any declared before).
         *
         * @param mostSevereFirst the grades
         * @return this builder
         */
        public Builder grades(List<Grade> mostSevereFirst) {
            Objects.requireNonNull(mostSevereFirst, "mostSevereFirst");
            grades.clear();
            for (Grade g : mostSevereFirst) {
                grades.add(Objects.requireNonNull(g, "grade"));
            }
            return this;
        }

        /**
         * Declares the grades, most severe first.
         *
         * @param mostSevereFirst the grades
         * @return this builder
         */
        public Builder grades(Grade... mostSevereFirst) {
            return grades(Arrays.asList(mostSevereFirst));
        }

        /**
         * Fills one row, column 1 first.
         *
         * @param row the row, 1 to rows
         * @param gradeCodes one grade code per column
         * @return this builder
         * @throws IllegalArgumentException if the row is outside the matrix or the count differs from the columns
         */
        public Builder row(int row, String... gradeCodes) {
            Checks.checkArgument(row >= 1 && row <= rows, "row [%s] is not allowed; allowed: 1 to %s", row, rows);
            Checks.checkArgument(gradeCodes.length == columns,
                    "row [%s] has %s cells; allowed: exactly %s (one per column)", row, gradeCodes.length, columns);
            for (int c = 1; c <= columns; c++) {
                cell(row, c, gradeCodes[c - 1]);
            }
            return this;
        }

        /**
         * Fills one cell.
         *
         * @param row the row, 1 to rows
         * @param column the column, 1 to columns
         * @param gradeCode the code of a declared grade
         * @return this builder
         */
        public Builder cell(int row, int column, String gradeCode) {
            Checks.checkArgument(row >= 1 && row <= rows && column >= 1 && column <= columns,
                    "cell [%s,%s] is not allowed; allowed: row 1 to %s, column 1 to %s", row, column, rows, columns);
            cells[row - 1][column - 1] = Objects.requireNonNull(gradeCode, "gradeCode");
            return this;
        }

        /**
         * Switches off the monotonicity check, for published matrices that are knowingly not monotonic.
         * Use sparingly: the engine's "most severe" combination then still works, but a higher factor
         * may give a lower level.
         *
         * @return this builder
         */
        public Builder allowNonMonotonic() {
            this.allowNonMonotonic = true;
            return this;
        }

        /**
         * Builds and validates the scheme.
         *
         * @return the scheme
         * @throws IllegalStateException if name or source is missing
         * @throws ValidationException listing every unfilled cell, unknown code, misordered grade and
         *     non-monotonic step
         */
        public CellGradingScheme build() {
            if (name == null || source == null) {
                throw new IllegalStateException("scheme [" + id + "] needs a name and a source; call name(..) and source(..)");
            }
            return new CellGradingScheme(this);
        }
    }
}
