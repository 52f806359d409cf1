package org.dualprevention.method;

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
 * MES, 作业条件风险程度评价 (DOMAIN.md §3.1): R = M × E × S.
 *
 * <ul>
 *   <li>{@code M} state of control measures (控制措施的状态): 5 none, 3 mitigating emergency measures,
 *       1 preventive measures;</li>
 *   <li>{@code E} exposure frequency (暴露频繁程度 / 危险状态出现频次): 10, 6, 3, 2, 1, 0.5;</li>
 *   <li>{@code S} severity (事故的可能后果): 10, 8, 4, 2, 1.</li>
 * </ul>
 * R is exact. The default scheme is {@code MES-5}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class MesMethod implements AssessmentMethod {
    /** The id {@code MES}. */
    public static final MethodId ID = MethodId.of("MES");

    private static final List<FactorDefinition> FACTORS = List.of(
            FactorDefinition.discrete("M", "控制措施的状态 (state of control measures)", "1", "3", "5"),
            FactorDefinition.discrete("E", "暴露频繁程度 (exposure frequency)", "0.5", "1", "2", "3", "6", "10"),
            FactorDefinition.discrete("S", "事故的可能后果 (severity)", "1", "2", "4", "8", "10"));

    /** Creates the method; used by {@link java.util.ServiceLoader}. */
    public MesMethod() {
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
        return BuiltInSchemes.MES_5_ID;
    }

    /**
     * Computes R = M × E × S exactly.
     *
     * @param input values for {@code M}, {@code E} and {@code S}
     * @return the plain score R
     * @throws org.dualprevention.ValidationException listing every missing, unknown or off-scale factor
     */
    @Override
    public Score evaluate(AssessmentInput input) {
        Objects.requireNonNull(input, "input");
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
        return Factors.chinese(Objects.requireNonNull(locale, "locale")) ? "作业条件风险程度评价法（MES）"
                : "MES risk evaluation (R = M × E × S)";
    }

    @Override
    public String toString() {
        return "MES " + FACTORS;
    }
}
