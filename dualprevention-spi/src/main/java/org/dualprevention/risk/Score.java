package org.dualprevention.risk;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What an assessment method computes: an exact decimal value (D = L×E×C, R = L×S, …) and, for
 * matrix methods, the cell of the matrix (row and column, 1-based) so that a scheme can grade by cell.
 *
 * <p>The value is normalised (no trailing zeros, never in exponent form), so {@code 120} and
 * {@code 120.00} are equal scores.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class Score implements Comparable<Score> {
    private final BigDecimal value;
    private final int row;
    private final int column;

    private Score(BigDecimal value, int row, int column) {
        this.value = FactorDefinition.normalise(Objects.requireNonNull(value, "value"));
        this.row = row;
        this.column = column;
    }

    /**
     * A plain score.
     *
     * @param value the value
     * @return the score
     */
    public static Score of(BigDecimal value) {
        return new Score(value, 0, 0);
    }

    /**
     * A plain score from decimal text.
     *
     * @param value e.g. {@code "120"}
     * @return the score
     */
    public static Score of(String value) {
        return new Score(new BigDecimal(value), 0, 0);
    }

    /**
     * A matrix cell with its value (e.g. the product L×S, used for display and ordering).
     *
     * @param row the row (likelihood index), from 1
     * @param column the column (severity index), from 1
     * @param value the cell's value
     * @return the score
     */
    public static Score ofCell(int row, int column, BigDecimal value) {
        if (row < 1 || column < 1) {
            throw new IllegalArgumentException("matrix cell [" + row + "," + column + "] is not allowed; allowed: row and column from 1");
        }
        return new Score(value, row, column);
    }

    /** @return the value, normalised */
    public BigDecimal value() {
        return value;
    }

    /** @return the matrix row, if this score is a matrix cell */
    public Optional<Integer> row() {
        return row == 0 ? Optional.empty() : Optional.of(row);
    }

    /** @return the matrix column, if this score is a matrix cell */
    public Optional<Integer> column() {
        return column == 0 ? Optional.empty() : Optional.of(column);
    }

    /** @return true if this score names a matrix cell */
    public boolean isCell() {
        return row != 0;
    }

    /** Orders by value, then by cell. */
    @Override
    public int compareTo(Score o) {
        int c = value.compareTo(o.value);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(row, o.row);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Score)) {
            return false;
        }
        Score s = (Score) o;
        return value.equals(s.value) && row == s.row && column == s.column;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, row, column);
    }

    /** Returns the value as plain text, with the cell as {@code @row,column} when present. */
    @Override
    public String toString() {
        return isCell() ? value.toPlainString() + "@" + row + "," + column : value.toPlainString();
    }
}
