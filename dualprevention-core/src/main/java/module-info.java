/**
 * The dualprevention engine: built-in assessment methods and grading schemes, the closed loop,
 * inspections, dynamic risk, analytics, in-memory storage and the {@code DualPrevention} facade.
 */
module org.dualprevention.core {
    requires transitive org.dualprevention.spi;
    requires com.google.common;
    requires commons.math3;
    requires static org.jspecify;

    exports org.dualprevention.analytics;
    exports org.dualprevention.engine.dynamic;
    exports org.dualprevention.engine.closedloop;
    exports org.dualprevention.engine.digest;
    exports org.dualprevention.storage.memory;
    exports org.dualprevention.engine.inspection;
    exports org.dualprevention.engine;



    exports org.dualprevention.method;
    provides org.dualprevention.spi.AssessmentMethod with
            org.dualprevention.method.LecMethod,
            org.dualprevention.method.LsMethod,
            org.dualprevention.method.RiskMatrixMethod,
            org.dualprevention.method.Matrix4x4Method,
            org.dualprevention.method.MesMethod,
            org.dualprevention.method.DirectMethod;
    provides org.dualprevention.spi.GradingScheme with
            org.dualprevention.method.LecV1Scheme,
            org.dualprevention.method.LecV1StrictScheme,
            org.dualprevention.method.LecV2Scheme,
            org.dualprevention.method.LecBinaryScheme,
            org.dualprevention.method.LecKinneyScheme,
            org.dualprevention.method.LsShandongScheme,
            org.dualprevention.method.LsZgmkwScheme,
            org.dualprevention.method.LsJhaScheme,
            org.dualprevention.method.LsHubeiScheme,
            org.dualprevention.method.Mes5Scheme,
            org.dualprevention.method.Mes4Scheme,
            org.dualprevention.method.Matrix5x5Scheme,
            org.dualprevention.method.Matrix4x4EnterpriseScheme,
            org.dualprevention.method.DirectScheme;
    uses org.dualprevention.spi.AssessmentMethod;
    uses org.dualprevention.spi.GradingScheme;
}
