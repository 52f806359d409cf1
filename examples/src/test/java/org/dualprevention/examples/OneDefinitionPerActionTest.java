package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.examples.fixture.actions.ComparesAnAction;
import org.dualprevention.examples.fixture.actions.IssuesCommands;
import org.dualprevention.examples.fixture.actions.ReadsACommandsData;
import org.dualprevention.examples.fixture.actions.SwitchesOverActions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each action of the closed loop is defined in one place (issue 14): in the library's main code (the spi,
 * core, json and jdbc modules), only an action's definition in core may decide anything about that action —
 * name its {@link HiddenDangerAction} constant (a comparison, a {@code switch}, a set of actions), test for its
 * command type with {@code instanceof}, name that type's class object, or read that command's data (call or
 * refer to one of its record components). The spi's own declarations of the enum and of the command records
 * are the exceptions.
 *
 * <p>Issuing a command is not deciding about it: constructing one, calling its factories and copy methods, or
 * taking one as a parameter (the facade's {@code report(Report)}) is what every host does and is allowed
 * anywhere. The test kit, the examples and the benchmarks are such clients (the test kit's generators build a
 * valid command per action) and are not scanned.
 *
 * <p>The check reads the compiled classes with ArchUnit, so a {@code switch} over actions is caught through
 * the switch map javac writes; it runs against deliberately bad fixtures to show it finds each kind of
 * reference, and against one that only issues commands to show it does not over-reach.
 */
class OneDefinitionPerActionTest {
    private static final String DEFINITION_BASE = "org.dualprevention.engine.closedloop.ActionDefinition";
    private static final Set<String> CLIENT_PACKAGES = Set.of("org.dualprevention.examples", "org.dualprevention.testkit",
            "org.dualprevention.benchmarks");

    /** Command record class name to the name of its action constant. */
    private static final Map<String, String> ACTION_OF_COMMAND = new TreeMap<>();
    /** Command record class name to its record components. */
    private static final Map<String, Set<String>> COMPONENTS = new TreeMap<>();
    private static JavaClasses library;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        for (Class<?> c : HiddenDangerCommand.class.getPermittedSubclasses()) {
            String constant = c.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
            ACTION_OF_COMMAND.put(c.getName(), HiddenDangerAction.valueOf(constant).name());
            Set<String> names = new TreeSet<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                names.add(rc.getName());
            }
            COMPONENTS.put(c.getName(), names);
        }
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dualprevention")
                .that(com.tngtech.archunit.base.DescribedPredicate.describe("library code",
                        c -> CLIENT_PACKAGES.stream().noneMatch(p -> c.getPackageName().startsWith(p))));
        fixtures = new ClassFileImporter().importPackages("org.dualprevention.examples.fixture.actions");
    }

    private static String topLevel(JavaClass c) {
        String name = c.getName();
        int i = name.indexOf('$');
        return i < 0 ? name : name.substring(0, i);
    }

    /** The definition class of each command, read from the type argument of its superclass. */
    private static Map<String, String> definitions(JavaClasses classes) {
        Map<String, String> out = new TreeMap<>();
        for (JavaClass c : classes) {
            Optional<JavaType> sup = c.getSuperclass();
            if (sup.isPresent() && sup.get().toErasure().getName().equals(DEFINITION_BASE)
                    && sup.get() instanceof JavaParameterizedType) {
                JavaType arg = ((JavaParameterizedType) sup.get()).getActualTypeArguments().get(0);
                String previous = out.put(arg.toErasure().getName(), c.getName());
                assertEquals(null, previous, "two definitions of " + arg.getName());
            }
        }
        return out;
    }

    /** Every reference that decides about a particular action, outside that action's definition. */
    static List<String> violations(JavaClasses classes, Map<String, String> definitionOf) {
        Map<String, String> commandOfAction = new TreeMap<>();
        ACTION_OF_COMMAND.forEach((command, action) -> commandOfAction.put(action, command));
        List<String> out = new ArrayList<>();
        for (JavaClass c : classes) {
            String top = topLevel(c);
            if (top.equals(HiddenDangerAction.class.getName()) || top.equals(HiddenDangerCommand.class.getName())) {
                continue; // the spi's declarations of the actions and their commands
            }
            List<String[]> refs = new ArrayList<>(); // {command, how}
            for (JavaFieldAccess a : c.getFieldAccessesFromSelf()) {
                if (a.getTargetOwner().getName().equals(HiddenDangerAction.class.getName())
                        && commandOfAction.containsKey(a.getName())) {
                    refs.add(new String[] {commandOfAction.get(a.getName()), "reads HiddenDangerAction." + a.getName()
                            + " " + a.getSourceCodeLocation()});
                }
            }
            for (JavaCodeUnit u : c.getCodeUnits()) {
                u.getInstanceofChecks().forEach(i -> {
                    if (ACTION_OF_COMMAND.containsKey(i.getRawType().getName())) {
                        refs.add(new String[] {i.getRawType().getName(), "tests instanceof "
                                + i.getRawType().getSimpleName() + " " + i.getSourceCodeLocation()});
                    }
                });
            }
            List<JavaAccess<?>> calls = new ArrayList<>(c.getMethodCallsFromSelf());
            calls.addAll(c.getMethodReferencesFromSelf());
            for (JavaAccess<?> call : calls) {
                String owner = call.getTargetOwner().getName();
                if (COMPONENTS.containsKey(owner) && COMPONENTS.get(owner).contains(call.getName())) {
                    refs.add(new String[] {owner, "reads " + call.getTargetOwner().getSimpleName() + "." + call.getName()
                            + "() " + call.getSourceCodeLocation()});
                }
            }
            c.getReferencedClassObjects().forEach(r -> {
                if (ACTION_OF_COMMAND.containsKey(r.getRawType().getName())) {
                    refs.add(new String[] {r.getRawType().getName(), "names " + r.getRawType().getSimpleName()
                            + ".class " + r.getSourceCodeLocation()});
                }
            });
            for (String[] ref : refs) {
                if (!top.equals(definitionOf.get(ref[0]))) {
                    out.add(c.getName() + " " + ref[1] + " (action " + ACTION_OF_COMMAND.get(ref[0]) + ", defined in "
                            + definitionOf.getOrDefault(ref[0], "nothing") + ")");
                }
            }
        }
        return out;
    }

    @Test
    void everyActionHasOneCommandAndOneDefinition() {
        assertEquals(HiddenDangerAction.values().length, ACTION_OF_COMMAND.size(), ACTION_OF_COMMAND.toString());
        assertEquals(ACTION_OF_COMMAND.keySet(), definitions(library).keySet(), "a definition per command");
        assertEquals(HiddenDangerAction.values().length, new TreeSet<>(definitions(library).values()).size());
    }

    @Test
    void theImportCoversEveryLibraryModule() {
        for (String name : List.of("org.dualprevention.danger.HiddenDanger", "org.dualprevention.engine.closedloop.ClosedLoop",
                "org.dualprevention.engine.closedloop.OrganizationAccessPolicy", "org.dualprevention.engine.DualPrevention",
                "org.dualprevention.json.HiddenDangerLedger", "org.dualprevention.jdbc.JdbcStorage")) {
            assertTrue(library.contain(name), name + " was not imported");
        }
        assertTrue(library.stream().noneMatch(c -> c.getPackageName().startsWith("org.dualprevention.examples")));
        assertTrue(library.size() > 200, "only " + library.size() + " classes imported");
    }

    @Test
    void onlyAnActionsDefinitionDecidesAboutIt() {
        assertEquals(List.of(), violations(library, definitions(library)));
    }

    @Test
    void theCheckFindsEachKindOfReferenceInTheFixtures() {
        List<String> found = violations(fixtures, definitions(library));
        String all = String.join("\n", found);
        assertTrue(all.contains(SwitchesOverActions.class.getName()) && all.contains("reads HiddenDangerAction.VERIFY"),
                all);
        assertTrue(all.contains(ComparesAnAction.class.getName() + " reads HiddenDangerAction.ACCEPT"), all);
        assertTrue(all.contains(ReadsACommandsData.class.getName() + " tests instanceof Verify"), all);
        assertTrue(all.contains(ReadsACommandsData.class.getName() + " reads Verify.grade()"), all);
        assertTrue(all.contains(ReadsACommandsData.class.getName() + " reads Reject.reason()"), all);
        assertTrue(all.contains(ReadsACommandsData.class.getName() + " names Plan.class"), all);
        assertTrue(all.contains("defined in org.dualprevention.engine.closedloop.VerifyAction"), all);
        assertTrue(found.stream().noneMatch(v -> v.startsWith(IssuesCommands.class.getName())),
                "issuing commands is allowed: " + all);
    }
}
