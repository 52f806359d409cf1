package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JacksonModule;

/** module-info's provides clause and META-INF/services list the same Jackson module, and it is found. */
class ServiceRegistrationTest {
    @Test
    void moduleInfoAndServicesFileAgree() throws IOException {
        ModuleDescriptor descriptor;
        try (InputStream in = DualPreventionModule.class.getResourceAsStream("/module-info.class")) {
            assertNotNull(in, "module-info.class is missing");
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("org.dualprevention.json", descriptor.name());
        Set<String> provided = new TreeSet<>();
        for (ModuleDescriptor.Provides p : descriptor.provides()) {
            if (p.service().equals(JacksonModule.class.getName())) {
                provided.addAll(p.providers());
            }
        }
        Set<String> listed;
        try (InputStream in = DualPreventionModule.class.getResourceAsStream(
                "/META-INF/services/" + JacksonModule.class.getName())) {
            assertNotNull(in, "the services file is missing");
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(Set.of(DualPreventionModule.class.getName()), provided);
        assertEquals(provided, listed);
        assertEquals(Set.of("org.dualprevention.json"), descriptor.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        // the support package (IdSet, NonClosingOutputStream) is for the Excel module only, not for hosts
        assertEquals(Set.of("org.dualprevention.json.support -> [org.dualprevention.excel]"), descriptor.exports()
                .stream().filter(ModuleDescriptor.Exports::isQualified)
                .map(e -> e.source() + " -> " + new TreeSet<>(e.targets())).collect(Collectors.toSet()));
    }

    @Test
    void serviceLoaderFindsTheModule() {
        List<String> names = tools.jackson.databind.cfg.MapperBuilder.findModules().stream()
                .map(m -> m.getClass().getName()).collect(Collectors.toList());
        assertEquals(1, names.stream().filter(DualPreventionModule.class.getName()::equals).count(), names.toString());
        assertEquals(DualPreventionModule.NAME, new DualPreventionModule().getModuleName());
    }
}
