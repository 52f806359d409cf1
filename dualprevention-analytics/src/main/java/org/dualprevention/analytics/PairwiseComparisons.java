package org.dualprevention.analytics;

import static org.dualprevention.analytics.Checks.checkArgument;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.dualprevention.ValidationException;

/**
 * A pairwise comparison matrix of the analytic hierarchy process (AHP, 层次分析法): entry (i, j) says how
 * much more important criterion i is than criterion j on Saaty's 1–9 scale.
 *
 * <h2>Rules</h2>
 * Checked by {@link #of(List, double[][])}, every violation reported at once: 1 to 15 distinct,
 * non-blank criteria; a square matrix of that size; every entry finite and positive and within Saaty's
 * scale 1/9 to 9; a unit diagonal; reciprocal entries ({@code a[j][i] × a[i][j] = 1} within a relative
 * 1e-6, so 1/3 may be given as {@code 1.0 / 3}). {@link #ofUpperTriangle(List, double...)} fills the
 * diagonal and the reciprocals itself.
 *
 * <h2>Weights and consistency</h2>
 * {@link #weigh()} returns the principal (Perron) eigenvector normalised to sum 1, found by power
 * iteration, with λmax, CI = (λmax − n)/(n − 1), the random index RI of Saaty and CR = CI/RI. A
 * matrix whose CR is 0.1 or more is refused ({@link ValidationException} with the CR in the message);
 * for n ≤ 2 the RI is 0, any reciprocal matrix is consistent and CR is 0.
 *
 * <p>Random index table, n = 1…15: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48,
 * 1.56, 1.57, 1.59 — T. L. Saaty, <i>The Analytic Hierarchy Process</i>, McGraw-Hill, 1980 (mean CI of
 * random reciprocal matrices computed at Oak Ridge National Laboratory; the dip at n = 12 is in the
 * published table).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class PairwiseComparisons {
    /** Saaty's random consistency index for n = 1..15 (index n − 1). */
    private static final double[] RANDOM_INDEX = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48,
        1.56, 1.57, 1.59};
    /** The consistency ratio from which a matrix is refused. */
    public static final double MAX_CONSISTENCY_RATIO = 0.1;
    private static final double MIN = 1.0 / 9;
    private static final double MAX = 9;
    private static final double TOLERANCE = 1e-6;

    private final List<String> criteria;
    private final double[][] matrix;

    private PairwiseComparisons(List<String> criteria, double[][] matrix) {
        this.criteria = criteria;
        this.matrix = matrix;
    }

    /**
     * A full matrix.
     *
     * @param criteria the criteria in row order
     * @param matrix the entries, {@code matrix[i][j]} = importance of i over j; copied
     * @return the validated matrix
     * @throws ValidationException listing every broken rule
     */
    public static PairwiseComparisons of(List<String> criteria, double[][] matrix) {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(matrix, "matrix");
        ValidationException.Collector v = new ValidationException.Collector("AHP pairwise comparison matrix");
        int n = criteria.size();
        v.addIf(n < 1 || n > RANDOM_INDEX.length, "criteria", n + " criteria", "1 to " + RANDOM_INDEX.length + " criteria");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String c = criteria.get(i);
            if (c == null || c.isBlank()) {
                v.add("criteria[" + i + "]", c, "a non-blank name");
            } else if (!seen.add(c)) {
                v.add("criteria[" + i + "]", c, "a name not used by another criterion");
            }
        }
        double[][] copy = new double[matrix.length][];
        boolean square = matrix.length == n;
        for (int i = 0; i < matrix.length; i++) {
            Objects.requireNonNull(matrix[i], "matrix[" + i + "]");
            copy[i] = matrix[i].clone();
            square &= matrix[i].length == n;
        }
        if (!square) {
            v.add("matrix", Arrays.stream(matrix).map(r -> Integer.toString(r.length)).toList() + " columns in "
                    + matrix.length + " rows", "a square " + n + "×" + n + " matrix, one row and column per criterion");
            v.throwIfAny();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double a = copy[i][j];
                String path = "matrix[" + i + "][" + j + "]";
                if (!Double.isFinite(a) || a <= 0) {
                    v.add(path, a, "a positive number on Saaty's scale 1/9 to 9");
                } else if (i == j && Math.abs(a - 1) > TOLERANCE) {
                    v.add(path, a, "1 on the diagonal");
                } else if (a < MIN * (1 - TOLERANCE) || a > MAX * (1 + TOLERANCE)) {
                    v.add(path, a, "a number on Saaty's scale 1/9 to 9");
                } else if (j > i && Double.isFinite(copy[j][i]) && Math.abs(a * copy[j][i] - 1) > TOLERANCE) {
                    v.add(path, a, "the reciprocal of matrix[" + j + "][" + i + "] = " + copy[j][i] + ", i.e. "
                            + (1 / copy[j][i]));
                }
            }
        }
        v.throwIfAny();
        return new PairwiseComparisons(List.copyOf(criteria), copy);
    }

    /**
     * A matrix from the entries above the diagonal, row by row; the diagonal is 1 and the lower
     * triangle is filled with reciprocals. For criteria A, B, C the entries are (A:B, A:C, B:C).
     *
     * @param criteria the criteria in row order
     * @param upper the n(n−1)/2 entries above the diagonal
     * @return the validated matrix
     * @throws ValidationException listing every broken rule
     */
    public static PairwiseComparisons ofUpperTriangle(List<String> criteria, double... upper) {
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(upper, "upper");
        int n = criteria.size();
        if (upper.length != n * (n - 1) / 2) {
            throw new ValidationException("AHP pairwise comparison matrix",
                    List.of(org.dualprevention.Violation.of("upper", upper.length + " entries",
                            n * (n - 1) / 2 + " entries above the diagonal for " + n + " criteria")));
        }
        double[][] m = new double[n][n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                m[i][j] = upper[k++];
                m[j][i] = 1 / m[i][j];
            }
        }
        return of(criteria, m);
    }

    /** @return the criteria in row order */
    public List<String> criteria() {
        return criteria;
    }

    /** @return the number of criteria */
    public int size() {
        return criteria.size();
    }

    /**
     * One entry.
     *
     * @param i row
     * @param j column
     * @return how much more important criterion i is than j
     */
    public double entry(int i, int j) {
        return matrix[i][j];
    }

    /**
     * Saaty's random consistency index.
     *
     * @param n the matrix size, 1 to 15
     * @return RI(n)
     */
    public static double randomIndex(int n) {
        checkArgument(n >= 1 && n <= RANDOM_INDEX.length, "n [%s] is not allowed; allowed: 1 to %s", n,
                RANDOM_INDEX.length);
        return RANDOM_INDEX[n - 1];
    }

    /**
     * The weights, λmax, CI and CR, without refusing an inconsistent matrix.
     *
     * @return the result, whose {@link AhpWeights#isConsistent()} may be false
     */
    public AhpWeights evaluate() {
        int n = size();
        RealMatrix a = new Array2DRowRealMatrix(matrix, false);
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        for (int iter = 0; iter < 10_000; iter++) {
            double[] next = a.operate(w);
            double sum = 0;
            for (double x : next) {
                sum += x;
            }
            double diff = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= sum;
                diff = Math.max(diff, Math.abs(next[i] - w[i]));
            }
            w = next;
            if (diff < 1e-15) {
                break;
            }
        }
        double[] aw = a.operate(w);
        double lambda = 0;
        for (int i = 0; i < n; i++) {
            lambda += aw[i] / w[i];
        }
        lambda /= n;
        double ci = n <= 1 ? 0 : Math.max(0, (lambda - n) / (n - 1));
        double ri = randomIndex(n);
        double cr = ri == 0 ? 0 : ci / ri;
        return new AhpWeights(criteria, Arrays.stream(w).boxed().toList(), lambda, ci, ri, cr);
    }

    /**
     * The weights of a consistent matrix.
     *
     * @return the weights, λmax, CI and CR
     * @throws ValidationException if CR ≥ 0.1, with the CR in the message
     */
    public AhpWeights weigh() {
        AhpWeights r = evaluate();
        if (!r.isConsistent()) {
            throw new ValidationException("AHP pairwise comparison matrix", List.of(org.dualprevention.Violation.of(
                    "matrix", String.format(Locale.ROOT, "consistency ratio CR = %.4f (λmax = %.4f, CI = %.4f, RI = %.2f)",
                            r.consistencyRatio(), r.lambdaMax(), r.consistencyIndex(), r.randomIndex()),
                    "a consistency ratio below 0.1; revise the comparisons")));
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairwiseComparisons && criteria.equals(((PairwiseComparisons) o).criteria)
                && Arrays.deepEquals(matrix, ((PairwiseComparisons) o).matrix);
    }

    @Override
    public int hashCode() {
        return 31 * criteria.hashCode() + Arrays.deepHashCode(matrix);
    }

    @Override
    public String toString() {
        return "PairwiseComparisons" + criteria + Arrays.deepToString(matrix);
    }
}
