package org.dualprevention.engine.hazmat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.ValidationException;
import org.dualprevention.hazmat.AlphaBand;
import org.dualprevention.hazmat.CriticalQuantityTable;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.MajorHazardGrade;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.SubstanceRef;
import org.dualprevention.hazmat.TableEntry;

/**
 * Identifies and grades major hazard installations (GB 18218-2018; 安监总局令第40号 附件1; DOMAIN.md §11):
 * <ul>
 *   <li>S = q₁/Q₁ + … + qₙ/Qₙ; the unit is a major hazard installation when S ≥ 1 (one substance reaching
 *       its Q is the case n = 1);</li>
 *   <li>R = α · (β₁·q₁/Q₁ + … + βₙ·qₙ/Qₙ), α by the people within 500 m outside the site;</li>
 *   <li>一级 R ≥ 100; 二级 50 ≤ R &lt; 100; 三级 10 ≤ R &lt; 50; 四级 R &lt; 10.</li>
 * </ul>
 * Arithmetic is exact (rational numbers): the comparisons with 1, 10, 50 and 100 are never disturbed by
 * rounding; the reported S and R are rounded half-up to 4 decimal places afterwards.
 *
 * <pre>{@code
 * MajorHazardCalculator calc = MajorHazardCalculator.of(CriticalQuantityTables.gb18218_2018());
 * MajorHazardStatus st = calc.evaluate(List.of(Holding.named("methanol", "300"), Holding.named("lpg", "40")), 35)
 *         .status();   // S 1.4000, major, R 2.1600, 四级
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.2
 */
public final class MajorHazardCalculator {
    private static final Fraction ONE = Fraction.of(1);
    private static final Fraction TEN = Fraction.of(10);
    private static final Fraction FIFTY = Fraction.of(50);
    private static final Fraction HUNDRED = Fraction.of(100);

    private final CriticalQuantityTable table;

    private MajorHazardCalculator(CriticalQuantityTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * A calculator over a table.
     *
     * @param table the table
     * @return the calculator
     */
    public static MajorHazardCalculator of(CriticalQuantityTable table) {
        return new MajorHazardCalculator(table);
    }

    /** @return the table */
    public CriticalQuantityTable table() {
        return table;
    }

    /**
     * Evaluates an installation.
     *
     * @param installation the installation
     * @return the evaluation
     * @throws ValidationException as {@link #evaluate(List, int)}
     */
    public MajorHazardEvaluation evaluate(MajorHazardInstallation installation) {
        Objects.requireNonNull(installation, "installation");
        return evaluate(installation.holdings(), installation.peopleWithin500m());
    }

    /**
     * Evaluates holdings and a population.
     *
     * @param holdings the dangerous chemicals held, at least one
     * @param peopleWithin500m people within 500 m outside the site, 0 or more
     * @return the evaluation
     * @throws ValidationException naming every bad holding (unknown substance with the keys allowed,
     *         quantity not above 0, a substance listed twice) and a negative population
     */
    public MajorHazardEvaluation evaluate(List<Holding> holdings, int peopleWithin500m) {
        Objects.requireNonNull(holdings, "holdings");
        validate(holdings, peopleWithin500m);
        AlphaBand band = table.alphaBand(peopleWithin500m);
        Fraction s = Fraction.ZERO;
        Fraction weightedSum = Fraction.ZERO;
        List<MajorHazardEvaluation.Term> terms = new ArrayList<>();
        for (Holding h : holdings) {
            TableEntry e = table.entry(h.substance()).orElseThrow();
            Fraction ratio = Fraction.of(h.tonnes()).divide(Fraction.of(e.criticalTonnes()));
            Fraction weighted = ratio.multiply(Fraction.of(e.beta()));
            s = s.add(ratio);
            weightedSum = weightedSum.add(weighted);
            terms.add(new MajorHazardEvaluation.Term(h, e, ratio.round(6), weighted.round(6)));
        }
        Fraction r = weightedSum.multiply(Fraction.of(band.alpha()));
        boolean major = s.compareTo(ONE) >= 0;
        Optional<MajorHazardGrade> grade = major ? Optional.of(grade(r)) : Optional.empty();
        MajorHazardStatus status = new MajorHazardStatus(s.round(4), major, band.alpha(), r.round(4), grade,
                table.edition());
        return new MajorHazardEvaluation(terms, band, status);
    }

    /**
     * The grade of an R value (exact boundaries, 表6).
     *
     * @param r R
     * @return 一级 for R ≥ 100, 二级 for 50 ≤ R &lt; 100, 三级 for 10 ≤ R &lt; 50, else 四级
     */
    public static MajorHazardGrade gradeOf(BigDecimal r) {
        return grade(Fraction.of(Objects.requireNonNull(r, "r")));
    }

    private static MajorHazardGrade grade(Fraction r) {
        if (r.compareTo(HUNDRED) >= 0) {
            return MajorHazardGrade.GRADE_1;
        }
        if (r.compareTo(FIFTY) >= 0) {
            return MajorHazardGrade.GRADE_2;
        }
        if (r.compareTo(TEN) >= 0) {
            return MajorHazardGrade.GRADE_3;
        }
        return MajorHazardGrade.GRADE_4;
    }

    private void validate(List<Holding> holdings, int people) {
        ValidationException.Collector v = new ValidationException.Collector(
                "major hazard installation (table " + table.edition() + ")");
        v.addIf(holdings.isEmpty(), "holdings", "[]", "at least one dangerous chemical with its quantity");
        Map<SubstanceRef, Integer> seen = new HashMap<>();
        for (int i = 0; i < holdings.size(); i++) {
            Holding h = Objects.requireNonNull(holdings.get(i), "holdings[" + i + "]");
            String at = "holdings[" + i + "]";
            if (table.entry(h.substance()).isEmpty()) {
                v.add(at + ".substance", h.substance(), "a " + h.substance().basis().code() + " row of table "
                        + table.edition() + ": " + keys(h.substance().basis()));
            }
            v.addIf(h.tonnes().signum() <= 0, at + ".tonnes", h.tonnes().toPlainString(),
                    "a quantity greater than 0 tonnes");
            Integer before = seen.putIfAbsent(h.substance(), i);
            if (before != null) {
                v.add(at + ".substance", h.substance(), "each substance once (already at holdings[" + before
                        + "]); add the quantities up");
            }
        }
        v.addIf(people < 0, "peopleWithin500m", people, "0 or more people");
        v.throwIfAny();
    }

    private String keys(SubstanceRef.Basis basis) {
        return table.entries(basis).stream().map(e -> e.ref().key()).collect(Collectors.joining(", "));
    }
}
