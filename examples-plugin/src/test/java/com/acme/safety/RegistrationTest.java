package com.acme.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.junit.jupiter.api.Test;

/** The plug-in is registered both ways, and the two registrations name the same classes. */
class RegistrationTest {
    @Test
    void moduleInfoAndServicesFilesAgree() throws IOException {
        ModuleDescriptor d = ModuleFinder.of(Path.of("target", "classes")).find("com.acme.safety").orElseThrow()
                .descriptor();
        for (Class<?> service : List.of(AssessmentMethod.class, GradingScheme.class)) {
            Set<String> provided = d.provides().stream().filter(p -> p.service().equals(service.getName()))
                    .flatMap(p -> p.providers().stream()).collect(Collectors.toSet());
            assertEquals(servicesFile(service), provided, "module-info and META-INF/services for " + service.getName());
            assertEquals(1, provided.size(), service.getName());
        }
    }

    @Test
    void serviceLoaderFindsBothOnTheClassPath() {
        assertTrue(ServiceLoader.load(AssessmentMethod.class).stream().anyMatch(p -> p.type()
                .equals(AcmeMatrix6Method.class)), "ACME.MATRIX6 found");
        assertTrue(ServiceLoader.load(GradingScheme.class).stream().anyMatch(p -> p.type()
                .equals(AcmeMatrix6Scheme.class)), "ACME.MATRIX6-DEFAULT found");
        assertEquals(new AcmeMatrix6Method().defaultScheme(), new AcmeMatrix6Scheme().id());
        assertEquals(new AcmeMatrix6Scheme().method(), new AcmeMatrix6Method().id());
    }

    private static Set<String> servicesFile(Class<?> service) throws IOException {
        try (InputStream in = RegistrationTest.class.getResourceAsStream("/META-INF/services/" + service.getName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        }
    }
}
