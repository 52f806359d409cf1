/**
 * The dualprevention engine: built-in assessment methods and grading schemes, the closed loop,
 * inspections, dynamic risk, in-memory storage and the {@code DualPrevention} facade. Its runtime
 * dependencies are the JDK and the spi only (analytics is the module {@code org.dualprevention.analytics}).
 */
module org.dualprevention.core {
    requires transitive org.dualprevention.spi;
    requires static org.jspecify;

    exports org.dualprevention.engine.dynamic;
    exports org.dualprevention.engine.closedloop;
    exports org.dualprevention.engine.digest;
    exports org.dualprevention.engine.names;
    exports org.dualprevention.storage.memory;
    exports org.dualprevention.engine.inspection;
    exports org.dualprevention.engine;
    exports org.dualprevention.engine.hazmat;
    exports org.dualprevention.engine.incident;
    exports org.dualprevention.engine.lookback;
    exports org.dualprevention.engine.learning;



    exports org.dualprevention.method;
    provides org.dualprevention.spi.AssessmentMethod with
            org.dualprevention.method.LecMethod,
            org.dualprevention.method.LsMethod,
            org.dualprevention.method.RiskMatrixMethod,
            org.dualprevention.method.Matrix4x4Method,
            org.dualprevention.method.MesMethod,
            org.dualprevention.method.DirectMethod;
    provides org.dualprevention.spi.GradingSchemeProvider with org.dualprevention.method.BuiltInSchemeProvider;
    uses org.dualprevention.spi.AssessmentMethod;
    uses org.dualprevention.spi.GradingScheme;
    uses org.dualprevention.spi.GradingSchemeProvider;
}
