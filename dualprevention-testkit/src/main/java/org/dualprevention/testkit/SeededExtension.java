package org.dualprevention.testkit;

import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A JUnit 5 extension that gives a test method a {@link Gen} parameter seeded from {@link Seeds#base()}
 * and the test's unique id, and puts that seed in front of any failure message.
 *
 * <pre>{@code
 * @ExtendWith(SeededExtension.class)
 * class MyPluginTest {
 *     @RepeatedTest(100)
 *     void roundTrips(Gen gen) { ... }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class SeededExtension implements ParameterResolver, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SeededExtension.class);

    /** Creates the extension (JUnit does this). */
    public SeededExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Gen.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        long seed = Seeds.seed(Seeds.base(), extensionContext.getUniqueId().hashCode() & 0xffffffffL);
        extensionContext.getStore(NS).put("seed", seed);
        return Gen.of(seed);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        Long seed = context.getStore(NS).get("seed", Long.class);
        if (seed == null) {
            throw throwable;
        }
        throw Seeds.withSeed(seed, throwable);
    }
}
