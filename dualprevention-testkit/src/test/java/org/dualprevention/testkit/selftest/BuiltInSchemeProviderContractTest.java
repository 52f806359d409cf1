package org.dualprevention.testkit.selftest;

import java.util.Set;
import org.dualprevention.method.BuiltInSchemeProvider;
import org.dualprevention.spi.GradingSchemeProvider;
import org.dualprevention.testkit.GradingSchemeProviderContract;

/**
 * Core's one scheme provider passes {@link GradingSchemeProviderContract}: its own rules, and rules G1 to
 * G11 for each of the fourteen shipped schemes against the built-in method it grades (found through
 * {@link org.dualprevention.testkit.Providers}), every band edge and every matrix cell checked exactly.
 */
class BuiltInSchemeProviderContractTest extends GradingSchemeProviderContract {
    /** The provider classes covered here; {@link BuiltInsCoveredTest} checks nothing is missing. */
    static final Set<Class<?>> COVERED = Set.of(BuiltInSchemeProvider.class);

    @Override
    protected GradingSchemeProvider provider() {
        return new BuiltInSchemeProvider();
    }
}
