package org.dualprevention.testkit.selftest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.support.CellGradingScheme;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;
import org.dualprevention.testkit.AssessmentMethodContract;
import org.dualprevention.testkit.GradingSchemeContract;
import org.dualprevention.testkit.GradingSchemeProviderContract;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6MatrixScheme;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Method;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Scheme;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Schemes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * A method, two schemes and the provider contributing both, written by a user against dualprevention-spi
 * only (package {@code acme}), pass the contracts, exactly as an integrator's own test would run them.
 * Their registration through {@code META-INF/services} is checked by {@link UserPluginClassPathTest}.
 */
class UserPluginContractTest {
    @Nested
    @DisplayName("ACME.RISK6 method")
    class Method extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new AcmeRisk6Method();
        }
    }

    @Nested
    @DisplayName("ACME.RISK6-SUM scheme (hand-written GradingScheme)")
    class SumScheme extends GradingSchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new AcmeRisk6Scheme();
        }

        @Override
        protected AssessmentMethod method() {
            return new AcmeRisk6Method();
        }

        @Override
        protected Map<Score, String> documentedGrades() {
            Map<Score, String> t = new LinkedHashMap<>();
            t.put(cell(6, 6), "A");
            t.put(cell(6, 5), "A");
            t.put(cell(5, 5), "B");
            t.put(cell(3, 6), "B");
            t.put(cell(4, 4), "C");
            t.put(cell(1, 5), "C");
            t.put(cell(1, 4), "D");
            t.put(cell(1, 1), "D");
            return t;
        }
    }

    @Nested
    @DisplayName("ACME.RISK6-CELLS scheme (spi CellGradingScheme)")
    class CellScheme extends GradingSchemeContract {
        @Override
        protected GradingScheme scheme() {
            return new AcmeRisk6MatrixScheme();
        }

        @Override
        protected Optional<CellGradingScheme> cellDefinition() {
            return Optional.of(AcmeRisk6MatrixScheme.cells());
        }

        @Override
        protected AssessmentMethod method() {
            return new AcmeRisk6Method();
        }

        @Override
        protected Map<Score, String> documentedGrades() {
            return Map.of(cell(6, 6), "red", cell(4, 6), "red", cell(1, 1), "blue", cell(6, 1), "yellow",
                    cell(3, 5), "orange");
        }
    }

    @Nested
    @DisplayName("ACME scheme provider (both schemes)")
    class Provider extends GradingSchemeProviderContract {
        @Override
        protected GradingSchemeProvider provider() {
            return new AcmeRisk6Schemes();
        }

        @Override
        protected AssessmentMethod method(GradingScheme scheme) {
            return new AcmeRisk6Method();
        }

        @Override
        protected Map<Score, String> documentedGrades(SchemeId scheme) {
            return scheme.equals(AcmeRisk6Scheme.ID) ? new SumScheme().documentedGrades() : Map.of();
        }
    }

    static Score cell(int p, int c) {
        return Score.ofCell(p, c, BigDecimal.valueOf((long) p * c));
    }
}
