package org.dualprevention.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.dualprevention.ProviderConfigurationException;
import org.dualprevention.UnknownProviderException;
import org.dualprevention.engine.TestPlugins.BandScheme;
import org.dualprevention.engine.TestPlugins.ProductMethod;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.EngineTestBuiltIns;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;
import org.dualprevention.testsupport.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {
    /** Skipped providers are logged on purpose (ProviderRegistryLoggingTest asserts how): kept off the build log. */
    @RegisterExtension
    final CapturedLog log = CapturedLog.of("org.dualprevention.engine");

    private static final String HINT = "Add the provider jar with its META-INF/services entry (and a provides clause"
            + " on the module path), or register it via DualPrevention.builder().register(..)";

    private static final List<MethodId> BUILT_IN_METHODS = List.of(MethodId.of("DIRECT"), MethodId.of("LEC"),
            MethodId.of("LS"), MethodId.of("MATRIX"), MethodId.of("MATRIX-4X4"), MethodId.of("MES"));
    private static final int BUILT_IN_SCHEME_COUNT = 14;

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
    void aClassBothDiscoveredAndRegisteredIsNamedWithWhereEachCameFromAndDiscoverFalse() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> ProviderRegistry
                .builder().discover().register(new org.dualprevention.method.LecMethod()).build());
        String lec = org.dualprevention.method.LecMethod.class.getName();
        assertTrue(e.getMessage().contains("Two AssessmentMethods claim id [LEC]: " + lec), e.getMessage());
        assertTrue(e.getMessage().contains(") (discovered by ServiceLoader) and " + lec), e.getMessage());
        assertTrue(e.getMessage().contains(") (registered on the builder). The same class was both discovered and "
                + "registered on the builder: build with discover(false) to use only what you register, or do not "
                + "register it"), e.getMessage());
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
            // the plug-in's providers beside the built-ins that the parent loader sees
            List<MethodId> expectedMethods = new ArrayList<>(BUILT_IN_METHODS);
            expectedMethods.add(MethodId.of("ACME.GOOD"));
            Collections.sort(expectedMethods);
            assertEquals(expectedMethods, r.methodIds());
            assertTrue(r.schemeIds().contains(SchemeId.of("ACME.GOOD-S")), r.schemeIds().toString());
            assertEquals(BUILT_IN_SCHEME_COUNT + 1, r.schemeIds().size());
            assertEquals(3, r.skipped().size(), r.skipped().toString());
            assertTrue(r.skipped().get(0).startsWith("A provider of AssessmentMethod failed to load and was skipped: "),
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
                    .getPath() + ") (discovered by ServiceLoader) and " + ProductMethod.class.getName() + " ("
                    + ProviderRegistry.location(ProductMethod.class) + ") (registered on the builder). Ids must be unique; "
                    + "remove one of them, or use replace(..) to take over a built-in", e.getMessage());
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

    @Test
    void discoveryFindsEveryBuiltInAndTheirDefaultSchemesAreConsistent() {
        ProviderRegistry r = ProviderRegistry.builder().discover().build();
        assertEquals(BUILT_IN_METHODS, r.methodIds());
        assertEquals(BUILT_IN_SCHEME_COUNT, r.schemeIds().size(), r.schemeIds().toString());
        assertEquals(List.of(), r.skipped());
        for (SchemeId id : r.schemeIds()) {
            assertSame(BuiltInSchemes.byId(id).orElseThrow(), r.scheme(id), "the catalogue's own instance of " + id);
        }
        assertTrue(r.summary().contains("LEC-V1 (org.dualprevention.spi.support.BandedGradingScheme from "
                + "org.dualprevention.method.BuiltInSchemeProvider"), r.summary());
        for (MethodId id : r.methodIds()) {
            AssessmentMethod m = r.method(id);
            assertTrue(ProviderRegistry.isBuiltIn(m.getClass()), m.getClass().getName());
            assertEquals(id, r.scheme(m.defaultScheme()).method(), "default scheme of " + id);
            assertTrue(!r.schemesFor(id).isEmpty());
        }
        int graded = 0;
        for (MethodId id : r.methodIds()) {
            graded += r.schemesFor(id).size();
        }
        assertEquals(BUILT_IN_SCHEME_COUNT, graded, "every scheme grades exactly one known method");
    }

    @Test
    void builtInSchemeAndMethodIdsAreReservedAgainstThirdParties() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> ProviderRegistry
                .builder().discover().register(new BandScheme("LEC-V1", "LEC")).build());
        assertTrue(e.getMessage().startsWith("GradingScheme id [LEC-V1] is reserved for the built-in providers, but "
                + BandScheme.class.getName()), e.getMessage());
        e = assertThrows(ProviderConfigurationException.class, () -> ProviderRegistry.builder().discover()
                .register(new ProductMethod("MATRIX-4X4", "ACME.A-S")).register(new BandScheme("ACME.A-S", "MATRIX-4X4"))
                .build());
        assertTrue(e.getMessage().startsWith("AssessmentMethod id [MATRIX-4X4] is reserved"), e.getMessage());
    }

    @Test
    void aDiscoveredBuiltInCanBeReplacedExplicitly() {
        ProductMethod provincial = new ProductMethod("LEC", "LEC-V1") {
        };
        BandScheme provincialScheme = new BandScheme("LEC-V1", "LEC");
        ProviderRegistry r = ProviderRegistry.builder().discover().replace(provincial).replace(provincialScheme).build();
        assertSame(provincial, r.method(MethodId.of("LEC")));
        assertSame(provincialScheme, r.scheme(SchemeId.of("LEC-V1")));
        assertEquals(BUILT_IN_METHODS, r.methodIds());
    }

    // ------------------------------------------------------------------ GradingSchemeProvider

    @Test
    void aProviderContributesEverySchemeItListsBesidePlainSchemes() {
        ProviderRegistry r = acme().register(new AcmeSchemes("ACME.A", "ACME.A-P1", "ACME.A-P2")).build();
        assertEquals(List.of(SchemeId.of("ACME.A-P1"), SchemeId.of("ACME.A-P2"), SchemeId.of("ACME.A-S"),
                SchemeId.of("ACME.A-S2")), r.schemesFor(MethodId.of("ACME.A")).stream().map(GradingScheme::id).toList());
        assertTrue(r.summary().contains("ACME.A-P1 (" + BandScheme.class.getName() + " from " + AcmeSchemes.class.getName()
                + ", " + ProviderRegistry.location(AcmeSchemes.class) + ")"), r.summary());
        assertTrue(r.summary().contains("ACME.A-S (" + BandScheme.class.getName() + ", "), r.summary());
    }

    @Test
    void aContributedSchemeClashingWithAPlainOneNamesTheProviderThatContributedIt() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> acme().register(new AcmeSchemes("ACME.A", "ACME.A-S")).build());
        assertEquals("Two GradingSchemes claim id [ACME.A-S]: " + BandScheme.class.getName() + " ("
                + ProviderRegistry.location(BandScheme.class) + ") and " + BandScheme.class.getName()
                + " from GradingSchemeProvider " + AcmeSchemes.class.getName() + " ("
                + ProviderRegistry.location(AcmeSchemes.class) + "). Ids must be unique; remove one of them, or use"
                + " replace(..) to take over a built-in", e.getMessage());
    }

    @Test
    void twoSchemesWithOneIdFromOneProviderAreAClash() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                () -> acme().register(new AcmeSchemes("ACME.A", "ACME.A-P", "ACME.A-P")).build());
        String contributed = BandScheme.class.getName() + " from GradingSchemeProvider " + AcmeSchemes.class.getName()
                + " (" + ProviderRegistry.location(AcmeSchemes.class) + ")";
        assertTrue(e.getMessage().startsWith("Two GradingSchemes claim id [ACME.A-P]: " + contributed + " and "
                + contributed + ". "), e.getMessage());
    }

    @Test
    void aProviderClaimingABuiltInSchemeIdIsRefusedNamingTheProvider() {
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> ProviderRegistry
                .builder().discover().register(new AcmeSchemes("LEC", "ACME.LEC-P", "LEC-V1")).build());
        assertEquals("GradingScheme id [LEC-V1] is reserved for the built-in providers, but " + BandScheme.class.getName()
                + " from GradingSchemeProvider " + AcmeSchemes.class.getName() + " ("
                + ProviderRegistry.location(AcmeSchemes.class) + ") claims it. Give it a namespaced id such as"
                + " [ACME.LEC-V1], or take over the built-in explicitly with replace(..)", e.getMessage());
    }

    @Test
    void whetherAContributedSchemeIsBuiltInDependsOnItsProviderNotOnItsClass() {
        ProviderRegistry r = ProviderRegistry.builder().register(new EngineTestBuiltIns.Lec())
                .register(new EngineTestBuiltIns.Schemes()).build();
        assertEquals(List.of(SchemeId.of("LEC-ENGINE-TEST"), SchemeId.of("LEC-ENGINE-TEST2")), r.schemeIds());
        assertTrue(!ProviderRegistry.isBuiltIn(BandScheme.class), "the scheme class itself is not built-in");
        // a built-in provider's ids are reserved against a plain third-party scheme of the very same class
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> ProviderRegistry
                .builder().register(new EngineTestBuiltIns.Lec()).register(new EngineTestBuiltIns.Schemes())
                .register(new BandScheme("LEC-ENGINE-TEST2", "LEC")).build());
        assertTrue(e.getMessage().startsWith("GradingScheme id [LEC-ENGINE-TEST2] is reserved for the built-in"
                + " providers, but " + BandScheme.class.getName() + " ("), e.getMessage());
        // the same ids from a third-party provider reserve nothing
        ProviderRegistry third = ProviderRegistry.builder().register(new EngineTestBuiltIns.Lec())
                .register(new AcmeSchemes("LEC", "LEC-ENGINE-TEST")).register(new BandScheme("LEC-ENGINE-TEST2", "LEC"))
                .build();
        assertEquals(List.of(SchemeId.of("LEC-ENGINE-TEST"), SchemeId.of("LEC-ENGINE-TEST2")), third.schemeIds());
    }

    @Test
    void aProviderThatBreaksItsContractIsAConfigurationErrorNamingIt() {
        GradingSchemeProvider throwing = new AcmeSchemes("ACME.A") {
            @Override
            public List<GradingScheme> schemes() {
                throw new IllegalStateException("licence file missing");
            }
        };
        GradingSchemeProvider noList = new AcmeSchemes("ACME.A") {
            @Override
            public List<GradingScheme> schemes() {
                return null;
            }
        };
        GradingSchemeProvider empty = new AcmeSchemes("ACME.A");
        GradingSchemeProvider withNull = new AcmeSchemes("ACME.A") {
            @Override
            public List<GradingScheme> schemes() {
                return Arrays.asList(new BandScheme("ACME.A-N", "ACME.A"), null);
            }
        };
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, () -> acme()
                .register(throwing).register(noList).register(empty).register(withNull).build());
        String m = e.getMessage();
        assertTrue(m.startsWith("4 provider configuration problems:\n"), m);
        assertTrue(m.contains("1. GradingSchemeProvider " + throwing.getClass().getName() + " ("
                + ProviderRegistry.location(throwing.getClass()) + ") failed to list its schemes:"
                + " java.lang.IllegalStateException: licence file missing"), m);
        assertTrue(m.contains("2. GradingSchemeProvider " + noList.getClass().getName() + " (") && m.contains(
                ") returned no list of schemes; allowed: a non-empty list."), m);
        assertTrue(m.contains("3. GradingSchemeProvider " + AcmeSchemes.class.getName() + " (") && m.contains(
                ") returned an empty list of schemes; allowed: a non-empty list."), m);
        assertTrue(m.contains("4. GradingSchemeProvider " + withNull.getClass().getName() + " (") && m.contains(
                ") returned a null scheme at index 1 of 2; allowed: a list without null elements"), m);
    }

    @Test
    void discoveryFindsSchemeProvidersBesidePlainSchemesAndSkipsBrokenOnes(@TempDir Path dir) throws IOException {
        String pkg = "com.acme.family";
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        sources.put(pkg + ".Fam", PluginJar.method(pkg, "Fam", "ACME.FAM", "ACME.FAM-1", ""));
        sources.put(pkg + ".S1", PluginJar.scheme(pkg, "S1", "ACME.FAM-1", "ACME.FAM"));
        sources.put(pkg + ".S2", PluginJar.scheme(pkg, "S2", "ACME.FAM-2", "ACME.FAM"));
        sources.put(pkg + ".S3", PluginJar.scheme(pkg, "S3", "ACME.FAM-3", "ACME.FAM"));
        sources.put(pkg + ".Family", PluginJar.schemeProvider(pkg, "Family", "", "S1", "S2"));
        sources.put(pkg + ".Broken", PluginJar.schemeProvider(pkg, "Broken",
                "throw new IllegalStateException(\"no licence\");", "S1"));
        try (URLClassLoader loader = PluginJar.build(dir, sources, Map.of(
                AssessmentMethod.class.getName(), List.of(pkg + ".Fam"),
                GradingScheme.class.getName(), List.of(pkg + ".S3"),
                GradingSchemeProvider.class.getName(), List.of(pkg + ".Broken", pkg + ".Family")))) {
            ProviderRegistry r = ProviderRegistry.builder().discover(loader).build();
            assertEquals(List.of(SchemeId.of("ACME.FAM-1"), SchemeId.of("ACME.FAM-2"), SchemeId.of("ACME.FAM-3")),
                    r.schemesFor(MethodId.of("ACME.FAM")).stream().map(GradingScheme::id).toList());
            assertEquals(BUILT_IN_SCHEME_COUNT + 3, r.schemeIds().size(), r.schemeIds().toString());
            assertEquals(1, r.skipped().size(), r.skipped().toString());
            assertTrue(r.skipped().get(0).startsWith("A provider of GradingSchemeProvider failed to load and was skipped: ")
                    && r.skipped().get(0).contains(pkg + ".Broken") && r.skipped().get(0).contains("no licence"),
                    r.skipped().get(0));
            String where = PluginJar.classesDir(dir).toUri().getPath();
            assertTrue(r.summary().contains("ACME.FAM-1 (com.acme.family.S1 from com.acme.family.Family, " + where + ")"),
                    r.summary());
            assertTrue(r.summary().contains("ACME.FAM-3 (com.acme.family.S3, " + where + ")"), r.summary());
        }
    }

    @Test
    void aDiscoveredProviderClaimingABuiltInSchemeIdIsRefusedNamingItsJar(@TempDir Path dir) throws IOException {
        String pkg = "com.acme.lecs";
        try (URLClassLoader loader = PluginJar.build(dir, Map.of(
                pkg + ".MyLecV1", PluginJar.scheme(pkg, "MyLecV1", "LEC-V1", "LEC"),
                pkg + ".MyLecs", PluginJar.schemeProvider(pkg, "MyLecs", "", "MyLecV1")),
                Map.of(GradingSchemeProvider.class.getName(), List.of(pkg + ".MyLecs")))) {
            ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class,
                    () -> ProviderRegistry.builder().discover(loader).build());
            assertEquals("GradingScheme id [LEC-V1] is reserved for the built-in providers, but com.acme.lecs.MyLecV1"
                    + " from GradingSchemeProvider com.acme.lecs.MyLecs (" + PluginJar.classesDir(dir).toUri().getPath()
                    + ") claims it. Give it a namespaced id such as [ACME.LEC-V1], or take over the built-in explicitly"
                    + " with replace(..)", e.getMessage());
        }
    }

    /** A third-party provider of band schemes for one method. */
    static class AcmeSchemes implements GradingSchemeProvider {
        private final List<GradingScheme> schemes = new ArrayList<>();

        AcmeSchemes(String method, String... ids) {
            for (String id : ids) {
                schemes.add(new BandScheme(id, method));
            }
        }

        @Override
        public List<GradingScheme> schemes() {
            return List.copyOf(schemes);
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
