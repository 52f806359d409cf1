package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.method.LecMethod;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.LsMethod;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.spi.LevelCombination;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.Test;

/**
 * The risk map takes a risk point's level from the configured {@link LevelCombination} (the engine's rule,
 * {@link LevelCombination#levelOf(RiskPoint)}), not from a rule of its own: on seeded risk points whose
 * hazards are assessed by both LEC and LS, a map built with another combination shows that combination's
 * levels, directly and through {@link StorageAnalytics}.
 */
class RiskMapCombinationTest {
    /** The least severe of a hazard's current assessments: differs from the default whenever LEC and LS disagree. */
    private static final LevelCombination LEAST_SEVERE = as -> as.stream().map(Assessment::level)
            .min((a, b) -> Integer.compare(a.severity(), b.severity()));

    @Test
    void theMapUsesTheConfiguredCombination() {
        int[] differing = new int[1];
        Seeds.forEach(30, gen -> {
            Organization org = gen.organization();
            List<RiskPoint> points = twiceAssessedPoints(gen, org, 12);
            List<MapZone> zones = zonesOf(points);
            ZoneId zone = gen.pick(List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("Europe/Berlin")));
            Clock clock = Clock.fixed(Gen.EPOCH.plus(Duration.ofDays(400)), zone);
            Storage storage = InMemoryStorage.create();
            storage.organization().save(org, 0);
            points.forEach(p -> storage.riskPoints().save(p.withVersion(1), 0));

            RiskMap byDefault = RiskMap.builder(org, java.time.LocalDate.ofInstant(clock.instant(), zone),
                    DefaultEffectiveLevelPolicy.create()).zones(zones).riskPoints(points).build();
            RiskMap least = RiskMap.builder(org, byDefault.date(), DefaultEffectiveLevelPolicy.create())
                    .levelCombination(LEAST_SEVERE).zones(zones).riskPoints(points).build();
            StorageAnalytics stored = StorageAnalytics.of(storage, clock, zone).withLevelCombination(LEAST_SEVERE);
            RiskMap leastStored = stored.riskMap(zones, DefaultEffectiveLevelPolicy.create());
            for (RiskPoint p : points) {
                assertEquals(LevelCombination.MOST_SEVERE.levelOf(p), byDefault.point(p.id()).orElseThrow().assessed(),
                        "default " + p.id());
                assertEquals(LEAST_SEVERE.levelOf(p), least.point(p.id()).orElseThrow().assessed(), "least " + p.id());
                assertEquals(LEAST_SEVERE.levelOf(p), leastStored.point(p.id()).orElseThrow().assessed(),
                        "least via storage " + p.id());
                if (!LEAST_SEVERE.levelOf(p).equals(LevelCombination.MOST_SEVERE.levelOf(p))) {
                    differing[0]++;
                }
            }
            // units and zones summarise the points' levels by the most severe, whatever the hazard rule
            for (MapZone z : zones) {
                Optional<RiskLevel> worst = points.stream().filter(p -> p.zone().equals(Optional.of(z.id())))
                        .map(LEAST_SEVERE::levelOf).flatMap(Optional::stream).reduce(RiskLevel::mostSevere);
                assertEquals(worst, least.zone(z.id()).orElseThrow().summary().assessed(), "zone " + z.id());
            }
            assertSame(LEAST_SEVERE, stored.levelCombination());
            assertSame(LevelCombination.MOST_SEVERE, StorageAnalytics.of(storage, clock, zone).levelCombination());
        });
        assertTrue(differing[0] > 0, "no risk point where the two rules differ: the test would prove nothing");
    }

    /** Risk points with one to four hazards, each assessed by LEC and by LS. */
    private static List<RiskPoint> twiceAssessedPoints(Gen gen, Organization org, int count) {
        LecMethod lec = new LecMethod();
        LsMethod ls = new LsMethod();
        org.dualprevention.spi.GradingScheme lecScheme = BuiltInSchemes.lecV1();
        org.dualprevention.spi.GradingScheme lsScheme = BuiltInSchemes.lsShandong();
        List<RiskPoint> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RiskPoint p = gen.riskPoint(org, lec, lecScheme, Gen.EPOCH);
            List<Hazard> hazards = new ArrayList<>();
            for (Hazard h : p.hazards()) {
                hazards.add(h.withAssessment(gen.assessment(ls, lsScheme, gen.instant(Gen.EPOCH, Duration.ofDays(200)))));
            }
            out.add(p.withHazards(hazards));
        }
        return out;
    }

    private static List<MapZone> zonesOf(List<RiskPoint> points) {
        Map<MapZoneId, MapZone> zones = new LinkedHashMap<>();
        int i = 0;
        for (RiskPoint p : points) {
            if (p.zone().isPresent() && !zones.containsKey(p.zone().get())) {
                zones.put(p.zone().get(), MapZone.rectangle(p.zone().get(), "zone " + i, 10.0 * i, 0, 10, 10,
                        Optional.empty()));
                i++;
            }
        }
        return List.copyOf(zones.values());
    }
}
