package org.dualprevention.method;

import java.util.List;
import java.util.Locale;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;

/**
 * The built-in 4×4 risk matrix {@code MATRIX-4X4}, for the enterprise/area-level matrix of
 * DOMAIN.md §2.4(b): {@code L} 1–4 (the rounded-up mean of the item scores) by {@code S} 1–4 (the
 * largest item score). It behaves exactly like {@code RiskMatrixMethod.of(MATRIX-4X4, 4, 4, …)}; this
 * class exists so that {@link java.util.ServiceLoader} can find it. Default scheme:
 * {@code MATRIX-4X4-ENTERPRISE}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Matrix4x4Method implements AssessmentMethod {
    /** The id {@code MATRIX-4X4}. */
    public static final MethodId ID = MethodId.of("MATRIX-4X4");

    private static final RiskMatrixMethod DELEGATE =
            RiskMatrixMethod.of(ID, 4, 4, BuiltInSchemes.MATRIX_4X4_ENTERPRISE_ID);

    /** Creates the method; used by {@link java.util.ServiceLoader}. */
    public Matrix4x4Method() {
    }

    @Override
    public MethodId id() {
        return ID;
    }

    @Override
    public List<FactorDefinition> factors() {
        return DELEGATE.factors();
    }

    @Override
    public SchemeId defaultScheme() {
        return DELEGATE.defaultScheme();
    }

    /**
     * Returns the cell (L, S) with value L × S.
     *
     * @param input values for {@code L} and {@code S}, each 1 to 4
     * @return the cell score
     * @throws org.dualprevention.ValidationException listing every missing, unknown or off-scale factor
     */
    @Override
    public Score evaluate(AssessmentInput input) {
        return DELEGATE.evaluate(input);
    }

    /**
     * The name in Chinese for {@code zh} locales, English otherwise.
     *
     * @param locale the locale
     * @return the name
     */
    @Override
    public String displayName(Locale locale) {
        return DELEGATE.displayName(locale);
    }

    @Override
    public String toString() {
        return DELEGATE.toString();
    }
}
