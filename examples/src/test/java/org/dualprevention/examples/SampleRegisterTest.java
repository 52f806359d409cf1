package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.Providers;
import org.dualprevention.examples.demo.SampleRegister;
import org.dualprevention.json.DocumentSource;
import org.dualprevention.json.JsonImportException;
import org.dualprevention.json.ScoringProviders;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's plant register is the library's register document, read with its importer: the content the
 * demo has always had (units, zones, risk points, hazards, measures, one assessment per hazard with its
 * level), every reference resolvable, and a document whose stored score disagrees with the engine refused.
 */
class SampleRegisterTest {
    static Providers providers;
    static SampleRegister register;

    @BeforeAll
    static void read() {
        providers = DualPrevention.builder().storage(InMemoryStorage.create()).build().providers();
        register = SampleRegister.plant(providers);
    }

    @Test
    void holdsThePlantWithItsUsualContent() {
        assertEquals(16, register.organization().units().size());
        assertEquals(7, register.zones().size());
        assertEquals(34, register.riskPoints().size());
        assertEquals(80, register.hazards().size());
        assertEquals(132, register.hazards().stream().mapToInt(h -> h.measures().size()).sum());
        assertEquals("华新精细化工有限公司", register.organization().units().get(0).name(), "Chinese by default");
        assertEquals("Huaxin Fine Chemicals Co., Ltd.", SampleRegister.plant(providers, "en").organization().units()
                .get(0).name());
        assertEquals("RP-01", register.riskPoints().get(0).id().value());
        assertEquals("H-080", register.hazards().get(79).id().value());
    }

    @Test
    void everyHazardHasOneResidualAssessmentAndTheLevelsAreTheDemosOwn() {
        Map<RiskLevel, Integer> byLevel = new EnumMap<>(RiskLevel.class);
        Set<String> methods = new TreeSet<>();
        for (Hazard h : register.hazards()) {
            assertEquals(1, h.assessments().size(), h.id().value());
            Assessment a = h.assessments().get(0);
            assertEquals("residual", a.kind().code(), h.id().value());
            assertEquals("head.HX", a.assessor().value(), h.id().value());
            assertEquals(a.grade(), providers.scheme(a.scheme()).grade(a.score()), "grade as the engine grades it");
            byLevel.merge(a.level(), 1, Integer::sum);
            methods.add(a.method().value());
        }
        assertEquals(Map.of(RiskLevel.MAJOR, 4, RiskLevel.SIGNIFICANT, 10, RiskLevel.GENERAL, 18, RiskLevel.LOW, 48),
                byLevel);
        assertEquals(Set.of("LEC", "LS", "MATRIX"), methods);
    }

    @Test
    void everyReferenceResolves() {
        Set<MapZoneId> zones = new HashSet<>();
        for (MapZone z : register.zones()) {
            assertTrue(zones.add(z.id()), "zone ids are distinct: " + z.id());
            z.owningUnit().ifPresent(u -> assertTrue(register.organization().contains(u), z.id() + " owner " + u));
        }
        for (RiskPoint p : register.riskPoints()) {
            assertEquals(0, p.version(), p.id() + " is not stored yet");
            assertTrue(zones.contains(p.zone().orElseThrow()), p.id() + " lies in a zone of the plan");
            assertTrue(register.organization().contains(p.owningUnit()), p.id().value());
            for (Hazard h : p.hazards()) {
                h.measures().forEach(m -> assertTrue(register.organization().contains(m.responsibleUnit()),
                        m.id().value()));
            }
        }
        assertEquals(List.of(), register.zones().stream().filter(z -> register.riskPoints().stream()
                .noneMatch(p -> p.zone().orElseThrow().equals(z.id()))).toList(), "every zone holds a risk point");
    }

    @Test
    void theRegisterIsBilingualEveryTextInChineseAndInEnglish() {
        Map<String, String> en = SampleRegister.english();
        Map<String, String> zh = SampleRegister.chinese();
        // 16 units, 7 zones, 34 risk points, 80 hazards x 3 texts, 132 measures x 2 texts
        assertEquals(16 + 7 + 34 + 80 * 3 + 132 * 2, en.size());
        assertEquals(en.keySet(), zh.keySet(), "a Chinese text for every English one, and no stale key");
        Pattern han = Pattern.compile("\\p{IsHan}");
        for (Map.Entry<String, String> e : zh.entrySet()) {
            assertTrue(han.matcher(e.getValue()).find(), e.getKey() + " is not Chinese: " + e.getValue());
            assertFalse(han.matcher(en.get(e.getKey())).find(), e.getKey() + " in English has Chinese text");
            if (e.getKey().endsWith(".inspectionStandard")) {
                // one inspection item per line of the standard (InspectionItem splits at ; and ；)
                assertEquals(en.get(e.getKey()).split("[;；]").length, e.getValue().split("[;；]").length,
                        e.getKey() + ": as many inspection items in Chinese as in English: " + e.getValue());
            }
        }
        SampleRegister english = SampleRegister.plant(providers, "en");
        for (int i = 0; i < register.riskPoints().size(); i++) {
            RiskPoint z = register.riskPoints().get(i);
            RiskPoint e = english.riskPoints().get(i);
            assertEquals(e.id(), z.id());
            assertEquals(zh.get(z.id().value() + ".name"), z.name());
            assertEquals(en.get(z.id().value() + ".name"), e.name());
            for (int h = 0; h < z.hazards().size(); h++) {
                assertEquals(e.hazards().get(h).assessments(), z.hazards().get(h).assessments(),
                        "same assessments in both languages: " + z.hazards().get(h).id());
            }
        }
        assertEquals(zh.get("Z-TANK.name"), register.zones().get(0).name());
        assertEquals("Tank farm", english.zones().get(0).name());
        assertThrows(IllegalArgumentException.class, () -> SampleRegister.plant(providers, "fr"));
    }

    @Test
    void aStoredScoreThatDisagreesWithTheEngineIsRefused() throws IOException {
        String document;
        try (InputStream in = SampleRegister.class.getResourceAsStream(SampleRegister.RESOURCE)) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // H-001 is LEC L=3 E=6 C=40: D = 720, not 721
        assertTrue(document.contains("\"score\": 720,"), "the first hazard's score as written");
        String tampered = document.replaceFirst("\"score\": 720,", "\"score\": 721,");
        JsonImportException e = assertThrows(JsonImportException.class, () -> SampleRegister.read(
                DocumentSource.of(tampered.getBytes(StandardCharsets.UTF_8)),
                new ScoringProviders(providers::method, providers::scheme), SampleRegister.ZONES));
        assertTrue(e.getMessage().contains("721") && e.getMessage().contains("720"), e.getMessage());
    }
}
