package com.acme.safety;

import java.math.BigDecimal;
import java.util.Map;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.testkit.GradingSchemeContract;

/** The testkit's scheme contract, run against ACME's 6×6 scheme, with the corners and a few cells pinned. */
class AcmeMatrix6SchemeTest extends GradingSchemeContract {
    @Override
    protected GradingScheme scheme() {
        return new AcmeMatrix6Scheme();
    }

    @Override
    protected AssessmentMethod method() {
        return new AcmeMatrix6Method();
    }

    @Override
    protected Map<Score, String> documentedGrades() {
        return Map.of(cell(1, 1), "D", cell(6, 6), "A", cell(1, 6), "C", cell(6, 1), "C", cell(4, 4), "B",
                cell(3, 3), "C", cell(4, 6), "A", cell(2, 3), "D");
    }

    /** The printed matrix: G9 checks every cell's grade and G11 that every reachable cell lies in it. */
    @Override
    protected java.util.Optional<org.dualprevention.spi.support.CellGradingScheme> cellDefinition() {
        return java.util.Optional.of(AcmeMatrix6Scheme.table());
    }

    private static Score cell(int f, int s) {
        return Score.ofCell(f, s, BigDecimal.valueOf((long) f * s));
    }
}
