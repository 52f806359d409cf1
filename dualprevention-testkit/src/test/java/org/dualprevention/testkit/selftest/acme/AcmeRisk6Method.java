package org.dualprevention.testkit.selftest.acme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;

/**
 * What an integrator writes: a company's own 6 × 6 risk matrix, compiled against dualprevention-spi
 * alone. {@code P} is the probability class and {@code C} the consequence class, each 1 (lowest) to 6;
 * the score is the matrix cell with the value P × C.
 */
public final class AcmeRisk6Method implements AssessmentMethod {
    /** The namespaced id. */
    public static final MethodId ID = MethodId.of("ACME.RISK6");

    private static final List<FactorDefinition> FACTORS = List.of(
            FactorDefinition.discrete("P", "probability class", "1", "2", "3", "4", "5", "6"),
            FactorDefinition.discrete("C", "consequence class", "1", "2", "3", "4", "5", "6"));

    /** Public no-argument constructor, for ServiceLoader. */
    public AcmeRisk6Method() {
    }

    @Override
    public MethodId id() {
        return ID;
    }

    @Override
    public List<FactorDefinition> factors() {
        return FACTORS;
    }

    @Override
    public SchemeId defaultScheme() {
        return AcmeRisk6Scheme.ID;
    }

    @Override
    public Score evaluate(AssessmentInput input) {
        Objects.requireNonNull(input, "input");
        validate(input);
        int p = input.value("P").orElseThrow().intValueExact();
        int c = input.value("C").orElseThrow().intValueExact();
        return Score.ofCell(p, c, BigDecimal.valueOf((long) p * c));
    }

    @Override
    public String displayName(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? "ACME 六级风险矩阵" : "ACME 6x6 risk matrix";
    }
}
