package org.dualprevention.engine.hazmat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.hazmat.AlphaBand;
import org.dualprevention.hazmat.CriticalQuantityTable;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.MajorHazardGrade;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.SubstanceRef;
import org.dualprevention.hazmat.TableEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * S, R and the grade of major hazard installations (DOMAIN.md §11) against values typed here from the
 * domain reference, not read from the shipped table.
 */
class MajorHazardCalculatorTest {
    static final CriticalQuantityTable GB = CriticalQuantityTables.gb18218_2018();
    static final MajorHazardCalculator CALC = MajorHazardCalculator.of(GB);

    /** DOMAIN.md §11.1 (Q) and DOMAIN.md §11.2 (β of toxic gases; 1.5 flammable gases; 1 other), typed independently. */
    static final Map<String, String[]> NAMED = Map.ofEntries(
            Map.entry("ammonia", new String[] {"10", "2"}), Map.entry("chlorine", new String[] {"5", "4"}),
            Map.entry("hydrogen-sulfide", new String[] {"5", "5"}), Map.entry("phosgene", new String[] {"0.3", "20"}),
            Map.entry("hydrogen-cyanide", new String[] {"1", "10"}),
            Map.entry("carbon-monoxide", new String[] {"10", "2"}),
            Map.entry("sulfur-dioxide", new String[] {"20", "2"}),
            Map.entry("hydrogen-chloride", new String[] {"20", "3"}),
            Map.entry("hydrogen-fluoride", new String[] {"1", "5"}),
            Map.entry("ethylene-oxide", new String[] {"10", "2"}), Map.entry("hydrogen", new String[] {"5", "1.5"}),
            Map.entry("acetylene", new String[] {"1", "1.5"}), Map.entry("methane", new String[] {"50", "1.5"}),
            Map.entry("lpg", new String[] {"50", "1.5"}), Map.entry("benzene", new String[] {"50", "1"}),
            Map.entry("toluene", new String[] {"500", "1"}), Map.entry("methanol", new String[] {"500", "1"}),
            Map.entry("ethanol", new String[] {"500", "1"}), Map.entry("gasoline", new String[] {"200", "1"}),
            Map.entry("acetone", new String[] {"500", "1"}), Map.entry("oxygen", new String[] {"200", "1"}),
            Map.entry("guanidine-nitrate", new String[] {"50", "1"}),
            Map.entry("ammonium-nitrate-over-0.2", new String[] {"5", "2"}),
            Map.entry("ammonium-nitrate-max-0.2", new String[] {"50", "1"}),
            Map.entry("ammonium-nitrate-fertilizer", new String[] {"200", "1"}));

    /** DOMAIN.md §11.1: acute toxicity categories of the 2018 edition. */
    static final Map<String, String> CATEGORY_Q = Map.of("J1", "5", "J2", "50", "J3", "50", "J4", "50", "J5", "500");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static MajorHazardStatus status(int people, Holding... holdings) {
        return CALC.evaluate(List.of(holdings), people).status();
    }

    @Test
    @DisplayName("the shipped table holds every value of DOMAIN.md §11, each with a source and the edition")
    void shippedTableMatchesTheDomainReference() {
        assertEquals("GB 18218-2018", GB.edition());
        NAMED.forEach((key, qb) -> {
            TableEntry e = GB.entry(SubstanceRef.named(key)).orElseThrow(() -> new AssertionError(key));
            assertEquals(0, d(qb[0]).compareTo(e.criticalTonnes()), key + " Q");
            assertEquals(0, d(qb[1]).compareTo(e.beta()), key + " beta");
        });
        CATEGORY_Q.forEach((key, q) -> assertEquals(0, d(q).compareTo(
                GB.entry(SubstanceRef.category(key)).orElseThrow().criticalTonnes()), key));
        for (TableEntry e : GB.entries()) {
            assertTrue(e.quantitySource().contains("GB 18218-2018"), e.ref() + " " + e.quantitySource());
            assertTrue(e.betaSource().matches(".*(40号|GB 18218-2018).*"), e.ref() + " " + e.betaSource());
            assertTrue(e.quantitySource().matches(".*\\[[CPU]\\].*"), "certainty mark on " + e.ref());
        }
        int[][] alpha = {{0, 5}, {1, 10}, {29, 10}, {30, 12}, {49, 12}, {50, 15}, {99, 15}, {100, 20}, {100_000, 20}};
        for (int[] a : alpha) {
            assertEquals(0, BigDecimal.valueOf(a[1], 1).compareTo(GB.alphaBand(a[0]).alpha()), a[0] + " people");
        }
    }

    @Test
    @DisplayName("worked example DOMAIN.md §11.2: 300 t 甲醇 + 40 t 液化石油气, 35 people: S 1.4, R 2.16, 四级")
    void workedExampleOfTheDomainReference() {
        MajorHazardEvaluation ev = CALC.evaluate(List.of(Holding.named("methanol", "300"), Holding.named("lpg", "40")),
                35);
        assertEquals(d("1.4000"), ev.status().s());
        assertTrue(ev.status().major());
        assertEquals(d("1.2"), ev.status().alpha().setScale(1));
        assertEquals(d("2.1600"), ev.status().r());
        assertEquals(Optional.of(MajorHazardGrade.GRADE_4), ev.status().grade());
        assertEquals(d("0.600000"), ev.terms().get(0).ratio());
        assertEquals(d("1.200000"), ev.terms().get(1).weighted());
    }

    @Test
    @DisplayName("worked examples DOMAIN.md §11.2: 8 t 氯, 60 people: R 9.6 四级; 30 t: R 36 三级; 200 t 甲醇 alone not major")
    void chlorineExamplesOfTheDomainReference() {
        MajorHazardStatus eight = status(60, Holding.named("chlorine", "8"));
        assertEquals(d("1.6000"), eight.s());
        assertEquals(d("9.6000"), eight.r());
        assertEquals(Optional.of(MajorHazardGrade.GRADE_4), eight.grade());
        MajorHazardStatus thirty = status(60, Holding.named("chlorine", "30"));
        assertEquals(d("6.0000"), thirty.s());
        assertEquals(d("36.0000"), thirty.r());
        assertEquals(Optional.of(MajorHazardGrade.GRADE_3), thirty.grade());
        MajorHazardStatus methanol = status(35, Holding.named("methanol", "200"));
        assertEquals(d("0.4000"), methanol.s());
        assertFalse(methanol.major());
        assertEquals(Optional.empty(), methanol.grade());
    }

    @Test
    @DisplayName("worked examples by the 40号令 method (own arithmetic): liquid ammonia, chlorine, a tank farm")
    void moreWorkedExamples() {
        // 60 t 液氨 (Q 10, β 2), 120 people (α 2): S 6, R 2·2·6 = 24, 三级
        MajorHazardStatus ammonia = status(120, Holding.named("ammonia", "60"));
        assertEquals(d("6.0000"), ammonia.s());
        assertEquals(d("24.0000"), ammonia.r());
        assertEquals(Optional.of(MajorHazardGrade.GRADE_3), ammonia.grade());
        // 150 t 氯 (Q 5, β 4), 60 people (α 1.5): S 30, R 1.5·4·30 = 180, 一级
        MajorHazardStatus chlorine = status(60, Holding.named("chlorine", "150"));
        assertEquals(d("180.0000"), chlorine.r());
        assertEquals(Optional.of(MajorHazardGrade.GRADE_1), chlorine.grade());
        // 1600 t 汽油 (Q 200) + 200 t 苯 (Q 50), nobody within 500 m (α 0.5): S 12, R 6, 四级
        MajorHazardStatus farm = status(0, Holding.named("gasoline", "1600"), Holding.named("benzene", "200"));
        assertEquals(d("12.0000"), farm.s());
        assertEquals(d("6.0000"), farm.r());
        assertEquals(Optional.of(MajorHazardGrade.GRADE_4), farm.grade());
        // 5 t 硫化氢 (Q 5, β 5) + 10 t 液氨, 200 people: S 2, R 2·(5 + 2) = 14, 三级
        MajorHazardStatus toxic = status(200, Holding.named("hydrogen-sulfide", "5"), Holding.named("ammonia", "10"));
        assertEquals(d("14.0000"), toxic.r());
        assertEquals(Optional.of(MajorHazardGrade.GRADE_3), toxic.grade());
    }

    @Test
    @DisplayName("a mixture of named substances and categories: every term counted under its own row")
    void mixtureOfNamedAndCategorySubstances() {
        // 300 t 甲醇 (0.6, β 1) + 500 t W5.3 (Q 1000: 0.5, β 1) + 2 t J1 (Q 5: 0.4, β 4), 40 people (α 1.2)
        MajorHazardStatus st = status(40, Holding.named("methanol", "300"), Holding.category("W5.3", "500"),
                Holding.category("J1", "2"));
        assertEquals(d("1.5000"), st.s());
        assertEquals(d("3.2400"), st.r()); // 1.2 × (0.6 + 0.5 + 1.6)
        assertEquals(Optional.of(MajorHazardGrade.GRADE_4), st.grade());
        // the same without the category terms is not a major hazard
        assertFalse(status(40, Holding.named("methanol", "300")).major());
    }

    @Test
    @DisplayName("S: every row of the table at Q is major, 0.0001 t below is not, above is")
    void everyRowAroundItsCriticalQuantity() {
        BigDecimal step = d("0.0001");
        int rows = 0;
        for (TableEntry e : GB.entries()) {
            Holding at = new Holding(e.ref(), e.criticalTonnes());
            Holding below = new Holding(e.ref(), e.criticalTonnes().subtract(step));
            Holding above = new Holding(e.ref(), e.criticalTonnes().add(step));
            for (int people : new int[] {0, 1, 29, 30, 49, 50, 99, 100}) {
                assertTrue(status(people, at).major(), e.ref() + " at Q");
                assertEquals(d("1.0000"), status(people, at).s(), e.ref().toString());
                assertFalse(status(people, below).major(), e.ref() + " below Q");
                assertTrue(status(people, above).major(), e.ref() + " above Q");
            }
            rows++;
        }
        assertEquals(GB.entries().size(), rows);
        assertTrue(rows >= 49, "rows " + rows);
    }

    @Test
    @DisplayName("S: exact sums decide, not rounded ones (0.1 + 0.2 + 0.7 = 1; three thirds make 1)")
    void exactSums() {
        assertTrue(status(0, Holding.named("hydrogen-cyanide", "0.1"), Holding.named("hydrogen-fluoride", "0.2"),
                Holding.named("acetylene", "0.7")).major());
        assertFalse(status(0, Holding.named("hydrogen-cyanide", "0.1"), Holding.named("hydrogen-fluoride", "0.2"),
                Holding.named("acetylene", "0.6999999999")).major());
        CriticalQuantityTable thirds = CriticalQuantityTable.of("test", "test", List.of(row("a", "0.3", "1"),
                row("b", "0.3", "1"), row("c", "0.3", "1")), GB.alphaBands());
        MajorHazardStatus st = MajorHazardCalculator.of(thirds).evaluate(List.of(Holding.named("a", "0.1"),
                Holding.named("b", "0.1"), Holding.named("c", "0.1")), 0).status();
        assertTrue(st.major());
        assertEquals(d("1.0000"), st.s());
        MajorHazardStatus under = MajorHazardCalculator.of(thirds).evaluate(List.of(Holding.named("a", "0.1"),
                Holding.named("b", "0.1"), Holding.named("c", "0.0999999999999")), 0).status();
        assertFalse(under.major());
        assertEquals(d("1.0000"), under.s(), "rounded for display, decided exactly");
    }

    static TableEntry row(String key, String q, String beta) {
        return new TableEntry(SubstanceRef.named(key), key, key, "", d(q), d(beta), "test [U]", "test");
    }

    @Test
    @DisplayName("grade: R at 10, 50 and 100 and 10⁻¹ … 10⁻¹² on either side")
    void gradeBoundaries() {
        MajorHazardGrade[][] expect = {
            {MajorHazardGrade.GRADE_4, MajorHazardGrade.GRADE_3, MajorHazardGrade.GRADE_3},
            {MajorHazardGrade.GRADE_3, MajorHazardGrade.GRADE_2, MajorHazardGrade.GRADE_2},
            {MajorHazardGrade.GRADE_2, MajorHazardGrade.GRADE_1, MajorHazardGrade.GRADE_1}};
        int[] thresholds = {10, 50, 100};
        for (int t = 0; t < 3; t++) {
            BigDecimal at = BigDecimal.valueOf(thresholds[t]);
            assertEquals(expect[t][1], MajorHazardCalculator.gradeOf(at), "R = " + at);
            for (int k = 1; k <= 12; k++) {
                BigDecimal eps = BigDecimal.ONE.movePointLeft(k);
                assertEquals(expect[t][0], MajorHazardCalculator.gradeOf(at.subtract(eps)), "R = " + at + " - " + eps);
                assertEquals(expect[t][2], MajorHazardCalculator.gradeOf(at.add(eps)), "R = " + at + " + " + eps);
            }
        }
        assertEquals(MajorHazardGrade.GRADE_4, MajorHazardCalculator.gradeOf(BigDecimal.ZERO));
        assertEquals(MajorHazardGrade.GRADE_1, MajorHazardCalculator.gradeOf(d("1E+9")));
    }

    @Test
    @DisplayName("grade through evaluation: every α band × every boundary, R exactly at it and 10⁻⁶ t either side")
    void everyAlphaBandAtEveryBoundary() {
        // one row with Q 3 and β 1: q = T·3/α is a finite decimal for every α of the table (0.5, 1, 1.2, 1.5, 2)
        CriticalQuantityTable t = CriticalQuantityTable.of("test", "test", List.of(row("x", "3", "1")),
                GB.alphaBands());
        MajorHazardCalculator calc = MajorHazardCalculator.of(t);
        MajorHazardGrade[] at = {MajorHazardGrade.GRADE_3, MajorHazardGrade.GRADE_2, MajorHazardGrade.GRADE_1};
        MajorHazardGrade[] below = {MajorHazardGrade.GRADE_4, MajorHazardGrade.GRADE_3, MajorHazardGrade.GRADE_2};
        int[] thresholds = {10, 50, 100};
        int checked = 0;
        for (AlphaBand band : GB.alphaBands()) {
            int people = band.minPeople();
            for (int i = 0; i < 3; i++) {
                BigDecimal q = BigDecimal.valueOf(thresholds[i] * 3L).divide(band.alpha());
                BigDecimal micro = d("0.000001");
                MajorHazardStatus exact = calc.evaluate(List.of(Holding.named("x", q.toPlainString())), people).status();
                assertEquals(0, exact.r().compareTo(BigDecimal.valueOf(thresholds[i])), band + " " + q);
                assertEquals(Optional.of(at[i]), exact.grade(), band + " q " + q);
                assertEquals(Optional.of(below[i]), calc.evaluate(List.of(new Holding(SubstanceRef.named("x"),
                        q.subtract(micro))), people).status().grade(), band + " q below " + q);
                assertEquals(Optional.of(at[i]), calc.evaluate(List.of(new Holding(SubstanceRef.named("x"),
                        q.add(micro))), people).status().grade(), band + " q above " + q);
                checked++;
            }
        }
        assertEquals(15, checked);
    }

    @Test
    @DisplayName("grade through evaluation: every shipped row × α band × boundary whose q is a finite decimal")
    void everyShippedRowAtEveryBoundary() {
        int checked = 0;
        MajorHazardGrade[] at = {MajorHazardGrade.GRADE_3, MajorHazardGrade.GRADE_2, MajorHazardGrade.GRADE_1};
        int[] thresholds = {10, 50, 100};
        for (TableEntry e : GB.entries()) {
            for (AlphaBand band : GB.alphaBands()) {
                for (int i = 0; i < 3; i++) {
                    BigDecimal q;
                    try {
                        q = BigDecimal.valueOf(thresholds[i]).multiply(e.criticalTonnes())
                                .divide(band.alpha().multiply(e.beta()));
                    } catch (ArithmeticException nonTerminating) {
                        continue;
                    }
                    if (q.compareTo(e.criticalTonnes()) <= 0) {
                        continue; // not a major hazard at that quantity: no grade
                    }
                    MajorHazardStatus st = status(band.minPeople(), new Holding(e.ref(), q));
                    assertEquals(Optional.of(at[i]), st.grade(), e.ref() + " " + band.alpha() + " " + q);
                    MajorHazardStatus less = status(band.minPeople(), new Holding(e.ref(), q.subtract(d("1E-9"))));
                    assertTrue(less.grade().orElseThrow().number() == at[i].number() + 1, e.ref() + " below " + q);
                    checked++;
                }
            }
        }
        assertTrue(checked > 300, "combinations checked: " + checked);
    }

    @Test
    @DisplayName("bad input: every violation at once, each naming the field, the value and what is allowed")
    void badInputNamesFieldValueAndAllowed() {
        ValidationException e = assertThrows(ValidationException.class, () -> CALC.evaluate(List.of(
                Holding.named("unobtainium", "1"), Holding.named("methanol", "0"), Holding.category("methanol", "5"),
                Holding.named("lpg", "-2"), Holding.named("lpg", "3")), -1));
        List<String> paths = e.violations().stream().map(Violation::path).toList();
        assertEquals(List.of("holdings[0].substance", "holdings[1].tonnes", "holdings[2].substance",
                "holdings[3].tonnes", "holdings[4].substance", "peopleWithin500m"), paths, e.getMessage());
        Violation unknown = e.violations().get(0);
        assertEquals("named:unobtainium", unknown.value());
        assertTrue(unknown.allowed().contains("methanol") && unknown.allowed().contains("GB 18218-2018"),
                unknown.allowed());
        assertTrue(e.violations().get(2).allowed().contains("W5.3"), "category keys listed");
        assertEquals("0", e.violations().get(1).value());
        assertTrue(e.violations().get(4).allowed().contains("holdings[3]"));
        ValidationException empty = assertThrows(ValidationException.class, () -> CALC.evaluate(List.of(), 0));
        assertEquals("holdings", empty.violations().get(0).path());
    }

    @Test
    @DisplayName("a host's table in the text form: read, used, and bad rows reported by line")
    void hostTable() {
        String text = "edition\tACME-2027\nsource\tour own list\n"
                + "named\tfoo\t甲\tfoo\t-\t2\t3\tour list [C]\tour list\n"
                + "alpha\t0\t-\t1\tflat\n";
        CriticalQuantityTable t = CriticalQuantityTables.read(new StringReader(text));
        MajorHazardStatus st = MajorHazardCalculator.of(t).evaluate(List.of(Holding.named("foo", "4")), 7).status();
        assertEquals(d("2.0000"), st.s());
        assertEquals(d("6.0000"), st.r());
        assertEquals("ACME-2027", st.tableEdition());
        ValidationException bad = assertThrows(ValidationException.class, () -> CriticalQuantityTables.read(
                new StringReader("edition\tx\nnamed\tfoo\t甲\tfoo\t-\tzero\t3\ts\ts\nweird\n")));
        List<String> paths = bad.violations().stream().map(Violation::path).toList();
        assertEquals(List.of("line 2.Q", "line 3.type", "source"), paths, bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CriticalQuantityTable.of("t", "s", List.of(),
                List.of(new AlphaBand(0, OptionalInt.of(5), BigDecimal.ONE, "s"),
                        new AlphaBand(7, OptionalInt.empty(), BigDecimal.ONE, "s"))));
    }

    @Test
    @DisplayName("a holding equals another with the same substance and numeric quantity")
    void holdingEquality() {
        assertEquals(Holding.named("lpg", "40"), Holding.named("lpg", "40.00"));
        assertEquals(Holding.named("lpg", "40").hashCode(), Holding.named("lpg", "40.00").hashCode());
        List<Holding> l = new ArrayList<>();
        l.add(Holding.named("lpg", "40"));
        assertTrue(l.contains(Holding.named("lpg", "4E+1")));
    }
}
