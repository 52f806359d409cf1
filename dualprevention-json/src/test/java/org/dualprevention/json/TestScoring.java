package org.dualprevention.json;

import java.math.BigDecimal;
import java.util.List;

import org.dualprevention.ValidationException;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;

/** Small test implementations of the scoring SPI (json may not depend on core's built-ins). */
final class TestScoring {
    private TestScoring() {
    }

    /** Product of all factors; optionally a matrix cell indexed by the first two factors. */
    static final class ProductMethod implements AssessmentMethod {
        private final MethodId id;
        private final SchemeId scheme;
        private final List<FactorDefinition> factors;
        private final boolean cell;

        ProductMethod(String id, String scheme, boolean cell, FactorDefinition... factors) {
            this.id = MethodId.of(id);
            this.scheme = SchemeId.of(scheme);
            this.factors = List.of(factors);
            this.cell = cell;
        }

        @Override
        public MethodId id() {
            return id;
        }

        @Override
        public List<FactorDefinition> factors() {
            return factors;
        }

        @Override
        public SchemeId defaultScheme() {
            return scheme;
        }

        @Override
        public Score evaluate(AssessmentInput input) {
            validate(input);
            BigDecimal p = BigDecimal.ONE;
            for (FactorDefinition f : factors) {
                p = p.multiply(input.value(f.key()).orElseThrow());
            }
            if (!cell) {
                return Score.of(p);
            }
            int row = factors.get(0).indexOf(input.value(factors.get(0).key()).orElseThrow()).orElseThrow() + 1;
            int col = factors.get(1).indexOf(input.value(factors.get(1).key()).orElseThrow()).orElseThrow() + 1;
            return Score.ofCell(row, col, p);
        }
    }

    /** Grades by lower bounds, most severe first. */
    static final class BandScheme implements GradingScheme {
        private final SchemeId id;
        private final MethodId method;
        private final BigDecimal[] lower;
        private final List<Grade> grades;

        BandScheme(String id, String method, String... lowerBounds) {
            this.id = SchemeId.of(id);
            this.method = MethodId.of(method);
            this.lower = new BigDecimal[lowerBounds.length];
            for (int i = 0; i < lowerBounds.length; i++) {
                lower[i] = new BigDecimal(lowerBounds[i]);
            }
            this.grades = List.of(new Grade("1", "重大风险", RiskLevel.MAJOR, "停产整改"),
                    new Grade("2", "较大风险", RiskLevel.SIGNIFICANT, "立即整改"),
                    new Grade("3", "一般风险", RiskLevel.GENERAL, "需要整改"),
                    Grade.of("4", "低风险", RiskLevel.LOW));
        }

        @Override
        public SchemeId id() {
            return id;
        }

        @Override
        public String name() {
            return "Test scheme " + id;
        }

        @Override
        public String source() {
            return "test fixture";
        }

        @Override
        public MethodId method() {
            return method;
        }

        @Override
        public List<Grade> grades() {
            return grades;
        }

        @Override
        public Grade grade(Score score) {
            if (score.value().signum() < 0) {
                throw new ValidationException("score", List.of(org.dualprevention.Violation.of("score", score, "not negative")));
            }
            for (int i = 0; i < lower.length; i++) {
                if (score.value().compareTo(lower[i]) >= 0) {
                    return grades.get(i);
                }
            }
            return grades.get(3);
        }
    }

    static final ProductMethod LEC = new ProductMethod("LEC", "LEC-T", false,
            FactorDefinition.discrete("L", "likelihood", "0.1", "0.2", "0.5", "1", "3", "6", "10"),
            FactorDefinition.discrete("E", "exposure", "0.5", "1", "2", "3", "6", "10"),
            FactorDefinition.discrete("C", "consequence", "1", "3", "7", "15", "40", "100"));
    static final ProductMethod LS = new ProductMethod("LS", "LS-T", false,
            FactorDefinition.discrete("L", "likelihood", "1", "2", "3", "4", "5"),
            FactorDefinition.discrete("S", "severity", "1", "2", "3", "4", "5"));
    static final ProductMethod MATRIX = new ProductMethod("MATRIX", "MATRIX-T", true,
            FactorDefinition.discrete("L", "likelihood", "1", "2", "3", "4", "5"),
            FactorDefinition.discrete("S", "severity", "1", "2", "3", "4", "5"));
    static final BandScheme LEC_T = new BandScheme("LEC-T", "LEC", "320", "160", "70");
    static final BandScheme LS_T = new BandScheme("LS-T", "LS", "20", "15", "9");
    static final BandScheme MATRIX_T = new BandScheme("MATRIX-T", "MATRIX", "16", "10", "5");

    static final List<ProductMethod> METHODS = List.of(LEC, LS, MATRIX);
    static final List<BandScheme> SCHEMES = List.of(LEC_T, LS_T, MATRIX_T);

    static ScoringProviders providers() {
        return ScoringProviders.of(METHODS, SCHEMES);
    }

    static GradingScheme schemeFor(MethodId m) {
        for (BandScheme s : SCHEMES) {
            if (s.method().equals(m)) {
                return s;
            }
        }
        throw new IllegalArgumentException(m.value());
    }
}
