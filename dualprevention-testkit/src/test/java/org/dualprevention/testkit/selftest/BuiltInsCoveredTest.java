package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;
import org.dualprevention.testkit.Providers;
import org.junit.jupiter.api.Test;

/** Every built-in provider that core registers has its contract test here, so none slips through. */
class BuiltInsCoveredTest {
    private static final String BUILT_IN_PACKAGE = "org.dualprevention.method";

    @Test
    void everyBuiltInMethodRunsTheMethodContract() {
        Set<String> registered = new TreeSet<>();
        Providers.methods().stream().map(Object::getClass)
                .filter(c -> c.getPackageName().equals(BUILT_IN_PACKAGE))
                .forEach(c -> registered.add(c.getName()));
        assertTrue(registered.size() >= 6, "expected at least the six built-in methods, found " + registered);
        Set<String> covered = new TreeSet<>();
        BuiltInMethodContractTest.COVERED.forEach(c -> covered.add(c.getName()));
        assertEquals(registered, covered, "built-in methods without a contract test (or tests of unregistered ones)");
    }

    @Test
    void everyBuiltInSchemeProviderRunsTheProviderContract() {
        Set<String> registered = new TreeSet<>();
        int schemes = 0;
        for (GradingSchemeProvider p : Providers.schemeProviders()) {
            if (p.getClass().getPackageName().equals(BUILT_IN_PACKAGE)) {
                registered.add(p.getClass().getName());
                schemes += p.schemes().size();
            }
        }
        assertEquals(14, schemes, "the fourteen built-in schemes, from " + registered);
        Set<String> covered = new TreeSet<>();
        BuiltInSchemeProviderContractTest.COVERED.forEach(c -> covered.add(c.getName()));
        assertEquals(registered, covered, "built-in scheme providers without a contract test (or tests of unregistered ones)");
    }

    @Test
    void noBuiltInSchemeIsRegisteredOnItsOwnBesideTheProvider() {
        Set<String> own = new TreeSet<>();
        ServiceLoader.load(GradingScheme.class, BuiltInsCoveredTest.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::type).filter(c -> c.getPackageName().equals(BUILT_IN_PACKAGE))
                .forEach(c -> own.add(c.getName()));
        assertEquals(Set.of(), own, "built-in schemes are contributed by the built-in provider, which the provider"
                + " contract covers");
    }
}
