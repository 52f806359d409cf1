/**
 * Contract suites that implementations of the extension points run against themselves, as abstract
 * JUnit 5 classes, and {@link org.dualprevention.testkit.Seeds} for seeded property-style tests whose
 * failures name their seed.
 *
 * <h2>For integrators: implement, register, extend the contract</h2>
 * <ol>
 * <li>Implement the SPI against {@code dualprevention-spi} alone, e.g. an
 *     {@link org.dualprevention.spi.AssessmentMethod} with a namespaced id ({@code ACME.RISK6}).</li>
 * <li>Register it: list the class in {@code META-INF/services/org.dualprevention.spi.AssessmentMethod} (class
 *     path) and declare {@code provides org.dualprevention.spi.AssessmentMethod with …} (module path); several
 *     grading schemes go through one {@link org.dualprevention.spi.GradingSchemeProvider}. Storage,
 *     access policies and listeners are not discovered; they are passed to the engine's builder.</li>
 * <li>Add {@code dualprevention-testkit} as a test dependency and extend the contract:
 * <pre>{@code
 * class AcmeRisk6Test extends AssessmentMethodContract {
 *     @Override protected AssessmentMethod method() { return new AcmeRisk6(); }
 * }
 * class AcmeRisk6SchemeTest extends GradingSchemeContract {
 *     @Override protected GradingScheme scheme() { return new AcmeRisk6Scheme(); }
 *     @Override protected AssessmentMethod method() { return new AcmeRisk6(); }
 * }
 * class OracleStorageTest extends StorageContract {
 *     @Override protected Storage createStorage() { return new OracleStorage(freshSchema()); }
 * }
 * }</pre>
 * {@link org.dualprevention.testkit.Providers#method(org.dualprevention.risk.MethodId)} returns the
 * discovered instance, so the contract can also run against what {@link java.util.ServiceLoader} finds.</li>
 * </ol>
 *
 * <h2>The suites</h2>
 * <ul>
 * <li>{@link org.dualprevention.testkit.AssessmentMethodContract}: rules M1 to M13.</li>
 * <li>{@link org.dualprevention.testkit.GradingSchemeContract}: rules G1 to G11.</li>
 * <li>{@link org.dualprevention.testkit.GradingSchemeProviderContract}: rules GP1 to GP4, GP4 running G1 to
 *     G11 for every contributed scheme.</li>
 * <li>{@link org.dualprevention.testkit.StorageContract}: rules S1 to S18 of {@link org.dualprevention.spi.Storage}
 *     (S16 is not observable from outside and is not checked).</li>
 * <li>{@link org.dualprevention.testkit.AccessPolicyContract}: rules P1 to P6.</li>
 * <li>{@link org.dualprevention.testkit.EffectiveLevelPolicyContract}: rules E1 to E6.</li>
 * <li>{@link org.dualprevention.testkit.HiddenDangerListenerContract}: rules L1 to L4.</li>
 * </ul>
 * Every rule's number starts its test's display name and every failure message ({@code "S3 ..."}), so a
 * failing test names the contract clause it broke. Rules that walk random data print the seed; set the
 * system property {@value org.dualprevention.testkit.Seeds#PROPERTY} to replay or vary it.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.testkit;

import org.jspecify.annotations.NullMarked;
