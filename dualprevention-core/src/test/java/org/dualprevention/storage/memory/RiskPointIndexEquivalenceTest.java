package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dualprevention.StaleVersionException;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.RiskPointRepository;
import org.junit.jupiter.api.Test;

/**
 * The risk-point repository's index functions (no streams) and its direct read of the hazard bucket in
 * {@code findByHazard}, pinned on seeded random histories of saves (new points, new versions that add
 * assessments, move hazards between points, change zone, unit and flags; stale saves; undone units; a hazard id on
 * two points, which only a direct save can store) against the plain paths: the index functions as they were
 * written with streams, {@code findByHazard} through the table's candidate iterator, and a plain map of the stored
 * points filtered in id order.
 */
class RiskPointIndexEquivalenceTest {
    private static final Grade GRADE = Grade.of("III", "一般风险", RiskLevel.GENERAL);
    private static final int POINTS = 10;
    private static final int HAZARDS = 14;

    private static List<?> oldZones(RiskPoint p) {
        return p.zone().stream().toList();
    }

    private static List<?> oldHazards(RiskPoint p) {
        return p.hazards().stream().map(Hazard::id).collect(Collectors.toList());
    }

    private static List<?> oldFlag(RiskPoint p) {
        return p.hazards().stream().anyMatch(h -> h.reassessment().isPresent()) ? List.of("flagged") : List.of();
    }

    private static Hazard hazard(int h, Random r) {
        Hazard x = Hazard.of(HazardId.of("h" + h), "hazard " + h, HazardCategory.PHYSICAL,
                EnumSet.of(AccidentType.values()[h % AccidentType.values().length]), "", "");
        int assessments = r.nextInt(3);
        for (int i = 0; i < assessments; i++) {
            x = x.withAssessment(assessment(r));
        }
        if (r.nextInt(4) == 0) {
            x = x.withReassessment(new ReassessmentFlag("measure failed", "HD-1", Instant.EPOCH));
        }
        return x;
    }

    private static long ids;

    private static Assessment assessment(Random r) {
        return new Assessment(AssessmentId.of(ids++), MethodId.of("LEC"), SchemeId.of("LEC-V1"),
                AssessmentInput.ofText(Map.of("L", "3", "E", "6", "C", "7")), Score.of("126"), GRADE,
                r.nextBoolean() ? AssessmentKind.RESIDUAL : AssessmentKind.INHERENT, ActorId.of("a"),
                Instant.ofEpochSecond(1_700_000_000L + r.nextInt(1000)));
    }

    private static RiskPoint point(int p, Random r, long version) {
        List<Hazard> hs = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int h = r.nextInt(HAZARDS);
            if (hs.stream().noneMatch(x -> x.id().equals(HazardId.of("h" + h)))) {
                hs.add(hazard(h, r));
            }
        }
        return RiskPoint.loaded(RiskPointId.of("p" + p), "point " + p, RiskPointKind.PLACE,
                OrgUnitId.of("u" + r.nextInt(3)),
                r.nextBoolean() ? Optional.empty() : Optional.of(MapZoneId.of("z" + r.nextInt(3))), hs, version);
    }

    /** A next version of a stored point: more assessments only (the usual save), or anything changed. */
    private static RiskPoint next(RiskPoint cur, Random r) {
        if (!cur.hazards().isEmpty() && r.nextBoolean()) {
            Hazard h = cur.hazards().get(r.nextInt(cur.hazards().size()));
            return cur.withHazardChanged(h.id(), x -> x.withAssessment(assessment(r))).withVersion(cur.version() + 1);
        }
        int p = Integer.parseInt(cur.id().value().substring(1));
        return point(p, r, cur.version() + 1);
    }

    @Test
    void directPathsMatchThePlainOnesOnSeededHistories() {
        long seed = 2026120617L;
        Random r = new Random(seed);
        for (int round = 0; round < 60; round++) {
            InMemoryStorage storage = InMemoryStorage.create();
            MemoryRiskPointRepository repo = (MemoryRiskPointRepository) storage.riskPoints();
            Map<RiskPointId, RiskPoint> model = new TreeMap<>();
            for (int step = 0; step < 120; step++) {
                String at = "seed " + seed + ", round " + round + ", step " + step;
                int p = r.nextInt(POINTS);
                RiskPointId id = RiskPointId.of("p" + p);
                RiskPoint cur = model.get(id);
                RiskPoint next = cur == null ? point(p, r, 1) : next(cur, r);
                long expected = cur == null ? 0 : cur.version();
                int how = r.nextInt(10);
                if (how == 0) {
                    // a stale save: refused, nothing changes
                    assertThrows(StaleVersionException.class, () -> repo.save(next.withVersion(expected + 2),
                            expected + 1), at);
                } else if (how == 1) {
                    // a unit that fails after the save: undone, the indexes too
                    assertThrows(IllegalStateException.class, () -> storage.atomically(() -> {
                        repo.save(next, expected);
                        throw new IllegalStateException("fail the unit");
                    }), at);
                } else {
                    repo.save(next, expected);
                    model.put(id, next);
                }
                check(repo, model, r, at);
            }
        }
    }

    private static void check(MemoryRiskPointRepository repo, Map<RiskPointId, RiskPoint> model, Random r,
            String at) {
        for (RiskPoint p : model.values()) {
            assertEquals(Optional.of(p), repo.find(p.id()), at);
            assertEquals(oldZones(p), Table.one(MemoryRiskPointRepository::zoneOf).apply(p), at);
            assertEquals(oldHazards(p), MemoryRiskPointRepository.hazardIds(p), at);
            assertEquals(oldFlag(p), Table.one(MemoryRiskPointRepository::flag).apply(p), at);
        }
        for (int h = 0; h <= HAZARDS; h++) {
            HazardId hid = HazardId.of("h" + h);
            Optional<RiskPoint> plain = model.values().stream().filter(p -> p.hazard(hid).isPresent()).findFirst();
            assertEquals(plain, repo.findByHazard(hid), at + ", " + hid);
            assertEquals(plain, repo.findByHazardThroughTable(hid), at + ", " + hid);
        }
        Set<MapZoneId> zones = new HashSet<>(List.of(MapZoneId.of("z" + r.nextInt(3)), MapZoneId.of("z" + r.nextInt(3))));
        Set<OrgUnitId> units = Set.of(OrgUnitId.of("u" + r.nextInt(3)));
        for (RiskPointQuery q : List.of(RiskPointQuery.all(), RiskPointQuery.all().inZones(zones),
                RiskPointQuery.all().flaggedForReassessment(), RiskPointQuery.all().inUnits(units),
                RiskPointQuery.all().inUnits(units).inZones(zones).flaggedForReassessment())) {
            List<RiskPoint> plain = model.values().stream().filter(q::matches).toList();
            assertEquals(plain, items(repo, q), at + ", " + q);
            assertEquals(plain.size(), repo.count(q), at + ", " + q);
        }
    }

    private static Collection<RiskPoint> items(RiskPointRepository repo, RiskPointQuery q) {
        return repo.find(q, PageRequest.first(1000)).items();
    }

    @Test
    void aHazardOnTwoPointsIsFoundOnTheFirstInIdOrderAsBefore() {
        InMemoryStorage storage = InMemoryStorage.create();
        MemoryRiskPointRepository repo = (MemoryRiskPointRepository) storage.riskPoints();
        Random r = new Random(7);
        Hazard shared = hazard(3, r);
        RiskPoint b = RiskPoint.loaded(RiskPointId.of("b"), "b", RiskPointKind.PLACE, OrgUnitId.of("u"),
                Optional.empty(), List.of(shared), 1);
        RiskPoint a = RiskPoint.loaded(RiskPointId.of("a"), "a", RiskPointKind.PLACE, OrgUnitId.of("u"),
                Optional.empty(), List.of(shared), 1);
        repo.save(b, 0);
        assertEquals(Optional.of(b), repo.findByHazard(shared.id()));
        repo.save(a, 0);
        assertEquals(Optional.of(a), repo.findByHazard(shared.id()));
        assertEquals(repo.findByHazardThroughTable(shared.id()), repo.findByHazard(shared.id()));
        RiskPoint a2 = RiskPoint.loaded(a.id(), "a", RiskPointKind.PLACE, OrgUnitId.of("u"), Optional.empty(),
                List.of(), 2);
        repo.save(a2, 1);
        assertEquals(Optional.of(b), repo.findByHazard(shared.id()));
        assertEquals(Optional.empty(), repo.findByHazard(HazardId.of("nowhere")));
        assertThrows(NullPointerException.class, () -> repo.findByHazard(null));
    }
}
