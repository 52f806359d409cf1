package org.dualprevention.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * What the spi Javadoc asks of a discovered plug-in class: public, with a public no-argument constructor, and
 * declared where {@link java.util.ServiceLoader} looks: the module's {@code provides} clause when the class is
 * in a named module, else a {@code META-INF/services} entry.
 */
final class Registration {
    private Registration() {
    }

    /** The problems of a class that should be discovered as a provider of {@code service}; empty if none. */
    static List<String> problems(Class<?> service, Class<?> impl) {
        List<String> out = new ArrayList<>();
        if (!Modifier.isPublic(impl.getModifiers()) || impl.isAnonymousClass() || impl.isLocalClass()
                || impl.getEnclosingClass() != null && !Modifier.isStatic(impl.getModifiers())) {
            out.add(impl.getName() + " is not a public top-level or static nested class, so ServiceLoader cannot "
                    + "create it");
        } else {
            boolean noArg = java.util.Arrays.stream(impl.getConstructors()).anyMatch(c -> c.getParameterCount() == 0);
            if (!noArg) {
                out.add(impl.getName() + " has no public no-argument constructor, which discovery needs");
            }
        }
        Module module = impl.getModule();
        if (module.isNamed()) {
            ModuleDescriptor d = module.getDescriptor();
            boolean provided = d != null && d.provides().stream().anyMatch(p -> p.service().equals(service.getName())
                    && p.providers().contains(impl.getName()));
            if (!provided) {
                out.add("module " + module.getName() + " does not declare: provides " + service.getName() + " with "
                        + impl.getName() + ";");
            }
        } else if (!listed(service, impl)) {
            out.add("no META-INF/services/" + service.getName() + " on the class path lists " + impl.getName());
        }
        return out;
    }

    private static boolean listed(Class<?> service, Class<?> impl) {
        ClassLoader loader = impl.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : impl.getClassLoader();
        try {
            Enumeration<URL> files = loader.getResources("META-INF/services/" + service.getName());
            while (files.hasMoreElements()) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(files.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        int hash = line.indexOf('#');
                        if ((hash < 0 ? line : line.substring(0, hash)).strip().equals(impl.getName())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
