/**
 * The dualprevention engine: built-in assessment methods and grading schemes, the closed loop,
 * inspections, dynamic risk, analytics, in-memory storage and the {@code DualPrevention} facade.
 */
module org.dualprevention.core {
    requires transitive org.dualprevention.spi;
    requires com.google.common;
    requires commons.math3;
    requires static org.jspecify;

    exports org.dualprevention.engine.dynamic;
    exports org.dualprevention.engine.closedloop;


    uses org.dualprevention.spi.AssessmentMethod;
    uses org.dualprevention.spi.GradingScheme;
}
