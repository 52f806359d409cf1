package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;
import org.dualprevention.spi.support.BandedGradingScheme;
import org.dualprevention.spi.support.CellGradingScheme;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every {@link GradingSchemeProvider} must meet, including the whole
 * {@link GradingSchemeContract} for every scheme it contributes. Extend it and supply the provider, and
 * the method each scheme grades unless that method is discovered by {@link java.util.ServiceLoader}:
 *
 * <pre>{@code
 * class AcmeSchemesTest extends GradingSchemeProviderContract {
 *     @Override protected GradingSchemeProvider provider() { return new AcmeSchemes(); }
 *     @Override protected AssessmentMethod method(GradingScheme scheme) { return new AcmeRiskMethod(); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>GP1</b> {@code schemes()} is a non-empty, immutable list without {@code null} elements.</li>
 * <li><b>GP2</b> the schemes' ids are valid {@link SchemeId}s and distinct.</li>
 * <li><b>GP3</b> the list is stable: every call, and every fresh instance, lists the same ids in the same
 *     order.</li>
 * <li><b>GP4</b> every scheme meets the {@link GradingSchemeContract}: rules G1 to G12 run for each scheme
 *     as tests named after the rule and the scheme, e.g. {@code "G4 totality … [ACME.LS-5]"}, and each
 *     failure message starts with the rule and names the scheme.</li>
 * </ol>
 *
 * @since 0.1
 */
public abstract class GradingSchemeProviderContract {
    /** Creates the contract. */
    protected GradingSchemeProviderContract() {
    }

    /**
     * A fresh instance of the provider under test.
     *
     * @return the provider
     */
    protected abstract GradingSchemeProvider provider();

    /**
     * A fresh instance of the method a contributed scheme grades. The default finds the discovered method
     * named by {@link GradingScheme#method()} through {@link Providers#methodOf(GradingScheme)}.
     *
     * @param scheme one of the provider's schemes
     * @return the method it grades
     */
    protected AssessmentMethod method(GradingScheme scheme) {
        return Providers.methodOf(scheme);
    }

    /**
     * A scheme's documented grading at chosen scores (see {@link GradingSchemeContract#documentedGrades()}).
     *
     * @param scheme the id of one of the provider's schemes
     * @return score to grade code; empty by default
     */
    protected Map<Score, String> documentedGrades(SchemeId scheme) {
        return Map.of();
    }

    /**
     * A scheme as bands (see {@link GradingSchemeContract#bandedDefinition()}).
     *
     * @param scheme the scheme, as the provider lists it
     * @return the bands; by default the scheme itself if it is a {@link BandedGradingScheme}
     */
    protected Optional<BandedGradingScheme> bandedDefinition(GradingScheme scheme) {
        return scheme instanceof BandedGradingScheme ? Optional.of((BandedGradingScheme) scheme) : Optional.empty();
    }

    /**
     * A scheme as a matrix of cells (see {@link GradingSchemeContract#cellDefinition()}).
     *
     * @param scheme the scheme, as the provider lists it
     * @return the cells; by default the scheme itself if it is a {@link CellGradingScheme}
     */
    protected Optional<CellGradingScheme> cellDefinition(GradingScheme scheme) {
        return scheme instanceof CellGradingScheme ? Optional.of((CellGradingScheme) scheme) : Optional.empty();
    }

    /**
     * Why a scheme can give neither documented grades nor bands nor cells (see
     * {@link GradingSchemeContract#whyNoBoundaries()}); G9 and G11 fail for such a scheme unless this says why.
     *
     * @param scheme the id of one of the provider's schemes
     * @return empty by default
     */
    protected Optional<String> whyNoBoundaries(SchemeId scheme) {
        return Optional.empty();
    }

    /**
     * How many seeded points are sampled inside each range factor of a method.
     *
     * @return 50 by default
     */
    protected int samplesPerRangeFactor() {
        return 50;
    }

    /**
     * The seed for sampling range factors.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    private String providerName() {
        return provider().getClass().getName();
    }

    private static List<SchemeId> ids(List<GradingScheme> schemes) {
        List<SchemeId> out = new ArrayList<>();
        for (GradingScheme s : schemes) {
            out.add(s.id());
        }
        return out;
    }

    /** Rule GP1: schemes() is a non-empty, immutable list without null elements. */
    @Test
    @DisplayName("GP1 schemes() is a non-empty, immutable list without null elements")
    public void gp1NonEmptyImmutable() {
        Rules.check("GP1", () -> {
            List<GradingScheme> schemes = provider().schemes();
            assertNotNull(schemes, "GP1 schemes() returned null");
            assertFalse(schemes.isEmpty(), "GP1 schemes() is empty: a provider contributes at least one scheme");
            for (int i = 0; i < schemes.size(); i++) {
                assertNotNull(schemes.get(i), "GP1 schemes() holds null at index " + i);
            }
            GradingScheme first = schemes.get(0);
            assertThrows(UnsupportedOperationException.class, () -> schemes.add(first), "GP1 schemes().add succeeded");
            assertThrows(UnsupportedOperationException.class, () -> schemes.remove(0), "GP1 schemes().remove succeeded");
        });
    }

    /** Rule GP2: the schemes' ids are valid and distinct. */
    @Test
    @DisplayName("GP2 the schemes' ids are valid and distinct")
    public void gp2DistinctIds() {
        Rules.check("GP2", () -> {
            List<GradingScheme> schemes = provider().schemes();
            Map<SchemeId, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < schemes.size(); i++) {
                SchemeId id = schemes.get(i).id();
                assertNotNull(id, "GP2 the scheme at index " + i + " returned no id");
                assertEquals(id, SchemeId.of(id.value()), "GP2 [" + id + "] is not a valid SchemeId");
                Integer before = seen.putIfAbsent(id, i);
                if (before != null) {
                    fail("GP2 id [" + id + "] is listed twice, at index " + before + " and " + i + "; the engine would"
                            + " refuse both");
                }
            }
        });
    }

    /** Rule GP3: every call and every fresh instance lists the same ids in the same order. */
    @Test
    @DisplayName("GP3 every call and every fresh instance lists the same ids in the same order")
    public void gp3Stable() {
        Rules.check("GP3", () -> {
            GradingSchemeProvider p = provider();
            List<SchemeId> first = ids(p.schemes());
            assertEquals(first, ids(p.schemes()), "GP3 a second call of schemes() lists other ids");
            assertEquals(first, ids(provider().schemes()), "GP3 another instance lists other ids");
        });
    }

    /**
     * Rule GP4: every scheme meets the grading scheme contract, one dynamic test per scheme and rule.
     *
     * @return the tests, grouped by scheme
     */
    @TestFactory
    @DisplayName("GP4 every scheme meets the grading scheme contract")
    public Stream<DynamicNode> gp4EverySchemeMeetsTheSchemeContract() {
        List<SchemeId> ids = new ArrayList<>();
        String provider;
        try {
            provider = providerName();
            for (GradingScheme s : provider().schemes()) {
                if (s != null && s.id() != null && !ids.contains(s.id())) {
                    ids.add(s.id());
                }
            }
        } catch (RuntimeException e) {
            return Stream.of(DynamicTest.dynamicTest("GP4 the provider's schemes can be listed",
                    () -> fail("GP4 the provider's schemes could not be listed: " + Failures.describe(e), e)));
        }
        if (ids.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("GP4 the provider lists a scheme",
                    () -> fail("GP4 the provider lists no scheme with an id, so none can be checked (see GP1, GP2)")));
        }
        List<Method> rules = schemeRules();
        return ids.stream().map(id -> DynamicContainer.dynamicContainer("scheme [" + id + "]", rules.stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getAnnotation(DisplayName.class).value() + " [" + id + "]",
                        () -> run(rule, new OneScheme(this, id), id, provider)))));
    }

    /** The rules of {@link GradingSchemeContract}, G1 to G12 in order. */
    static List<Method> schemeRules() {
        List<Method> out = new ArrayList<>();
        for (Method m : GradingSchemeContract.class.getMethods()) {
            if (m.isAnnotationPresent(Test.class) && m.getParameterCount() == 0 && m.isAnnotationPresent(DisplayName.class)) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(GradingSchemeProviderContract::ruleNumber));
        return List.copyOf(out);
    }

    private static int ruleNumber(Method rule) {
        String name = rule.getAnnotation(DisplayName.class).value();
        int space = name.indexOf(' ');
        return Integer.parseInt(name.substring(1, space < 0 ? name.length() : space));
    }

    private static void run(Method rule, GradingSchemeContract contract, SchemeId id, String provider) throws Throwable {
        try {
            rule.invoke(contract);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof AssertionError) {
                throw new AssertionError(t.getMessage() + " [scheme " + id + " of " + provider + "]", t);
            }
            throw t;
        }
    }

    /**
     * The scheme contract for one contributed scheme, taken from a fresh provider each time it is asked for.
     * Static, so that JUnit does not take it for a forgotten {@code @Nested} class of the contract.
     */
    private static final class OneScheme extends GradingSchemeContract {
        private final GradingSchemeProviderContract owner;
        private final SchemeId id;

        OneScheme(GradingSchemeProviderContract owner, SchemeId id) {
            this.owner = owner;
            this.id = id;
        }

        @Override
        protected GradingScheme scheme() {
            for (GradingScheme s : owner.provider().schemes()) {
                if (s != null && id.equals(s.id())) {
                    return s;
                }
            }
            throw new AssertionError("GP3 a fresh " + owner.providerName() + " no longer lists scheme [" + id + "]");
        }

        @Override
        protected AssessmentMethod method() {
            return owner.method(scheme());
        }

        @Override
        protected Map<Score, String> documentedGrades() {
            return owner.documentedGrades(id);
        }

        @Override
        protected int samplesPerRangeFactor() {
            return owner.samplesPerRangeFactor();
        }

        @Override
        protected Optional<BandedGradingScheme> bandedDefinition() {
            return owner.bandedDefinition(scheme());
        }

        @Override
        protected Optional<CellGradingScheme> cellDefinition() {
            return owner.cellDefinition(scheme());
        }

        @Override
        protected Optional<String> whyNoBoundaries() {
            return owner.whyNoBoundaries(id);
        }

        /** A scheme the library's own provider contributes may use the reserved ids. */
        @Override
        boolean isLibrarysOwn(GradingScheme s) {
            return owner.provider().getClass().getName().startsWith("org.dualprevention.method.");
        }

        /** Contributed by the provider, whose registration GP rules check; not discovered on its own. */
        @Override
        protected boolean discovered() {
            return false;
        }

        @Override
        protected long seed() {
            return owner.seed();
        }
    }
}
