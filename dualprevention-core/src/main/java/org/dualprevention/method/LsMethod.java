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
 * LS, 风险矩阵法 (risk matrix by product): R = L × S with {@code L} (likelihood, 事故发生的可能性) and
 * {@code S} (severity, 事件后果严重性) integers 1 to 5 (DOMAIN.md §2.1–2.2).
 *
 * <p>The score is the cell {@code (L, S)} with value R ({@link Score#ofCell}), so banded schemes grade
 * it by R and per-cell schemes by its cell. The default scheme is {@code LS-SHANDONG}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LsMethod implements AssessmentMethod {
    /** The id {@code LS}. */
    public static final MethodId ID = MethodId.of("LS");

    private static final List<FactorDefinition> FACTORS = List.of(
            FactorDefinition.discrete("L", "事故发生的可能性 (likelihood)", "1", "2", "3", "4", "5"),
            FactorDefinition.discrete("S", "事件后果严重性 (severity)", "1", "2", "3", "4", "5"));

    /** Creates the method; used by {@link java.util.ServiceLoader}. */
    public LsMethod() {
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
        return BuiltInSchemes.LS_SHANDONG_ID;
    }

    /**
     * Computes R = L × S.
     *
     * @param input values for {@code L} and {@code S}
     * @return the cell (L, S) with value R
     * @throws org.dualprevention.ValidationException listing every missing, unknown or off-scale factor
     */
    @Override
    public Score evaluate(AssessmentInput input) {
        Objects.requireNonNull(input, "input");
        validate(input);
        int l = input.value("L").orElseThrow().intValueExact();
        int s = input.value("S").orElseThrow().intValueExact();
        return Score.ofCell(l, s, Factors.product(input, FACTORS));
    }

    /**
     * The name in Chinese for {@code zh} locales, English otherwise.
     *
     * @param locale the locale
     * @return the name
     */
    @Override
    public String displayName(Locale locale) {
        return Factors.chinese(Objects.requireNonNull(locale, "locale")) ? "风险矩阵法（LS）"
                : "LS risk matrix (R = L × S)";
    }

    @Override
    public String toString() {
        return "LS " + FACTORS;
    }
}
