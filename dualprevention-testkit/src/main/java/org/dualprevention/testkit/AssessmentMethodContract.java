package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.testkit.gen.Domains;
import org.dualprevention.testkit.gen.Gen;
import org.dualprevention.testkit.gen.InputMutation;
import org.dualprevention.testkit.gen.InvalidInput;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AssessmentMethod} must meet. Extend it in a test and supply an instance:
 *
 * <pre>{@code
 * class AcmeRiskMethodTest extends AssessmentMethodContract {
 *     @Override protected AssessmentMethod method() { return new AcmeRiskMethod(); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>M1</b> {@code id()} is a valid {@link MethodId}, the same on every call and every instance;
 *     {@code defaultScheme()} is given; {@code displayName} is not blank in the root, Chinese and English locales.</li>
 * <li><b>M2</b> {@code factors()} is not empty, its keys are distinct, and it is equal on every call and instance.</li>
 * <li><b>M3</b> {@code factors()} cannot be modified through the returned list.</li>
 * <li><b>M4</b> totality: every valid input gets a score and passes {@code validate}; exhaustive over the
 *     whole domain when all factors are discrete, otherwise over each range's ends and seeded samples.</li>
 * <li><b>M5</b> determinism: the same input, even with its factors in another order and on another instance,
 *     always gets the same score.</li>
 * <li><b>M6</b> monotonicity (only for methods where {@link #isMonotone()} is true, the default): raising any
 *     one factor by one step never lowers the score's value.</li>
 * <li><b>M7</b> a missing factor is refused with a {@link ValidationException} naming {@code factors.<key>}.</li>
 * <li><b>M8</b> a value off the factor's scale (above, below, between two allowed values) is refused naming
 *     {@code factors.<key>}; between two allowed values a fine grid is probed: every integer (up to 100 per
 *     gap), the tenths of the gap, and values just beside each allowed one, so that an exact non-scale value such
 *     as 4 on the scale {10, 6, 3, 2, 1, 0.5} is tried.</li>
 * <li><b>M9</b> an unknown factor is refused naming {@code factors.<unknown key>}.</li>
 * <li><b>M10</b> NaN, infinite, null and negative (where the scale has no negatives) values are refused naming
 *     {@code factors.<key>}, either by {@link AssessmentInput#of(Map)} or by the method.</li>
 * <li><b>M11</b> several bad factors are all reported in one {@link ValidationException}.</li>
 * <li><b>M12</b> thread safety: one instance evaluating the domain from several threads at once gives the
 *     same scores as one thread.</li>
 * <li><b>M13</b> {@code evaluate(null)} throws {@link NullPointerException}.</li>
 * <li><b>M14</b> registration, as the {@link AssessmentMethod} Javadoc asks: the id is none of the reserved built-in
 *     ids (LEC, LS, MATRIX, MATRIX-4X4, MES, DIRECT) unless the method is the library's own; and, unless
 *     {@link #discovered()} is overridden to say the method is only registered by hand, the class is public with a
 *     public no-argument constructor and is declared for {@link java.util.ServiceLoader}: by a {@code provides}
 *     clause when it is in a named module, else in {@code META-INF/services/org.dualprevention.spi.AssessmentMethod}.</li>
 * </ol>
 * Every refusal must come from both {@code evaluate} and {@code validate}, and every violation must say
 * what is allowed. Override a rule's method without {@code @Test} only if your method documents why it
 * does not hold.
 *
 * @since 0.1
 */
public abstract class AssessmentMethodContract {
    /** Creates the contract. */
    protected AssessmentMethodContract() {
    }

    /**
     * A fresh instance of the method under test.
     *
     * @return the method
     */
    protected abstract AssessmentMethod method();

    /**
     * Whether rule M6 applies. Override to return false for a method whose score may fall when a
     * factor rises (and say so in its Javadoc).
     *
     * @return true by default
     */
    protected boolean isMonotone() {
        return true;
    }

    /**
     * Whether the method is found by discovery ({@link java.util.ServiceLoader}); rule M14 then checks its
     * declaration and constructor. Override to return false for a method that is only registered by hand on the
     * engine's builder.
     *
     * @return true by default
     */
    protected boolean discovered() {
        return true;
    }

    /** The ids of the library's own methods, reserved for them. */
    static final List<String> RESERVED_METHOD_IDS = List.of("LEC", "LS", "MATRIX", "MATRIX-4X4", "MES", "DIRECT");

    /** Rule M14: registration as the spi Javadoc asks: no reserved id; declared for discovery; public no-arg constructor. */
    @Test
    @DisplayName("M14 registration: no reserved built-in id; declared in META-INF/services or by provides; public no-argument constructor")
    public void m14Registration() {
        Rules.check("M14", () -> {
            AssessmentMethod m = method();
            List<String> problems = new ArrayList<>();
            boolean ours = m.getClass().getName().startsWith("org.dualprevention.method.");
            if (!ours && RESERVED_METHOD_IDS.contains(m.id().value())) {
                problems.add("the id [" + m.id() + "] is reserved for the built-in method; allowed: a namespaced id such "
                        + "as ACME.RISK6");
            }
            if (discovered()) {
                problems.addAll(Registration.problems(AssessmentMethod.class, m.getClass()));
            }
            assertTrue(problems.isEmpty(), "M14 " + problems);
        });
    }

    /**
     * How many seeded points are sampled inside each range factor.
     *
     * @return 20 by default
     */
    protected int samplesPerRangeFactor() {
        return 20;
    }

    /**
     * The largest domain enumerated in full; larger ones are sampled.
     *
     * @return {@link Domains#DEFAULT_MAX_EXHAUSTIVE} by default
     */
    protected int maxInputs() {
        return Domains.DEFAULT_MAX_EXHAUSTIVE;
    }

    /**
     * The seed for sampling range factors and choosing mutations.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    /**
     * The inputs the rules walk (see {@link Domains#inputs}).
     *
     * @param method the method
     * @return the inputs
     */
    protected final List<AssessmentInput> domain(AssessmentMethod method) {
        List<AssessmentInput> d = Domains.inputs(method, Gen.of(seed()), samplesPerRangeFactor(), maxInputs());
        assertFalse(d.isEmpty(), "the domain of [" + method.id() + "] is empty");
        return d;
    }

    private String where() {
        return " [seed=" + seed() + "]";
    }

    /** Rule M1: id() is a valid, stable method id; defaultScheme() and displayName are given. */
    @Test
    @DisplayName("M1 id() is a valid, stable method id; defaultScheme() and displayName are given")
    public void m1IdIsValidAndStable() {
        Rules.check("M1", () -> {
            AssessmentMethod m = method();
            MethodId id = m.id();
            assertNotNull(id, "M1 id() returned null");
            assertEquals(id, MethodId.of(id.value()), "M1 id() is not a valid MethodId");
            assertEquals(id, m.id(), "M1 id() changed between calls");
            assertEquals(id, method().id(), "M1 id() differs between instances");
            assertNotNull(m.defaultScheme(), "M1 defaultScheme() returned null");
            for (Locale l : List.of(Locale.ROOT, Locale.CHINESE, Locale.ENGLISH)) {
                String name = m.displayName(l);
                assertNotNull(name, "M1 displayName(" + l + ") returned null");
                assertFalse(name.isBlank(), "M1 displayName(" + l + ") is blank");
            }
        });
    }

    /** Rule M2: factors() is not empty, has distinct keys and is the same on every call. */
    @Test
    @DisplayName("M2 factors() is not empty, has distinct keys and is the same on every call")
    public void m2FactorsWellFormed() {
        Rules.check("M2", () -> {
            AssessmentMethod m = method();
            List<FactorDefinition> factors = m.factors();
            assertNotNull(factors, "M2 factors() returned null");
            assertFalse(factors.isEmpty(), "M2 factors() is empty");
            Set<String> keys = new HashSet<>();
            for (FactorDefinition f : factors) {
                assertNotNull(f, "M2 factors() contains null");
                assertTrue(keys.add(f.key()), "M2 factor key [" + f.key() + "] appears twice in " + factors);
            }
            assertEquals(factors, m.factors(), "M2 factors() changed between calls");
            assertEquals(factors, method().factors(), "M2 factors() differs between instances");
        });
    }

    /** Rule M3: factors() cannot be modified. */
    @Test
    @DisplayName("M3 factors() cannot be modified")
    public void m3FactorsImmutable() {
        Rules.check("M3", () -> {
            AssessmentMethod m = method();
            List<FactorDefinition> before = List.copyOf(m.factors());
            List<FactorDefinition> factors = m.factors();
            FactorDefinition extra = FactorDefinition.discrete("Zz_extra", "not a factor", "1");
            assertThrows(UnsupportedOperationException.class, () -> factors.add(extra), "M3 factors().add succeeded");
            assertThrows(UnsupportedOperationException.class, () -> factors.remove(0), "M3 factors().remove succeeded");
            assertThrows(UnsupportedOperationException.class, () -> factors.set(0, extra), "M3 factors().set succeeded");
            assertThrows(UnsupportedOperationException.class, factors::clear, "M3 factors().clear succeeded");
            assertEquals(before, m.factors(), "M3 factors() changed after attempts to modify it");
        });
    }

    /** Rule M4: totality: every valid input of the domain gets a score and passes validate. */
    @Test
    @DisplayName("M4 totality: every valid input of the domain gets a score and passes validate")
    public void m4Totality() {
        Rules.check("M4", () -> {
            AssessmentMethod m = method();
            Failures f = new Failures("M4 totality" + where());
            for (AssessmentInput in : domain(m)) {
                f.checked();
                try {
                    m.validate(in);
                    Score s = m.evaluate(in);
                    if (s == null) {
                        f.fail(in + " -> null score");
                    }
                } catch (RuntimeException e) {
                    f.fail(in + " -> " + Failures.describe(e));
                }
            }
            f.assertNone();
        });
    }

    /** Rule M5: determinism: the same input always gets the same score, in any factor order and on any instance. */
    @Test
    @DisplayName("M5 determinism: the same input always gets the same score, in any factor order and on any instance")
    public void m5Determinism() {
        Rules.check("M5", () -> {
            AssessmentMethod m = method();
            AssessmentMethod other = method();
            Failures f = new Failures("M5 determinism" + where());
            for (AssessmentInput in : domain(m)) {
                f.checked();
                Score first = m.evaluate(in);
                Score again = m.evaluate(in);
                List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(in.values().entrySet());
                Collections.reverse(entries);
                Map<String, BigDecimal> reversed = new LinkedHashMap<>();
                for (Map.Entry<String, BigDecimal> e : entries) {
                    reversed.put(e.getKey(), e.getValue().setScale(Math.max(0, e.getValue().scale()) + 2));
                }
                Score reordered = other.evaluate(AssessmentInput.of(reversed));
                if (!first.equals(again)) {
                    f.fail(in + " -> " + first + " then " + again);
                } else if (!first.equals(reordered)) {
                    f.fail(in + " -> " + first + ", but reordered/rescaled " + reversed + " on another instance -> " + reordered);
                }
            }
            f.assertNone();
        });
    }

    /** Rule M6: monotonicity: raising any one factor one step never lowers the score. */
    @Test
    @DisplayName("M6 monotonicity: raising any one factor one step never lowers the score")
    public void m6Monotonicity() {
        Rules.check("M6", () -> {
            Assumptions.assumeTrue(isMonotone(), "M6 does not apply: the method declares itself not monotone");
            AssessmentMethod m = method();
            Failures f = new Failures("M6 monotonicity" + where());
            for (AssessmentInput in : domain(m)) {
                Score base = m.evaluate(in);
                for (FactorDefinition fd : m.factors()) {
                    BigDecimal v = in.value(fd.key()).orElseThrow();
                    Optional<BigDecimal> up = fd.isDiscrete() ? Domains.stepUp(fd, v) : rangeStep(fd, v);
                    if (up.isEmpty()) {
                        continue;
                    }
                    f.checked();
                    AssessmentInput raised = in.with(fd.key(), up.get());
                    Score s = m.evaluate(raised);
                    if (s.value().compareTo(base.value()) < 0) {
                        f.fail(in + " -> " + base + " but raising " + fd.key() + " to " + up.get().toPlainString() + " -> " + s);
                    }
                }
            }
            f.assertNone();
        });
    }

    private Optional<BigDecimal> rangeStep(FactorDefinition fd, BigDecimal v) {
        if (v.compareTo(fd.max()) >= 0) {
            return Optional.empty();
        }
        BigDecimal step = fd.max().subtract(fd.min()).divide(BigDecimal.valueOf(Math.max(1, samplesPerRangeFactor())),
                6, java.math.RoundingMode.DOWN);
        BigDecimal up = v.add(step.signum() > 0 ? step : new BigDecimal("0.000001"));
        return Optional.of(up.min(fd.max()));
    }

    /** Rule M7: a missing factor is refused with a ValidationException naming factors.&lt;key&gt;. */
    @Test
    @DisplayName("M7 a missing factor is refused with a ValidationException naming factors.<key>")
    public void m7MissingFactor() {
        Rules.check("M7", () -> {
            AssessmentMethod m = method();
            AssessmentInput valid = domain(m).get(0);
            Failures f = new Failures("M7 missing factor");
            for (FactorDefinition fd : m.factors()) {
                Map<String, Number> raw = new LinkedHashMap<>(valid.values());
                raw.remove(fd.key());
                f.checked();
                refusal(m, raw, "factors." + fd.key()).ifPresent(f::fail);
            }
            f.assertNone();
        });
    }

    /** Rule M8: a value off the factor's scale is refused naming factors.&lt;key&gt;. */
    @Test
    @DisplayName("M8 a value off the factor's scale is refused naming factors.<key>")
    public void m8OffScale() {
        Rules.check("M8", () -> {
            AssessmentMethod m = method();
            AssessmentInput valid = domain(m).get(0);
            Failures f = new Failures("M8 off-scale value");
            for (FactorDefinition fd : m.factors()) {
                List<BigDecimal> bad = new ArrayList<>();
                bad.add(fd.max().add(fd.max().abs()).add(BigDecimal.ONE));
                bad.add(fd.min().subtract(BigDecimal.ONE));
                bad.add(fd.min().subtract(new BigDecimal("0.001")));
                bad.add(fd.max().add(new BigDecimal("0.001")));
                if (fd.isDiscrete()) {
                    bad.addAll(between(fd.values()));
                }
                for (BigDecimal b : bad) {
                    Map<String, Number> raw = new LinkedHashMap<>(valid.values());
                    raw.put(fd.key(), b);
                    f.checked();
                    refusal(m, raw, "factors." + fd.key()).ifPresent(f::fail);
                }
            }
            f.assertNone();
        });
    }

    /**
     * The values strictly between neighbouring allowed values of a discrete scale: the integers (at most 100 per
     * gap), the nine tenths of each gap, and each allowed value ± a thousandth of its gap.
     */
    static List<BigDecimal> between(List<BigDecimal> scale) {
        List<BigDecimal> sorted = new ArrayList<>(scale);
        sorted.sort(null);
        java.util.Set<BigDecimal> out = new java.util.TreeSet<>();
        for (int i = 0; i + 1 < sorted.size(); i++) {
            BigDecimal a = sorted.get(i);
            BigDecimal b = sorted.get(i + 1);
            BigDecimal gap = b.subtract(a);
            BigDecimal n = a.setScale(0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
            for (int k = 0; k < 100 && n.compareTo(b) < 0; k++, n = n.add(BigDecimal.ONE)) {
                out.add(n);
            }
            for (int k = 1; k < 10; k++) {
                out.add(a.add(gap.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.TEN)));
            }
            BigDecimal nudge = gap.divide(BigDecimal.valueOf(1000));
            out.add(a.add(nudge));
            out.add(b.subtract(nudge));
        }
        List<BigDecimal> result = new ArrayList<>();
        for (BigDecimal v : out) {
            boolean allowed = false;
            for (BigDecimal x : sorted) {
                allowed |= x.compareTo(v) == 0;
            }
            if (!allowed) {
                result.add(v);
            }
        }
        return result;
    }

    /** Rule M9: an unknown factor is refused naming factors.&lt;unknown key&gt;. */
    @Test
    @DisplayName("M9 an unknown factor is refused naming factors.<unknown key>")
    public void m9UnknownFactor() {
        Rules.check("M9", () -> {
            AssessmentMethod m = method();
            AssessmentInput valid = domain(m).get(0);
            InvalidInput bad = InputMutation.UNKNOWN_FACTOR.apply(m, valid, Gen.of(seed())).orElseThrow();
            refusal(m, bad.values(), bad.path()).ifPresent(msg -> fail("M9 unknown factor: " + msg));
        });
    }

    /** Rule M10: NaN, infinite, null and negative values are refused naming factors.&lt;key&gt;. */
    @Test
    @DisplayName("M10 NaN, infinite, null and negative values are refused naming factors.<key>")
    public void m10NonFiniteAndNegative() {
        Rules.check("M10", () -> {
            AssessmentMethod m = method();
            AssessmentInput valid = domain(m).get(0);
            Failures f = new Failures("M10 NaN, infinite, null or negative value");
            for (FactorDefinition fd : m.factors()) {
                List<Number> bad = new ArrayList<>();
                bad.add(Double.NaN);
                bad.add(Double.POSITIVE_INFINITY);
                bad.add(Double.NEGATIVE_INFINITY);
                bad.add(null);
                if (fd.min().signum() >= 0) {
                    bad.add(-1);
                    bad.add(fd.max().negate().subtract(BigDecimal.ONE));
                }
                for (Number b : bad) {
                    Map<String, Number> raw = new LinkedHashMap<>(valid.values());
                    raw.put(fd.key(), b);
                    f.checked();
                    refusal(m, raw, "factors." + fd.key()).ifPresent(f::fail);
                }
            }
            f.assertNone();
        });
    }

    /** Rule M11: several bad factors are all reported in one ValidationException. */
    @Test
    @DisplayName("M11 several bad factors are all reported in one ValidationException")
    public void m11AllViolationsAtOnce() {
        Rules.check("M11", () -> {
            AssessmentMethod m = method();
            List<FactorDefinition> factors = m.factors();
            AssessmentInput valid = domain(m).get(0);
            Map<String, Number> raw = new LinkedHashMap<>(valid.values());
            List<String> paths = new ArrayList<>();
            FactorDefinition first = factors.get(0);
            raw.put(first.key(), first.max().add(first.max().abs()).add(BigDecimal.ONE));
            paths.add("factors." + first.key());
            if (factors.size() > 1) {
                FactorDefinition last = factors.get(factors.size() - 1);
                raw.remove(last.key());
                paths.add("factors." + last.key());
            }
            String unknown = InputMutation.UNKNOWN_FACTOR.apply(m, valid, Gen.of(seed())).orElseThrow().path();
            raw.put(unknown.substring("factors.".length()), BigDecimal.ONE);
            paths.add(unknown);
            AssessmentInput in = AssessmentInput.of(raw);
            for (String which : List.of("evaluate", "validate")) {
                ValidationException e = assertThrows(ValidationException.class,
                        () -> {
                            if (which.equals("evaluate")) {
                                m.evaluate(in);
                            } else {
                                m.validate(in);
                            }
                        }, "M11 " + which + " accepted " + in);
                Set<String> got = new HashSet<>();
                for (Violation v : e.violations()) {
                    got.add(v.path());
                }
                assertTrue(got.containsAll(paths), "M11 " + which + "(" + in + ") reported " + e.violations()
                        + " but should name all of " + paths);
            }
        });
    }

    /** Rule M12: thread safety: parallel evaluation gives the same scores as sequential. */
    @Test
    @DisplayName("M12 thread safety: parallel evaluation gives the same scores as sequential")
    public void m12ThreadSafety() {
        Rules.check("M12", () -> {
            AssessmentMethod m = method();
            List<AssessmentInput> domain = domain(m);
            List<AssessmentInput> inputs = domain.size() > 20_000 ? domain.subList(0, 20_000) : domain;
            List<Score> expected = new ArrayList<>();
            for (AssessmentInput in : inputs) {
                expected.add(m.evaluate(in));
            }
            Parallel.check("M12", 4, 3, inputs.size(), k -> {
                Score s = m.evaluate(inputs.get(k));
                return expected.get(k).equals(s) ? null
                        : inputs.get(k) + " -> " + s + " in parallel but " + expected.get(k) + " alone";
            });
        });
    }

    /** Rule M13: evaluate(null) throws NullPointerException. */
    @Test
    @DisplayName("M13 evaluate(null) throws NullPointerException")
    @SuppressWarnings("NullAway") // passes null on purpose: the rule is that null is refused
    public void m13NullInput() {
        Rules.check("M13", () -> {
            AssessmentMethod m = method();
            assertThrows(NullPointerException.class, () -> m.evaluate(null), "M13 evaluate(null)");
        });
    }

    /**
     * Checks that {@code raw} is refused with a violation at {@code path}, by {@link AssessmentInput#of}
     * or else by both {@code evaluate} and {@code validate}.
     *
     * @return a description of what went wrong, or empty if refused as required
     */
    static Optional<String> refusal(AssessmentMethod m, Map<String, Number> raw, String path) {
        AssessmentInput in;
        try {
            in = AssessmentInput.of(raw);
        } catch (ValidationException e) {
            return checkViolations("AssessmentInput.of", raw, e, path);
        }
        for (String which : List.of("evaluate", "validate")) {
            try {
                if (which.equals("evaluate")) {
                    Score s = m.evaluate(in);
                    return Optional.of(which + " accepted " + raw + " and returned " + s);
                }
                m.validate(in);
                return Optional.of(which + " accepted " + raw);
            } catch (ValidationException e) {
                Optional<String> problem = checkViolations(which, raw, e, path);
                if (problem.isPresent()) {
                    return problem;
                }
            } catch (RuntimeException e) {
                return Optional.of(which + "(" + raw + ") threw " + Failures.describe(e) + " instead of a ValidationException");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkViolations(String which, Map<String, Number> raw, ValidationException e, String path) {
        for (Violation v : e.violations()) {
            if (v.path().equals(path)) {
                if (v.allowed().isBlank()) {
                    return Optional.of(which + "(" + raw + ") names " + path + " but does not say what is allowed");
                }
                return Optional.empty();
            }
        }
        return Optional.of(which + "(" + raw + ") refused with " + e.violations() + " but no violation names " + path);
    }
}
