package org.dualprevention.method;

import static org.dualprevention.method.TestData.bd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.support.Band;
import org.dualprevention.spi.support.BandedGradingScheme;
import org.dualprevention.spi.support.BoundarySide;
import org.dualprevention.spi.support.CellGradingScheme;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Construction rules of Band, BandedGradingScheme and CellGradingScheme, and their value semantics. */
@DisplayName("Grading-scheme data: construction rules and value semantics")
class SchemeConstructionTest {
    static final SchemeId ID = SchemeId.of("TEST.S");
    static final MethodId M = MethodId.of("TEST.M");
    static final Grade LOW = Grade.of("low", "low", RiskLevel.LOW);
    static final Grade GEN = Grade.of("gen", "general", RiskLevel.GENERAL);
    static final Grade SIG = Grade.of("sig", "significant", RiskLevel.SIGNIFICANT);
    static final Grade MAJ = Grade.of("maj", "major", RiskLevel.MAJOR);

    static BandedGradingScheme.Builder banded() {
        return BandedGradingScheme.builder(ID, M).name("test").source("test source");
    }

    @Nested
    @DisplayName("Band")
    class Bands {
        @Test
        @DisplayName("contains honours each bound's inclusivity; open bounds are unbounded")
        void contains() {
            Band b = Band.between(bd("20"), true, bd("70"), false, GEN);
            assertTrue(b.contains(bd("20")));
            assertTrue(b.contains(bd("69.999")));
            assertFalse(b.contains(bd("70")));
            assertFalse(b.contains(bd("19.999")));
            assertEquals("[20, 70)", b.intervalText());
            Band up = Band.upTo(bd("20"), false, LOW);
            assertTrue(up.contains(bd("-1000000")));
            assertFalse(up.contains(bd("20")));
            assertEquals("(-inf, 20)", up.intervalText());
            Band from = Band.from(bd("320"), false, MAJ);
            assertEquals("(320, +inf)", from.intervalText());
            assertFalse(from.lowerInclusive());
            assertTrue(Band.all(LOW).contains(bd("0")));
            assertTrue(Band.between(bd("5"), true, bd("5"), true, LOW).contains(bd("5.0")));
        }

        @Test
        @DisplayName("an empty band (upper below lower, or a point not inclusive on both sides) is refused")
        void empty() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Band.between(bd("70"), true, bd("20"), true, GEN));
            assertTrue(e.getMessage().contains("[70, 20]") && e.getMessage().contains("empty"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Band.between(bd("5"), true, bd("5"), false, GEN));
        }

        @Test
        @DisplayName("equal bands are equal (70 and 70.00 alike); toString shows interval and grade")
        void values() {
            Band a = Band.between(bd("20"), true, bd("70"), true, GEN);
            Band b = Band.between(bd("20.0"), true, bd("70.00"), true, GEN);
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertNotEquals(a, Band.between(bd("20"), true, bd("70"), false, GEN));
            assertNotEquals(a, Band.between(bd("20"), true, bd("70"), true, LOW));
            assertEquals("[20, 70] -> gen (GENERAL)", a.toString());
            assertEquals(bd("70"), a.upper().orElseThrow());
        }
    }

    @Nested
    @DisplayName("BandedGradingScheme")
    class Banded {
        @Test
        @DisplayName("the default and the 从严从高 variant are one BoundarySide apart and differ exactly at 70")
        void oneParameterApart() {
            BandedGradingScheme down = fiveBands(BoundarySide.LOWER);
            BandedGradingScheme up = fiveBands(BoundarySide.UPPER);
            assertEquals("[20, 70]", down.bands().get(1).intervalText());
            assertEquals("(70, 160]", down.bands().get(2).intervalText());
            assertEquals("[20, 70)", up.bands().get(1).intervalText());
            assertEquals("[70, 160]", up.bands().get(2).intervalText());
            assertEquals(LOW, down.grade(Score.of("70")));
            assertEquals(GEN, up.grade(Score.of("70")));
            for (String v : new String[] {"0.05", "19.9", "20", "69.9", "70.1", "160", "320", "321"}) {
                assertEquals(down.grade(Score.of(v)), up.grade(Score.of(v)), v);
            }
            assertEquals(List.of(MAJ, SIG, GEN, LOW, Grade.of("min", "minimal", RiskLevel.LOW)), down.grades());
        }

        private BandedGradingScheme fiveBands(BoundarySide at70) {
            return banded().lowest(Grade.of("min", "minimal", RiskLevel.LOW), BigDecimal.ZERO, false)
                    .threshold("20", BoundarySide.UPPER, LOW)
                    .threshold("70", at70, GEN)
                    .threshold("160", BoundarySide.LOWER, SIG)
                    .threshold("320", BoundarySide.LOWER, MAJ)
                    .build();
        }

        @Test
        @DisplayName("a gap between bands is refused, naming the band and the uncovered values")
        void gap() {
            ValidationException e = assertThrows(ValidationException.class, () -> banded()
                    .band(Band.upTo(bd("20"), false, LOW)).band(Band.between(bd("30"), true, bd("70"), true, GEN)).build());
            assertEquals(1, e.violations().size());
            Violation v = e.violations().get(0);
            assertEquals("bands[1]", v.path());
            assertEquals("[30, 70]", v.value());
            assertTrue(v.allowed().contains("gap: scores between 20 and 30"), v.allowed());
        }

        @Test
        @DisplayName("a boundary in neither band (both sides exclusive) is a gap")
        void boundaryInNeither() {
            ValidationException e = assertThrows(ValidationException.class, () -> banded()
                    .band(Band.upTo(bd("20"), false, LOW)).band(Band.from(bd("20"), false, GEN)).build());
            assertTrue(e.violations().get(0).allowed().contains("gap: neither band includes the boundary 20"),
                    e.getMessage());
        }

        @Test
        @DisplayName("a boundary in both bands (both sides inclusive) is an overlap")
        void boundaryInBoth() {
            ValidationException e = assertThrows(ValidationException.class, () -> banded()
                    .band(Band.upTo(bd("70"), true, LOW)).band(Band.from(bd("70"), true, GEN)).build());
            assertTrue(e.violations().get(0).allowed().contains("overlap: both bands include the boundary 70"),
                    e.getMessage());
        }

        @Test
        @DisplayName("overlapping ranges and an open-ended band in the middle are refused")
        void overlap() {
            ValidationException e = assertThrows(ValidationException.class, () -> banded()
                    .band(Band.upTo(bd("30"), false, LOW)).band(Band.between(bd("20"), true, bd("70"), true, GEN)).build());
            assertTrue(e.violations().get(0).allowed().contains("overlap: it starts below 30"), e.getMessage());
            ValidationException open = assertThrows(ValidationException.class, () -> banded()
                    .band(Band.all(LOW)).band(Band.from(bd("20"), true, GEN)).build());
            assertTrue(open.violations().get(0).allowed().contains("open above"), open.getMessage());
        }

        @Test
        @DisplayName("a higher band with a less severe level is refused")
        void nonMonotonic() {
            ValidationException e = assertThrows(ValidationException.class, () -> banded().lowest(GEN)
                    .threshold("20", BoundarySide.UPPER, LOW).build());
            assertEquals(List.of(new Violation("bands[1].grade.level", "LOW",
                    "a level at least as severe as GENERAL of bands[0] (a higher band never has a less severe level)")),
                    e.violations());
        }

        @Test
        @DisplayName("several problems are reported at once: gap, overlap, duplicate code, falling level")
        void several() {
            ValidationException e = assertThrows(ValidationException.class, () -> banded()
                    .band(Band.upTo(bd("10"), false, SIG))
                    .band(Band.between(bd("10"), false, bd("20"), true, LOW))
                    .band(Band.between(bd("15"), true, bd("30"), true, MAJ))
                    .band(Band.from(bd("30"), false, MAJ))
                    .build());
            assertEquals(List.of("bands[1]", "bands[1].grade.level", "bands[2]", "bands[3].grade.code"),
                    e.violations().stream().map(Violation::path).toList());
        }

        @Test
        @DisplayName("no bands, missing name or source, and mixing bands with thresholds are refused")
        void misuse() {
            assertThrows(ValidationException.class, () -> banded().build());
            assertThrows(IllegalStateException.class,
                    () -> BandedGradingScheme.builder(ID, M).band(Band.all(LOW)).build());
            assertThrows(IllegalStateException.class, () -> banded().band(Band.all(LOW)).lowest(GEN));
            assertThrows(IllegalStateException.class, () -> banded().threshold("1", BoundarySide.UPPER, GEN));
        }

        @Test
        @DisplayName("a closed domain refuses scores outside it; covers/domainText describe it")
        void domain() {
            BandedGradingScheme s = banded().lowest(LOW, BigDecimal.ONE, true).threshold("9", BoundarySide.UPPER, GEN)
                    .upperLimit(BigDecimal.valueOf(25), true).build();
            assertEquals("[1, 25]", s.domainText());
            assertTrue(s.covers(bd("25")));
            assertFalse(s.covers(bd("0.99")));
            ValidationException e = assertThrows(ValidationException.class, () -> s.grade(Score.of("0.5")));
            assertEquals(List.of(new Violation("score", "0.5", "a score in [1, 25]")), e.violations());
            assertEquals(GEN, s.grade(Score.ofCell(3, 3, bd("9"))));
        }

        @Test
        @DisplayName("equal definitions are equal; a different boundary side is not")
        void values() {
            assertEquals(fiveBands(BoundarySide.LOWER), fiveBands(BoundarySide.LOWER));
            assertEquals(fiveBands(BoundarySide.LOWER).hashCode(), fiveBands(BoundarySide.LOWER).hashCode());
            assertNotEquals(fiveBands(BoundarySide.LOWER), fiveBands(BoundarySide.UPPER));
            assertTrue(fiveBands(BoundarySide.LOWER).toString().startsWith("TEST.S (TEST.M) [(0, 20) -> min (LOW)"));
            assertNotEquals(BuiltInSchemes.lecV1(), BuiltInSchemes.lecV1Strict());
        }
    }

    @Nested
    @DisplayName("CellGradingScheme")
    class Cells {
        CellGradingScheme.Builder twoByTwo() {
            return CellGradingScheme.builder(ID, M, 2, 2).name("2x2").source("test").grades(MAJ, GEN, LOW);
        }

        @Test
        @DisplayName("grades cells; a 1x1 and a 6x6 matrix work too")
        void sizes() {
            CellGradingScheme s = twoByTwo().row(1, "low", "gen").row(2, "gen", "maj").build();
            assertEquals(MAJ, s.grade(Score.ofCell(2, 2, bd("4"))));
            assertEquals(GEN, s.gradeAt(1, 2));
            assertEquals(2, s.rows());
            assertTrue(s.isMonotonicityChecked());
            assertEquals(LOW, CellGradingScheme.builder(ID, M, 1, 1).name("1").source("s").grades(LOW).row(1, "low")
                    .build().gradeAt(1, 1));
            CellGradingScheme.Builder six = CellGradingScheme.builder(ID, M, 6, 6).name("6x6").source("s")
                    .grades(MAJ, SIG, GEN, LOW);
            for (int r = 1; r <= 6; r++) {
                for (int c = 1; c <= 6; c++) {
                    int p = r * c;
                    six.cell(r, c, p >= 25 ? "maj" : p >= 12 ? "sig" : p >= 5 ? "gen" : "low");
                }
            }
            CellGradingScheme s6 = six.build();
            assertEquals(MAJ, s6.gradeAt(6, 6));
            assertEquals(LOW, s6.gradeAt(1, 4));
        }

        @Test
        @DisplayName("a 6x6 matrix method evaluates cells that a 6x6 per-cell scheme grades")
        void sixBySixMethod() {
            org.dualprevention.method.RiskMatrixMethod m = RiskMatrixMethod.of(MethodId.of("ACME.MATRIX-6X6"), 6, 6, ID);
            Score s = m.evaluate(AssessmentInput.ofText(java.util.Map.of("L", "6", "S", "5")));
            assertEquals(Score.ofCell(6, 5, bd("30")), s);
            assertEquals(6, m.factors().get(0).values().size());
            assertThrows(ValidationException.class,
                    () -> m.evaluate(AssessmentInput.ofText(java.util.Map.of("L", "7", "S", "5"))));
            assertEquals(m, RiskMatrixMethod.of(MethodId.of("ACME.MATRIX-6X6"), 6, 6, ID));
            assertNotEquals(m, new RiskMatrixMethod());
            assertThrows(IllegalArgumentException.class, () -> RiskMatrixMethod.of(M, 0, 5, ID));
        }

        @Test
        @DisplayName("an unfilled cell and an unknown grade code are refused, each with its cell path")
        void unfilled() {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> twoByTwo().row(1, "low", "gen").cell(2, 2, "maj").build());
            assertEquals(List.of("cells[2,1]"), e.violations().stream().map(Violation::path).toList());
            ValidationException u = assertThrows(ValidationException.class,
                    () -> twoByTwo().row(1, "low", "gen").row(2, "gen", "red").build());
            assertEquals(new Violation("cells[2,2]", "red", "a declared grade code: [maj, gen, low]"), u.violations().get(0));
        }

        @Test
        @DisplayName("a higher row or column with a lower grade is refused by default, allowed by explicit opt-out")
        void nonMonotonic() {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> twoByTwo().row(1, "low", "maj").row(2, "gen", "gen").build());
            assertEquals("cells[2,2]", e.violations().get(0).path());
            assertTrue(e.violations().get(0).allowed().contains("allowNonMonotonic()"), e.getMessage());
            CellGradingScheme ok = twoByTwo().row(1, "low", "maj").row(2, "gen", "gen").allowNonMonotonic().build();
            assertFalse(ok.isMonotonicityChecked());
            assertEquals(GEN, ok.gradeAt(2, 2));
        }

        @Test
        @DisplayName("grades not most-severe-first, duplicated or unused are refused")
        void gradeList() {
            ValidationException order = assertThrows(ValidationException.class, () -> CellGradingScheme
                    .builder(ID, M, 1, 2).name("n").source("s").grades(LOW, MAJ).row(1, "low", "maj").build());
            assertEquals("grades[1].level", order.violations().get(0).path());
            ValidationException unused = assertThrows(ValidationException.class,
                    () -> twoByTwo().row(1, "low", "low").row(2, "low", "maj").build());
            assertEquals(List.of(new Violation("grades[1]", "gen", "a grade used by at least one cell")),
                    unused.violations());
            ValidationException dup = assertThrows(ValidationException.class, () -> CellGradingScheme
                    .builder(ID, M, 1, 1).name("n").source("s").grades(LOW, LOW).row(1, "low").build());
            assertEquals("grades[1].code", dup.violations().get(0).path());
        }

        @Test
        @DisplayName("rows of the wrong length and cells outside the matrix are refused when filled")
        void shape() {
            assertThrows(IllegalArgumentException.class, () -> twoByTwo().row(1, "low"));
            assertThrows(IllegalArgumentException.class, () -> twoByTwo().cell(3, 1, "low"));
            assertThrows(IllegalArgumentException.class, () -> CellGradingScheme.builder(ID, M, 0, 3));
        }

        @Test
        @DisplayName("equal matrices are equal; toString lists the rows")
        void values() {
            CellGradingScheme a = twoByTwo().row(1, "low", "gen").row(2, "gen", "maj").build();
            CellGradingScheme b = twoByTwo().row(1, "low", "gen").row(2, "gen", "maj").build();
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertNotEquals(a, twoByTwo().row(1, "low", "gen").row(2, "maj", "maj").build());
            assertEquals("TEST.S (TEST.M) 2x2 [row 1: low gen; row 2: gen maj]", a.toString());
        }
    }

    @Test
    @DisplayName("methods have Chinese and English display names and the documented default schemes")
    void displayNames() {
        java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
        java.util.Locale en = java.util.Locale.ENGLISH;
        assertEquals("作业条件危险性评价法（LEC）", new LecMethod().displayName(zh));
        assertTrue(new LecMethod().displayName(en).startsWith("LEC"));
        assertEquals("风险矩阵法（LS）", new LsMethod().displayName(zh));
        assertEquals("风险矩阵（5×5）", new RiskMatrixMethod().displayName(zh));
        assertEquals("Risk matrix (4 × 4)", new Matrix4x4Method().displayName(en));
        assertEquals("作业条件风险程度评价法（MES）", new MesMethod().displayName(zh));
        assertEquals("直接判定法", new DirectMethod().displayName(zh));
        assertEquals("Direct determination of major risk", new DirectMethod().displayName(en));
        assertEquals(SchemeId.of("LEC-V1"), new LecMethod().defaultScheme());
        assertEquals(SchemeId.of("LS-SHANDONG"), new LsMethod().defaultScheme());
        assertEquals(SchemeId.of("MATRIX-5X5"), new RiskMatrixMethod().defaultScheme());
        assertEquals(SchemeId.of("MATRIX-4X4-ENTERPRISE"), new Matrix4x4Method().defaultScheme());
        assertEquals(SchemeId.of("MES-5"), new MesMethod().defaultScheme());
        assertEquals(SchemeId.of("DIRECT"), new DirectMethod().defaultScheme());
    }
}
