package org.dualprevention.method;

import static org.dualprevention.method.TestData.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.Score;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input to the built-in methods and schemes: each gives a ValidationException listing every violation. */
@DisplayName("Bad input is refused with every violation: path, bad value, allowed values")
class BadInputTest {
    private static final String LEC_E = "[0.5, 1, 2, 3, 6, 10]";

    private static ValidationException lec(AssessmentInput in) {
        return assertThrows(ValidationException.class, () -> new LecMethod().evaluate(in));
    }

    @Test
    @DisplayName("LEC: a missing factor is reported at factors.E with the allowed values")
    void missing() {
        ValidationException e = lec(input("L", "3", "C", "15"));
        assertEquals(List.of(new Violation("factors.E", "null", LEC_E)), e.violations());
        assertTrue(e.getMessage().contains("factors.E"), e.getMessage());
    }

    @ParameterizedTest(name = "E={0}")
    @ValueSource(strings = {"0.2", "4", "16", "-6", "0", "1000000", "6.0000001"})
    @DisplayName("LEC: a value off the scale (negative, zero, between steps) is reported with the allowed list")
    void offScale(String e) {
        ValidationException ex = lec(input("L", "3", "E", e, "C", "15"));
        assertEquals(List.of(new Violation("factors.E", new java.math.BigDecimal(e).stripTrailingZeros().toPlainString(),
                LEC_E)), ex.violations());
    }

    @Test
    @DisplayName("LEC: NaN and infinities are refused when the input is made, at factors.E")
    void nanAndInfinity() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Map<String, Number> m = new LinkedHashMap<>();
            m.put("L", 3);
            m.put("E", bad);
            m.put("C", 15);
            ValidationException ex = assertThrows(ValidationException.class, () -> AssessmentInput.of(m));
            assertEquals(1, ex.violations().size());
            assertEquals("factors.E", ex.violations().get(0).path());
            assertEquals(String.valueOf(bad), ex.violations().get(0).value());
        }
    }

    @Test
    @DisplayName("LEC: text that is not a number is refused at factors.E")
    void notANumber() {
        ValidationException ex = assertThrows(ValidationException.class, () -> input("L", "3", "E", "six", "C", "15"));
        assertEquals("factors.E", ex.violations().get(0).path());
        assertEquals("six", ex.violations().get(0).value());
    }

    @Test
    @DisplayName("LEC: an unknown extra factor is reported with the factors that exist")
    void unknownFactor() {
        ValidationException ex = lec(input("L", "3", "E", "6", "C", "15", "X", "1"));
        assertEquals(List.of(new Violation("factors.X", "1", "only the factors [L, E, C]")), ex.violations());
    }

    @Test
    @DisplayName("LEC: several violations are reported at once, in factor order")
    void several() {
        ValidationException ex = lec(input("L", "4", "C", "16", "X", "1"));
        assertEquals(List.of(
                new Violation("factors.L", "4", "[0.1, 0.2, 0.5, 1, 3, 6, 10]"),
                new Violation("factors.E", "null", LEC_E),
                new Violation("factors.C", "16", "[1, 3, 7, 15, 40, 100]"),
                new Violation("factors.X", "1", "only the factors [L, E, C]")), ex.violations());
        assertTrue(ex.getMessage().contains("4 violations"), ex.getMessage());
    }

    @Test
    @DisplayName("LS: non-integers and values outside 1..5 are refused; 2.0 is the same as 2")
    void ls() {
        ValidationException ex = assertThrows(ValidationException.class,
                () -> new LsMethod().evaluate(input("L", "2.5", "S", "6")));
        assertEquals(List.of(new Violation("factors.L", "2.5", "[1, 2, 3, 4, 5]"),
                new Violation("factors.S", "6", "[1, 2, 3, 4, 5]")), ex.violations());
        assertEquals(Score.ofCell(2, 3, new java.math.BigDecimal("6")),
                new LsMethod().evaluate(input("L", "2.0", "S", "3")));
    }

    @Test
    @DisplayName("MES, MATRIX, MATRIX-4X4 and DIRECT refuse values off their scales")
    void otherMethods() {
        ValidationException mes = assertThrows(ValidationException.class,
                () -> new MesMethod().evaluate(input("M", "2", "E", "6", "S", "3")));
        assertEquals(List.of(new Violation("factors.M", "2", "[1, 3, 5]"),
                new Violation("factors.S", "3", "[1, 2, 4, 8, 10]")), mes.violations());
        ValidationException m5 = assertThrows(ValidationException.class,
                () -> new RiskMatrixMethod().evaluate(input("L", "6", "S", "0")));
        assertEquals(2, m5.violations().size());
        ValidationException m4 = assertThrows(ValidationException.class,
                () -> new Matrix4x4Method().evaluate(input("L", "5", "S", "4")));
        assertEquals(List.of(new Violation("factors.L", "5", "[1, 2, 3, 4]")), m4.violations());
        ValidationException d = assertThrows(ValidationException.class, () -> new DirectMethod().evaluate(
                input("LAW", "2", "ACCIDENT", "0", "MAJOR_HAZARD", "0", "CROWDED", "0")));
        assertEquals(List.of(new Violation("factors.LAW", "2", "[0, 1]"), new Violation("factors.HIGHEST", "null", "[0, 1]")),
                d.violations());
    }

    @Test
    @DisplayName("schemes refuse scores outside their domain with path 'score', the value and the allowed range")
    void scoreOutsideDomain() {
        ValidationException ls = assertThrows(ValidationException.class, () -> BuiltInSchemes.lsShandong().grade(Score.of("26")));
        assertEquals(List.of(new Violation("score", "26", "a score in [1, 25]")), ls.violations());
        ValidationException lec = assertThrows(ValidationException.class, () -> BuiltInSchemes.lecV1().grade(Score.of("0")));
        assertEquals(List.of(new Violation("score", "0", "a score in (0, +inf)")), lec.violations());
        assertThrows(ValidationException.class, () -> BuiltInSchemes.lecV1().grade(Score.of("-5")));
        ValidationException direct = assertThrows(ValidationException.class, () -> BuiltInSchemes.direct().grade(Score.of("6")));
        assertEquals("a score in [0, 5]", direct.violations().get(0).allowed());
        ValidationException noCell = assertThrows(ValidationException.class, () -> BuiltInSchemes.matrix5x5().grade(Score.of("12")));
        assertEquals(List.of(new Violation("score", "12", "a matrix cell with row 1..5 and column 1..5")), noCell.violations());
        ValidationException outside = assertThrows(ValidationException.class,
                () -> BuiltInSchemes.matrix4x4Enterprise().grade(Score.ofCell(5, 1, new java.math.BigDecimal("5"))));
        assertEquals(List.of(new Violation("score", "5@5,1", "a matrix cell with row 1..4 and column 1..4")),
                outside.violations());
    }
}
