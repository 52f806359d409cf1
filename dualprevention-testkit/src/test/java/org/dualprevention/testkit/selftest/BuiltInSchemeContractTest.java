package org.dualprevention.testkit.selftest;

import java.util.Optional;
import java.util.Set;
import org.dualprevention.method.BuiltInScheme;
import org.dualprevention.method.LecBinaryScheme;
import org.dualprevention.method.LecKinneyScheme;
import org.dualprevention.method.LecV1Scheme;
import org.dualprevention.method.LecV1StrictScheme;
import org.dualprevention.method.LecV2Scheme;
import org.dualprevention.method.LsHubeiScheme;
import org.dualprevention.method.LsJhaScheme;
import org.dualprevention.method.LsShandongScheme;
import org.dualprevention.method.LsZgmkwScheme;
import org.dualprevention.method.Matrix4x4EnterpriseScheme;
import org.dualprevention.method.Matrix5x5Scheme;
import org.dualprevention.method.Mes4Scheme;
import org.dualprevention.method.Mes5Scheme;
import org.dualprevention.method.DirectScheme;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.support.BandedGradingScheme;
import org.dualprevention.spi.support.CellGradingScheme;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.testkit.GradingSchemeContract;
import org.dualprevention.testkit.Providers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/**
 * Every shipped grading scheme of core passes {@link GradingSchemeContract} against the built-in method
 * it grades (found through {@link Providers}), with its band edges checked exactly.
 */
class BuiltInSchemeContractTest {
    /** The provider classes covered here; {@link BuiltInsCoveredTest} checks nothing is missing. */
    static final Set<Class<?>> COVERED = Set.of(LecV1Scheme.class, LecV1StrictScheme.class, LecV2Scheme.class,
            LecBinaryScheme.class, LecKinneyScheme.class, LsShandongScheme.class, LsZgmkwScheme.class,
            LsJhaScheme.class, LsHubeiScheme.class, Mes5Scheme.class, Mes4Scheme.class, Matrix5x5Scheme.class,
            Matrix4x4EnterpriseScheme.class, DirectScheme.class);

    /** Finds the method by the scheme's {@code method()} and reads the bands behind a built-in scheme. */
    abstract class BuiltIn extends GradingSchemeContract {
        @Override
        protected AssessmentMethod method() {
            return Providers.methodOf(scheme());
        }

        @Override
        protected Optional<BandedGradingScheme> bandedDefinition() {
            GradingScheme d = ((BuiltInScheme) scheme()).definition();
            return d instanceof BandedGradingScheme ? Optional.of((BandedGradingScheme) d) : Optional.empty();
        }

        @Override
        protected Optional<CellGradingScheme> cellDefinition() {
            GradingScheme d = ((BuiltInScheme) scheme()).definition();
            return d instanceof CellGradingScheme ? Optional.of((CellGradingScheme) d) : Optional.empty();
        }
    }

    @Nested
    @DisplayName("LEC-V1")
    class LecV1 extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new LecV1Scheme();
        }
    }

    @Nested
    @DisplayName("LEC-V1-STRICT")
    class LecV1Strict extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new LecV1StrictScheme();
        }
    }

    @Nested
    @DisplayName("LEC-V2")
    class LecV2 extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new LecV2Scheme();
        }
    }

    @Nested
    @DisplayName("LEC-BINARY")
    class LecBinary extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new LecBinaryScheme();
        }
    }

    @Nested
    @DisplayName("LEC-KINNEY")
    class LecKinney extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new LecKinneyScheme();
        }
    }

    @Nested
    @DisplayName("LS-SHANDONG")
    class LsShandong extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new LsShandongScheme();
        }
    }

    @Nested
    @DisplayName("LS-ZGMKW")
    class LsZgmkw extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new LsZgmkwScheme();
        }
    }

    @Nested
    @DisplayName("LS-JHA")
    class LsJha extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new LsJhaScheme();
        }
    }

    @Nested
    @DisplayName("LS-HUBEI")
    class LsHubei extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new LsHubeiScheme();
        }
    }

    @Nested
    @DisplayName("MES-5")
    class Mes5 extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new Mes5Scheme();
        }
    }

    @Nested
    @DisplayName("MES-4")
    class Mes4 extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new Mes4Scheme();
        }
    }

    @Nested
    @DisplayName("MATRIX-5X5")
    class Matrix5x5 extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new Matrix5x5Scheme();
        }
    }

    @Nested
    @DisplayName("MATRIX-4X4-ENTERPRISE")
    class Matrix4x4Enterprise extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new Matrix4x4EnterpriseScheme();
        }
    }

    @Nested
    @DisplayName("DIRECT")
    class Direct extends BuiltIn {
        @Override
        protected GradingScheme scheme() {
            return new DirectScheme();
        }
    }
}
