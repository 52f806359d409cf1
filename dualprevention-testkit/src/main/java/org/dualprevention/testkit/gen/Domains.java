package org.dualprevention.testkit.gen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.spi.AssessmentMethod;

/**
 * The input domain of an assessment method: every combination of allowed values when all factors
 * are discrete (LEC has 7 × 6 × 6 = 252), or a seeded sample along range factors.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Domains {
    /** Domains larger than this are sampled instead of enumerated by {@link #inputs(AssessmentMethod, Gen, int, int)} callers that pass it. */
    public static final int DEFAULT_MAX_EXHAUSTIVE = 200_000;

    private Domains() {
    }

    /**
     * The number of combinations of allowed values.
     *
     * @param method the method
     * @return the count, or empty if any factor is a range (the domain is infinite)
     */
    public static Optional<Long> size(AssessmentMethod method) {
        long n = 1;
        for (FactorDefinition f : method.factors()) {
            if (!f.isDiscrete()) {
                return Optional.empty();
            }
            n = Math.multiplyExact(n, f.values().size());
        }
        return Optional.of(n);
    }

    /**
     * Whether every factor is discrete, so the domain can be enumerated.
     *
     * @param method the method
     * @return true for a finite domain
     */
    public static boolean isFinite(AssessmentMethod method) {
        return size(method).isPresent();
    }

    /**
     * The values of a factor used when walking its domain: every allowed value of a discrete factor;
     * for a range factor its minimum, maximum and {@code samples} seeded values between them.
     *
     * @param factor the factor
     * @param gen the generator for range samples
     * @param samples how many samples inside a range
     * @return ascending distinct values
     */
    public static List<BigDecimal> points(FactorDefinition factor, Gen gen, int samples) {
        if (factor.isDiscrete()) {
            return factor.values();
        }
        Set<BigDecimal> out = new LinkedHashSet<>();
        out.add(factor.min());
        out.add(factor.max());
        for (int i = 0; i < samples; i++) {
            out.add(gen.value(factor));
        }
        List<BigDecimal> list = new ArrayList<>(out);
        list.sort(null);
        return List.copyOf(list);
    }

    /**
     * Every combination of allowed values of a method whose factors are all discrete, in odometer
     * order (the last factor varies fastest).
     *
     * @param method a method with a finite domain
     * @return every valid input
     * @throws IllegalArgumentException if a factor is a range
     */
    public static List<AssessmentInput> exhaustive(AssessmentMethod method) {
        if (!isFinite(method)) {
            throw new IllegalArgumentException("method [" + method.id() + "] has a range factor; its domain is infinite");
        }
        return product(method, method.factors().stream().map(FactorDefinition::values).toList());
    }

    /**
     * The inputs a contract walks: every combination when the domain (with range factors replaced by
     * {@code samplesPerRange} seeded points plus their ends) has at most {@code maxInputs} elements;
     * otherwise every factor's minimum and maximum combined with the others' extremes, plus
     * {@code maxInputs} random valid inputs.
     *
     * @param method the method
     * @param gen the generator
     * @param samplesPerRange points sampled inside each range factor
     * @param maxInputs the largest number of combinations enumerated
     * @return valid inputs, without duplicates
     */
    public static List<AssessmentInput> inputs(AssessmentMethod method, Gen gen, int samplesPerRange, int maxInputs) {
        List<List<BigDecimal>> axes = new ArrayList<>();
        long n = 1;
        for (FactorDefinition f : method.factors()) {
            List<BigDecimal> p = points(f, gen, samplesPerRange);
            axes.add(p);
            n = n > Integer.MAX_VALUE ? n : n * p.size();
        }
        if (n <= maxInputs) {
            return product(method, axes);
        }
        Set<AssessmentInput> out = new LinkedHashSet<>();
        List<List<BigDecimal>> corners = new ArrayList<>();
        for (List<BigDecimal> a : axes) {
            corners.add(a.size() == 1 ? a : List.of(a.get(0), a.get(a.size() - 1)));
        }
        if (Math.pow(2, corners.size()) <= maxInputs) {
            out.addAll(product(method, corners));
        }
        for (int i = 0; i < maxInputs; i++) {
            out.add(gen.input(method));
        }
        return List.copyOf(out);
    }

    private static List<AssessmentInput> product(AssessmentMethod method, List<List<BigDecimal>> axes) {
        List<FactorDefinition> factors = method.factors();
        List<AssessmentInput> out = new ArrayList<>();
        int[] idx = new int[axes.size()];
        if (axes.stream().anyMatch(List::isEmpty)) {
            return List.of();
        }
        while (true) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (int i = 0; i < idx.length; i++) {
                values.put(factors.get(i).key(), axes.get(i).get(idx[i]));
            }
            out.add(AssessmentInput.of(values));
            int k = idx.length - 1;
            while (k >= 0 && ++idx[k] == axes.get(k).size()) {
                idx[k] = 0;
                k--;
            }
            if (k < 0) {
                return out;
            }
        }
    }

    /**
     * The next larger allowed value of a discrete factor.
     *
     * @param factor a factor
     * @param value an allowed value
     * @return the next value up, or empty at the top or for range factors
     */
    public static Optional<BigDecimal> stepUp(FactorDefinition factor, BigDecimal value) {
        Optional<Integer> i = factor.indexOf(value);
        if (i.isEmpty() || i.get() + 1 >= factor.values().size()) {
            return Optional.empty();
        }
        return Optional.of(factor.values().get(i.get() + 1));
    }
}
