package org.dualprevention.modules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a module's two service declarations from its compiled output and compares them: the
 * {@code provides} clauses of {@code module-info.class} (used on the module path) and the
 * {@code META-INF/services} files (used on the class path). JDK only, so any module's tests can copy it.
 */
public final class ServiceDeclarations {
    private ServiceDeclarations() {
    }

    /** @return the module's main output directory, {@code target/classes} below the Maven basedir */
    public static Path mainClasses() {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("classes");
        if (!Files.isRegularFile(dir.resolve("module-info.class"))) {
            throw new IllegalStateException("no module-info.class in " + dir.toAbsolutePath() + "; run the tests through Maven");
        }
        return dir;
    }

    /**
     * Reads {@code module-info.class} from a classes directory.
     *
     * @param classes the directory
     * @return the descriptor
     */
    public static ModuleDescriptor descriptor(Path classes) {
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code provides} clauses as service name to provider class names.
     *
     * @param descriptor a module descriptor
     * @return sorted map of sorted lists
     */
    public static Map<String, List<String>> provides(ModuleDescriptor descriptor) {
        Map<String, List<String>> out = new TreeMap<>();
        for (ModuleDescriptor.Provides p : descriptor.provides()) {
            out.put(p.service(), List.copyOf(new TreeSet<>(p.providers())));
        }
        return out;
    }

    /**
     * Parses every file of {@code META-INF/services} below a classes directory: one class name a line,
     * {@code #} starts a comment, blank lines are ignored (the ServiceLoader file format).
     *
     * @param classes the directory
     * @return service name to provider names in file order (duplicates kept, so they can be reported)
     */
    public static Map<String, List<String>> servicesFiles(Path classes) {
        Path dir = classes.resolve("META-INF").resolve("services");
        Map<String, List<String>> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                out.put(f.getFileName().toString(), parse(Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Parses the lines of one services file.
     *
     * @param lines the lines
     * @return the provider class names in order
     */
    public static List<String> parse(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Every way the two declarations disagree, one sentence each; empty when they agree.
     *
     * @param provides from {@link #provides(ModuleDescriptor)}
     * @param services from {@link #servicesFiles(Path)}
     * @return the differences
     */
    public static List<String> differences(Map<String, List<String>> provides, Map<String, List<String>> services) {
        List<String> out = new ArrayList<>();
        Set<String> all = new TreeSet<>(provides.keySet());
        all.addAll(services.keySet());
        for (String service : all) {
            List<String> file = services.getOrDefault(service, List.of());
            Set<String> fromFile = new TreeSet<>(file);
            Set<String> fromModule = new TreeSet<>(provides.getOrDefault(service, List.of()));
            if (fromFile.size() != file.size()) {
                out.add("META-INF/services/" + service + " lists a provider twice: " + file);
            }
            for (String p : fromModule) {
                if (!fromFile.contains(p)) {
                    out.add("module-info provides " + service + " with " + p + ", but META-INF/services/" + service
                            + " does not list it");
                }
            }
            for (String p : fromFile) {
                if (!fromModule.contains(p)) {
                    out.add("META-INF/services/" + service + " lists " + p + ", but module-info has no provides "
                            + service + " with " + p);
                }
            }
        }
        return out;
    }
}
