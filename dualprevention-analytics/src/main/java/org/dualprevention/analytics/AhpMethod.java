package org.dualprevention.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.ValidationException;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;

/**
 * A composite assessment method that weighs several indicators by the analytic hierarchy process
 * (AHP, 层次分析法), for an enterprise or zone risk index: score = Σ wᵢ × xᵢ over the indicators.
 *
 * <p>The weights come from a consistent {@link PairwiseComparisons} matrix (CR &lt; 0.1, otherwise the
 * method cannot be created) and are rounded half-even to {@value #WEIGHT_SCALE} decimals once, when the
 * method is created; the score is then computed exactly in {@link BigDecimal} from those rounded weights
 * and the indicator values. Each indicator is a factor whose key is the criterion's name and whose value
 * lies in the closed range given here (for example 0 to 100, or 1 to 4).
 *
 * <p>The method needs its matrix, so it has no no-argument constructor and is not discovered through
 * {@code ServiceLoader}: a host creates it and registers it explicitly on the engine's builder. Its id is
 * chosen by the host; namespace it ({@code ACME.AHP-ZONE}) unless it is the only AHP method in use.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class AhpMethod implements AssessmentMethod {
    /** Decimals kept of each weight. */
    public static final int WEIGHT_SCALE = 6;

    private final MethodId id;
    private final SchemeId defaultScheme;
    private final AhpWeights weights;
    private final List<BigDecimal> roundedWeights;
    private final List<FactorDefinition> factors;

    private AhpMethod(MethodId id, SchemeId defaultScheme, PairwiseComparisons comparisons, BigDecimal min,
            BigDecimal max) {
        this.id = Objects.requireNonNull(id, "id");
        this.defaultScheme = Objects.requireNonNull(defaultScheme, "defaultScheme");
        this.weights = Objects.requireNonNull(comparisons, "comparisons").weigh();
        List<BigDecimal> rw = new ArrayList<>();
        for (double w : weights.weights()) {
            rw.add(BigDecimal.valueOf(w).setScale(WEIGHT_SCALE, RoundingMode.HALF_EVEN));
        }
        this.roundedWeights = List.copyOf(rw);
        List<FactorDefinition> fs = new ArrayList<>();
        for (String c : comparisons.criteria()) {
            fs.add(FactorDefinition.range(c, "AHP indicator " + c, min, max));
        }
        this.factors = List.copyOf(fs);
    }

    /**
     * Creates the method.
     *
     * @param id the method's id
     * @param defaultScheme the scheme that grades its scores
     * @param comparisons the pairwise comparisons of the indicators; criterion names are the factor keys
     *     (a letter, then up to 31 letters, digits or '_')
     * @param min the smallest indicator value
     * @param max the largest indicator value
     * @return the method
     * @throws ValidationException if the matrix is inconsistent (CR ≥ 0.1), with the CR in the message
     * @throws IllegalArgumentException if a criterion name is not a valid factor key or min &gt; max
     */
    public static AhpMethod of(MethodId id, SchemeId defaultScheme, PairwiseComparisons comparisons, BigDecimal min,
            BigDecimal max) {
        return new AhpMethod(id, defaultScheme, comparisons, min, max);
    }

    @Override
    public MethodId id() {
        return id;
    }

    @Override
    public List<FactorDefinition> factors() {
        return factors;
    }

    @Override
    public SchemeId defaultScheme() {
        return defaultScheme;
    }

    /** @return the weights, λmax, CI and CR of the matrix */
    public AhpWeights weights() {
        return weights;
    }

    /** @return the weights as used in scores, rounded to {@value #WEIGHT_SCALE} decimals, in factor order */
    public List<BigDecimal> roundedWeights() {
        return roundedWeights;
    }

    @Override
    public Score evaluate(AssessmentInput input) {
        Objects.requireNonNull(input, "input");
        validate(input);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < factors.size(); i++) {
            sum = sum.add(roundedWeights.get(i).multiply(input.value(factors.get(i).key()).orElseThrow()));
        }
        return Score.of(sum);
    }

    @Override
    public String displayName(Locale locale) {
        return "AHP " + id.value();
    }

    @Override
    public String toString() {
        return "AhpMethod[" + id + " " + weights.asMap() + "]";
    }
}
