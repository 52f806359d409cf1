package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.support.CellGradingScheme;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;
import org.dualprevention.testkit.AssessmentMethodContract;
import org.dualprevention.testkit.GradingSchemeContract;
import org.dualprevention.testkit.GradingSchemeProviderContract;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6MatrixScheme;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The method and scheme contracts fail for broken plug-ins, naming the broken rule: each static nested
 * class below extends a contract with one deliberately broken implementation and is run through the
 * JUnit Platform launcher. (Surefire does not run nested static classes by itself.)
 */
class ContractsCatchBrokenPluginsTest {

    static Stream<Arguments> brokenPlugins() {
        return Stream.of(
                Arguments.of(NoValidation.class, List.of("M7", "M8", "M9", "M10", "M11")),
                Arguments.of(Falling.class, List.of("M6")),
                Arguments.of(Flickering.class, List.of("M5")),
                Arguments.of(MutableFactors.class, List.of("M3")),
                Arguments.of(FirstViolationOnly.class, List.of("M11")),
                Arguments.of(WrongPaths.class, List.of("M7", "M8")),
                Arguments.of(AcceptsExactValuesBetweenScalePoints.class, List.of("M8")),
                Arguments.of(ReservedIdMethodContract.class, List.of("M14")),
                Arguments.of(UnlistedMethodContract.class, List.of("M14")),
                Arguments.of(NoPublicConstructorMethodContract.class, List.of("M14")),
                Arguments.of(GapScheme.class, List.of("G4")),
                Arguments.of(InvertedScheme.class, List.of("G3", "G5")),
                Arguments.of(SameLevelOutOfOrderScheme.class, List.of("G6")),
                Arguments.of(WrongMethodScheme.class, List.of("G2")),
                Arguments.of(MisdocumentedScheme.class, List.of("G9")),
                Arguments.of(NamesDifferFromBandsScheme.class, List.of("G11")),
                Arguments.of(NullGradeScheme.class, List.of("G4", "G5", "G6", "G7")),
                Arguments.of(OverlappingUndocumentedScheme.class, List.of("G9", "G11")),
                Arguments.of(ReservedIdScheme.class, List.of("G12")),
                Arguments.of(OffTableCellScheme.class, List.of("G9", "G11")),
                Arguments.of(EmptyProvider.class, List.of("GP1", "GP4")),
                Arguments.of(MutableListProvider.class, List.of("GP1")),
                Arguments.of(DuplicateIdsProvider.class, List.of("GP2")),
                Arguments.of(UnstableProvider.class, List.of("GP3")),
                Arguments.of(ProviderWithAGapScheme.class, List.of("G4")));
    }

    @Test
    void aCorrectProviderPassesAndEachOfItsSchemesRunsEverySchemeRule() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(GoodProvider.class);
        assertEquals(List.of(), ContractRunner.failedRules(outcomes), outcomes.values().toString());
        for (String id : List.of("TEST.A", "TEST.B")) {
            for (int g = 1; g <= 12; g++) {
                String rule = "G" + g + " ";
                assertEquals(1, outcomes.keySet().stream().filter(n -> n.startsWith(rule) && n.endsWith("[" + id + "]"))
                        .count(), "rule G" + g + " ran once for " + id + ": " + outcomes.keySet());
            }
        }
        assertEquals(3 + 2 * 12, outcomes.size(), outcomes.keySet().toString());
    }

    @Test
    void aProviderSchemeFailureNamesTheRuleAndTheScheme() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(ProviderWithAGapScheme.class);
        List<ContractRunner.Outcome> failed = outcomes.values().stream().filter(ContractRunner.Outcome::failed).toList();
        assertTrue(!failed.isEmpty(), outcomes.values().toString());
        for (ContractRunner.Outcome o : failed) {
            assertTrue(o.displayName().endsWith("[TEST.GAP]"), "only the broken scheme fails: " + o.displayName());
            assertTrue(o.message().contains("[scheme TEST.GAP of " + GapProvider.class.getName() + "]"), o.message());
        }
        ContractRunner.Outcome g4 = failed.stream().filter(o -> o.rule().equals("G4")).findFirst().orElseThrow();
        assertTrue(g4.message().contains("G4 totality") && g4.message().contains("score 4"), g4.message());
    }

    @Test
    void g11ShowsWhatDiffersWhenGradesDifferOnlyByName() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(NamesDifferFromBandsScheme.class);
        ContractRunner.Outcome g11 = outcomes.values().stream().filter(o -> o.rule().equals("G11")).findFirst().orElseThrow();
        assertTrue(g11.failed(), g11.toString());
        assertTrue(g11.message().contains("name [high] vs [高]"), g11.message());
    }

    @Test
    void aNullGradeIsARuleFailureNotANullPointerException() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(NullGradeScheme.class);
        for (ContractRunner.Outcome o : outcomes.values()) {
            if (o.failed()) {
                assertTrue(!o.message().contains("NullPointerException"), o.displayName() + ": " + o.message());
                assertTrue(o.message().contains("null"), o.displayName() + ": " + o.message());
            }
        }
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("brokenPlugins")
    void contractCatches(Class<?> contract, List<String> expectedRules) {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(contract);
        List<String> failed = ContractRunner.failedRules(outcomes);
        assertTrue(failed.containsAll(expectedRules), contract.getSimpleName() + " should fail " + expectedRules
                + " but failed " + failed + "; outcomes " + outcomes.values());
        for (ContractRunner.Outcome o : outcomes.values()) {
            if (o.failed()) {
                assertTrue(o.message().contains(o.rule()), "the failure of " + o.displayName()
                        + " should name its rule in the message: " + o.message());
            }
        }
    }

    // ------------------------------------------------------------------ a correct baseline method

    /** A correct 3 × 3 method: R = A × B. */
    static class Good implements AssessmentMethod {
        static final List<FactorDefinition> FACTORS = List.of(FactorDefinition.discrete("A", "a", "1", "2", "3"),
                FactorDefinition.discrete("B", "b", "1", "2", "3"));

        @Override
        public MethodId id() {
            return MethodId.of("TEST.GOOD");
        }

        @Override
        public List<FactorDefinition> factors() {
            return FACTORS;
        }

        @Override
        public SchemeId defaultScheme() {
            return SchemeId.of("TEST.GOOD");
        }

        @Override
        public Score evaluate(AssessmentInput input) {
            validate(input);
            return Score.of(compute(input));
        }

        BigDecimal compute(AssessmentInput input) {
            return input.value("A").orElseThrow().multiply(input.value("B").orElseThrow());
        }
    }

    static final class NoValidation extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new Good() {
                @Override
                public Score evaluate(AssessmentInput input) {
                    return Score.of(input.value("A").orElse(BigDecimal.ONE).multiply(input.value("B").orElse(BigDecimal.ONE)));
                }

                @Override
                public void validate(AssessmentInput input) {
                    // accepts everything
                }
            };
        }
    }

    static final class Falling extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new Good() {
                @Override
                BigDecimal compute(AssessmentInput input) {
                    return BigDecimal.TEN.subtract(super.compute(input));
                }

                @Override
                public Score evaluate(AssessmentInput input) {
                    validate(input);
                    return Score.of(compute(input));
                }
            };
        }
    }

    static final class Flickering extends AssessmentMethodContract {
        private static final AtomicLong CALLS = new AtomicLong();

        @Override
        protected AssessmentMethod method() {
            return new Good() {
                @Override
                public Score evaluate(AssessmentInput input) {
                    validate(input);
                    return Score.of(compute(input).add(BigDecimal.valueOf(CALLS.incrementAndGet() % 2)));
                }
            };
        }

        @Override
        protected boolean isMonotone() {
            return false;
        }
    }

    static final class MutableFactors extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            List<FactorDefinition> mutable = new ArrayList<>(Good.FACTORS);
            return new Good() {
                @Override
                public List<FactorDefinition> factors() {
                    return mutable;
                }
            };
        }
    }

    static final class FirstViolationOnly extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new Good() {
                @Override
                public void validate(AssessmentInput input) {
                    try {
                        super.validate(input);
                    } catch (ValidationException e) {
                        throw new ValidationException(e.subject(), List.of(e.violations().get(0)));
                    }
                }
            };
        }
    }

    static final class WrongPaths extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new Good() {
                @Override
                public void validate(AssessmentInput input) {
                    try {
                        super.validate(input);
                    } catch (ValidationException e) {
                        List<Violation> renamed = new ArrayList<>();
                        for (Violation v : e.violations()) {
                            renamed.add(new Violation("input", v.value(), v.allowed()));
                        }
                        throw new ValidationException(e.subject(), renamed);
                    }
                }
            };
        }
    }

    /** Claims the built-in id LEC. Otherwise correct, public, with a public no-argument constructor. */
    public static class ReservedIdMethod extends Good {
        /** Creates it. */
        public ReservedIdMethod() {
        }

        @Override
        public MethodId id() {
            return MethodId.of("LEC");
        }
    }

    /** Correct and public, but listed in no META-INF/services file. */
    public static class UnlistedMethod extends Good {
        /** Creates it. */
        public UnlistedMethod() {
        }
    }

    /** Listed nowhere and without a no-argument constructor. */
    public static class NoPublicConstructorMethod extends Good {
        /** Creates it. */
        public NoPublicConstructorMethod(int unused) {
        }
    }

    static final class ReservedIdMethodContract extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new ReservedIdMethod();
        }

        @Override
        protected boolean discovered() {
            return false;
        }
    }

    static final class UnlistedMethodContract extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new UnlistedMethod();
        }
    }

    static final class NoPublicConstructorMethodContract extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new NoPublicConstructorMethod(1);
        }
    }

    @Test
    void m14NamesWhatIsMissing() {
        Map<String, ContractRunner.Outcome> reserved = ContractRunner.run(ReservedIdMethodContract.class);
        ContractRunner.Outcome r = reserved.values().stream().filter(o -> o.rule().equals("M14")).findFirst().orElseThrow();
        assertTrue(r.failed() && r.message().contains("the id [LEC] is reserved"), r.toString());
        assertEquals(List.of("M14"), ContractRunner.failedRules(reserved), "only the registration is wrong");
        ContractRunner.Outcome u = ContractRunner.run(UnlistedMethodContract.class).values().stream()
                .filter(o -> o.rule().equals("M14")).findFirst().orElseThrow();
        assertTrue(u.failed() && (u.message().contains("META-INF/services/org.dualprevention.spi.AssessmentMethod on the class path lists")
                || u.message().contains("does not declare: provides org.dualprevention.spi.AssessmentMethod with "
                        + UnlistedMethod.class.getName())), u.toString());
        ContractRunner.Outcome c = ContractRunner.run(NoPublicConstructorMethodContract.class).values().stream()
                .filter(o -> o.rule().equals("M14")).findFirst().orElseThrow();
        assertTrue(c.failed() && c.message().contains("no public no-argument constructor"), c.toString());
    }

    /**
     * An LEC-like exposure scale {10, 6, 3, 2, 1, 0.5} that checks the range and the midpoints of neighbouring
     * values, but accepts any other number inside: 4 passes.
     */
    static final class AcceptsExactValuesBetweenScalePoints extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            FactorDefinition e = FactorDefinition.discrete("E", "exposure", "0.5", "1", "2", "3", "6", "10");
            return new Good() {
                @Override
                public List<FactorDefinition> factors() {
                    return List.of(e);
                }

                @Override
                BigDecimal compute(AssessmentInput input) {
                    return input.value("E").orElseThrow();
                }

                @Override
                public void validate(AssessmentInput input) {
                    List<Violation> v = new ArrayList<>();
                    for (Map.Entry<String, BigDecimal> x : input.values().entrySet()) {
                        BigDecimal value = x.getValue();
                        boolean midpoint = false;
                        for (int i = 0; i + 1 < e.values().size(); i++) {
                            midpoint |= e.values().get(i).add(e.values().get(i + 1)).divide(BigDecimal.valueOf(2))
                                    .compareTo(value) == 0;
                        }
                        if (!x.getKey().equals("E") || value.compareTo(e.min()) < 0 || value.compareTo(e.max()) > 0
                                || midpoint) {
                            v.add(Violation.of("factors." + x.getKey(), value, e.allowedText()));
                        }
                    }
                    if (input.value("E").isEmpty()) {
                        v.add(Violation.of("factors.E", null, e.allowedText()));
                    }
                    if (!v.isEmpty()) {
                        throw new ValidationException("input", v);
                    }
                }
            };
        }
    }

    // ------------------------------------------------------------------ schemes over Good (scores 1..9)

    static final Grade HIGH = Grade.of("high", "high", RiskLevel.MAJOR);
    static final Grade MID = Grade.of("mid", "mid", RiskLevel.GENERAL);
    static final Grade LOW = Grade.of("low", "low", RiskLevel.LOW);

    abstract static class SchemeBase implements GradingScheme {
        @Override
        public SchemeId id() {
            return SchemeId.of("TEST.SCHEME");
        }

        @Override
        public String name() {
            return "test scheme";
        }

        @Override
        public String source() {
            return "this test";
        }

        @Override
        public MethodId method() {
            return MethodId.of("TEST.GOOD");
        }

        @Override
        public List<Grade> grades() {
            return List.of(HIGH, MID, LOW);
        }

        @Override
        public Grade grade(Score score) {
            int v = score.value().intValue();
            return v >= 6 ? HIGH : v >= 3 ? MID : LOW;
        }
    }

    abstract static class SchemeContract extends GradingSchemeContract {
        @Override
        protected AssessmentMethod method() {
            return new Good();
        }

        /** The broken schemes here are anonymous classes handed over by hand. */
        @Override
        protected boolean discovered() {
            return false;
        }
    }

    static final class GapScheme extends SchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
                @Override
                public Grade grade(Score score) {
                    if (score.value().intValue() == 4) {
                        throw new ValidationException("score", List.of(Violation.of("score", 4, "not 4")));
                    }
                    return super.grade(score);
                }
            };
        }
    }

    static final class InvertedScheme extends SchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
                @Override
                public List<Grade> grades() {
                    return List.of(LOW, MID, HIGH);
                }

                @Override
                public Grade grade(Score score) {
                    int v = score.value().intValue();
                    return v >= 6 ? LOW : v >= 3 ? MID : HIGH;
                }
            };
        }
    }

    static final class SameLevelOutOfOrderScheme extends SchemeContract {
        static final Grade MID_UPPER = Grade.of("mid-upper", "upper mid", RiskLevel.GENERAL);

        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
                @Override
                public List<Grade> grades() {
                    return List.of(HIGH, MID_UPPER, MID, LOW);
                }

                @Override
                public Grade grade(Score score) {
                    // 3 gets the grade listed first ("mid-upper"), 4 and 5 the one listed after it: same level, wrong order
                    int v = score.value().intValue();
                    return v >= 6 ? HIGH : v >= 4 ? MID : v == 3 ? MID_UPPER : LOW;
                }
            };
        }
    }

    static final class WrongMethodScheme extends SchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
                @Override
                public MethodId method() {
                    return MethodId.of("LEC");
                }
            };
        }
    }

    /** Claims the ACME 6x6 table but grades one cell differently from it. */
    static final class OffTableCellScheme extends GradingSchemeContract {
        @Override
        protected GradingScheme scheme() {
            CellGradingScheme table = AcmeRisk6MatrixScheme.cells();
            return new SchemeBase() {
                @Override
                public SchemeId id() {
                    return table.id();
                }

                @Override
                public MethodId method() {
                    return table.method();
                }

                @Override
                public List<Grade> grades() {
                    return table.grades();
                }

                @Override
                public Grade grade(Score score) {
                    Grade g = table.grade(score);
                    return score.row().orElse(0) == 3 && score.column().orElse(0) == 3 ? table.gradeAt(3, 5) : g;
                }
            };
        }

        @Override
        protected AssessmentMethod method() {
            return new AcmeRisk6Method();
        }

        @Override
        protected Optional<CellGradingScheme> cellDefinition() {
            return Optional.of(AcmeRisk6MatrixScheme.cells());
        }
    }

    // ------------------------------------------------------------------ scheme providers over Good

    static GradingScheme schemeWithId(String id) {
        return new SchemeBase() {
            @Override
            public SchemeId id() {
                return SchemeId.of(id);
            }
        };
    }

    abstract static class ProviderContract extends GradingSchemeProviderContract {
        @Override
        protected AssessmentMethod method(GradingScheme scheme) {
            return new Good();
        }

        @Override
        protected Optional<String> whyNoBoundaries(SchemeId scheme) {
            return Optional.of("a test scheme written as code only");
        }
    }

    static final class GoodProvider extends ProviderContract {
        @Override
        protected GradingSchemeProvider provider() {
            return () -> List.of(schemeWithId("TEST.A"), schemeWithId("TEST.B"));
        }
    }

    static final class EmptyProvider extends ProviderContract {
        @Override
        protected GradingSchemeProvider provider() {
            return List::of;
        }
    }

    static final class MutableListProvider extends ProviderContract {
        @Override
        protected GradingSchemeProvider provider() {
            return () -> new ArrayList<>(List.of(schemeWithId("TEST.A")));
        }
    }

    static final class DuplicateIdsProvider extends ProviderContract {
        @Override
        protected GradingSchemeProvider provider() {
            return () -> List.of(schemeWithId("TEST.A"), schemeWithId("TEST.A"));
        }
    }

    /** Lists its two schemes in the other order on every second call. */
    static final class UnstableProvider extends ProviderContract {
        @Override
        protected GradingSchemeProvider provider() {
            AtomicLong calls = new AtomicLong();
            return () -> calls.getAndIncrement() % 2 == 0 ? List.of(schemeWithId("TEST.A"), schemeWithId("TEST.B"))
                    : List.of(schemeWithId("TEST.B"), schemeWithId("TEST.A"));
        }
    }

    /** A correct scheme and one that refuses the score 4. */
    static final class GapProvider implements GradingSchemeProvider {
        @Override
        public List<GradingScheme> schemes() {
            return List.of(schemeWithId("TEST.A"), new SchemeBase() {
                @Override
                public SchemeId id() {
                    return SchemeId.of("TEST.GAP");
                }

                @Override
                public Grade grade(Score score) {
                    if (score.value().intValue() == 4) {
                        throw new ValidationException("score", List.of(Violation.of("score", 4, "not 4")));
                    }
                    return super.grade(score);
                }
            });
        }
    }

    static final class ProviderWithAGapScheme extends ProviderContract {
        @Override
        protected GradingSchemeProvider provider() {
            return new GapProvider();
        }
    }

    /** Bands whose grades carry other names than the grades the scheme returns: only the names differ. */
    static final class NamesDifferFromBandsScheme extends SchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
            };
        }

        @Override
        protected Optional<org.dualprevention.spi.support.BandedGradingScheme> bandedDefinition() {
            return Optional.of(org.dualprevention.spi.support.BandedGradingScheme
                    .builder(SchemeId.of("TEST.SCHEME"), MethodId.of("TEST.GOOD")).name("test scheme").source("this test")
                    .lowest(Grade.of("low", "低", RiskLevel.LOW), BigDecimal.ZERO, true)
                    .threshold("3", org.dualprevention.spi.support.BoundarySide.UPPER, Grade.of("mid", "中", RiskLevel.GENERAL))
                    .threshold("6", org.dualprevention.spi.support.BoundarySide.UPPER, Grade.of("high", "高", RiskLevel.MAJOR))
                    .build());
        }
    }

    /**
     * A hand-written scheme with overlapping bands (a score of 6 is both "mid" and "high" in its author's head)
     * that documents nothing: G9 and G11 must fail, not be skipped.
     */
    static final class OverlappingUndocumentedScheme extends SchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
            };
        }
    }

    /** The same scheme, saying why it cannot document boundaries: G9 and G11 are skipped with that reason. */
    static final class ExplainedUndocumentedScheme extends SchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
            };
        }

        @Override
        protected Optional<String> whyNoBoundaries() {
            return Optional.of("grades come from the group's rating service");
        }
    }

    @Test
    void g9AndG11AreSkippedOnlyWithAReason() {
        Map<String, ContractRunner.Outcome> silent = ContractRunner.run(OverlappingUndocumentedScheme.class);
        for (String rule : List.of("G9", "G11")) {
            ContractRunner.Outcome o = silent.values().stream().filter(x -> x.rule().equals(rule)).findFirst().orElseThrow();
            assertTrue(o.failed() && o.message().contains("whyNoBoundaries()"), o.toString());
        }
        Map<String, ContractRunner.Outcome> explained = ContractRunner.run(ExplainedUndocumentedScheme.class);
        assertEquals(List.of(), ContractRunner.failedRules(explained), explained.values().toString());
        for (String rule : List.of("G9", "G11")) {
            ContractRunner.Outcome o = explained.values().stream().filter(x -> x.rule().equals(rule)).findFirst().orElseThrow();
            assertEquals(org.junit.platform.engine.TestExecutionResult.Status.ABORTED, o.status(), o.toString());
            assertTrue(o.message().contains("the group's rating service"), o.toString());
        }
    }

    /** Claims the built-in scheme id LEC-V1. */
    static final class ReservedIdScheme extends SchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
                @Override
                public SchemeId id() {
                    return SchemeId.of("LEC-V1");
                }
            };
        }

        @Override
        protected Optional<String> whyNoBoundaries() {
            return Optional.of("a test of reserved ids");
        }
    }

    /** Returns null for the score 4. */
    static final class NullGradeScheme extends SchemeContract {
        @Override
        protected Optional<String> whyNoBoundaries() {
            return Optional.of("a test of null grades");
        }

        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
                @Override
                public Grade grade(Score score) {
                    return score.value().intValue() == 4 ? null : super.grade(score);
                }
            };
        }
    }

    static final class MisdocumentedScheme extends SchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new SchemeBase() {
            };
        }

        @Override
        protected Map<Score, String> documentedGrades() {
            // the documentation says 6 is still "mid": the implementation disagrees
            return Map.of(Score.of("2"), "low", Score.of("3"), "mid", Score.of("6"), "mid");
        }
    }
}
