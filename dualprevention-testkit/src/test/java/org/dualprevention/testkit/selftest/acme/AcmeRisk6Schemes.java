package org.dualprevention.testkit.selftest.acme;

import java.util.List;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;

/**
 * Contributes ACME's two schemes for {@link AcmeRisk6Method} through one ServiceLoader provider: the
 * hand-written {@link AcmeRisk6Scheme} and the cell table {@link AcmeRisk6MatrixScheme}.
 */
public final class AcmeRisk6Schemes implements GradingSchemeProvider {
    private static final List<GradingScheme> SCHEMES = List.of(new AcmeRisk6Scheme(), new AcmeRisk6MatrixScheme());

    /** Public no-argument constructor, for ServiceLoader. */
    public AcmeRisk6Schemes() {
    }

    @Override
    public List<GradingScheme> schemes() {
        return SCHEMES;
    }
}
