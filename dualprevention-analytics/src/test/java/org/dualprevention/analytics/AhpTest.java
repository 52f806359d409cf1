package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.junit.jupiter.api.Test;

class AhpTest {
    private static void assertWeights(double[] expected, AhpWeights w, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], w.weights().get(i), tol, "weight " + i + " of " + w);
        }
        assertEquals(1.0, w.weights().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    }

    @Test
    void perfectlyConsistentMatrixHasClosedFormWeights() {
        // a_ij = w_i / w_j with w = (4, 2, 1)/7: λmax = n, CI = CR = 0
        AhpWeights w = PairwiseComparisons.ofUpperTriangle(List.of("A", "B", "C"), 2, 4, 2).weigh();
        assertWeights(new double[] {4.0 / 7, 2.0 / 7, 1.0 / 7}, w, 1e-12);
        assertEquals(3.0, w.lambdaMax(), 1e-12);
        assertEquals(0.0, w.consistencyIndex(), 1e-12);
        assertEquals(0.0, w.consistencyRatio(), 1e-12);
        assertEquals(0.58, w.randomIndex());
        assertEquals(2.0 / 7, w.weight("B"), 1e-12);
    }

    /**
     * 姜启源, 谢金星, 叶俊《数学模型》(第三版), 高等教育出版社 2003, 第八章 层次分析模型, 旅游地选择: the criteria
     * matrix of the five criteria (景色, 费用, 居住, 饮食, 旅途) has λ = 5.073, w = (0.263, 0.475, 0.055,
     * 0.099, 0.110), CI = 0.018, CR = 0.016 (RI = 1.12), as printed to three decimals.
     */
    @Test
    void jiangQiyuanTravelExample() {
        PairwiseComparisons m = PairwiseComparisons.of(List.of("scenery", "cost", "lodging", "food", "travel"),
                new double[][] {
                    {1, 1.0 / 2, 4, 3, 3},
                    {2, 1, 7, 5, 5},
                    {1.0 / 4, 1.0 / 7, 1, 1.0 / 2, 1.0 / 3},
                    {1.0 / 3, 1.0 / 5, 2, 1, 1},
                    {1.0 / 3, 1.0 / 5, 3, 1, 1}});
        AhpWeights w = m.weigh();
        assertWeights(new double[] {0.263, 0.475, 0.055, 0.099, 0.110}, w, 0.002);
        assertEquals(5.073, w.lambdaMax(), 0.002);
        assertEquals(0.018, w.consistencyIndex(), 0.001);
        assertEquals(1.12, w.randomIndex());
        assertEquals(0.016, w.consistencyRatio(), 0.001);
        assertTrue(w.isConsistent());
    }

    /**
     * T. L. Saaty, "A scaling method for priorities in hierarchical structures", Journal of Mathematical
     * Psychology 15 (1977) 234–281, and <i>The Analytic Hierarchy Process</i> (1980), ch. 2: the relative
     * brightness of four chairs at increasing distances from a light. Published: eigenvector (0.61, 0.24,
     * 0.10, 0.05), λmax = 4.39, so CI = 0.13 and CR = 0.13 / 0.90 ≈ 0.14 — above 0.1, so refused.
     */
    @Test
    void saatyLightIntensityExampleIsInconsistentAndRefusedWithItsCr() {
        PairwiseComparisons m = PairwiseComparisons.ofUpperTriangle(List.of("C1", "C2", "C3", "C4"),
                5, 6, 7, 4, 6, 4);
        AhpWeights w = m.evaluate();
        assertWeights(new double[] {0.61, 0.24, 0.10, 0.05}, w, 0.01);
        assertEquals(4.39, w.lambdaMax(), 0.005);
        assertEquals(0.13, w.consistencyIndex(), 0.005);
        assertEquals(0.14, w.consistencyRatio(), 0.01);
        assertFalse(w.isConsistent());
        ValidationException e = assertThrows(ValidationException.class, m::weigh);
        assertTrue(e.getMessage().contains("CR = 0.14"), e.getMessage());
        assertThrows(ValidationException.class, () -> AhpMethod.of(MethodId.of("ACME.AHP"), SchemeId.of("ACME.AHP"),
                m, BigDecimal.ZERO, BigDecimal.TEN));
    }

    @Test
    void randomIndexTableIsSaatys() {
        double[] expected = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
        for (int n = 1; n <= 15; n++) {
            assertEquals(expected[n - 1], PairwiseComparisons.randomIndex(n), "RI(" + n + ")");
        }
        assertThrows(IllegalArgumentException.class, () -> PairwiseComparisons.randomIndex(16));
        assertThrows(IllegalArgumentException.class, () -> PairwiseComparisons.randomIndex(0));
    }

    @Test
    void twoCriteriaAreAlwaysConsistent() {
        AhpWeights w = PairwiseComparisons.ofUpperTriangle(List.of("A", "B"), 3).weigh();
        assertWeights(new double[] {0.75, 0.25}, w, 1e-12);
        assertEquals(0.0, w.consistencyRatio());
        AhpWeights one = PairwiseComparisons.ofUpperTriangle(List.of("A")).weigh();
        assertEquals(List.of(1.0), one.weights());
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> PairwiseComparisons.of(
                List.of("A", "B", "A"), new double[][] {{2, 3, 10}, {1.0 / 3, 1, -1}, {0.1, 1, 1}}));
        Set<String> paths = e.violations().stream().map(Violation::path).collect(Collectors.toSet());
        // duplicate name, diagonal 2, 10 out of scale, -1 not positive, a[1][0]*a[0][1] ok, a[2][0] = 0.1 < 1/9
        assertEquals(Set.of("criteria[2]", "matrix[0][0]", "matrix[0][2]", "matrix[1][2]", "matrix[2][0]"), paths,
                e.getMessage());
        ValidationException recip = assertThrows(ValidationException.class,
                () -> PairwiseComparisons.of(List.of("A", "B"), new double[][] {{1, 3}, {3, 1}}));
        assertEquals("matrix[0][1]", recip.violations().get(0).path());
        assertThrows(ValidationException.class,
                () -> PairwiseComparisons.of(List.of("A", "B"), new double[][] {{1, 3}}));
        assertThrows(ValidationException.class, () -> PairwiseComparisons.ofUpperTriangle(List.of("A", "B", "C"), 2));
    }

    @Test
    void ahpMethodScoresExactlyWithRoundedWeights() {
        AhpMethod m = AhpMethod.of(MethodId.of("ACME.AHP"), SchemeId.of("ACME.AHP-INDEX"),
                PairwiseComparisons.ofUpperTriangle(List.of("A", "B", "C"), 2, 4, 2), BigDecimal.ZERO,
                new BigDecimal("100"));
        assertEquals(List.of(new BigDecimal("0.571429"), new BigDecimal("0.285714"), new BigDecimal("0.142857")),
                m.roundedWeights());
        Score s = m.evaluate(AssessmentInput.of(Map.of("A", 10, "B", 20, "C", 30)));
        // 5.71429 + 5.71428 + 4.28571
        assertEquals(Score.of("15.71428"), s);
        assertEquals(List.of("A", "B", "C"), m.factors().stream().map(f -> f.key()).toList());
        ValidationException bad = assertThrows(ValidationException.class,
                () -> m.evaluate(AssessmentInput.of(Map.of("A", 10, "B", 200))));
        assertEquals(Set.of("factors.B", "factors.C"),
                bad.violations().stream().map(Violation::path).collect(Collectors.toSet()));
    }
}
