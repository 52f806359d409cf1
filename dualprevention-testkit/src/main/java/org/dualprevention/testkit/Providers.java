package org.dualprevention.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.dualprevention.risk.MethodId;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;

/**
 * The assessment methods and grading schemes visible to {@link ServiceLoader} from the test kit, so a
 * test can check that a plug-in is registered (in {@code META-INF/services} on the class path, or with
 * {@code provides} on the module path) and run the contracts against what is actually discovered. Schemes
 * are found as the engine finds them: registered on their own, and contributed by a
 * {@link GradingSchemeProvider}.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Providers {
    private Providers() {
    }

    /** @return a fresh instance of every discovered assessment method, in discovery order */
    public static List<AssessmentMethod> methods() {
        List<AssessmentMethod> out = new ArrayList<>();
        ServiceLoader.load(AssessmentMethod.class, Providers.class.getClassLoader()).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * Every discovered grading scheme: those registered on their own, in discovery order, then those of
     * each discovered {@link GradingSchemeProvider}, in its order.
     *
     * @return the schemes, from fresh provider instances
     */
    public static List<GradingScheme> schemes() {
        List<GradingScheme> out = new ArrayList<>();
        ServiceLoader.load(GradingScheme.class, Providers.class.getClassLoader()).forEach(out::add);
        for (GradingSchemeProvider p : schemeProviders()) {
            out.addAll(p.schemes());
        }
        return List.copyOf(out);
    }

    /** @return a fresh instance of every discovered grading scheme provider, in discovery order */
    public static List<GradingSchemeProvider> schemeProviders() {
        List<GradingSchemeProvider> out = new ArrayList<>();
        ServiceLoader.load(GradingSchemeProvider.class, Providers.class.getClassLoader()).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * The discovered method with an id.
     *
     * @param id the id
     * @return a fresh instance
     * @throws AssertionError naming the ids found if none has this id
     */
    public static AssessmentMethod method(MethodId id) {
        Objects.requireNonNull(id, "id");
        List<MethodId> found = new ArrayList<>();
        for (AssessmentMethod m : methods()) {
            if (m.id().equals(id)) {
                return m;
            }
            found.add(m.id());
        }
        throw new AssertionError("no assessment method [" + id + "] is registered; found " + found
                + ". List it in META-INF/services/org.dualprevention.spi.AssessmentMethod and in module-info (provides)");
    }

    /**
     * The discovered method a scheme grades.
     *
     * @param scheme the scheme
     * @return a fresh instance of the method named by {@link GradingScheme#method()}
     */
    public static AssessmentMethod methodOf(GradingScheme scheme) {
        return method(scheme.method());
    }
}
