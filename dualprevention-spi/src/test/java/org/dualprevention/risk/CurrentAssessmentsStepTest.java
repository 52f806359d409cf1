package org.dualprevention.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dualprevention.organization.ActorId;
import org.junit.jupiter.api.Test;

/**
 * {@link Hazard#currentAssessments()} of a hazard made by {@link Hazard#withAssessment} continues from the current
 * assessments of the hazard it was copied from, when those were worked out ({@link Hazard#currentAfter}), instead of
 * folding over the whole history. Pinned against the fold over the whole history as it was written before (copied
 * here as {@link #reference}): exhaustively over every history of up to four entries (and a fifth as the step) drawn
 * from two kinds, two methods and two times (ties included), and on seeded random chains with the current assessments asked for at
 * random steps (so some copies continue from their source, some fold in full).
 */
class CurrentAssessmentsStepTest {
    private static final List<MethodId> METHODS = List.of(MethodId.of("LEC"), MethodId.of("LS"), MethodId.of("MES"));
    private static final Grade GRADE = Grade.of("III", "一般风险", RiskLevel.GENERAL);
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    /** The fold over the whole history, exactly as {@code Hazard.currentAssessments} computed it before. */
    static List<Assessment> reference(List<Assessment> assessments) {
        boolean residual = false;
        for (Assessment a : assessments) {
            residual |= a.kind() == AssessmentKind.RESIDUAL;
        }
        AssessmentKind kind = residual ? AssessmentKind.RESIDUAL : AssessmentKind.INHERENT;
        Map<MethodId, Assessment> latest = new LinkedHashMap<>();
        for (Assessment a : assessments) {
            if (a.kind() == kind) {
                latest.merge(a.method(), a, (old, neu) -> neu.assessedAt().isBefore(old.assessedAt()) ? old : neu);
            }
        }
        return List.copyOf(latest.values());
    }

    private static Assessment assessment(long id, AssessmentKind kind, MethodId method, Instant at) {
        return new Assessment(AssessmentId.of(id), method, SchemeId.of("S-" + method.value()),
                AssessmentInput.ofText(Map.of("L", "3")), Score.of("3"), GRADE, kind, ActorId.of("a"), at);
    }

    private static Hazard hazard() {
        return Hazard.of(HazardId.of("H1"), "泄漏", HazardCategory.PHYSICAL, EnumSet.of(AccidentType.values()[0]), "",
                "");
    }

    /** The eight choices of one entry in the exhaustive domain. */
    private static Assessment choice(int c, long id) {
        AssessmentKind kind = (c & 1) == 0 ? AssessmentKind.INHERENT : AssessmentKind.RESIDUAL;
        MethodId method = METHODS.get((c >> 1) & 1);
        Instant at = T0.plusSeconds(((c >> 2) & 1) * 60L);
        return assessment(id, kind, method, at);
    }

    @Test
    void everyShortHistoryStepsToTheFullFold() {
        int histories = 0;
        for (int length = 0; length <= 4; length++) {
            int combos = 1 << (3 * length);
            for (int code = 0; code < combos; code++) {
                List<Assessment> history = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    history.add(choice((code >> (3 * i)) & 7, i));
                }
                List<Assessment> prior = reference(history);
                assertEquals(prior, Hazard.currentOf(history), "history " + history);
                for (int c = 0; c < 8; c++) {
                    Assessment last = choice(c, length);
                    List<Assessment> all = new ArrayList<>(history);
                    all.add(last);
                    assertEquals(reference(all), Hazard.currentAfter(prior, last), "history " + history + " then " + last);
                    // and through the hazard: with the source's current assessments known, and without
                    Hazard h = hazard().withHistory(history, Optional.empty());
                    h.currentAssessments();
                    assertEquals(reference(all), h.withAssessment(last).currentAssessments(), "history " + all);
                    Hazard cold = hazard().withHistory(history, Optional.empty());
                    assertEquals(reference(all), cold.withAssessment(last).currentAssessments(), "history " + all);
                    histories++;
                }
            }
        }
        assertEquals(8 * (1 + 8 + 64 + 512 + 4096), histories);
    }

    @Test
    void seededChainsAgreeWithTheFullFoldAtEveryStep() {
        long seed = 20261206_17L;
        Random r = new Random(seed);
        for (int round = 0; round < 500; round++) {
            Hazard h = hazard();
            List<Assessment> history = new ArrayList<>();
            int steps = 1 + r.nextInt(40);
            for (int s = 0; s < steps; s++) {
                Assessment a = assessment(round * 100L + s,
                        r.nextInt(4) == 0 ? AssessmentKind.INHERENT : AssessmentKind.RESIDUAL,
                        METHODS.get(r.nextInt(METHODS.size())), T0.plusSeconds(r.nextInt(5) * 3600L));
                history.add(a);
                h = h.withAssessment(a);
                if (r.nextInt(3) != 0) {
                    String at = "seed " + seed + ", round " + round + ", step " + s;
                    assertEquals(reference(history), h.currentAssessments(), at);
                    assertEquals(h.currentAssessments(), h.currentAssessments(), at);
                }
            }
            assertEquals(reference(history), h.currentAssessments(), "seed " + seed + ", round " + round);
        }
    }
}
