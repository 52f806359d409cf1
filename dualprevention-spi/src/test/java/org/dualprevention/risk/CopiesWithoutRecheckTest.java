package org.dualprevention.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.junit.jupiter.api.Test;

/**
 * {@link Hazard#withAssessment}, {@link RiskPoint#withHazardChanged} and {@link RiskPoint#withVersion} copy
 * an already checked object without checking its unchanged fields again. Pinned against the full path
 * ({@code loaded}, which checks everything) on seeded histories: the same value, the same hash, the same
 * refusals with the same messages.
 */
class CopiesWithoutRecheckTest {
    private static final List<HazardCategory> CATEGORIES = List.of(HazardCategory.PHYSICAL, HazardCategory.CHEMICAL,
            HazardCategory.BEHAVIOURAL);
    private static final Grade GRADE = Grade.of("III", "一般风险", RiskLevel.GENERAL);

    private static Assessment assessment(long id, Random r) {
        return new Assessment(AssessmentId.of(id), MethodId.of("LEC"), SchemeId.of("LEC-V1"),
                AssessmentInput.ofText(Map.of("L", "3", "E", "6", "C", "7")), Score.of("126"), GRADE,
                r.nextBoolean() ? AssessmentKind.RESIDUAL : AssessmentKind.INHERENT, ActorId.of("a" + r.nextInt(5)),
                Instant.ofEpochSecond(1_700_000_000L + r.nextInt(1_000_000)));
    }

    private static Hazard hazard(String id, Random r) {
        return Hazard.of(HazardId.of(id), "泄漏 " + id, CATEGORIES.get(r.nextInt(CATEGORIES.size())),
                EnumSet.of(AccidentType.values()[r.nextInt(AccidentType.values().length)]), "原因", "后果");
    }

    @Test
    void aCopyEqualsTheSameObjectBuiltAndCheckedInFull() {
        long seed = 20261206L;
        Random r = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            String at = "seed " + seed + ", round " + round;
            int hazards = 1 + r.nextInt(4);
            List<Hazard> hs = new ArrayList<>();
            for (int i = 0; i < hazards; i++) {
                hs.add(hazard("h" + round + "-" + i, r));
            }
            RiskPoint point = RiskPoint.loaded(RiskPointId.of("p" + round), "储罐区", RiskPointKind.PLACE,
                    OrgUnitId.of("u"), Optional.empty(), hs, r.nextInt(3));
            int steps = 1 + r.nextInt(30);
            List<List<Assessment>> histories = new ArrayList<>();
            hs.forEach(h -> histories.add(new ArrayList<>()));
            for (int s = 0; s < steps; s++) {
                int which = r.nextInt(hazards);
                Assessment a = assessment(round * 1000L + s, r);
                histories.get(which).add(a);
                point = point.withHazardChanged(hs.get(which).id(), h -> h.withAssessment(a))
                        .withVersion(point.version() + 1);
                List<Hazard> full = new ArrayList<>();
                for (int i = 0; i < hazards; i++) {
                    Hazard h = hs.get(i);
                    full.add(Hazard.loaded(h.id(), h.description(), h.category(), h.accidentTypes(), h.causes(),
                            h.consequences(), h.measures(), histories.get(i), Optional.empty()));
                }
                RiskPoint expected = RiskPoint.loaded(point.id(), point.name(), point.kind(), point.owningUnit(),
                        point.zone(), full, point.version());
                assertEquals(expected, point, at);
                assertEquals(expected.hashCode(), point.hashCode(), at);
                for (int i = 0; i < hazards; i++) {
                    assertEquals(full.get(i).currentAssessments(), point.hazards().get(i).currentAssessments(), at);
                    assertEquals(Optional.of(point.hazards().get(i)), point.hazard(full.get(i).id()), at);
                }
            }
            assertEquals(Optional.empty(), point.hazard(HazardId.of("nowhere")), at);
            // a repeated assessment id is refused exactly as the full path refuses it
            Hazard h = point.hazards().get(0);
            if (!h.assessments().isEmpty()) {
                Assessment again = h.assessments().get(r.nextInt(h.assessments().size()));
                IllegalArgumentException fast = assertThrows(IllegalArgumentException.class, () -> h.withAssessment(again));
                List<Assessment> twice = new ArrayList<>(h.assessments());
                twice.add(again);
                IllegalArgumentException full = assertThrows(IllegalArgumentException.class, () -> Hazard.loaded(h.id(),
                        h.description(), h.category(), h.accidentTypes(), h.causes(), h.consequences(), h.measures(),
                        twice, Optional.empty()));
                assertEquals(full.getMessage(), fast.getMessage(), at);
            }
            RiskPoint last = point;
            assertThrows(IllegalArgumentException.class, () -> last.withVersion(-1), at);
            assertThrows(IllegalArgumentException.class,
                    () -> last.withHazardChanged(h.id(), x -> hazard("other", new Random(1))), at);
        }
    }
}
