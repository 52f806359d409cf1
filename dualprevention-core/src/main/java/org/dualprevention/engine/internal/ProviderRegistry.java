package org.dualprevention.engine.internal;

import org.jspecify.annotations.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dualprevention.ProviderConfigurationException;
import org.dualprevention.UnknownProviderException;
import org.dualprevention.engine.Providers;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;

/**
 * Finds and checks the assessment methods and grading schemes: discovery through
 * {@link ServiceLoader}, explicit registration and explicit replacement of a built-in. Grading schemes
 * come from two services: {@link GradingScheme} (one class, one scheme) and {@link GradingSchemeProvider}
 * (one class, several schemes); each contributed scheme is checked exactly like a scheme of its own.
 *
 * <h2>Rules (STYLE.md §4.2)</h2>
 * <ol>
 *   <li>Discovery iterates {@code ServiceLoader.load(service, loader)}. A provider that cannot be
 *       loaded or instantiated ({@link ServiceConfigurationError}) is reported through
 *       {@link System.Logger} at WARNING, listed in {@link #skipped()} and skipped; discovery goes on.</li>
 *   <li>Id syntax is enforced by {@link MethodId} and {@link SchemeId}; a provider whose {@code id()}
 *       throws or returns {@code null} is a configuration error.</li>
 *   <li>A {@link GradingSchemeProvider} whose {@code schemes()} throws, returns {@code null} or an empty
 *       list, or holds a {@code null} scheme, is a configuration error naming the provider.</li>
 *   <li>Reserved ids: the method ids {@link #RESERVED_METHOD_IDS} (whether or not the built-ins are
 *       present), and every method or scheme id declared by a class in {@link #BUILT_IN_PACKAGE} (for a
 *       contributed scheme: whose provider class lies there), belong to the built-ins. Any other source
 *       that claims one is a configuration error, unless it comes through {@code replace}.</li>
 *   <li>Two providers with one id are a configuration error naming both classes and where they were
 *       loaded from (for a contributed scheme: the scheme's class and the provider class that contributed
 *       it, with the provider's location); there is no priority contest.</li>
 *   <li>Explicitly registered providers are added after the discovered ones, under the same rules.
 *       {@code replace} takes over an id that exists after discovery and registration.</li>
 *   <li>Every scheme must grade a known method; every method's default scheme must exist and grade it.</li>
 *   <li>All configuration problems are reported together in one {@link ProviderConfigurationException}.
 *       On success a one-line summary is logged at DEBUG.</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ProviderRegistry implements Providers {
    /** The package whose classes are the built-in providers. */
    public static final String BUILT_IN_PACKAGE = "org.dualprevention.method";

    /** Method ids only the built-ins may use: LEC, LS, MATRIX, MES and DIRECT. */
    public static final Set<MethodId> RESERVED_METHOD_IDS = Set.of(MethodId.of("LEC"), MethodId.of("LS"),
            MethodId.of("MATRIX"), MethodId.of("MES"), MethodId.of("DIRECT"));

    static final String METHOD_KIND = "AssessmentMethod";
    static final String SCHEME_KIND = "GradingScheme";
    static final String SCHEME_PROVIDER_KIND = "GradingSchemeProvider";
    private static final String HINT = "Add the provider jar with its META-INF/services entry (and a provides clause"
            + " on the module path), or register it via DualPrevention.builder().register(..)";
    private static final int MAX_LOAD_FAILURES = 1000;
    private static final System.Logger LOG = System.getLogger(ProviderRegistry.class.getName());

    private final Map<MethodId, AssessmentMethod> methods;
    private final Map<SchemeId, GradingScheme> schemes;
    private final List<String> skipped;
    private final String summary;

    private ProviderRegistry(Map<MethodId, Source<AssessmentMethod>> methods,
            Map<SchemeId, Source<GradingScheme>> schemes, List<String> skipped) {
        this.methods = Collections.unmodifiableMap(new TreeMap<>(unwrap(methods)));
        this.schemes = Collections.unmodifiableMap(new TreeMap<>(unwrap(schemes)));
        this.skipped = List.copyOf(skipped);
        this.summary = "dualprevention providers: methods " + describe(new TreeMap<>(methods).values(),
                m -> m.id().value(), AssessmentMethod::version) + "; schemes " + describe(
                new TreeMap<>(schemes).values(), s -> s.id().value(), GradingScheme::version) + "; skipped "
                + this.skipped.size();
    }

    private static <I, P> Map<I, P> unwrap(Map<I, Source<P>> sources) {
        Map<I, P> out = new LinkedHashMap<>();
        sources.forEach((id, s) -> out.put(id, s.provider()));
        return out;
    }

    /**
     * Starts an empty builder; call {@link Builder#discover()} to include {@link ServiceLoader} discovery.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a provider class counts as built-in: it lies in {@link #BUILT_IN_PACKAGE} or below.
     *
     * @param type a provider class
     * @return true for built-ins
     */
    public static boolean isBuiltIn(Class<?> type) {
        String p = type.getPackageName();
        return p.equals(BUILT_IN_PACKAGE) || p.startsWith(BUILT_IN_PACKAGE + ".");
    }

    @Override
    public AssessmentMethod method(MethodId id) {
        Objects.requireNonNull(id, "id");
        AssessmentMethod m = methods.get(id);
        if (m == null) {
            throw new UnknownProviderException(METHOD_KIND, id.value(), ids(methods.keySet()), HINT);
        }
        return m;
    }

    @Override
    public GradingScheme scheme(SchemeId id) {
        Objects.requireNonNull(id, "id");
        GradingScheme s = schemes.get(id);
        if (s == null) {
            throw new UnknownProviderException(SCHEME_KIND, id.value(), ids(schemes.keySet()), HINT);
        }
        return s;
    }

    @Override
    public List<MethodId> methodIds() {
        return List.copyOf(methods.keySet());
    }

    @Override
    public List<SchemeId> schemeIds() {
        return List.copyOf(schemes.keySet());
    }

    @Override
    public List<GradingScheme> schemesFor(MethodId method) {
        Objects.requireNonNull(method, "method");
        return schemes.values().stream().filter(s -> s.method().equals(method)).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The providers that discovery had to skip, one message each (empty if none).
     *
     * @return the messages, in the order met
     */
    public List<String> skipped() {
        return skipped;
    }

    /** @return the one-line summary that is logged at DEBUG */
    public String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return summary;
    }

    private static List<String> ids(Set<?> ids) {
        return ids.stream().map(Object::toString).sorted().collect(Collectors.toUnmodifiableList());
    }

    private static <P> String describe(Iterable<Source<P>> sources, Function<P, String> id,
            Function<P, Optional<String>> version) {
        List<String> out = new ArrayList<>();
        for (Source<P> s : sources) {
            P p = s.provider();
            String v;
            if (s.contributed()) {
                Package pkg = s.origin().getClass().getPackage();
                v = pkg == null || pkg.getImplementationVersion() == null ? "" : " " + pkg.getImplementationVersion();
            } else {
                try {
                    v = version.apply(p).map(x -> " " + x).orElse("");
                } catch (RuntimeException e) {
                    v = "";
                }
            }
            String type = s.contributed() ? p.getClass().getName() + " from " + s.origin().getClass().getName()
                    : p.getClass().getName();
            out.add(id.apply(p) + " (" + type + v + ", " + location(s.origin().getClass()) + ")");
        }
        return out.toString();
    }

    /**
     * Where a class was loaded from: the path of its jar or directory, else its module, else "unknown location".
     *
     * @param type a class
     * @return a short description for messages
     */
    public static String location(Class<?> type) {
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            if (url != null) {
                try {
                    URI uri = url.toURI();
                    return uri.getPath() != null ? uri.getPath() : uri.toString();
                } catch (URISyntaxException e) {
                    return url.toString();
                }
            }
        } catch (SecurityException e) {
            // fall through to the module name
        }
        Module m = type.getModule();
        return m.isNamed() ? "module " + m.getName() : "unknown location";
    }

    private static String who(Object provider) {
        return provider.getClass().getName() + " (" + location(provider.getClass()) + ")";
    }

    /**
     * A method or scheme with where it came from: itself (registered or discovered on its own), or the
     * {@link GradingSchemeProvider} that contributed it. The origin decides whether it is built-in and is
     * what messages name.
     */
    private record Source<P>(P provider, Object origin) {
        static <P> Source<P> own(P provider) {
            return new Source<>(provider, provider);
        }

        boolean contributed() {
            return origin != provider;
        }

        boolean builtIn() {
            return isBuiltIn(origin.getClass());
        }

        String who() {
            if (!contributed()) {
                return ProviderRegistry.who(provider);
            }
            return provider.getClass().getName() + " from " + SCHEME_PROVIDER_KIND + " " + ProviderRegistry.who(origin);
        }
    }

    /**
     * Collects providers and builds a checked {@link ProviderRegistry}. Not thread-safe.
     */
    public static final class Builder {
        private final List<AssessmentMethod> discoveredMethods = new ArrayList<>();
        private final List<GradingScheme> discoveredSchemes = new ArrayList<>();
        private final List<GradingSchemeProvider> discoveredSchemeProviders = new ArrayList<>();
        private final List<AssessmentMethod> registeredMethods = new ArrayList<>();
        /** Registered schemes and scheme providers, in registration order. */
        private final List<Object> registeredSchemes = new ArrayList<>();
        private final List<AssessmentMethod> replacementMethods = new ArrayList<>();
        private final List<GradingScheme> replacementSchemes = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        /** The providers found by discovery (by identity), to say where each side of a clash came from. */
        private final Set<Object> discovered = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        private Builder() {
        }

        /**
         * Discovers providers with the thread context class loader (or this library's loader if there is none).
         *
         * @return this builder
         */
        public Builder discover() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return discover(loader != null ? loader : ProviderRegistry.class.getClassLoader());
        }

        /**
         * Discovers providers visible to a class loader: on the module path through {@code provides}
         * clauses, on the class path through {@code META-INF/services} files. Schemes are discovered both as
         * {@link GradingScheme} providers and through {@link GradingSchemeProvider}s.
         *
         * @param loader the class loader
         * @return this builder
         */
        public Builder discover(ClassLoader loader) {
            Objects.requireNonNull(loader, "loader");
            load(ServiceLoader.load(AssessmentMethod.class, loader), METHOD_KIND, discoveredMethods);
            load(ServiceLoader.load(GradingScheme.class, loader), SCHEME_KIND, discoveredSchemes);
            load(ServiceLoader.load(GradingSchemeProvider.class, loader), SCHEME_PROVIDER_KIND,
                    discoveredSchemeProviders);
            return this;
        }

        private <S> void load(ServiceLoader<S> loader, String kind, List<S> out) {
            Iterator<S> it = loader.iterator();
            int failures = 0;
            while (failures < MAX_LOAD_FAILURES) {
                try {
                    if (!it.hasNext()) {
                        return;
                    }
                    out.add(it.next());
                } catch (ServiceConfigurationError e) {
                    failures++;
                    String message = "A provider of " + kind + " failed to load and was skipped: " + e.getMessage()
                            + (e.getCause() != null ? " (cause: " + e.getCause() + ")" : "");
                    skipped.add(message);
                    LOG.log(System.Logger.Level.WARNING, message, e);
                }
            }
        }

        /**
         * Adds an assessment method by hand, under the same rules as discovered ones.
         *
         * @param method the method
         * @return this builder
         */
        public Builder register(AssessmentMethod method) {
            registeredMethods.add(Objects.requireNonNull(method, "method"));
            return this;
        }

        /**
         * Adds a grading scheme by hand, under the same rules as discovered ones.
         *
         * @param scheme the scheme
         * @return this builder
         */
        public Builder register(GradingScheme scheme) {
            registeredSchemes.add(Objects.requireNonNull(scheme, "scheme"));
            return this;
        }

        /**
         * Adds every scheme of a provider by hand, under the same rules as discovered ones.
         *
         * @param provider the provider; its {@code schemes()} is read once, by {@link #build()}
         * @return this builder
         */
        public Builder register(GradingSchemeProvider provider) {
            registeredSchemes.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Takes over the id of an existing method (usually a built-in such as {@code LEC}) with another implementation.
         *
         * @param method the replacement; its id must already be present after discovery and registration
         * @return this builder
         */
        public Builder replace(AssessmentMethod method) {
            replacementMethods.add(Objects.requireNonNull(method, "method"));
            return this;
        }

        /**
         * Takes over the id of an existing grading scheme (usually a built-in) with another implementation.
         *
         * @param scheme the replacement; its id must already be present after discovery and registration
         * @return this builder
         */
        public Builder replace(GradingScheme scheme) {
            replacementSchemes.add(Objects.requireNonNull(scheme, "scheme"));
            return this;
        }

        /**
         * Checks every rule and builds the registry.
         *
         * @return the registry
         * @throws ProviderConfigurationException listing every problem found
         */
        public ProviderRegistry build() {
            List<String> problems = new ArrayList<>();

            List<Source<AssessmentMethod>> methodCandidates = new ArrayList<>();
            discoveredMethods.forEach(m -> methodCandidates.add(Source.own(m)));
            registeredMethods.forEach(m -> methodCandidates.add(Source.own(m)));
            Set<MethodId> reservedMethods = new LinkedHashSet<>(RESERVED_METHOD_IDS);
            reservedMethods.addAll(builtInIds(methodCandidates, AssessmentMethod::id));
            discovered.clear();
            discovered.addAll(discoveredMethods);
            discovered.addAll(discoveredSchemes);
            discovered.addAll(discoveredSchemeProviders);
            Map<MethodId, Source<AssessmentMethod>> methods = collect(METHOD_KIND, methodCandidates,
                    AssessmentMethod::id, reservedMethods::contains, problems);
            replaceAll(METHOD_KIND, replacementMethods, AssessmentMethod::id, methods, problems);

            List<Source<GradingScheme>> schemeCandidates = new ArrayList<>();
            discoveredSchemes.forEach(s -> schemeCandidates.add(Source.own(s)));
            for (GradingSchemeProvider p : discoveredSchemeProviders) {
                contributed(p, schemeCandidates, problems);
            }
            for (Object r : registeredSchemes) {
                if (r instanceof GradingSchemeProvider) {
                    contributed((GradingSchemeProvider) r, schemeCandidates, problems);
                } else {
                    schemeCandidates.add(Source.own((GradingScheme) r));
                }
            }
            Set<SchemeId> reservedSchemes = builtInIds(schemeCandidates, GradingScheme::id);
            Map<SchemeId, Source<GradingScheme>> schemes = collect(SCHEME_KIND, schemeCandidates, GradingScheme::id,
                    reservedSchemes::contains, problems);
            replaceAll(SCHEME_KIND, replacementSchemes, GradingScheme::id, schemes, problems);

            checkConsistency(methods, schemes, problems);

            if (!problems.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                if (problems.size() == 1) {
                    sb.append(problems.get(0));
                } else {
                    sb.append(problems.size()).append(" provider configuration problems:");
                    for (int i = 0; i < problems.size(); i++) {
                        sb.append("\n  ").append(i + 1).append(". ").append(problems.get(i));
                    }
                }
                throw new ProviderConfigurationException(sb.toString());
            }
            ProviderRegistry registry = new ProviderRegistry(methods, schemes, skipped);
            LOG.log(System.Logger.Level.DEBUG, registry.summary());
            return registry;
        }

        /** Reads a provider's schemes once; a provider that breaks its contract is a problem, not a crash. */
        private static void contributed(GradingSchemeProvider provider, List<Source<GradingScheme>> out,
                List<String> problems) {
            List<GradingScheme> listed;
            try {
                listed = provider.schemes();
            } catch (RuntimeException e) {
                problems.add(SCHEME_PROVIDER_KIND + " " + who(provider) + " failed to list its schemes: " + e);
                return;
            }
            if (listed == null || listed.isEmpty()) {
                problems.add(SCHEME_PROVIDER_KIND + " " + who(provider) + " returned " + (listed == null ? "no list"
                        : "an empty list") + " of schemes; allowed: a non-empty list. Remove the provider's"
                        + " registration if it has nothing to contribute");
                return;
            }
            for (int i = 0; i < listed.size(); i++) {
                GradingScheme s = listed.get(i);
                if (s == null) {
                    problems.add(SCHEME_PROVIDER_KIND + " " + who(provider) + " returned a null scheme at index " + i
                            + " of " + listed.size() + "; allowed: a list without null elements");
                } else {
                    out.add(new Source<>(s, provider));
                }
            }
        }

        private static <P, I> Set<I> builtInIds(List<Source<P>> candidates, Function<P, I> idOf) {
            Set<I> out = new LinkedHashSet<>();
            for (Source<P> c : candidates) {
                if (c.builtIn()) {
                    I id = safeId("", c, idOf, new ArrayList<>());
                    if (id != null) {
                        out.add(id);
                    }
                }
            }
            return out;
        }

        private static <P, I> @Nullable I safeId(String kind, Source<P> source, Function<P, I> idOf, List<String> problems) {
            try {
                I id = idOf.apply(source.provider());
                if (id == null) {
                    problems.add(kind + " " + source.who() + " returned no id; allowed: a non-null id");
                }
                return id;
            } catch (RuntimeException e) {
                problems.add(kind + " " + source.who() + " failed to report its id: " + e);
                return null;
            }
        }

        private static String how(boolean found) {
            return found ? " (discovered by ServiceLoader)" : " (registered on the builder)";
        }

        private <P, I> Map<I, Source<P>> collect(String kind, List<Source<P>> candidates, Function<P, I> idOf,
                java.util.function.Predicate<I> reserved, List<String> problems) {
            Map<I, Source<P>> out = new LinkedHashMap<>();
            for (Source<P> c : candidates) {
                I id = safeId(kind, c, idOf, problems);
                if (id == null) {
                    continue;
                }
                if (!c.builtIn() && reserved.test(id)) {
                    problems.add(kind + " id [" + id + "] is reserved for the built-in providers, but "
                            + c.who() + " claims it. Give it a namespaced id such as [ACME." + id
                            + "], or take over the built-in explicitly with replace(..)");
                    continue;
                }
                Source<P> first = out.putIfAbsent(id, c);
                if (first != null) {
                    boolean firstFound = discovered.contains(first.origin());
                    boolean secondFound = discovered.contains(c.origin());
                    String hint = firstFound != secondFound
                            && first.provider().getClass() == c.provider().getClass()
                            ? ". The same class was both discovered and registered on the builder: build with "
                                    + "discover(false) to use only what you register, or do not register it"
                            : ". Ids must be unique; remove one of them, or use replace(..) to take over a built-in";
                    boolean mixed = firstFound != secondFound;
                    problems.add("Two " + kind + "s claim id [" + id + "]: " + first.who() + (mixed ? how(firstFound) : "")
                            + " and " + c.who() + (mixed ? how(secondFound) : "") + hint);
                }
            }
            return out;
        }

        private static <P, I> void replaceAll(String kind, List<P> replacements, Function<P, I> idOf,
                Map<I, Source<P>> into, List<String> problems) {
            Set<I> replaced = new LinkedHashSet<>();
            for (P p : replacements) {
                Source<P> r = Source.own(p);
                I id = safeId(kind, r, idOf, problems);
                if (id == null) {
                    continue;
                }
                if (!into.containsKey(id)) {
                    problems.add("Nothing to replace: no " + kind + " with id [" + id + "] for " + who(p)
                            + "; available: " + ids(into.keySet()) + ". Use register(..) for a new id");
                } else if (!replaced.add(id)) {
                    problems.add("Two replacements for " + kind + " id [" + id + "]; the second is " + who(p)
                            + ". Replace an id once");
                } else {
                    into.put(id, r);
                }
            }
        }

        private static void checkConsistency(Map<MethodId, Source<AssessmentMethod>> methods,
                Map<SchemeId, Source<GradingScheme>> schemes, List<String> problems) {
            for (Source<GradingScheme> source : schemes.values()) {
                GradingScheme s = source.provider();
                MethodId graded;
                try {
                    graded = s.method();
                } catch (RuntimeException e) {
                    problems.add(SCHEME_KIND + " [" + s.id() + "] " + source.who() + " failed to report its method: " + e);
                    continue;
                }
                if (graded == null || !methods.containsKey(graded)) {
                    problems.add(SCHEME_KIND + " [" + s.id() + "] " + source.who() + " grades method [" + graded
                            + "], which is not registered; available methods: " + ids(methods.keySet())
                            + ". Add the method's provider, or remove the scheme");
                }
            }
            for (Source<AssessmentMethod> source : methods.values()) {
                AssessmentMethod m = source.provider();
                SchemeId def;
                try {
                    def = m.defaultScheme();
                } catch (RuntimeException e) {
                    problems.add(METHOD_KIND + " [" + m.id() + "] " + who(m) + " failed to report its default scheme: " + e);
                    continue;
                }
                Source<GradingScheme> found = def == null ? null : schemes.get(def);
                GradingScheme s = found == null ? null : found.provider();
                if (s == null) {
                    problems.add(METHOD_KIND + " [" + m.id() + "] " + who(m) + " names default scheme [" + def
                            + "], which is not registered; available schemes: " + ids(schemes.keySet())
                            + ". Add the scheme's provider, or register it");
                } else if (!m.id().equals(safeMethod(s))) {
                    problems.add(METHOD_KIND + " [" + m.id() + "] " + who(m) + " names default scheme [" + def
                            + "], which grades method [" + safeMethod(s) + "]; allowed: a scheme grading ["
                            + m.id() + "]: " + ids(schemes.values().stream().map(Source::provider)
                                    .filter(x -> m.id().equals(safeMethod(x)))
                                    .map(GradingScheme::id).collect(Collectors.toSet())));
                }
            }
        }

        private static @Nullable MethodId safeMethod(GradingScheme s) {
            try {
                return s.method();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
