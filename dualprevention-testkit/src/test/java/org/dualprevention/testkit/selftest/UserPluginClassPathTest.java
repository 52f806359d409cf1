package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dualprevention.risk.MethodId;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;
import org.dualprevention.testkit.AssessmentMethodContract;
import org.dualprevention.testkit.GradingSchemeContract;
import org.dualprevention.testkit.GradingSchemeProviderContract;
import org.dualprevention.testkit.Providers;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6MatrixScheme;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Method;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Scheme;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Schemes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Runs on the class path (its own surefire execution, as most hosts run): the user's plug-in, listed
 * in {@code src/test/resources/META-INF/services} (its method as an {@code AssessmentMethod}, its two
 * schemes through one {@code GradingSchemeProvider}), is discovered by {@link java.util.ServiceLoader}, the
 * discovered instances pass the contracts, and the plug-in's classes reference no dualprevention type
 * outside dualprevention-spi (nor Guava, Commons Math or Jackson).
 */
class UserPluginClassPathTest {
    private static final MethodId ACME = AcmeRisk6Method.ID;

    @Test
    @DisplayName("the plug-in is discovered through META-INF/services")
    void discovered() {
        assertEquals(AcmeRisk6Method.class, Providers.method(ACME).getClass());
        Set<String> schemes = new TreeSet<>();
        for (GradingScheme s : Providers.schemes()) {
            if (s.method().equals(ACME)) {
                schemes.add(s.id().value());
            }
        }
        assertEquals(Set.of("ACME.RISK6-SUM", "ACME.RISK6-CELLS"), schemes);
        assertEquals(List.of(AcmeRisk6Schemes.class), Providers.schemeProviders().stream()
                .<Class<?>>map(Object::getClass).filter(c -> !c.getPackageName().equals("org.dualprevention.method"))
                .toList(), "the schemes come through the plug-in's provider");
    }

    @Test
    @DisplayName("the plug-in's classes use dualprevention-spi only")
    void usesSpiOnly() throws Exception {
        List<String> problems = new ArrayList<>();
        int spiRefs = 0;
        for (Class<?> c : List.of(AcmeRisk6Method.class, AcmeRisk6Scheme.class, AcmeRisk6MatrixScheme.class,
                AcmeRisk6Schemes.class)) {
            for (String ref : referencedClasses(c)) {
                String name = ref.replace('/', '.');
                if (name.startsWith("com.google.") || name.startsWith("org.apache.") || name.startsWith("tools.jackson.")
                        || name.startsWith("com.fasterxml.")) {
                    problems.add(c.getSimpleName() + " uses " + name);
                } else if (name.startsWith("org.dualprevention.") && !name.startsWith(c.getPackageName() + ".")) {
                    Class<?> used = Class.forName(name, false, c.getClassLoader());
                    String where = String.valueOf(used.getProtectionDomain().getCodeSource().getLocation());
                    if (!where.contains("dualprevention-spi")) {
                        problems.add(c.getSimpleName() + " uses " + name + " from " + where);
                    }
                    spiRefs++;
                }
            }
        }
        assertTrue(spiRefs > 10, "the scan found too few spi references (" + spiRefs + "); is it working?");
        assertTrue(problems.isEmpty(), "the plug-in reaches beyond dualprevention-spi: " + problems);
    }

    /** Class names in the constant pool, read naively from the class file bytes. */
    private static Set<String> referencedClasses(Class<?> c) throws IOException {
        String resource = "/" + c.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = c.getResourceAsStream(resource)) {
            assertFalse(in == null, "class file of " + c + " not found");
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?:org/dualprevention|com/google|org/apache|tools/jackson|com/fasterxml)/[A-Za-z0-9_/$]+")
                .matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Nested
    @DisplayName("discovered ACME.RISK6")
    class DiscoveredMethod extends AssessmentMethodContract {
        @Override
        protected AssessmentMethod method() {
            return Providers.method(ACME);
        }
    }

    @Nested
    @DisplayName("discovered ACME schemes")
    class DiscoveredScheme extends GradingSchemeContract {
        @Override
        protected GradingScheme scheme() {
            for (GradingScheme s : Providers.schemes()) {
                if (s.id().equals(AcmeRisk6Scheme.ID)) {
                    return s;
                }
            }
            throw new AssertionError("ACME.RISK6-SUM not discovered");
        }

        @Override
        protected AssessmentMethod method() {
            return Providers.methodOf(scheme());
        }

        @Override
        protected java.util.Optional<org.dualprevention.spi.support.CellGradingScheme> cellDefinition() {
            return java.util.Optional.of(UserPluginContractTest.sumTable());
        }

        /** Contributed by AcmeRisk6Schemes, which is the class discovered (DiscoveredProvider checks it). */
        @Override
        protected boolean discovered() {
            return false;
        }
    }

    @Nested
    @DisplayName("discovered ACME scheme provider")
    class DiscoveredProvider extends GradingSchemeProviderContract {
        @Override
        protected GradingSchemeProvider provider() {
            for (GradingSchemeProvider p : Providers.schemeProviders()) {
                if (p instanceof AcmeRisk6Schemes) {
                    return p;
                }
            }
            throw new AssertionError("AcmeRisk6Schemes not discovered");
        }

        @Override
        protected java.util.Optional<org.dualprevention.spi.support.CellGradingScheme> cellDefinition(GradingScheme scheme) {
            return java.util.Optional.of(scheme.id().equals(AcmeRisk6Scheme.ID) ? UserPluginContractTest.sumTable()
                    : org.dualprevention.testkit.selftest.acme.AcmeRisk6MatrixScheme.cells());
        }
    }
}
