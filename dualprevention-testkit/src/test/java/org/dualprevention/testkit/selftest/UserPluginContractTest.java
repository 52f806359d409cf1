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
        /**
         * These tests run patched into the testkit's own module, which declares no provides for test classes;
         * UserPluginClassPathTest checks the plug-in's discovery (M14) on the class path.
         */
        @Override
        protected boolean discovered() {
            return false;
        }

        @Override
        protected AssessmentMethod method() {
            return new AcmeRisk6Method();
        }
    }

    @Nested
    @DisplayName("ACME.RISK6-SUM scheme (hand-written GradingScheme)")
    class SumScheme extends GradingSchemeContract {
        /** Contributed by the provider AcmeRisk6Schemes (listed in META-INF/services), not discovered on its own. */
        @Override
        protected boolean discovered() {
            return false;
        }

        /** The manual's table of P + C, written out: G11 checks every reachable cell against it. */
        @Override
        protected Optional<CellGradingScheme> cellDefinition() {
            return Optional.of(sumTable());
        }

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
        /** Contributed by the provider AcmeRisk6Schemes (listed in META-INF/services), not discovered on its own. */
        @Override
        protected boolean discovered() {
            return false;
        }

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

        @Override
        protected Optional<CellGradingScheme> cellDefinition(GradingScheme scheme) {
            return Optional.of(scheme.id().equals(AcmeRisk6Scheme.ID) ? sumTable() : AcmeRisk6MatrixScheme.cells());
        }
    }

    /** ACME.RISK6-SUM as its manual prints it: the grade of every cell of P + C. */
    static CellGradingScheme sumTable() {
        return CellGradingScheme.builder(AcmeRisk6Scheme.ID, AcmeRisk6Method.ID, 6, 6)
                .name("ACME 6x6 by P + C").source("ACME safety manual 2026, section 4.2")
                .grades(new AcmeRisk6Scheme().grades().toArray(new org.dualprevention.risk.Grade[0]))
                .row(1, "D", "D", "D", "D", "C", "C")
                .row(2, "D", "D", "D", "C", "C", "C")
                .row(3, "D", "D", "C", "C", "C", "B")
                .row(4, "D", "C", "C", "C", "B", "B")
                .row(5, "C", "C", "C", "B", "B", "A")
                .row(6, "C", "C", "B", "B", "A", "A")
                .build();
    }

    static Score cell(int p, int c) {
        return Score.ofCell(p, c, BigDecimal.valueOf((long) p * c));
    }
}
