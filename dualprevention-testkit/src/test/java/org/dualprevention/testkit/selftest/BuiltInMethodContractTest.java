package org.dualprevention.testkit.selftest;

import java.util.Set;
import org.dualprevention.method.DirectMethod;
import org.dualprevention.method.LecMethod;
import org.dualprevention.method.LsMethod;
import org.dualprevention.method.Matrix4x4Method;
import org.dualprevention.method.MesMethod;
import org.dualprevention.method.RiskMatrixMethod;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.testkit.AssessmentMethodContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/** Every built-in assessment method of core passes {@link AssessmentMethodContract}. */
class BuiltInMethodContractTest {
    /** The provider classes covered here; {@link BuiltInsCoveredTest} checks nothing is missing. */
    static final Set<Class<?>> COVERED = Set.of(LecMethod.class, LsMethod.class, RiskMatrixMethod.class,
            Matrix4x4Method.class, MesMethod.class, DirectMethod.class);

    @Nested
    @DisplayName("LEC")
    class Lec extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new LecMethod();
        }
    }

    @Nested
    @DisplayName("LS")
    class Ls extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new LsMethod();
        }
    }

    @Nested
    @DisplayName("MATRIX")
    class Matrix extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new RiskMatrixMethod();
        }
    }

    @Nested
    @DisplayName("MATRIX-4X4")
    class Matrix4x4 extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new Matrix4x4Method();
        }
    }

    @Nested
    @DisplayName("MES")
    class Mes extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new MesMethod();
        }
    }

    @Nested
    @DisplayName("DIRECT")
    class Direct extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return new DirectMethod();
        }
    }
}
