package org.dualprevention.method;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;

/** Helpers shared by the built-in methods. Not part of the API. */
final class Factors {
    private Factors() {
    }

    /** The exact product of the named factors of an already validated input, normalised. */
    static BigDecimal product(AssessmentInput input, List<FactorDefinition> factors) {
        BigDecimal p = BigDecimal.ONE;
        for (FactorDefinition f : factors) {
            p = p.multiply(input.value(f.key()).orElseThrow());
        }
        return normalise(p);
    }

    static BigDecimal normalise(BigDecimal v) {
        if (v.scale() == 0) {
            return v; // an integer at scale 0 is already in normal form (stripping then setScale(0) gives it back)
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static boolean chinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }
}
