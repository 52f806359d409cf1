package org.dualprevention.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.junit.jupiter.api.Test;

class LevelCombinationTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static int n;

    private static Assessment a(String method, RiskLevel level, AssessmentKind kind, long secondsAfter) {
        return new Assessment(AssessmentId.of("A" + (++n)), MethodId.of(method), SchemeId.of(method + "-S"),
                AssessmentInput.empty(), Score.of("1"), Grade.of(level.code(), level.code(), level), kind,
                ActorId.of("x"), T0.plusSeconds(secondsAfter));
    }

    private static Hazard hazard(String id) {
        return Hazard.of(HazardId.of(id), "h", HazardCategory.PHYSICAL, EnumSet.of(AccidentType.values()[0]), "", "");
    }

    /** Every sequence of up to three levels: the result is the level of highest severity, independently computed. */
    @Test
    void mostSevereIsTheMaximumSeverityForEverySequenceUpToThree() {
        List<List<RiskLevel>> sequences = new ArrayList<>();
        sequences.add(List.of());
        for (int len = 1; len <= 3; len++) {
            List<List<RiskLevel>> next = new ArrayList<>();
            for (List<RiskLevel> s : sequences) {
                if (s.size() == len - 1) {
                    for (RiskLevel l : RiskLevel.values()) {
                        List<RiskLevel> t = new ArrayList<>(s);
                        t.add(l);
                        next.add(t);
                    }
                }
            }
            sequences.addAll(next);
        }
        assertEquals(1 + 4 + 16 + 64, sequences.size());
        for (List<RiskLevel> s : sequences) {
            List<Assessment> as = new ArrayList<>();
            int maxSeverity = 0;
            for (int i = 0; i < s.size(); i++) {
                as.add(a("M" + i, s.get(i), AssessmentKind.INHERENT, i));
                maxSeverity = Math.max(maxSeverity, s.get(i).severity());
            }
            Optional<RiskLevel> expected = maxSeverity == 0 ? Optional.empty() : Optional.of(RiskLevel.ofSeverity(maxSeverity));
            assertEquals(expected, LevelCombination.MOST_SEVERE.combine(List.copyOf(as)), s.toString());
        }
    }

    @Test
    void aHazardNeverAssessedHasNoLevel() {
        assertEquals(Optional.empty(), LevelCombination.MOST_SEVERE.levelOf(hazard("H")));
    }

    @Test
    void onlyCurrentAssessmentsCount() {
        Hazard h = hazard("H")
                .withAssessment(a("LEC", RiskLevel.MAJOR, AssessmentKind.INHERENT, 0))
                .withAssessment(a("LS", RiskLevel.SIGNIFICANT, AssessmentKind.INHERENT, 1));
        assertEquals(Optional.of(RiskLevel.MAJOR), LevelCombination.MOST_SEVERE.levelOf(h));
        // a residual assessment replaces the inherent ones
        Hazard residual = h.withAssessment(a("LEC", RiskLevel.GENERAL, AssessmentKind.RESIDUAL, 2));
        assertEquals(Optional.of(RiskLevel.GENERAL), LevelCombination.MOST_SEVERE.levelOf(residual));
        // a later assessment by the same method replaces the earlier one
        Hazard later = residual.withAssessment(a("LEC", RiskLevel.LOW, AssessmentKind.RESIDUAL, 3));
        assertEquals(Optional.of(RiskLevel.LOW), LevelCombination.MOST_SEVERE.levelOf(later));
    }

    @Test
    void aRiskPointTakesItsMostSevereHazardAndIgnoresUnassessedOnes() {
        RiskPoint p = RiskPoint.of(RiskPointId.of("RP"), "tank", RiskPointKind.EQUIPMENT, OrgUnitId.of("U"), Optional.empty());
        assertEquals(Optional.empty(), LevelCombination.MOST_SEVERE.levelOf(p));
        p = p.withHazard(hazard("H0"));
        assertEquals(Optional.empty(), LevelCombination.MOST_SEVERE.levelOf(p));
        for (RiskLevel x : RiskLevel.values()) {
            for (RiskLevel y : RiskLevel.values()) {
                RiskPoint q = p.withHazard(hazard("H1").withAssessment(a("LEC", x, AssessmentKind.INHERENT, 0)))
                        .withHazard(hazard("H2").withAssessment(a("LS", y, AssessmentKind.INHERENT, 0)));
                RiskLevel expected = x.severity() >= y.severity() ? x : y;
                assertEquals(Optional.of(expected), LevelCombination.MOST_SEVERE.levelOf(q), x + "/" + y);
            }
        }
    }

    @Test
    void aCustomRuleIsUsedForHazardsAndPoints() {
        LevelCombination latest = as -> as.stream().reduce((p, q) -> q.assessedAt().isAfter(p.assessedAt()) ? q : p)
                .map(Assessment::level);
        Hazard h = hazard("H").withAssessment(a("LEC", RiskLevel.MAJOR, AssessmentKind.INHERENT, 0))
                .withAssessment(a("LS", RiskLevel.LOW, AssessmentKind.INHERENT, 5));
        assertEquals(Optional.of(RiskLevel.LOW), latest.levelOf(h));
        assertEquals(Optional.of(RiskLevel.MAJOR), LevelCombination.MOST_SEVERE.levelOf(h));
    }
}
