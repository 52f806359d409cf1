package org.dualprevention.method;

import static org.dualprevention.method.TestData.bd;
import static org.dualprevention.method.TestData.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.GradingScheme;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every LEC combination under every shipped LEC scheme, against expectations written here as plain
 * if-chains over the published tables (DOMAIN.md §1.4–1.7), never through the schemes' own bands.
 */
@DisplayName("LEC: D = L×E×C graded by every shipped LEC scheme")
class LecGradingTest {
    private static final LecMethod LEC = new LecMethod();

    /** The expected grade: its code and level. */
    record Expected(String code, RiskLevel level) {
    }

    private static boolean gt(BigDecimal d, String v) {
        return d.compareTo(bd(v)) > 0;
    }

    private static boolean ge(BigDecimal d, String v) {
        return d.compareTo(bd(v)) >= 0;
    }

    // DOMAIN.md §1.4 + §1.7: >320, (160,320], (70,160], [20,70], <20; V1 colours DOMAIN.md §1.5
    static Expected v1(BigDecimal d) {
        if (gt(d, "320")) {
            return new Expected("extreme", RiskLevel.MAJOR);
        } else if (gt(d, "160")) {
            return new Expected("high", RiskLevel.SIGNIFICANT);
        } else if (gt(d, "70")) {
            return new Expected("substantial", RiskLevel.GENERAL);
        } else if (ge(d, "20")) {
            return new Expected("possible", RiskLevel.LOW);
        } else {
            return new Expected("slight", RiskLevel.LOW);
        }
    }

    // as V1, but 70 belongs to 显著 (从严从高)
    static Expected v1Strict(BigDecimal d) {
        if (gt(d, "320")) {
            return new Expected("extreme", RiskLevel.MAJOR);
        } else if (gt(d, "160")) {
            return new Expected("high", RiskLevel.SIGNIFICANT);
        } else if (ge(d, "70")) {
            return new Expected("substantial", RiskLevel.GENERAL);
        } else if (ge(d, "20")) {
            return new Expected("possible", RiskLevel.LOW);
        } else {
            return new Expected("slight", RiskLevel.LOW);
        }
    }

    // V2 colours DOMAIN.md §1.5: D>160 red, 70<D<=160 orange, 20<=D<=70 yellow, D<20 blue
    static Expected v2(BigDecimal d) {
        if (gt(d, "320")) {
            return new Expected("extreme", RiskLevel.MAJOR);
        } else if (gt(d, "160")) {
            return new Expected("high", RiskLevel.MAJOR);
        } else if (gt(d, "70")) {
            return new Expected("substantial", RiskLevel.SIGNIFICANT);
        } else if (ge(d, "20")) {
            return new Expected("possible", RiskLevel.GENERAL);
        } else {
            return new Expected("slight", RiskLevel.LOW);
        }
    }

    // binary DOMAIN.md §1.5: 重大危险源 iff D >= 160
    static Expected binary(BigDecimal d) {
        return ge(d, "160") ? new Expected("major", RiskLevel.MAJOR) : new Expected("general", RiskLevel.GENERAL);
    }

    // Kinney DOMAIN.md §1.6 with the documented sides: >400, (200,400], (70,200], [20,70], <20
    static Expected kinney(BigDecimal d) {
        if (gt(d, "400")) {
            return new Expected("very-high", RiskLevel.MAJOR);
        } else if (gt(d, "200")) {
            return new Expected("high", RiskLevel.SIGNIFICANT);
        } else if (gt(d, "70")) {
            return new Expected("substantial", RiskLevel.GENERAL);
        } else if (ge(d, "20")) {
            return new Expected("possible", RiskLevel.LOW);
        } else {
            return new Expected("acceptable", RiskLevel.LOW);
        }
    }

    static final Map<String, Function<BigDecimal, Expected>> EXPECTED = Map.of(
            "LEC-V1", LecGradingTest::v1,
            "LEC-V1-STRICT", LecGradingTest::v1Strict,
            "LEC-V2", LecGradingTest::v2,
            "LEC-BINARY", LecGradingTest::binary,
            "LEC-KINNEY", LecGradingTest::kinney);

    static List<GradingScheme> lecSchemes() {
        return List.of(BuiltInSchemes.lecV1(), BuiltInSchemes.lecV1Strict(), BuiltInSchemes.lecV2(), BuiltInSchemes.lecBinary(),
                BuiltInSchemes.lecKinney());
    }

    static Stream<Arguments> everyCombinationUnderEveryScheme() {
        List<Arguments> out = new ArrayList<>();
        for (GradingScheme s : lecSchemes()) {
            for (String l : TestData.LEC_L) {
                for (String e : TestData.LEC_E) {
                    for (String c : TestData.LEC_C) {
                        out.add(Arguments.of(Named.of(s.id().value(), s), l, e, c));
                    }
                }
            }
        }
        return out.stream();
    }

    @Test
    @DisplayName("the test covers 5 schemes × 252 combinations and every shipped LEC scheme")
    void coverage() {
        assertEquals(5 * 252, everyCombinationUnderEveryScheme().count());
        Set<String> shipped = new TreeSet<>();
        for (GradingScheme s : BuiltInSchemes.all()) {
            if (s.method().equals(LecMethod.ID)) {
                shipped.add(s.id().value());
            }
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), shipped);
    }

    @ParameterizedTest(name = "{0}: L={1} E={2} C={3}")
    @MethodSource("everyCombinationUnderEveryScheme")
    @DisplayName("each combination gets the grade and level of the published table")
    void gradesEveryCombination(GradingScheme scheme, String l, String e, String c) {
        Score score = LEC.evaluate(input("L", l, "E", e, "C", c));
        BigDecimal d = bd(l).multiply(bd(e)).multiply(bd(c));
        assertEquals(0, d.compareTo(score.value()), "D");
        Expected want = EXPECTED.get(scheme.id().value()).apply(d);
        Grade got = scheme.grade(score);
        assertEquals(want.code(), got.code(), () -> scheme.id() + " grade of D=" + d.toPlainString());
        assertEquals(want.level(), got.level(), () -> scheme.id() + " level of D=" + d.toPlainString());
    }

    @Test
    @DisplayName("every grade of every LEC scheme is reached by some standard combination (no dead band)")
    void everyGradeReached() {
        for (GradingScheme s : lecSchemes()) {
            Set<String> seen = new HashSet<>();
            for (String l : TestData.LEC_L) {
                for (String e : TestData.LEC_E) {
                    for (String c : TestData.LEC_C) {
                        seen.add(s.grade(LEC.evaluate(input("L", l, "E", e, "C", c))).code());
                    }
                }
            }
            Set<String> all = new HashSet<>();
            s.grades().forEach(g -> all.add(g.code()));
            assertEquals(all, seen, s.id().value());
        }
    }

    @Test
    @DisplayName("the 252 combinations give 103 distinct products from 0.05 to 10000, and 160 and 320 are unreachable")
    void distinctProducts() {
        Set<BigDecimal> products = new TreeSet<>();
        for (String l : TestData.LEC_L) {
            for (String e : TestData.LEC_E) {
                for (String c : TestData.LEC_C) {
                    products.add(LEC.evaluate(input("L", l, "E", e, "C", c)).value());
                }
            }
        }
        assertEquals(103, products.size());
        assertEquals(bd("0.05"), ((TreeSet<BigDecimal>) products).first());
        assertEquals(bd("10000"), ((TreeSet<BigDecimal>) products).last());
        assertFalse(products.contains(bd("160")));
        assertFalse(products.contains(bd("320")));
        assertTrue(products.contains(bd("20")));
        assertTrue(products.contains(bd("70")));
    }

    // ---- DOMAIN.md §8.1: the 38 published vectors ----

    static Stream<Map<String, String>> vectors() {
        return TestData.csv("/lec-vectors.csv").stream();
    }

    @Test
    @DisplayName("lec-vectors.csv holds the 38 rows of DOMAIN.md §8.1")
    void vectorCount() {
        assertEquals(38, vectors().count());
    }

    private static RiskLevel colour(String text) {
        if (text.contains("红") || text.contains("重大风险")) {
            return RiskLevel.MAJOR;
        } else if (text.contains("橙") || text.contains("较大风险")) {
            return RiskLevel.SIGNIFICANT;
        } else if (text.contains("黄") || text.contains("一般风险")) {
            return RiskLevel.GENERAL;
        } else if (text.contains("蓝") || text.contains("低风险")) {
            return RiskLevel.LOW;
        }
        throw new IllegalArgumentException("no colour in [" + text + "]");
    }

    private static String fiveGrade(String text) {
        if (text.startsWith("极其")) {
            return "extreme";
        } else if (text.startsWith("高度")) {
            return "high";
        } else if (text.startsWith("显著")) {
            return "substantial";
        } else if (text.startsWith("一般危险")) {
            return "possible";
        } else if (text.startsWith("稍有")) {
            return "slight";
        }
        throw new IllegalArgumentException("no grade in [" + text + "]");
    }

    @ParameterizedTest(name = "row {0}")
    @MethodSource("vectors")
    @DisplayName("DOMAIN.md §8.1 vector: published D and the default grade/colour (LEC-V1); row 15 is rejected")
    void publishedVector(Map<String, String> row) {
        String expected = row.get("expected_default_grade_and_colour");
        if (expected.contains("reject")) {
            assertEquals("15", row.get("row"));
            ValidationException ex = assertThrows(ValidationException.class,
                    () -> LEC.evaluate(input("L", row.get("L"), "E", row.get("E"), "C", row.get("C"))));
            assertEquals(List.of(new Violation("factors.E", "0.2", "[0.5, 1, 2, 3, 6, 10]")), ex.violations());
            return;
        }
        Score score = LEC.evaluate(input("L", row.get("L"), "E", row.get("E"), "C", row.get("C")));
        assertEquals(0, bd(row.get("D_published")).compareTo(score.value()), "published D");
        Grade grade = BuiltInSchemes.lecV1().grade(score);
        if (expected.equals("same")) {
            assertEquals(colour(row.get("published_level_and_scheme")), grade.level());
        } else {
            assertEquals(fiveGrade(expected), grade.code());
            assertEquals(colour(expected.substring(expected.indexOf('/'))), grade.level());
        }
        String published = row.get("published_level_and_scheme");
        if (published.contains("binary")) {
            RiskLevel want = published.startsWith("重大") ? RiskLevel.MAJOR : RiskLevel.GENERAL;
            assertEquals(want, BuiltInSchemes.lecBinary().grade(score).level(), "binary scheme");
        }
        if (row.get("source").equals("https://www.xiaomilidoc.com/p-10437201.html")) {
            // CREC register: 一级 = D < 20 (稍有危险), 二级 = 20–70 (一般危险); numbering runs the other way
            String want = published.startsWith("一级") ? "slight" : "possible";
            assertEquals(want, grade.code(), "CREC grade");
        }
    }

    // ---- boundaries (DOMAIN.md §1.7) ----

    @ParameterizedTest(name = "L={0} E={1} C={2}")
    @CsvSource({"0.1,2,100", "0.2,1,100", "0.5,1,40", "1,0.5,40", "10,2,1"})
    @DisplayName("D=20 (five ways) is 一般危险/blue under V1 and V1-STRICT, yellow under V2, possible under Kinney")
    void boundaryTwenty(String l, String e, String c) {
        Score s = LEC.evaluate(input("L", l, "E", e, "C", c));
        assertEquals("20", s.toString());
        assertEquals(new Expected("possible", RiskLevel.LOW), of(BuiltInSchemes.lecV1().grade(s)));
        assertEquals(new Expected("possible", RiskLevel.LOW), of(BuiltInSchemes.lecV1Strict().grade(s)));
        assertEquals(new Expected("possible", RiskLevel.GENERAL), of(BuiltInSchemes.lecV2().grade(s)));
        assertEquals(new Expected("possible", RiskLevel.LOW), of(BuiltInSchemes.lecKinney().grade(s)));
        assertEquals(new Expected("slight", RiskLevel.LOW), of(BuiltInSchemes.lecV1().grade(Score.of("19.99"))));
    }

    @ParameterizedTest(name = "L={0} E={1} C={2}")
    @CsvSource({"1,10,7", "10,1,7"})
    @DisplayName("D=70 (two ways) is 一般危险/blue under V1 (upper-closed) and 显著/yellow under V1-STRICT (从严从高)")
    void boundarySeventy(String l, String e, String c) {
        Score s = LEC.evaluate(input("L", l, "E", e, "C", c));
        assertEquals("70", s.toString());
        assertEquals(new Expected("possible", RiskLevel.LOW), of(BuiltInSchemes.lecV1().grade(s)));
        assertEquals(new Expected("substantial", RiskLevel.GENERAL), of(BuiltInSchemes.lecV1Strict().grade(s)));
        assertEquals(new Expected("possible", RiskLevel.GENERAL), of(BuiltInSchemes.lecV2().grade(s)));
    }

    @ParameterizedTest(name = "L={0} E={1} C={2}")
    @CsvSource({"10,1,40", "1,10,40"})
    @DisplayName("D=400 (reachable) is 'high', not 'very high', under Kinney")
    void kinneyFourHundred(String l, String e, String c) {
        Score s = LEC.evaluate(input("L", l, "E", e, "C", c));
        assertEquals(new Expected("high", RiskLevel.SIGNIFICANT), of(BuiltInSchemes.lecKinney().grade(s)));
    }

    @Test
    @DisplayName("unreachable boundaries 160 and 320 go to the lower band under V1, 160 to 重大 under BINARY")
    void unreachableBoundaries() {
        assertEquals("substantial", BuiltInSchemes.lecV1().grade(Score.of("160")).code());
        assertEquals("high", BuiltInSchemes.lecV1().grade(Score.of("320")).code());
        assertEquals("extreme", BuiltInSchemes.lecV1().grade(Score.of("320.0001")).code());
        assertEquals("major", BuiltInSchemes.lecBinary().grade(Score.of("160")).code());
        assertEquals("general", BuiltInSchemes.lecBinary().grade(Score.of("159.99")).code());
    }

    private static Expected of(Grade g) {
        return new Expected(g.code(), g.level());
    }

    // ---- exactness ----

    @Test
    @DisplayName("0.2×6×100 is exactly 120: equal to 120, printed as 120, graded at 120")
    void exactOneTwenty() {
        Score s = LEC.evaluate(input("L", "0.2", "E", "6", "C", "100"));
        assertEquals(bd("120"), s.value());
        assertEquals("120", s.toString());
        assertEquals("120", s.value().toPlainString());
        // the same product through double is not 120: the test would catch a double implementation
        assertFalse(0.2 * 6 * 100 == 120.0);
    }

    @Test
    @DisplayName("every LEC product equals the exact decimal product, though 36 of them are inexact as double")
    void exactEverywhere() {
        int inexactAsDouble = 0;
        for (String l : TestData.LEC_L) {
            for (String e : TestData.LEC_E) {
                for (String c : TestData.LEC_C) {
                    BigDecimal exact = bd(l).multiply(bd(e)).multiply(bd(c));
                    Score s = LEC.evaluate(input("L", l, "E", e, "C", c));
                    assertEquals(0, exact.compareTo(s.value()));
                    assertEquals(exact.stripTrailingZeros().toPlainString(), s.toString());
                    double dbl = Double.parseDouble(l) * Double.parseDouble(e) * Double.parseDouble(c);
                    if (new BigDecimal(Double.toString(dbl)).compareTo(exact) != 0) {
                        inexactAsDouble++;
                    }
                }
            }
        }
        assertEquals(36, inexactAsDouble);
    }

    @Test
    @DisplayName("doubles given as input keep their short decimal form: 0.1, 0.2, 0.5 stay exact")
    void doubleInputs() {
        Score s = LEC.evaluate(org.dualprevention.risk.AssessmentInput.of(Map.of("L", 0.2, "E", 6.0, "C", 100)));
        assertEquals("120", s.toString());
        Score t = LEC.evaluate(org.dualprevention.risk.AssessmentInput.of(Map.of("L", 0.1, "E", 0.5, "C", 15)));
        assertEquals("0.75", t.toString());
    }
}
