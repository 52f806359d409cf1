/**
 * Example plug-in: ACME's own 6×6 risk matrix. It depends on the dualprevention spi module alone and
 * provides one assessment method and one grading scheme, registered here for the module path and in
 * {@code META-INF/services} for the class path.
 */
module com.acme.safety {
    requires transitive org.dualprevention.spi;

    exports com.acme.safety;

    provides org.dualprevention.spi.AssessmentMethod with com.acme.safety.AcmeMatrix6Method;
    provides org.dualprevention.spi.GradingScheme with com.acme.safety.AcmeMatrix6Scheme;
}
