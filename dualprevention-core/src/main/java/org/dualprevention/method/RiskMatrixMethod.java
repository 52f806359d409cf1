package org.dualprevention.method;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;

/**
 * A risk matrix of any size (DOMAIN.md §2.4): rows are the likelihood {@code L} from 1 to n, columns
 * the severity {@code S} from 1 to m. The score is the cell {@code (L, S)}; its value L × S is only for
 * ordering and display, since a per-cell {@link org.dualprevention.spi.support.CellGradingScheme} grades the
 * cell itself.
 *
 * <p>The public no-argument constructor (used by {@link java.util.ServiceLoader}) gives the built-in
 * 5×5 matrix with id {@code MATRIX} and default scheme {@code MATRIX-5X5}. {@link #of} makes other
 * sizes (4×4, 6×6 …) under an id of the caller's choice; {@link Matrix4x4Method} is the shipped 4×4.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class RiskMatrixMethod implements AssessmentMethod {
    /** The id {@code MATRIX} of the built-in 5×5 matrix. */
    public static final MethodId ID = MethodId.of("MATRIX");

    private final MethodId id;
    private final int rows;
    private final int columns;
    private final SchemeId defaultScheme;
    private final List<FactorDefinition> factors;

    /** Creates the built-in 5×5 matrix {@code MATRIX}; used by {@link java.util.ServiceLoader}. */
    public RiskMatrixMethod() {
        this(ID, 5, 5, BuiltInSchemes.MATRIX_5X5_ID);
    }

    private RiskMatrixMethod(MethodId id, int rows, int columns, SchemeId defaultScheme) {
        this.id = Objects.requireNonNull(id, "id");
        this.defaultScheme = Objects.requireNonNull(defaultScheme, "defaultScheme");
        if (rows < 1 || columns < 1 || rows > 100 || columns > 100) {
            throw new IllegalArgumentException("matrix size [" + rows + "x" + columns
                    + "] is not allowed; allowed: 1 to 100 rows and 1 to 100 columns");
        }
        this.rows = rows;
        this.columns = columns;
        this.factors = List.of(
                FactorDefinition.discrete("L", "可能性 (likelihood), row 1 to " + rows, range(rows)),
                FactorDefinition.discrete("S", "严重性 (severity), column 1 to " + columns, range(columns)));
    }

    private static List<BigDecimal> range(int n) {
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            values.add(BigDecimal.valueOf(i));
        }
        return values;
    }

    /**
     * A matrix of another size. Give it an id of its own (the built-in ids are reserved), and a default
     * scheme that is a {@link org.dualprevention.spi.support.CellGradingScheme} of the same size.
     *
     * @param id the method id, e.g. {@code ACME.MATRIX-6X6}
     * @param rows likelihood levels, 1 to 100
     * @param columns severity levels, 1 to 100
     * @param defaultScheme the scheme used when the caller names none
     * @return the method
     */
    public static RiskMatrixMethod of(MethodId id, int rows, int columns, SchemeId defaultScheme) {
        return new RiskMatrixMethod(id, rows, columns, defaultScheme);
    }

    @Override
    public MethodId id() {
        return id;
    }

    /** @return the number of rows (likelihood levels) */
    public int rows() {
        return rows;
    }

    /** @return the number of columns (severity levels) */
    public int columns() {
        return columns;
    }

    @Override
    public List<FactorDefinition> factors() {
        return factors;
    }

    @Override
    public SchemeId defaultScheme() {
        return defaultScheme;
    }

    /**
     * Returns the cell (L, S) with value L × S.
     *
     * @param input values for {@code L} (row) and {@code S} (column)
     * @return the cell score
     * @throws org.dualprevention.ValidationException listing every missing, unknown or off-scale factor
     */
    @Override
    public Score evaluate(AssessmentInput input) {
        Objects.requireNonNull(input, "input");
        validate(input);
        int l = input.value("L").orElseThrow().intValueExact();
        int s = input.value("S").orElseThrow().intValueExact();
        return Score.ofCell(l, s, BigDecimal.valueOf((long) l * s));
    }

    /**
     * The name in Chinese for {@code zh} locales, English otherwise, with the size.
     *
     * @param locale the locale
     * @return the name
     */
    @Override
    public String displayName(Locale locale) {
        return Factors.chinese(Objects.requireNonNull(locale, "locale")) ? "风险矩阵（" + rows + "×" + columns + "）"
                : "Risk matrix (" + rows + " × " + columns + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RiskMatrixMethod)) {
            return false;
        }
        RiskMatrixMethod m = (RiskMatrixMethod) o;
        return id.equals(m.id) && rows == m.rows && columns == m.columns && defaultScheme.equals(m.defaultScheme);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, rows, columns, defaultScheme);
    }

    @Override
    public String toString() {
        return id + " " + rows + "x" + columns + " (default scheme " + defaultScheme + ")";
    }
}
