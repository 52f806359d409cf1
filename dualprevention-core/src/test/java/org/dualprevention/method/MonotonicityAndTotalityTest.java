package org.dualprevention.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.support.Band;
import org.dualprevention.spi.support.BandedGradingScheme;
import org.dualprevention.spi.support.CellGradingScheme;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For every built-in method and every shipped scheme of that method, found through
 * {@link ServiceLoader} (the schemes through the built-in {@link GradingSchemeProvider}): totality (every valid input gets exactly one grade, listed in the scheme) and
 * monotonicity (raising any one factor by one step never lowers the level), over every input.
 */
@DisplayName("Every built-in method × scheme pair: totality and monotonicity, exhaustively")
class MonotonicityAndTotalityTest {

    static List<AssessmentMethod> methods() {
        List<AssessmentMethod> list = new ArrayList<>();
        ServiceLoader.load(AssessmentMethod.class).forEach(list::add);
        return list;
    }

    /** The schemes discovered on their own and those contributed by discovered scheme providers. */
    static List<GradingScheme> schemes() {
        List<GradingScheme> list = new ArrayList<>();
        ServiceLoader.load(GradingScheme.class).forEach(list::add);
        ServiceLoader.load(GradingSchemeProvider.class).forEach(p -> list.addAll(p.schemes()));
        return list;
    }

    /** Every combination of the method's discrete factor values. */
    static List<Map<String, BigDecimal>> allInputs(AssessmentMethod m) {
        List<Map<String, BigDecimal>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (FactorDefinition f : m.factors()) {
            assertTrue(f.isDiscrete(), f.key());
            List<Map<String, BigDecimal>> next = new ArrayList<>();
            for (Map<String, BigDecimal> partial : out) {
                for (BigDecimal v : f.values()) {
                    Map<String, BigDecimal> copy = new LinkedHashMap<>(partial);
                    copy.put(f.key(), v);
                    next.add(copy);
                }
            }
            out = next;
        }
        return out;
    }

    @Test
    @DisplayName("ServiceLoader finds the 6 built-in methods and 14 shipped schemes, each scheme paired with a method")
    void discovery() {
        TreeSet<String> methodIds = new TreeSet<>();
        methods().forEach(m -> methodIds.add(m.id().value()));
        assertEquals(new TreeSet<>(List.of("LEC", "LS", "MATRIX", "MATRIX-4X4", "MES", "DIRECT")), methodIds);
        TreeSet<String> schemeIds = new TreeSet<>();
        schemes().forEach(s -> schemeIds.add(s.id().value()));
        assertEquals(14, schemeIds.size());
        TreeSet<String> catalogue = new TreeSet<>();
        BuiltInSchemes.all().forEach(s -> catalogue.add(s.id().value()));
        assertEquals(catalogue, schemeIds);
        for (GradingScheme s : schemes()) {
            assertTrue(methodIds.contains(s.method().value()), s.id() + " grades an unknown method " + s.method());
            assertFalse(s.name().isBlank());
            assertTrue(s.source().contains("DOMAIN.md §"), s.id() + " source must cite DOMAIN.md: " + s.source());
        }
        for (AssessmentMethod m : methods()) {
            assertTrue(schemeIds.contains(m.defaultScheme().value()), m.id() + " default " + m.defaultScheme());
            GradingScheme def = schemes().stream().filter(s -> s.id().equals(m.defaultScheme())).findFirst().orElseThrow();
            assertEquals(m.id(), def.method(), "default scheme of " + m.id() + " grades that method");
        }
    }

    @TestFactory
    @DisplayName("each pair")
    Stream<DynamicTest> pairs() {
        List<DynamicTest> tests = new ArrayList<>();
        int pairs = 0;
        for (AssessmentMethod m : methods()) {
            for (GradingScheme s : schemes()) {
                if (!s.method().equals(m.id())) {
                    continue;
                }
                pairs++;
                tests.add(DynamicTest.dynamicTest(m.id() + " × " + s.id() + ": every input gets exactly one listed grade",
                        () -> totality(m, s)));
                tests.add(DynamicTest.dynamicTest(m.id() + " × " + s.id() + ": raising one factor one step never lowers the level",
                        () -> monotonic(m, s)));
            }
        }
        assertEquals(14, pairs, "every shipped scheme is paired with its method");
        return tests.stream();
    }

    static void totality(AssessmentMethod m, GradingScheme s) {
        List<Map<String, BigDecimal>> inputs = allInputs(m);
        assertTrue(inputs.size() >= 16, "inputs of " + m.id());
        for (Map<String, BigDecimal> in : inputs) {
            Score score = m.evaluate(AssessmentInput.of(in));
            Grade g = s.grade(score);
            assertEquals(1, s.grades().stream().filter(x -> x.equals(g)).count(), s.id() + " lists " + g.code() + " once");
            GradingScheme def = s;
            if (def instanceof BandedGradingScheme) {
                long containing = 0;
                for (Band b : ((BandedGradingScheme) def).bands()) {
                    if (b.contains(score.value())) {
                        containing++;
                    }
                }
                assertEquals(1, containing, s.id() + ": bands containing " + score);
            } else {
                CellGradingScheme c = (CellGradingScheme) def;
                assertEquals(g, c.gradeAt(score.row().orElseThrow(), score.column().orElseThrow()));
            }
        }
    }

    static void monotonic(AssessmentMethod m, GradingScheme s) {
        int steps = 0;
        for (Map<String, BigDecimal> in : allInputs(m)) {
            Grade here = s.grade(m.evaluate(AssessmentInput.of(in)));
            for (FactorDefinition f : m.factors()) {
                int i = f.indexOf(in.get(f.key())).orElseThrow();
                if (i + 1 >= f.values().size()) {
                    continue;
                }
                Map<String, BigDecimal> up = new LinkedHashMap<>(in);
                up.put(f.key(), f.values().get(i + 1));
                Grade higher = s.grade(m.evaluate(AssessmentInput.of(up)));
                steps++;
                assertFalse(here.level().isMoreSevereThan(higher.level()), () -> s.id() + ": " + in + " gives "
                        + here.level() + " but raising " + f.key() + " gives " + higher.level());
            }
        }
        assertTrue(steps > 0, "no step checked for " + m.id());
    }
}
