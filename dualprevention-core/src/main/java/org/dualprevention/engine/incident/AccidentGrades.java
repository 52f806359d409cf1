package org.dualprevention.engine.incident;

import java.math.BigDecimal;
import java.util.Objects;
import org.dualprevention.incident.AccidentGrade;
import org.dualprevention.incident.Casualties;

/**
 * The accident grade of 国务院令第493号 Art. 3 from casualties and direct loss (DOMAIN.md §6.3). Each
 * criterion alone decides, the most severe one wins, and a bound includes its number ("以上含本数，以下不含本数"):
 * <table>
 *   <caption>Grades</caption>
 *   <tr><th>grade</th><th>deaths</th><th>serious injuries</th><th>direct loss (yuan)</th></tr>
 *   <tr><td>特别重大</td><td>≥ 30</td><td>≥ 100</td><td>≥ 100 000 000</td></tr>
 *   <tr><td>重大</td><td>10–29</td><td>50–99</td><td>50 000 000 – &lt; 100 000 000</td></tr>
 *   <tr><td>较大</td><td>3–9</td><td>10–49</td><td>10 000 000 – &lt; 50 000 000</td></tr>
 *   <tr><td>一般</td><td>&lt; 3</td><td>&lt; 10</td><td>&lt; 10 000 000</td></tr>
 * </table>
 *
 * @since 0.2
 */
public final class AccidentGrades {
    private static final BigDecimal TEN_MILLION = new BigDecimal("10000000");
    private static final BigDecimal FIFTY_MILLION = new BigDecimal("50000000");
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");

    private AccidentGrades() {
    }

    /**
     * The grade of an accident.
     *
     * @param c its casualties and loss
     * @return the grade
     */
    public static AccidentGrade of(Casualties c) {
        Objects.requireNonNull(c, "c");
        if (c.deaths() >= 30 || c.seriousInjuries() >= 100 || c.directLossYuan().compareTo(HUNDRED_MILLION) >= 0) {
            return AccidentGrade.ESPECIALLY_MAJOR;
        }
        if (c.deaths() >= 10 || c.seriousInjuries() >= 50 || c.directLossYuan().compareTo(FIFTY_MILLION) >= 0) {
            return AccidentGrade.MAJOR;
        }
        if (c.deaths() >= 3 || c.seriousInjuries() >= 10 || c.directLossYuan().compareTo(TEN_MILLION) >= 0) {
            return AccidentGrade.SIGNIFICANT;
        }
        return AccidentGrade.GENERAL;
    }
}
