package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dualprevention.ValidationException;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.support.Band;
import org.dualprevention.spi.support.BandedGradingScheme;
import org.dualprevention.spi.support.CellGradingScheme;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.testkit.gen.Domains;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link GradingScheme} must meet, checked against every score its method can
 * produce (exhaustively when the method's factors are all discrete). Extend it and supply both:
 *
 * <pre>{@code
 * class AcmeSchemeTest extends GradingSchemeContract {
 *     @Override protected GradingScheme scheme() { return new AcmeScheme(); }
 *     @Override protected AssessmentMethod method() { return new AcmeRiskMethod(); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>G1</b> {@code id()} is a valid {@link SchemeId}, stable across calls and instances; {@code name()} and
 *     {@code source()} are not blank.</li>
 * <li><b>G2</b> {@code method()} is the id of the method supplied.</li>
 * <li><b>G3</b> {@code grades()} is not empty, immutable, has distinct codes, and lists the most severe level
 *     first (no grade is more severe than one before it).</li>
 * <li><b>G4</b> totality: every score the method can produce gets exactly one grade, without exception,
 *     and that grade is one of {@code grades()}.</li>
 * <li><b>G5</b> levels are monotonic: a higher score (for matrix cells: a cell not lower in row or column)
 *     never gets a less severe level.</li>
 * <li><b>G6</b> grades are monotonic: a higher score (or dominating cell) never gets a grade listed after the
 *     lower score's grade in {@code grades()}.</li>
 * <li><b>G7</b> determinism: the same score always gets the same grade, on any instance.</li>
 * <li><b>G8</b> thread safety: grading from several threads at once gives the same grades as one thread.</li>
 * <li><b>G9</b> boundaries as documented: every score in {@link #documentedGrades()} gets the documented
 *     grade code; for a banded scheme ({@link #bandedDefinition()}) every band edge, and the values just
 *     inside and just outside it, get the grade its inclusivity states; for a matrix ({@link #cellDefinition()})
 *     every cell gets its grade. A scheme with none of these fails, unless {@link #whyNoBoundaries()} says why it
 *     cannot document them; only then is the rule skipped, with that reason.</li>
 * <li><b>G10</b> {@code grade(null)} throws {@link NullPointerException}; a score the method cannot produce
 *     is either graded or refused with a {@link ValidationException}, never another exception.</li>
 * <li><b>G11</b> banded and cell schemes: every score the method can produce lies in exactly one band (or is a
 *     cell of the matrix), and {@code grade} gives that band's (cell's) grade: the bands are contiguous and
 *     exhaustive over the method's scores. A scheme that gives neither bands nor cells fails, unless
 *     {@link #whyNoBoundaries()} says why; only then is the rule skipped, with that reason.</li>
 * <li><b>G12</b> registration, as the {@link GradingScheme} Javadoc asks: the id is none of the built-in scheme ids
 *     unless the scheme is the library's own; and, unless {@link #discovered()} is overridden (a scheme registered
 *     by hand or contributed by a provider), the class is public with a public no-argument constructor and is
 *     declared by a {@code provides} clause (named module) or in
 *     {@code META-INF/services/org.dualprevention.spi.GradingScheme}.</li>
 * </ol>
 *
 * @since 0.1
 */
public abstract class GradingSchemeContract {
    /** Creates the contract. */
    protected GradingSchemeContract() {
    }

    /**
     * A fresh instance of the scheme under test.
     *
     * @return the scheme
     */
    protected abstract GradingScheme scheme();

    /**
     * A fresh instance of the method whose scores the scheme grades.
     *
     * @return the method
     */
    protected abstract AssessmentMethod method();

    /**
     * The scheme's documented grading at chosen scores, typically each band's edges: score to grade code.
     * Rule G9 checks every entry.
     *
     * @return the table; empty by default
     */
    protected Map<Score, String> documentedGrades() {
        return Map.of();
    }

    /**
     * The scheme as bands, when it is one: rules G9 and G11 then check every band edge exactly. The
     * default returns {@link #scheme()} itself if it is a {@link BandedGradingScheme}; override it when
     * your scheme delegates to one.
     *
     * @return the bands, or empty for a scheme that is not banded
     */
    protected Optional<BandedGradingScheme> bandedDefinition() {
        GradingScheme s = scheme();
        return s instanceof BandedGradingScheme ? Optional.of((BandedGradingScheme) s) : Optional.empty();
    }

    /**
     * The scheme as a matrix of cells, when it is one: rule G9 then checks every cell's grade and rule
     * G11 that every reachable cell lies in the matrix. The default returns {@link #scheme()} itself if it
     * is a {@link CellGradingScheme}; override it when your scheme delegates to one.
     *
     * @return the cells, or empty for a scheme that is not a matrix of cells
     */
    protected Optional<CellGradingScheme> cellDefinition() {
        GradingScheme s = scheme();
        return s instanceof CellGradingScheme ? Optional.of((CellGradingScheme) s) : Optional.empty();
    }

    /**
     * Why the scheme can document neither its boundaries ({@link #documentedGrades()}) nor its bands or cells
     * ({@link #bandedDefinition()}, {@link #cellDefinition()}). Rules G9 and G11 are never skipped silently: a
     * scheme without them fails unless this says why (the skip then shows the reason).
     *
     * @return empty by default; e.g. {@code Optional.of("grades come from a remote rating service")}
     */
    protected Optional<String> whyNoBoundaries() {
        return Optional.empty();
    }

    /**
     * How the scheme is registered; rule G12 checks it. {@link java.util.ServiceLoader} discovery of the scheme
     * class itself by default; override to return false for a scheme registered by hand or contributed by a
     * {@code GradingSchemeProvider} (whose own contract checks the provider's registration).
     *
     * @return true by default
     */
    protected boolean discovered() {
        return true;
    }

    /** Rule G12: registration as the spi Javadoc asks: no reserved id; declared for discovery; public no-arg constructor. */
    @Test
    @DisplayName("G12 registration: no reserved built-in id; declared in META-INF/services or by provides; public no-argument constructor")
    public void g12Registration() {
        Rules.check("G12", () -> {
            GradingScheme s = scheme();
            List<String> problems = new ArrayList<>();
            boolean ours = isLibrarysOwn(s);
            if (!ours && RESERVED_SCHEME_IDS.contains(s.id().value())) {
                problems.add("the id [" + s.id() + "] is reserved for a built-in scheme; allowed: a namespaced id such "
                        + "as ACME.RISK6-V1");
            }
            if (discovered()) {
                problems.addAll(Registration.problems(GradingScheme.class, s.getClass()));
            }
            assertTrue(problems.isEmpty(), "G12" + where() + " " + problems);
        });
    }

    /**
     * Whether the scheme is one of the library's own, which may use the reserved ids.
     *
     * @param s the scheme
     * @return true for a class of the library's method package
     */
    boolean isLibrarysOwn(GradingScheme s) {
        return s.getClass().getName().startsWith("org.dualprevention.method.");
    }

    /** The ids of the library's built-in schemes, reserved for them. */
    static final List<String> RESERVED_SCHEME_IDS = builtInSchemeIds();

    /** The ids the library's own scheme provider contributes, found by discovery (the testkit uses no core type). */
    private static List<String> builtInSchemeIds() {
        List<String> ids = new ArrayList<>();
        for (org.dualprevention.spi.GradingSchemeProvider p : Providers.schemeProviders()) {
            if (p.getClass().getName().startsWith("org.dualprevention.method.")) {
                for (GradingScheme g : p.schemes()) {
                    ids.add(g.id().value());
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * How many seeded points are sampled inside each range factor of the method.
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

    /**
     * Every score the method produces over its domain (see {@link Domains#inputs}), with an input producing it.
     *
     * @return score to one input that produces it, in domain order
     */
    protected final Map<Score, AssessmentInput> reachableScores() {
        AssessmentMethod m = method();
        Map<Score, AssessmentInput> out = new LinkedHashMap<>();
        for (AssessmentInput in : Domains.inputs(m, Gen.of(seed()), samplesPerRangeFactor(), Domains.DEFAULT_MAX_EXHAUSTIVE)) {
            out.putIfAbsent(m.evaluate(in), in);
        }
        assertFalse(out.isEmpty(), "method [" + m.id() + "] produced no scores");
        return out;
    }

    private String where() {
        return " [seed=" + seed() + "]";
    }

    /** Rule G1: id() is a valid, stable scheme id; name() and source() are given. */
    @Test
    @DisplayName("G1 id() is a valid, stable scheme id; name() and source() are given")
    public void g1IdNameSource() {
        Rules.check("G1", () -> {
            GradingScheme s = scheme();
            SchemeId id = s.id();
            assertNotNull(id, "G1 id() returned null");
            assertEquals(id, SchemeId.of(id.value()), "G1 id() is not a valid SchemeId");
            assertEquals(id, s.id(), "G1 id() changed between calls");
            assertEquals(id, scheme().id(), "G1 id() differs between instances");
            assertNotNull(s.name(), "G1 name() returned null");
            assertFalse(s.name().isBlank(), "G1 name() is blank");
            assertNotNull(s.source(), "G1 source() returned null");
            assertFalse(s.source().isBlank(), "G1 source() is blank: a scheme says which standard its thresholds come from");
        });
    }

    /** Rule G2: method() is the id of the method it grades. */
    @Test
    @DisplayName("G2 method() is the id of the method it grades")
    public void g2MethodMatches() {
        Rules.check("G2", () -> {
            assertEquals(method().id(), scheme().method(), "G2 scheme [" + scheme().id() + "] grades another method");
        });
    }

    /** Rule G3: grades() is not empty, immutable, has distinct codes and lists the most severe first. */
    @Test
    @DisplayName("G3 grades() is not empty, immutable, has distinct codes and lists the most severe first")
    public void g3GradesOrdered() {
        Rules.check("G3", () -> {
            GradingScheme s = scheme();
            List<Grade> grades = s.grades();
            assertNotNull(grades, "G3 grades() returned null");
            assertFalse(grades.isEmpty(), "G3 grades() is empty");
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < grades.size(); i++) {
                Grade g = grades.get(i);
                assertNotNull(g, "G3 grades() contains null");
                assertTrue(codes.add(g.code()), "G3 grade code [" + g.code() + "] appears twice in " + grades);
                if (i > 0) {
                    Grade before = grades.get(i - 1);
                    assertFalse(g.level().isMoreSevereThan(before.level()), "G3 grades() is not most severe first: ["
                            + g.code() + "] (" + g.level() + ") comes after [" + before.code() + "] (" + before.level() + ")");
                }
            }
            Grade first = grades.get(0);
            assertThrows(UnsupportedOperationException.class, () -> grades.add(first), "G3 grades().add succeeded");
            assertThrows(UnsupportedOperationException.class, () -> grades.remove(0), "G3 grades().remove succeeded");
            assertEquals(grades, s.grades(), "G3 grades() changed");
        });
    }

    /**
     * The grade of a score, or an assertion failure (never a NullPointerException inside the testkit) when the
     * scheme returns null.
     */
    static Grade graded(GradingScheme s, Score sc) {
        Grade g = s.grade(sc);
        if (g == null) {
            throw new AssertionError("grade(" + sc + ") returned null; allowed: a grade from grades(), or a "
                    + "ValidationException for a score the method cannot produce");
        }
        return g;
    }

    /** The components in which two grades differ, e.g. {@code name [高] vs [high]}; empty if equal. */
    static String difference(Grade got, Grade expected) {
        List<String> out = new ArrayList<>();
        if (!got.code().equals(expected.code())) {
            out.add("code [" + got.code() + "] vs [" + expected.code() + "]");
        }
        if (!got.name().equals(expected.name())) {
            out.add("name [" + got.name() + "] vs [" + expected.name() + "]");
        }
        if (got.level() != expected.level()) {
            out.add("level [" + got.level() + "] vs [" + expected.level() + "]");
        }
        if (!got.action().equals(expected.action())) {
            out.add("action [" + got.action() + "] vs [" + expected.action() + "]");
        }
        return String.join(", ", out);
    }

    /** Rule G4: totality: every score the method can produce gets exactly one grade from grades(). */
    @Test
    @DisplayName("G4 totality: every score the method can produce gets exactly one grade from grades()")
    public void g4Totality() {
        Rules.check("G4", () -> {
            GradingScheme s = scheme();
            List<Grade> grades = s.grades();
            Failures f = new Failures("G4 totality" + where());
            for (Map.Entry<Score, AssessmentInput> e : reachableScores().entrySet()) {
                f.checked();
                try {
                    Grade g = s.grade(e.getKey());
                    if (g == null) {
                        f.fail("score " + e.getKey() + " (from " + e.getValue() + ") -> null grade");
                    } else if (!grades.contains(g)) {
                        f.fail("score " + e.getKey() + " (from " + e.getValue() + ") -> grade " + g + " not in grades() " + grades);
                    }
                } catch (RuntimeException ex) {
                    f.fail("score " + e.getKey() + " (from " + e.getValue() + ") -> " + Failures.describe(ex));
                }
            }
            f.assertNone();
        });
    }

    /** Rule G5: levels are monotonic: a higher score never gets a less severe level. */
    @Test
    @DisplayName("G5 levels are monotonic: a higher score never gets a less severe level")
    public void g5LevelsMonotonic() {
        Rules.check("G5", () -> {
            monotonic("G5 level monotonicity", (lower, higher) -> !lower.level().isMoreSevereThan(higher.level()));
        });
    }

    /** Rule G6: grades are monotonic: a higher score never gets a grade listed after the lower score's. */
    @Test
    @DisplayName("G6 grades are monotonic: a higher score never gets a grade listed after the lower score's")
    public void g6GradesMonotonic() {
        Rules.check("G6", () -> {
            List<Grade> grades = scheme().grades();
            monotonic("G6 grade monotonicity", (lower, higher) -> grades.indexOf(higher) <= grades.indexOf(lower));
        });
    }

    private interface PairRule {
        boolean holds(Grade lower, Grade higher);
    }

    private void monotonic(String rule, PairRule ok) {
        GradingScheme s = scheme();
        Failures f = new Failures(rule + where());
        List<Score> plain = new ArrayList<>();
        List<Score> cells = new ArrayList<>();
        for (Score sc : reachableScores().keySet()) {
            (sc.isCell() ? cells : plain).add(sc);
        }
        // plain scores: sorted by value, each neighbour pair (and equal values) must hold
        TreeSet<Score> sorted = new TreeSet<>(plain);
        Score prev = null;
        Grade prevGrade = null;
        for (Score sc : sorted) {
            Grade g = graded(s, sc);
            if (prevGrade != null) {
                f.checked();
                if (!ok.holds(prevGrade, g)) {
                    f.fail("score " + prev + " -> " + prevGrade.code() + " (" + prevGrade.level() + ") but higher score "
                            + sc + " -> " + g.code() + " (" + g.level() + ")");
                }
            }
            prev = sc;
            prevGrade = g;
        }
        // cells: every pair where one dominates the other
        Map<Score, Grade> cellGrades = new LinkedHashMap<>();
        for (Score c : cells) {
            cellGrades.put(c, graded(s, c));
        }
        for (Map.Entry<Score, Grade> a : cellGrades.entrySet()) {
            for (Map.Entry<Score, Grade> b : cellGrades.entrySet()) {
                Score lo = a.getKey();
                Score hi = b.getKey();
                if (lo.equals(hi) || hi.row().orElseThrow() < lo.row().orElseThrow()
                        || hi.column().orElseThrow() < lo.column().orElseThrow()) {
                    continue;
                }
                f.checked();
                if (!ok.holds(a.getValue(), b.getValue())) {
                    f.fail("cell " + lo + " -> " + a.getValue().code() + " (" + a.getValue().level() + ") but dominating cell "
                            + hi + " -> " + b.getValue().code() + " (" + b.getValue().level() + ")");
                }
            }
        }
        f.assertNone();
    }

    /** Rule G7: determinism: the same score always gets the same grade, on any instance. */
    @Test
    @DisplayName("G7 determinism: the same score always gets the same grade, on any instance")
    public void g7Determinism() {
        Rules.check("G7", () -> {
            GradingScheme s = scheme();
            GradingScheme other = scheme();
            Failures f = new Failures("G7 determinism" + where());
            for (Score sc : reachableScores().keySet()) {
                f.checked();
                Grade a = graded(s, sc);
                Grade b = graded(s, sc);
                Score copy = sc.isCell()
                        ? Score.ofCell(sc.row().orElseThrow(), sc.column().orElseThrow(), sc.value().setScale(sc.value().scale() + 2))
                        : Score.of(sc.value().setScale(sc.value().scale() + 2));
                Grade c = graded(other, copy);
                if (!a.equals(b) || !a.equals(c)) {
                    f.fail("score " + sc + " -> " + a + ", then " + b + ", on another instance " + c);
                }
            }
            f.assertNone();
        });
    }

    /** Rule G8: thread safety: parallel grading gives the same grades as sequential. */
    @Test
    @DisplayName("G8 thread safety: parallel grading gives the same grades as sequential")
    public void g8ThreadSafety() {
        Rules.check("G8", () -> {
            GradingScheme s = scheme();
            List<Score> scores = new ArrayList<>(reachableScores().keySet());
            List<Grade> expected = new ArrayList<>();
            for (Score sc : scores) {
                expected.add(graded(s, sc));
            }
            Parallel.check("G8", 4, 20, scores.size(), k -> {
                Grade g = s.grade(scores.get(k));
                return expected.get(k).equals(g) ? null
                        : scores.get(k) + " -> " + g + " in parallel but " + expected.get(k) + " alone";
            });
        });
    }

    /** Rule G9: boundaries as documented: documented scores, every band edge and every cell get the documented grade. */
    @Test
    @DisplayName("G9 boundaries as documented: documented scores, every band edge and every cell get the documented grade")
    public void g9DocumentedBoundaries() {
        Rules.check("G9", () -> {
            Map<Score, String> table = new LinkedHashMap<>(documentedGrades());
            bandedDefinition().ifPresent(b -> table.putAll(bandEdges(b)));
            cellDefinition().ifPresent(c -> {
                for (int r = 1; r <= c.rows(); r++) {
                    for (int col = 1; col <= c.columns(); col++) {
                        table.put(Score.ofCell(r, col, BigDecimal.valueOf((long) r * col)), c.gradeAt(r, col).code());
                    }
                }
            });
            if (table.isEmpty()) {
                Optional<String> why = whyNoBoundaries();
                assertTrue(why.isPresent(), "G9 the scheme documents no boundaries: override documentedGrades() with its "
                        + "boundary scores, or bandedDefinition() or cellDefinition(), or say in whyNoBoundaries() why it "
                        + "cannot" + where());
                Assumptions.abort("G9: no documented boundaries, because " + why.get());
            }
            GradingScheme s = scheme();
            Failures f = new Failures("G9 documented boundaries");
            for (Map.Entry<Score, String> e : table.entrySet()) {
                f.checked();
                try {
                    Grade g = graded(s, e.getKey());
                    if (!g.code().equals(e.getValue())) {
                        f.fail("score " + e.getKey() + " -> grade [" + g.code() + "] but documented [" + e.getValue() + "]");
                    }
                } catch (RuntimeException ex) {
                    f.fail("score " + e.getKey() + " -> " + Failures.describe(ex) + " but documented [" + e.getValue() + "]");
                }
            }
            f.assertNone();
        });
    }

    private static final BigDecimal EPSILON = new BigDecimal("0.000001");

    /**
     * The grade each band edge must get, computed from the bands' own inclusivity: the edge itself,
     * a value just inside and a value just outside (where a neighbouring band covers it).
     */
    static Map<Score, String> bandEdges(BandedGradingScheme scheme) {
        Map<Score, String> out = new LinkedHashMap<>();
        List<Band> bands = scheme.bands();
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            String code = b.grade().code();
            if (b.lower().isPresent()) {
                BigDecimal lo = b.lower().get();
                if (b.lowerInclusive()) {
                    out.put(Score.of(lo), code);
                } else if (i > 0 && bands.get(i - 1).contains(lo)) {
                    out.put(Score.of(lo), bands.get(i - 1).grade().code());
                }
                if (b.contains(lo.add(EPSILON))) {
                    out.put(Score.of(lo.add(EPSILON)), code);
                }
                if (i > 0 && bands.get(i - 1).contains(lo.subtract(EPSILON))) {
                    out.put(Score.of(lo.subtract(EPSILON)), bands.get(i - 1).grade().code());
                }
            }
            if (b.upper().isPresent()) {
                BigDecimal hi = b.upper().get();
                if (b.upperInclusive()) {
                    out.put(Score.of(hi), code);
                } else if (i + 1 < bands.size() && bands.get(i + 1).contains(hi)) {
                    out.put(Score.of(hi), bands.get(i + 1).grade().code());
                }
                if (b.contains(hi.subtract(EPSILON))) {
                    out.put(Score.of(hi.subtract(EPSILON)), code);
                }
            }
        }
        return out;
    }

    /** Rule G11: banded and cell schemes: every score the method can produce lies in exactly one band or cell and gets its grade. */
    @Test
    @DisplayName("G11 banded and cell schemes: every score the method can produce lies in exactly one band or cell and gets its grade")
    public void g11BandsContiguousAndExhaustive() {
        Rules.check("G11", () -> {
            Optional<BandedGradingScheme> banded = bandedDefinition();
            Optional<CellGradingScheme> cells = cellDefinition();
            if (banded.isEmpty() && cells.isEmpty()) {
                Optional<String> why = whyNoBoundaries();
                assertTrue(why.isPresent(), "G11 the scheme gives neither its bands nor its cells: override "
                        + "bandedDefinition() or cellDefinition(), or say in whyNoBoundaries() why it cannot" + where());
                Assumptions.abort("G11: neither bands nor cells, because " + why.get());
            }
            GradingScheme s = scheme();
            Failures f = new Failures("G11 bands or cells cover every score" + where());
            for (Map.Entry<Score, AssessmentInput> e : reachableScores().entrySet()) {
                f.checked();
                if (banded.isEmpty()) {
                    CellGradingScheme c = cells.get();
                    Score sc = e.getKey();
                    if (!sc.isCell() || sc.row().orElseThrow() > c.rows() || sc.column().orElseThrow() > c.columns()) {
                        f.fail("score " + sc + " (from " + e.getValue() + ") is no cell of the " + c.rows() + "x"
                                + c.columns() + " matrix");
                    } else if (!graded(s, sc).equals(c.gradeAt(sc.row().orElseThrow(), sc.column().orElseThrow()))) {
                        f.fail("cell " + sc + " is graded " + graded(s, sc) + " but the matrix says "
                                + c.gradeAt(sc.row().orElseThrow(), sc.column().orElseThrow()) + ": "
                                + difference(graded(s, sc), c.gradeAt(sc.row().orElseThrow(), sc.column().orElseThrow())));
                    }
                    continue;
                }
                List<Band> containing = new ArrayList<>();
                for (Band b : banded.get().bands()) {
                    if (b.contains(e.getKey().value())) {
                        containing.add(b);
                    }
                }
                if (containing.size() != 1) {
                    f.fail("score " + e.getKey() + " (from " + e.getValue() + ") lies in " + containing.size() + " bands "
                            + containing + " of " + banded.get().bands());
                    continue;
                }
                Grade g = graded(s, e.getKey());
                if (!g.equals(containing.get(0).grade())) {
                    f.fail("score " + e.getKey() + " lies in band " + containing.get(0) + " but is graded " + g + ": "
                            + difference(g, containing.get(0).grade()));
                }
            }
            f.assertNone();
        });
    }

    /** Rule G10: grade(null) throws NullPointerException; unreachable scores are graded or refused with ValidationException. */
    @Test
    @DisplayName("G10 grade(null) throws NullPointerException; unreachable scores are graded or refused with ValidationException")
    @SuppressWarnings("NullAway") // passes null on purpose: the rule is that null is refused
    public void g10NullAndOutOfRange() {
        Rules.check("G10", () -> {
            GradingScheme s = scheme();
            assertThrows(NullPointerException.class, () -> s.grade(null), "G10 grade(null)");
            Set<Score> reachable = reachableScores().keySet();
            BigDecimal max = reachable.stream().map(Score::value).max(BigDecimal::compareTo).orElseThrow();
            List<Score> odd = new ArrayList<>();
            odd.add(Score.of("-1"));
            odd.add(Score.of(max.multiply(BigDecimal.TEN).add(BigDecimal.ONE)));
            odd.add(Score.of("0.0001"));
            odd.add(Score.ofCell(99, 99, BigDecimal.valueOf(9801)));
            for (Score sc : odd) {
                if (reachable.contains(sc)) {
                    continue;
                }
                try {
                    Grade g = s.grade(sc);
                    assertNotNull(g, "G10 grade(" + sc + ") returned null; return a grade or throw ValidationException");
                    assertTrue(s.grades().contains(g), "G10 grade(" + sc + ") -> " + g + " not in grades()");
                } catch (ValidationException expected) {
                    assertFalse(expected.violations().isEmpty(), "G10");
                } catch (RuntimeException e) {
                    fail("G10 grade(" + sc + ") threw " + Failures.describe(e) + "; throw ValidationException for scores the scheme does not cover");
                }
            }
        });
    }
}
