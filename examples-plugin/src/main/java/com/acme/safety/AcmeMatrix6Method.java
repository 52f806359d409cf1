package com.acme.safety;

import java.math.BigDecimal;
import java.util.ArrayList;
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
 * ACME's 6×6 risk matrix: likelihood {@code F} (frequency, 1 = never heard of in the industry … 6 = several
 * times a year on site) and severity {@code S} (1 = no injury … 6 = several deaths). The score is the cell
 * (F, S) with the value F × S; {@link AcmeMatrix6Scheme} grades it.
 *
 * <p>Stateless and thread-safe. Found by {@link java.util.ServiceLoader} through its public no-argument
 * constructor.
 *
 * @since 0.1
 */
public final class AcmeMatrix6Method implements AssessmentMethod {
    /** The method id, namespaced by the company. */
    public static final MethodId ID = MethodId.of("ACME.MATRIX6");

    private static final List<FactorDefinition> FACTORS = List.of(
            FactorDefinition.discrete("F", "likelihood (frequency), 1 to 6", steps()),
            FactorDefinition.discrete("S", "severity, 1 to 6", steps()));

    /** Creates the method (used by the service loader). */
    public AcmeMatrix6Method() {
        // stateless
    }

    private static List<BigDecimal> steps() {
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            out.add(BigDecimal.valueOf(i));
        }
        return out;
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
        return AcmeMatrix6Scheme.ID;
    }

    @Override
    public Score evaluate(AssessmentInput input) {
        Objects.requireNonNull(input, "input");
        validate(input);
        int f = input.value("F").orElseThrow().intValueExact();
        int s = input.value("S").orElseThrow().intValueExact();
        return Score.ofCell(f, s, BigDecimal.valueOf((long) f * s));
    }

    @Override
    public String displayName(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(Objects.requireNonNull(locale, "locale").getLanguage())
                ? "ACME 6×6 风险矩阵" : "ACME 6 × 6 risk matrix";
    }

    @Override
    public String toString() {
        return ID + " (default scheme " + AcmeMatrix6Scheme.ID + ")";
    }
}
