package org.dualprevention.method;

import static org.dualprevention.method.TestData.bd;
import static org.dualprevention.method.TestData.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.Score;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every MES combination under both MES schemes and every DIRECT flag combination. */
@DisplayName("MES and direct determination: every combination")
class MesAndDirectGradingTest {
    private static final MesMethod MES = new MesMethod();

    record Expected(String code, RiskLevel level) {
    }

    // DOMAIN.md §3.1 five grades as written: ≥180 / 90–150 / 50–80 / 20–48 / ≤18, colours as documented
    static Expected mes5(BigDecimal r) {
        if (r.compareTo(bd("180")) >= 0) {
            return new Expected("extreme", RiskLevel.MAJOR);
        } else if (r.compareTo(bd("90")) >= 0 && r.compareTo(bd("150")) <= 0) {
            return new Expected("high", RiskLevel.SIGNIFICANT);
        } else if (r.compareTo(bd("50")) >= 0 && r.compareTo(bd("80")) <= 0) {
            return new Expected("substantial", RiskLevel.SIGNIFICANT);
        } else if (r.compareTo(bd("20")) >= 0 && r.compareTo(bd("48")) <= 0) {
            return new Expected("possible", RiskLevel.GENERAL);
        } else if (r.compareTo(bd("18")) <= 0) {
            return new Expected("slight", RiskLevel.LOW);
        }
        return fail("R=" + r + " falls in a gap of the published MES table");
    }

    // four-band variant: R>180 重大; 90≤R≤180 较大; 40≤R<90 一般; R<40 低
    static Expected mes4(BigDecimal r) {
        if (r.compareTo(bd("180")) > 0) {
            return new Expected("major", RiskLevel.MAJOR);
        } else if (r.compareTo(bd("90")) >= 0) {
            return new Expected("significant", RiskLevel.SIGNIFICANT);
        } else if (r.compareTo(bd("40")) >= 0) {
            return new Expected("general", RiskLevel.GENERAL);
        } else {
            return new Expected("low", RiskLevel.LOW);
        }
    }

    static Stream<Arguments> mesCombinations() {
        List<Arguments> out = new ArrayList<>();
        for (String m : TestData.MES_M) {
            for (String e : TestData.MES_E) {
                for (String s : TestData.MES_S) {
                    out.add(Arguments.of(m, e, s));
                }
            }
        }
        return out.stream();
    }

    @Test
    @DisplayName("the MES test covers 3×6×5 = 90 combinations")
    void coverage() {
        assertEquals(90, mesCombinations().count());
    }

    @ParameterizedTest(name = "M={0} E={1} S={2}")
    @MethodSource("mesCombinations")
    @DisplayName("each MES combination gets the published grade under MES-5 and MES-4")
    void gradesEveryCombination(String m, String e, String s) {
        Score score = MES.evaluate(input("M", m, "E", e, "S", s));
        BigDecimal r = bd(m).multiply(bd(e)).multiply(bd(s));
        assertEquals(0, r.compareTo(score.value()));
        Grade five = BuiltInSchemes.mes5().grade(score);
        assertEquals(mes5(r), new Expected(five.code(), five.level()), "MES-5 R=" + r);
        Grade four = BuiltInSchemes.mes4().grade(score);
        assertEquals(mes4(r), new Expected(four.code(), four.level()), "MES-4 R=" + r);
    }

    @Test
    @DisplayName("MES boundaries: 180 = 3×6×10 is grade 1 under MES-5 but 较大 under MES-4; 40 = 5×2×4 is 一般 under MES-4")
    void mesBoundaries() {
        Score r180 = MES.evaluate(input("M", "3", "E", "6", "S", "10"));
        assertEquals("180", r180.toString());
        assertEquals("extreme", BuiltInSchemes.mes5().grade(r180).code());
        assertEquals("significant", BuiltInSchemes.mes4().grade(r180).code());
        Score r40 = MES.evaluate(input("M", "5", "E", "2", "S", "4"));
        assertEquals("general", BuiltInSchemes.mes4().grade(r40).code());
        assertEquals("possible", BuiltInSchemes.mes5().grade(r40).code());
    }

    static Stream<Arguments> directFlags() {
        List<Arguments> out = new ArrayList<>();
        for (int bits = 0; bits < 32; bits++) {
            out.add(Arguments.of(bits & 1, (bits >> 1) & 1, (bits >> 2) & 1, (bits >> 3) & 1, (bits >> 4) & 1));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "LAW={0} ACCIDENT={1} MAJOR_HAZARD={2} CROWDED={3} HIGHEST={4}")
    @MethodSource("directFlags")
    @DisplayName("DIRECT: any criterion met gives 重大, none gives LOW 'no major-risk criterion met'")
    void direct(int law, int accident, int majorHazard, int crowded, int highest) {
        Score s = new DirectMethod().evaluate(input("LAW", "" + law, "ACCIDENT", "" + accident, "MAJOR_HAZARD",
                "" + majorHazard, "CROWDED", "" + crowded, "HIGHEST", "" + highest));
        int met = law + accident + majorHazard + crowded + highest;
        assertEquals(String.valueOf(met), s.toString());
        Grade g = BuiltInSchemes.direct().grade(s);
        if (met > 0) {
            assertEquals(new Expected("major", RiskLevel.MAJOR), new Expected(g.code(), g.level()));
        } else {
            assertEquals(new Expected("none", RiskLevel.LOW), new Expected(g.code(), g.level()));
            org.junit.jupiter.api.Assertions.assertTrue(g.name().contains("no major-risk criterion met"), g.name());
        }
    }
}
