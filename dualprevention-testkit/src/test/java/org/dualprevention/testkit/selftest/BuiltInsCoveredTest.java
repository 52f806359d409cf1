package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
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
    void everyBuiltInSchemeRunsTheSchemeContract() {
        Set<String> registered = new TreeSet<>();
        Providers.schemes().stream().map(Object::getClass)
                .filter(c -> c.getPackageName().equals(BUILT_IN_PACKAGE))
                .forEach(c -> registered.add(c.getName()));
        assertTrue(registered.size() >= 14, "expected at least the fourteen built-in schemes, found " + registered);
        Set<String> covered = new TreeSet<>();
        BuiltInSchemeContractTest.COVERED.forEach(c -> covered.add(c.getName()));
        assertEquals(registered, covered, "built-in schemes without a contract test (or tests of unregistered ones)");
    }
}
