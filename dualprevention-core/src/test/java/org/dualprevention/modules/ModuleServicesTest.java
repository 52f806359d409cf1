package org.dualprevention.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.dualprevention.spi.AssessmentMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core module's service declarations: {@code provides} agrees with {@code META-INF/services}; each
 * provider class can be instantiated by ServiceLoader; each {@code uses} has a {@code ServiceLoader.load}
 * call site for that service and each load call site's service is declared with {@code uses}; each service
 * provided is used by some module of the library.
 */
class ModuleServicesTest {
    private static Path classes;
    private static ModuleDescriptor core;
    private static JavaClasses production;

    @BeforeAll
    static void read() {
        classes = ServiceDeclarations.mainClasses();
        core = ServiceDeclarations.descriptor(classes);
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classes);
    }

    @Test
    void theDescriptorIsCoresAndTheImportIsNotEmpty() {
        assertEquals("org.dualprevention.core", core.name());
        assertTrue(production.size() > 5, "only " + production.size() + " classes imported from " + classes);
        assertTrue(core.exports().stream().anyMatch(e -> e.source().equals("org.dualprevention.engine")));
        assertTrue(core.exports().stream().noneMatch(e -> e.source().contains(".internal")), "internal packages stay hidden");
    }

    @Test
    void providesAgreesWithMetaInfServices() {
        List<String> diff = ServiceDeclarations.differences(ServiceDeclarations.provides(core),
                ServiceDeclarations.servicesFiles(classes));
        assertEquals(List.of(), diff);
    }

    @Test
    void everyProviderCanBeInstantiatedByServiceLoader() throws ClassNotFoundException {
        for (Map.Entry<String, List<String>> e : ServiceDeclarations.provides(core).entrySet()) {
            Class<?> service = Class.forName(e.getKey());
            for (String name : e.getValue()) {
                Class<?> provider = Class.forName(name);
                assertTrue(Modifier.isPublic(provider.getModifiers()), name + " must be public");
                boolean factory = false;
                for (Method m : provider.getMethods()) {
                    factory |= m.getName().equals("provider") && m.getParameterCount() == 0
                            && Modifier.isStatic(m.getModifiers()) && service.isAssignableFrom(m.getReturnType());
                }
                if (!factory) {
                    assertTrue(service.isAssignableFrom(provider), name + " must implement " + service.getName());
                    assertTrue(!Modifier.isAbstract(provider.getModifiers()), name + " must not be abstract");
                    boolean noArg = false;
                    for (Constructor<?> c : provider.getConstructors()) {
                        noArg |= c.getParameterCount() == 0;
                    }
                    assertTrue(noArg, name + " needs a public no-argument constructor (the class path needs it too)");
                }
            }
        }
    }

    @Test
    void usesMatchesTheServiceLoaderCallSites() {
        Set<String> uses = new TreeSet<>(core.uses());
        Set<String> loaded = loadedServices(production);
        assertEquals(Set.of("org.dualprevention.spi.AssessmentMethod", "org.dualprevention.spi.GradingScheme",
                "org.dualprevention.spi.GradingSchemeProvider"), uses);
        assertEquals(uses, loaded, "each uses needs a ServiceLoader.load call site and vice versa");
    }

    @Test
    void everyProvidedServiceIsUsedByAModuleOfTheLibrary() {
        Set<String> used = new HashSet<>(core.uses());
        used.addAll(spiDescriptor().uses());
        for (String service : ServiceDeclarations.provides(core).keySet()) {
            assertTrue(used.contains(service), "provides " + service + " but no module of the library uses it");
        }
    }

    @Test
    void theComparisonReportsEveryDisagreement() {
        Map<String, List<String>> provides = Map.of("a.Service", List.of("x.One", "x.Two"), "b.Other", List.of("y.Three"));
        Map<String, List<String>> files = Map.of("a.Service", ServiceDeclarations.parse(List.of("# built-ins", "x.One",
                "", "  x.Four  # a stray one", "x.One")), "c.Extra", List.of("z.Five"));
        assertEquals(List.of(
                "META-INF/services/a.Service lists a provider twice: [x.One, x.Four, x.One]",
                "module-info provides a.Service with x.Two, but META-INF/services/a.Service does not list it",
                "META-INF/services/a.Service lists x.Four, but module-info has no provides a.Service with x.Four",
                "module-info provides b.Other with y.Three, but META-INF/services/b.Other does not list it",
                "META-INF/services/c.Extra lists z.Five, but module-info has no provides c.Extra with z.Five"),
                ServiceDeclarations.differences(provides, files));
        ModuleDescriptor built = ModuleDescriptor.newModule("x").provides("a.Service", List.of("x.Two", "x.One")).build();
        assertEquals(Map.of("a.Service", List.of("x.One", "x.Two")), ServiceDeclarations.provides(built));
    }

    @Test
    void theCallSiteScanFindsALoadOfAnUndeclaredService() {
        JavaClasses fixture = new ClassFileImporter().importClasses(LoadsRunnable.class);
        assertEquals(Set.of(Runnable.class.getName()), loadedServices(fixture));
    }

    /**
     * Services loaded by the classes: class literals of interfaces or abstract classes that appear in the
     * same method or constructor as a call to {@code ServiceLoader.load}.
     */
    static Set<String> loadedServices(JavaClasses classes) {
        Set<String> out = new TreeSet<>();
        for (JavaClass c : classes) {
            Set<JavaCodeUnit> loaders = new HashSet<>();
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().isEquivalentTo(ServiceLoader.class) && call.getName().startsWith("load")) {
                    loaders.add(call.getOwner());
                }
            }
            for (ReferencedClassObject literal : c.getReferencedClassObjects()) {
                String name = literal.getRawType().getName();
                if (loaders.contains(literal.getOwner()) && serviceLike(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** An interface or abstract class, judged by loading it (ArchUnit does not resolve library classes here). */
    private static boolean serviceLike(String className) {
        try {
            Class<?> type = Class.forName(className, false, ModuleServicesTest.class.getClassLoader());
            return type.isInterface() || Modifier.isAbstract(type.getModifiers());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static ModuleDescriptor spiDescriptor() {
        try {
            Path location = Path.of(AssessmentMethod.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<ModuleReference> refs = new ArrayList<>(ModuleFinder.of(location).findAll());
            assertEquals(1, refs.size(), "spi module at " + location);
            return refs.get(0).descriptor();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads a service that no module-info declares. */
    static final class LoadsRunnable {
        static int count() {
            int n = 0;
            for (Runnable r : ServiceLoader.load(Runnable.class)) {
                n += r.hashCode() == 0 ? 0 : 1;
            }
            return n;
        }
    }
}
