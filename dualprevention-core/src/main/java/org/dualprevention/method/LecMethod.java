package org.dualprevention.method;

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
 * LEC, 作业条件危险性评价法 (job hazard evaluation, Graham–Kinney): D = L × E × C.
 *
 * <p>Factors and their only allowed values (DOMAIN.md §1.1–1.3(a), the Kinney–Wiruth scales):
 * <ul>
 *   <li>{@code L} likelihood of an accident (事故发生的可能性): 10, 6, 3, 1, 0.5, 0.2, 0.1;</li>
 *   <li>{@code E} exposure frequency (暴露于危险环境的频繁程度): 10, 6, 3, 2, 1, 0.5;</li>
 *   <li>{@code C} consequence (发生事故产生的后果): 100, 40, 15, 7, 3, 1.</li>
 * </ul>
 * Any other value (e.g. E = 0.2, or C = 16 seen in some registers) is rejected with the allowed list.
 * D is computed exactly with {@link BigDecimal}: 0.2 × 6 × 100 is exactly 120. The default scheme is
 * {@code LEC-V1}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LecMethod implements AssessmentMethod {
    /** The id {@code LEC}. */
    public static final MethodId ID = MethodId.of("LEC");

    private static final List<FactorDefinition> FACTORS = List.of(
            FactorDefinition.discrete("L", "事故发生的可能性 (likelihood of an accident)",
                    "10", "6", "3", "1", "0.5", "0.2", "0.1"),
            FactorDefinition.discrete("E", "暴露于危险环境的频繁程度 (exposure frequency)",
                    "10", "6", "3", "2", "1", "0.5"),
            FactorDefinition.discrete("C", "发生事故产生的后果 (consequence)",
                    "100", "40", "15", "7", "3", "1"));

    /** Creates the method; used by {@link java.util.ServiceLoader}. */
    public LecMethod() {
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
        return BuiltInSchemes.LEC_V1_ID;
    }

    /**
     * Computes D = L × E × C exactly.
     *
     * @param input values for {@code L}, {@code E} and {@code C}
     * @return the plain score D
     * @throws org.dualprevention.ValidationException listing every missing, unknown or off-scale factor
     */
    @Override
    public Score evaluate(AssessmentInput input) {
        Objects.requireNonNull(input, "input");
        // validate's default checks valid input without building any text (one rule, in the spi), then throws
        // for anything else; the one-pass variant that repeated its rule here measured within the noise
        validate(input);
        return Score.of(Factors.product(input, FACTORS));
    }

    /**
     * The name in Chinese for {@code zh} locales, English otherwise.
     *
     * @param locale the locale
     * @return the name
     */
    @Override
    public String displayName(Locale locale) {
        return Factors.chinese(Objects.requireNonNull(locale, "locale")) ? "作业条件危险性评价法（LEC）"
                : "LEC job hazard evaluation (D = L × E × C)";
    }

    @Override
    public String toString() {
        return "LEC " + FACTORS;
    }
}
