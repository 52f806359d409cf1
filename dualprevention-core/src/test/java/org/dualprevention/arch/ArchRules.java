package org.dualprevention.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.ThrowsDeclaration;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;

/**
 * The architecture rules of DESIGN.md, as factories so each can also be run against a deliberately bad
 * fixture and shown to fail. Rules fail on an empty selection (ArchUnit's default), which guards each
 * against passing vacuously.
 */
public final class ArchRules {
    /** Packages of libraries that must never appear in a public signature of spi or core. */
    public static final String[] FORBIDDEN_IN_API = {"com.google.common..", "com.google.thirdparty..",
        "org.apache.commons.math3..", "tools.jackson..", "com.fasterxml.jackson.."};

    private ArchRules() {
    }

    /**
     * Classes depend only on the JDK, the library itself and JSpecify (annotations, compile time only). The JDK
     * includes {@code javax.crypto} (module java.base: the HMAC of keyed audit chaining).
     */
    public static ArchRule jdkOnly() {
        return classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..",
                "org.dualprevention..", "org.jspecify..").because("a plug-in author compiles against dualprevention-spi alone, and core's runtime"
                        + " dependencies are the JDK and the spi (DESIGN.md)");
    }

    /** No class depends on the given packages. */
    public static ArchRule noDependencyOn(String... packages) {
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(packages);
    }

    /** Public classes outside {@code ..internal..} expose none of the given packages' types in public or protected signatures. */
    public static ArchRule noForbiddenTypesInPublicSignatures(String... packages) {
        return classes().that().arePublic().and().resideOutsideOfPackage("..internal..")
                .should(notExposeTypesFrom(packages));
    }

    /**
     * Checks public and protected fields, methods and constructors (parameter, return, thrown and type
     * parameter types, including generic arguments), the superclass, the interfaces and the class's type parameters.
     *
     * @param packages package identifiers such as {@code com.google.common..}
     * @return the condition
     */
    public static ArchCondition<JavaClass> notExposeTypesFrom(String... packages) {
        return new ArchCondition<>("not expose types of " + Arrays.toString(packages) + " in public signatures") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Set<String> found = new TreeSet<>();
                c.getSuperclass().ifPresent(t -> add(found, "superclass", t, packages));
                for (JavaType t : c.getInterfaces()) {
                    add(found, "interface", t, packages);
                }
                for (JavaType t : c.getTypeParameters()) {
                    add(found, "type parameter", t, packages);
                }
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers())) {
                        add(found, "field " + f.getName(), f.getType(), packages);
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!visible(u.getModifiers()) || u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        continue;
                    }
                    String where = u.getName() + "(..)";
                    add(found, where + " return type", u.getReturnType(), packages);
                    for (JavaType p : u.getParameterTypes()) {
                        add(found, where + " parameter", p, packages);
                    }
                    for (ThrowsDeclaration<? extends JavaCodeUnit> t : u.getThrowsClause()) {
                        add(found, where + " throws", t.getRawType(), packages);
                    }
                    for (JavaType t : u.getTypeParameters()) {
                        add(found, where + " type parameter", t, packages);
                    }
                }
                for (String f : found) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " exposes " + f));
                }
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void add(Set<String> found, String where, JavaType type, String[] packages) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            JavaClass base = raw;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            if (JavaClass.Predicates.resideInAnyPackage(packages).test(base)) {
                found.add(where + ": " + base.getName());
            }
        }
    }

    /** No package cycles among the first-level packages below {@code root}, counting {@code root} itself as one slice. */
    public static ArchRule noCyclesBelow(String root) {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (p.equals(root)) {
                    return SliceIdentifier.of("(root)");
                }
                if (p.startsWith(root + ".")) {
                    return SliceIdentifier.of(p.substring(root.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages below " + root;
            }
        }).should().beFreeOfCycles();
    }

    /** Only the engine package uses engine.internal. */
    public static ArchRule engineInternalStaysInEngine() {
        return noClasses().that().resideOutsideOfPackage("org.dualprevention.engine..")
                .should().dependOnClassesThat().resideInAPackage("org.dualprevention.engine.internal..");
    }

    /** Time comes from an injected Clock: no wall-clock reads. */
    public static ArchRule noWallClock() {
        return noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callConstructor(Date.class)
                .because("time comes from an injected java.time.Clock (DESIGN.md)");
    }

    /** Public types of the given packages are final classes, records, enums or interfaces. */
    public static ArchRule valueTypesAreClosed(String... packages) {
        return classes().that().resideInAnyPackage(packages).and().arePublic()
                .should().haveModifier(JavaModifier.FINAL).orShould().beInterfaces().orShould().beEnums()
                .orShould().beRecords()
                .because("values are immutable: records or final classes (DESIGN.md)");
    }
}
