package org.dualprevention.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dualprevention.ProviderConfigurationException;
import org.dualprevention.UnknownProviderException;
import org.dualprevention.engine.TestPlugins.BandScheme;
import org.dualprevention.engine.TestPlugins.ProductMethod;
import org.dualprevention.method.EngineTestBuiltIns;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {
    private static final String HINT = "Add the provider jar with its META-INF/services entry (and a provides clause"
            + " on the module path), or register it via DualPrevention.builder().register(..)";

    private static ProviderRegistry.Builder acme() {
        return ProviderRegistry.builder()
                .register(new ProductMethod("ACME.B", "ACME.B-S"))
                .register(new ProductMethod("ACME.A", "ACME.A-S"))
                .register(new BandScheme("ACME.B-S", "ACME.B"))
                .register(new BandScheme("ACME.A-S", "ACME.A"))
                .register(new BandScheme("ACME.A-S2", "ACME.A"));
    }

    @Test
    void registeredProvidersAreFoundByIdAndListedSorted() {
        ProviderRegistry r = acme().build();
        assertEquals(List.of(MethodId.of("ACME.A"), MethodId.of("ACME.B")), r.methodIds());
        assertEquals(List.of(SchemeId.of("ACME.A-S"), SchemeId.of("ACME.A-S2"), SchemeId.of("ACME.B-S")), r.schemeIds());
        assertEquals(MethodId.of("ACME.A"), r.method(MethodId.of("ACME.A")).id());
        assertEquals(SchemeId.of("ACME.B-S"), r.scheme(SchemeId.of("ACME.B-S")).id());
        assertEquals(List.of(SchemeId.of("ACME.A-S"), SchemeId.of("ACME.A-S2")),
                r.schemesFor(MethodId.of("ACME.A")).stream().map(GradingScheme::id).toList());
        assertEquals(List.of(), r.schemesFor(MethodId.of("NOPE")));
        assertEquals(List.of(), r.skipped());
        assertTrue(r.summary().startsWith("dualprevention providers: methods [ACME.A ("), r.summary());
        assertTrue(r.summary().contains("schemes [ACME.A-S ("), r.summary());
        assertTrue(r.summary().endsWith("; skipped 0"), r.summary());
    }

    @Test
    void unknownMethodNamesTheAvailableIdsSortedAndAHint() {
        ProviderRegistry r = acme().build();
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> r.method(MethodId.of("ACME.LEC-GB")));
        assertEquals("No AssessmentMethod with id [ACME.LEC-GB]; available: [ACME.A, ACME.B]. " + HINT, e.getMessage());
        assertEquals("AssessmentMethod", e.kind());
        assertEquals("ACME.LEC-GB", e.requestedId());
        assertEquals(List.of("ACME.A", "ACME.B"), e.availableIds());
    }

    @Test
    void unknownSchemeNamesTheAvailableIdsSorted() {
        ProviderRegistry r = acme().build();
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> r.scheme(SchemeId.of("X")));
        assertEquals("No GradingScheme with id [X]; available: [ACME.A-S, ACME.A-S2, ACME.B-S]. " + HINT, e.getMessage());
    }

    @Test
    void emptyRegistryTellsThatNothingIsAvailable() {
        ProviderRegistry r = ProviderRegistry.builder().build();
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> r.method(MethodId.of("LEC")));
        assertEquals("No AssessmentMethod with id [LEC]; available: []. " + HINT, e.getMessage());
    }

    @Test
    void duplicateIdsAreAnErrorNamingBothClassesAndLocations() {
        ProviderRegistry.Builder b = acme().register(new OtherProduct());
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, b::build);
        String loc = ProviderRegistry.location(ProductMethod.class);
        assertEquals("Two AssessmentMethods claim id [ACME.A]: " + ProductMethod.class.getName() + " (" + loc + ") and "
                + OtherProduct.class.getName() + " (" + ProviderRegistry.location(OtherProduct.class)
                + "). Ids must be unique; remove one of them, or use replace(..) to take over a built-in", e.getMessage());
    }

    @Test
    void duplicateSchemeIdsAreAnError() {
        ProviderRegistry.Builder b = acme().register(new BandScheme("ACME.A-S", "ACME.A"));
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, b::build);
        assertTrue(e.getMessage().startsWith("Two GradingSchemes claim id [ACME.A-S]: "), e.getMessage());
    }

    @Test
    void reservedMethodIdsAreRefusedToThirdPartiesEvenWithoutTheBuiltIn() {
        for (MethodId reserved : ProviderRegistry.RESERVED_METHOD_IDS) {
            ProviderRegistry.Builder b = ProviderRegistry.builder()
                    .register(new ProductMethod(reserved.value(), "ACME.S"))
                    .register(new BandScheme("ACME.S", reserved.value()));
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, b::build);
            assertTrue(e.getMessage().startsWith("2 provider configuration problems:\n  1. AssessmentMethod id ["
                    + reserved + "] is reserved for the built-in providers, but " + ProductMethod.class.getName()),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Give it a namespaced id such as [ACME." + reserved + "]"), e.getMessage());
        }
        assertEquals(5, ProviderRegistry.RESERVED_METHOD_IDS.size());
    }

    @Test
    void builtInsMayUseReservedIds() {
        ProviderRegistry r = ProviderRegistry.builder()
                .register(new EngineTestBuiltIns.Lec()).register(new EngineTestBuiltIns.LecScheme()).build();
        assertEquals(List.of(MethodId.of("LEC")), r.methodIds());
        assertTrue(ProviderRegistry.isBuiltIn(EngineTestBuiltIns.Lec.class));
        assertTrue(!ProviderRegistry.isBuiltIn(ProductMethod.class));
    }

    @Test
    void schemeIdsOfBuiltInsAreReservedOnlyWhenABuiltInDeclaresThem() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> ProviderRegistry
                .builder().register(new EngineTestBuiltIns.Lec()).register(new EngineTestBuiltIns.LecScheme())
                .register(new BandScheme("LEC-ENGINE-TEST", "LEC")).build());
        assertTrue(e.getMessage().startsWith("GradingScheme id [LEC-ENGINE-TEST] is reserved for the built-in providers,"
                + " but " + BandScheme.class.getName()), e.getMessage());
        // without the built-in declaring it, the same id is free
        ProviderRegistry r = acme().register(new BandScheme("LEC-ENGINE-TEST", "ACME.A")).build();
        assertTrue(r.schemeIds().contains(SchemeId.of("LEC-ENGINE-TEST")));
    }

    @Test
    void replaceTakesOverABuiltInExplicitly() {
        ProductMethod provincial = new ProductMethod("LEC", "LEC-ENGINE-TEST");
        BandScheme provincialScheme = new BandScheme("LEC-ENGINE-TEST", "LEC");
        ProviderRegistry r = ProviderRegistry.builder()
                .register(new EngineTestBuiltIns.Lec()).register(new EngineTestBuiltIns.LecScheme())
                .replace(provincial).replace(provincialScheme).build();
        assertSame(provincial, r.method(MethodId.of("LEC")));
        assertSame(provincialScheme, r.scheme(SchemeId.of("LEC-ENGINE-TEST")));
    }

    @Test
    void replacingAnAbsentIdOrTheSameIdTwiceIsAnError() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> acme().replace(new ProductMethod("ACME.C", "ACME.A-S")).build());
        assertTrue(e.getMessage().startsWith("Nothing to replace: no AssessmentMethod with id [ACME.C] for "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; available: [ACME.A, ACME.B]. Use register(..) for a new id"), e.getMessage());
        e = assertThrows(ProviderConfigurationException.class, () -> acme()
                .replace(new BandScheme("ACME.A-S", "ACME.A")).replace(new BandScheme("ACME.A-S", "ACME.A")).build());
        assertTrue(e.getMessage().startsWith("Two replacements for GradingScheme id [ACME.A-S]"), e.getMessage());
    }

    @Test
    void aSchemeOfAnUnknownMethodIsAConfigurationError() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> acme().register(new BandScheme("ACME.Z-S", "ACME.Z")).build());
        assertTrue(e.getMessage().startsWith("GradingScheme [ACME.Z-S] " + BandScheme.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("grades method [ACME.Z], which is not registered; available methods:"
                + " [ACME.A, ACME.B]"), e.getMessage());
    }

    @Test
    void aMethodsDefaultSchemeMustExistAndGradeIt() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> acme().register(new ProductMethod("ACME.C", "ACME.C-S")).build());
        assertTrue(e.getMessage().contains("names default scheme [ACME.C-S], which is not registered"), e.getMessage());
        e = assertThrows(ProviderConfigurationException.class,
                () -> acme().register(new ProductMethod("ACME.C", "ACME.A-S")).build());
        assertTrue(e.getMessage().contains("names default scheme [ACME.A-S], which grades method [ACME.A]; allowed:"
                + " a scheme grading [ACME.C]: []"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> acme()
                .register(new ProductMethod("LEC", "ACME.A-S"))
                .register(new ProductMethod("ACME.A", "ACME.A-S"))
                .register(new BandScheme("ACME.Q", "ACME.NONE"))
                .register(new NullIdMethod())
                .register(new ThrowingIdScheme()).build());
        String m = e.getMessage();
        assertTrue(m.startsWith("5 provider configuration problems:\n  1. "), m);
        assertTrue(m.contains("AssessmentMethod id [LEC] is reserved"), m);
        assertTrue(m.contains("Two AssessmentMethods claim id [ACME.A]"), m);
        assertTrue(m.contains("grades method [ACME.NONE], which is not registered"), m);
        assertTrue(m.contains(NullIdMethod.class.getName() + " (" + ProviderRegistry.location(NullIdMethod.class)
                + ") returned no id"), m);
        assertTrue(m.contains(ThrowingIdScheme.class.getName() + " (" + ProviderRegistry.location(ThrowingIdScheme.class)
                + ") failed to report its id: java.lang.IllegalStateException: boom"), m);
    }

    @Test
    void discoveryFindsPluginsThroughServicesFilesAndSkipsBrokenOnes(@TempDir Path dir) throws IOException {
        String pkg = "com.acme.risk";
        try (URLClassLoader loader = PluginJar.build(dir, Map.of(
                pkg + ".GoodMethod", PluginJar.method(pkg, "GoodMethod", "ACME.GOOD", "ACME.GOOD-S", ""),
                pkg + ".GoodScheme", PluginJar.scheme(pkg, "GoodScheme", "ACME.GOOD-S", "ACME.GOOD"),
                pkg + ".BrokenMethod", PluginJar.method(pkg, "BrokenMethod", "ACME.BROKEN", "ACME.GOOD-S",
                        "throw new IllegalStateException(\"no licence\");")),
                Map.of(AssessmentMethod.class.getName(), List.of("# comment", pkg + ".BrokenMethod", pkg + ".Missing",
                        pkg + ".GoodScheme", pkg + ".GoodMethod"),
                        GradingScheme.class.getName(), List.of(pkg + ".GoodScheme")))) {
            ProviderRegistry r = ProviderRegistry.builder().discover(loader).build();
            assertEquals(List.of(MethodId.of("ACME.GOOD")), r.methodIds());
            assertEquals(List.of(SchemeId.of("ACME.GOOD-S")), r.schemeIds());
            assertEquals(3, r.skipped().size(), r.skipped().toString());
            assertTrue(r.skipped().get(0).startsWith("A AssessmentMethod provider failed to load and was skipped: "),
                    r.skipped().get(0));
            assertTrue(r.skipped().get(0).contains(pkg + ".BrokenMethod") && r.skipped().get(0).contains("no licence"),
                    r.skipped().get(0));
            assertTrue(r.skipped().get(1).contains(pkg + ".Missing"), r.skipped().get(1));
            assertTrue(r.skipped().get(2).contains(pkg + ".GoodScheme"), r.skipped().get(2));
            String where = ProviderRegistry.location(r.method(MethodId.of("ACME.GOOD")).getClass());
            assertEquals(PluginJar.classesDir(dir).toUri().getPath(), where);
            assertTrue(r.summary().contains("ACME.GOOD (com.acme.risk.GoodMethod, " + where + ")"), r.summary());
            assertTrue(r.summary().endsWith("; skipped 3"), r.summary());
        }
    }

    @Test
    void aDiscoveredPluginClashingWithARegisteredOneNamesBothLocations(@TempDir Path dir) throws IOException {
        String pkg = "com.acme.dup";
        try (URLClassLoader loader = PluginJar.build(dir, Map.of(
                pkg + ".A", PluginJar.method(pkg, "A", "ACME.A", "ACME.A-S", "")),
                Map.of(AssessmentMethod.class.getName(), List.of(pkg + ".A")))) {
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> acme().discover(loader).build());
            assertEquals("Two AssessmentMethods claim id [ACME.A]: com.acme.dup.A (" + PluginJar.classesDir(dir).toUri()
                    .getPath() + ") and " + ProductMethod.class.getName() + " (" + ProviderRegistry.location(ProductMethod.class)
                    + "). Ids must be unique; remove one of them, or use replace(..) to take over a built-in", e.getMessage());
        }
    }

    @Test
    void aDiscoveredThirdPartyClaimingAReservedIdIsRefused(@TempDir Path dir) throws IOException {
        String pkg = "com.acme.lec";
        try (URLClassLoader loader = PluginJar.build(dir, Map.of(
                pkg + ".MyLec", PluginJar.method(pkg, "MyLec", "LEC", "ACME.LEC-S", ""),
                pkg + ".MyScheme", PluginJar.scheme(pkg, "MyScheme", "ACME.LEC-S", "LEC")),
                Map.of(AssessmentMethod.class.getName(), List.of(pkg + ".MyLec"),
                        GradingScheme.class.getName(), List.of(pkg + ".MyScheme")))) {
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> ProviderRegistry.builder().discover(loader).build());
            assertTrue(e.getMessage().contains("AssessmentMethod id [LEC] is reserved for the built-in providers, but"
                    + " com.acme.lec.MyLec (" + PluginJar.classesDir(dir).toUri().getPath() + ") claims it"), e.getMessage());
        }
    }

    /** A second class claiming ACME.A. */
    static final class OtherProduct extends ProductMethod {
        OtherProduct() {
            super("ACME.A", "ACME.A-S");
        }
    }

    /** Returns no id. */
    static final class NullIdMethod extends ProductMethod {
        NullIdMethod() {
            super("ACME.N", "ACME.A-S");
        }

        @Override
        public MethodId id() {
            return null;
        }
    }

    /** Fails to tell its id. */
    static final class ThrowingIdScheme extends BandScheme {
        ThrowingIdScheme() {
            super("ACME.T", "ACME.A");
        }

        @Override
        public SchemeId id() {
            throw new IllegalStateException("boom");
        }
    }
}
