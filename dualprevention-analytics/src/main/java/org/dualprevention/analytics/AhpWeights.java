package org.dualprevention.analytics;

import static org.dualprevention.analytics.Checks.checkArgument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of an AHP pairwise comparison matrix: weights from the principal eigenvector (summing to
 * 1), the principal eigenvalue λmax, the consistency index CI = (λmax − n)/(n − 1), Saaty's random
 * index RI and the consistency ratio CR = CI/RI. These are statistics (floating point); the scores
 * computed with them by {@link AhpMethod} are exact decimals of the rounded weights.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param criteria the criteria in order
 * @param weights the weight of each criterion, in the same order
 * @param lambdaMax the principal eigenvalue
 * @param consistencyIndex CI
 * @param randomIndex RI
 * @param consistencyRatio CR (0 when RI is 0)
 * @since 0.1
 */
public record AhpWeights(List<String> criteria, List<Double> weights, double lambdaMax, double consistencyIndex,
        double randomIndex, double consistencyRatio) {
    /** Validates and copies the components. */
    public AhpWeights {
        criteria = List.copyOf(criteria);
        weights = List.copyOf(weights);
        checkArgument(criteria.size() == weights.size(), "criteria [%s] and weights [%s] differ in size",
                criteria.size(), weights.size());
    }

    /** @return whether CR is below {@link PairwiseComparisons#MAX_CONSISTENCY_RATIO} */
    public boolean isConsistent() {
        return consistencyRatio < PairwiseComparisons.MAX_CONSISTENCY_RATIO;
    }

    /**
     * The weight of one criterion.
     *
     * @param criterion its name
     * @return the weight
     * @throws IllegalArgumentException for an unknown criterion
     */
    public double weight(String criterion) {
        int i = criteria.indexOf(Objects.requireNonNull(criterion, "criterion"));
        checkArgument(i >= 0, "criterion [%s] is unknown; known: %s", criterion, criteria);
        return weights.get(i);
    }

    /** @return criterion → weight, in order */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < criteria.size(); i++) {
            m.put(criteria.get(i), weights.get(i));
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
