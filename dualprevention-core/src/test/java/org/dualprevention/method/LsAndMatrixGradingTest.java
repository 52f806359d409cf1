package org.dualprevention.method;

import static org.dualprevention.method.TestData.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.GradingScheme;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every LS cell under every LS scheme and every cell of the per-cell matrices, against the published
 * ranges of DOMAIN.md §2.3–2.4 written here literally.
 */
@DisplayName("LS and risk matrices: every cell under every shipped scheme")
class LsAndMatrixGradingTest {
    private static final LsMethod LS = new LsMethod();

    record Expected(String code, RiskLevel level) {
    }

    // Shandong style: 20–25 / 15–16 / 9–12 / 4–8 / 1–3
    static Expected shandong(int r) {
        if (r >= 20 && r <= 25) {
            return new Expected("major", RiskLevel.MAJOR);
        } else if (r >= 15 && r <= 16) {
            return new Expected("significant", RiskLevel.SIGNIFICANT);
        } else if (r >= 9 && r <= 12) {
            return new Expected("general", RiskLevel.GENERAL);
        } else if (r >= 4 && r <= 8) {
            return new Expected("low", RiskLevel.LOW);
        } else if (r >= 1 && r <= 3) {
            return new Expected("minimal", RiskLevel.LOW);
        }
        return fail("R=" + r + " is in no published Shandong range");
    }

    // zgmkw: 20–25 Ⅰ / 9–16 Ⅱ / 4–8 Ⅲ / 1–3 Ⅳ
    static Expected zgmkw(int r) {
        if (r >= 20 && r <= 25) {
            return new Expected("I", RiskLevel.MAJOR);
        } else if (r >= 9 && r <= 16) {
            return new Expected("II", RiskLevel.SIGNIFICANT);
        } else if (r >= 4 && r <= 8) {
            return new Expected("III", RiskLevel.GENERAL);
        } else if (r >= 1 && r <= 3) {
            return new Expected("IV", RiskLevel.LOW);
        }
        return fail("R=" + r + " is in no published zgmkw range");
    }

    // jha: 20–25 / 15–16 / 6–12 / 1–5
    static Expected jha(int r) {
        if (r >= 20 && r <= 25) {
            return new Expected("extreme", RiskLevel.MAJOR);
        } else if (r >= 15 && r <= 16) {
            return new Expected("high", RiskLevel.SIGNIFICANT);
        } else if (r >= 6 && r <= 12) {
            return new Expected("general", RiskLevel.GENERAL);
        } else if (r >= 1 && r <= 5) {
            return new Expected("low", RiskLevel.LOW);
        }
        return fail("R=" + r + " is in no published JHA range");
    }

    // Hubei: ≥17 / 13–16 / 8–12 / ≤7
    static Expected hubei(int r) {
        if (r >= 17) {
            return new Expected("major", RiskLevel.MAJOR);
        } else if (r >= 13 && r <= 16) {
            return new Expected("significant", RiskLevel.SIGNIFICANT);
        } else if (r >= 8 && r <= 12) {
            return new Expected("general", RiskLevel.GENERAL);
        } else {
            return new Expected("low", RiskLevel.LOW);
        }
    }

    static Stream<Arguments> lsCells() {
        List<Arguments> out = new ArrayList<>();
        for (String scheme : List.of("LS-SHANDONG", "LS-ZGMKW", "LS-JHA", "LS-HUBEI")) {
            for (int l = 1; l <= 5; l++) {
                for (int s = 1; s <= 5; s++) {
                    out.add(Arguments.of(scheme, l, s));
                }
            }
        }
        return out.stream();
    }

    private static Expected expected(String scheme, int r) {
        switch (scheme) {
            case "LS-SHANDONG":
                return shandong(r);
            case "LS-ZGMKW":
                return zgmkw(r);
            case "LS-JHA":
                return jha(r);
            case "LS-HUBEI":
                return hubei(r);
            default:
                return fail("unknown scheme " + scheme);
        }
    }

    private static GradingScheme scheme(String id) {
        Optional<GradingScheme> s = BuiltInSchemes.byId(org.dualprevention.risk.SchemeId.of(id));
        assertTrue(s.isPresent(), id);
        return s.get();
    }

    @Test
    @DisplayName("the LS test covers exactly the shipped LS schemes, 25 cells each")
    void coverage() {
        assertEquals(100, lsCells().count());
        List<String> shipped = new ArrayList<>();
        BuiltInSchemes.all().stream().filter(s -> s.method().equals(LsMethod.ID)).forEach(s -> shipped.add(s.id().value()));
        assertEquals(List.of("LS-SHANDONG", "LS-ZGMKW", "LS-JHA", "LS-HUBEI"), shipped);
    }

    @ParameterizedTest(name = "{0}: L={1} S={2}")
    @MethodSource("lsCells")
    @DisplayName("each LS cell gets the grade of the published range of R = L×S")
    void gradesEveryLsCell(String schemeId, int l, int s) {
        Score score = LS.evaluate(input("L", String.valueOf(l), "S", String.valueOf(s)));
        assertEquals(Score.ofCell(l, s, java.math.BigDecimal.valueOf((long) l * s)), score);
        Expected want = expected(schemeId, l * s);
        Grade got = scheme(schemeId).grade(score);
        assertEquals(want, new Expected(got.code(), got.level()), schemeId + " R=" + l * s);
    }

    static Stream<Map<String, String>> grid() {
        return TestData.csv("/ls-grid.csv").stream();
    }

    private static RiskLevel level(String chinese) {
        switch (chinese) {
            case "重大":
                return RiskLevel.MAJOR;
            case "较大":
                return RiskLevel.SIGNIFICANT;
            case "一般":
                return RiskLevel.GENERAL;
            case "低":
                return RiskLevel.LOW;
            default:
                return fail("unknown level " + chinese);
        }
    }

    @Test
    @DisplayName("ls-grid.csv holds the 25 cells of DOMAIN.md §8.3")
    void gridSize() {
        assertEquals(25, grid().count());
    }

    @ParameterizedTest(name = "L={0}")
    @MethodSource("grid")
    @DisplayName("DOMAIN.md §8.3 grid: R and the Shandong default level per cell (LS-SHANDONG and MATRIX-5X5)")
    void publishedGrid(Map<String, String> row) {
        int l = Integer.parseInt(row.get("L"));
        int s = Integer.parseInt(row.get("S"));
        Score score = LS.evaluate(input("L", row.get("L"), "S", row.get("S")));
        assertEquals(row.get("R"), score.value().toPlainString());
        RiskLevel want = level(row.get("default_level_shandong"));
        assertEquals(want, BuiltInSchemes.lsShandong().grade(score).level(), "LS-SHANDONG");
        Score cell = new RiskMatrixMethod().evaluate(input("L", row.get("L"), "S", row.get("S")));
        assertEquals(want, BuiltInSchemes.matrix5x5().grade(cell).level(), "MATRIX-5X5 at " + l + "," + s);
    }

    // DOMAIN.md §8.3: S7's own levels, by R
    @ParameterizedTest(name = "L={0} S={1}")
    @MethodSource("cells5x5")
    @DisplayName("DOMAIN.md §8.3: zgmkw grid levels (轻微 Ⅳ 1-3, 一般 Ⅲ 4-8, 较大 Ⅱ 9-16, 重大 Ⅰ 20-25) under LS-ZGMKW")
    void zgmkwGrid(int l, int s) {
        int r = l * s;
        String want = r <= 3 ? "IV" : r <= 8 ? "III" : r <= 16 ? "II" : "I";
        assertEquals(want, BuiltInSchemes.lsZgmkw().grade(LS.evaluate(input("L", "" + l, "S", "" + s))).code());
    }

    static Stream<Arguments> cells5x5() {
        List<Arguments> out = new ArrayList<>();
        for (int l = 1; l <= 5; l++) {
            for (int s = 1; s <= 5; s++) {
                out.add(Arguments.of(l, s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "L={0} S={1}")
    @MethodSource("cells5x5")
    @DisplayName("MATRIX-5X5 gives each cell the Shandong grade of L×S (grade code and level)")
    void matrixFiveByFive(int l, int s) {
        Score cell = new RiskMatrixMethod().evaluate(input("L", "" + l, "S", "" + s));
        assertEquals(Score.ofCell(l, s, java.math.BigDecimal.valueOf((long) l * s)), cell);
        Grade got = BuiltInSchemes.matrix5x5().grade(cell);
        assertEquals(shandong(l * s), new Expected(got.code(), got.level()));
        // an LS score carries the same cell, so the per-cell scheme grades it identically
        assertEquals(got, BuiltInSchemes.matrix5x5().grade(LS.evaluate(input("L", "" + l, "S", "" + s))));
    }

    // DOMAIN.md §2.4(b), copied literally: rows L 1..4, columns S 1..4
    private static final String[][] ENTERPRISE = {
        {"低", "低", "低", "一般"},
        {"低", "一般", "一般", "较大"},
        {"低", "一般", "较大", "重大"},
        {"一般", "较大", "重大", "重大"},
    };

    static Stream<Arguments> cells4x4() {
        List<Arguments> out = new ArrayList<>();
        for (int l = 1; l <= 4; l++) {
            for (int s = 1; s <= 4; s++) {
                out.add(Arguments.of(l, s));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "L={0} S={1}")
    @MethodSource("cells4x4")
    @DisplayName("MATRIX-4X4-ENTERPRISE matches DOMAIN.md §2.4(b) cell by cell")
    void enterpriseMatrix(int l, int s) {
        Score cell = new Matrix4x4Method().evaluate(input("L", "" + l, "S", "" + s));
        Grade got = BuiltInSchemes.matrix4x4Enterprise().grade(cell);
        assertEquals(level(ENTERPRISE[l - 1][s - 1]), got.level());
        // smaq assess3.jsp reaches the same cells via L×S: ≤3 blue, ≤6 yellow, ≤9 orange, else red
        int r = l * s;
        RiskLevel smaq = r <= 3 ? RiskLevel.LOW : r <= 6 ? RiskLevel.GENERAL : r <= 9 ? RiskLevel.SIGNIFICANT : RiskLevel.MAJOR;
        assertEquals(smaq, got.level());
    }
}
