/**
 * The dualprevention test kit: seeded generators for every model type and the contract suites that an
 * implementation of an extension point (assessment method, grading scheme, storage, access policy,
 * listener) runs against itself by extending an abstract JUnit 5 class.
 *
 * <p>Depends on the spi module, core (for the closed loop: walking hidden dangers through it, verifying and
 * replaying audit chains) and JUnit Jupiter.
 */
module org.dualprevention.testkit {
    requires transitive org.dualprevention.spi;
    requires org.dualprevention.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires static org.jspecify;

    exports org.dualprevention.testkit;
    exports org.dualprevention.testkit.gen;

    uses org.dualprevention.spi.AssessmentMethod;
    uses org.dualprevention.spi.GradingScheme;
    uses org.dualprevention.spi.GradingSchemeProvider;
}
