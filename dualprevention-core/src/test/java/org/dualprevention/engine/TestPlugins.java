package org.dualprevention.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;

/** Small test-only methods and schemes. */
public final class TestPlugins {
    private TestPlugins() {
    }

    /** Score = A × B with A, B in {1, 2, 3}; counts evaluations. */
    public static class ProductMethod implements AssessmentMethod {
        private final MethodId id;
        private final SchemeId defaultScheme;
        public final AtomicInteger evaluations = new AtomicInteger();

        public ProductMethod(String id, String defaultScheme) {
            this.id = MethodId.of(id);
            this.defaultScheme = SchemeId.of(defaultScheme);
        }

        @Override
        public MethodId id() {
            return id;
        }

        @Override
        public List<FactorDefinition> factors() {
            return List.of(FactorDefinition.discrete("A", "first", "1", "2", "3"),
                    FactorDefinition.discrete("B", "second", "1", "2", "3"));
        }

        @Override
        public SchemeId defaultScheme() {
            return defaultScheme;
        }

        @Override
        public Score evaluate(AssessmentInput input) {
            validate(input);
            evaluations.incrementAndGet();
            return Score.of(input.value("A").orElseThrow().multiply(input.value("B").orElseThrow()));
        }
    }

    /** Grades products: 9 major, 6 significant, 3-4 general, 1-2 low. */
    public static class BandScheme implements GradingScheme {
        public static final Grade MAJOR = Grade.of("4", "four", RiskLevel.MAJOR);
        public static final Grade SIGNIFICANT = Grade.of("3", "three", RiskLevel.SIGNIFICANT);
        public static final Grade GENERAL = Grade.of("2", "two", RiskLevel.GENERAL);
        public static final Grade LOW = Grade.of("1", "one", RiskLevel.LOW);
        private final SchemeId id;
        private final MethodId method;

        public BandScheme(String id, String method) {
            this.id = SchemeId.of(id);
            this.method = MethodId.of(method);
        }

        @Override
        public SchemeId id() {
            return id;
        }

        @Override
        public String name() {
            return "bands " + id;
        }

        @Override
        public String source() {
            return "test";
        }

        @Override
        public MethodId method() {
            return method;
        }

        @Override
        public List<Grade> grades() {
            return List.of(MAJOR, SIGNIFICANT, GENERAL, LOW);
        }

        @Override
        public Grade grade(Score score) {
            BigDecimal v = score.value();
            if (v.compareTo(BigDecimal.valueOf(9)) >= 0) {
                return MAJOR;
            }
            if (v.compareTo(BigDecimal.valueOf(6)) >= 0) {
                return SIGNIFICANT;
            }
            if (v.compareTo(BigDecimal.valueOf(3)) >= 0) {
                return GENERAL;
            }
            return LOW;
        }
    }
}
