package org.dualprevention.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.GradedControlPolicy;
import org.dualprevention.spi.LevelCombination;
import org.junit.jupiter.api.Test;

/**
 * Graded control on a five-level tree. The chain C (company) - D (department) - W (workshop) - T (team) -
 * P (post) carries the risk points; D2, W2 and T2 are siblings that must never be pulled in by the graded rule.
 */
class GradedControlTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final OrgUnitId C = OrgUnitId.of("C");
    private static final OrgUnitId D = OrgUnitId.of("D");
    private static final OrgUnitId W = OrgUnitId.of("W");
    private static final OrgUnitId T = OrgUnitId.of("T");
    private static final OrgUnitId P = OrgUnitId.of("P");
    private static final OrgUnitId D2 = OrgUnitId.of("D2");
    private static final OrgUnitId W2 = OrgUnitId.of("W2");
    private static final OrgUnitId T2 = OrgUnitId.of("T2");
    private static final List<OrgUnitId> CHAIN = List.of(C, D, W, T, P); // index = rank
    private static final Organization ORG = Organization.of(List.of(
            OrgUnit.root(C, "Company", ControlLevel.COMPANY),
            OrgUnit.child(D, "Production dept", ControlLevel.DEPARTMENT, C),
            OrgUnit.child(D2, "Equipment dept", ControlLevel.DEPARTMENT, C),
            OrgUnit.child(W, "Press shop", ControlLevel.WORKSHOP, D),
            OrgUnit.child(W2, "Paint shop", ControlLevel.WORKSHOP, D),
            OrgUnit.child(T, "Team 1", ControlLevel.TEAM, W),
            OrgUnit.child(T2, "Team 2", ControlLevel.TEAM, W),
            OrgUnit.child(P, "Press operator", ControlLevel.POST, T)));
    private static int counter;

    static Assessment assessment(String method, RiskLevel level) {
        return new Assessment(AssessmentId.of("A" + (++counter)), MethodId.of(method), SchemeId.of(method + "-S"),
                AssessmentInput.empty(), Score.of("1"), Grade.of(level.code(), level.code(), level),
                AssessmentKind.INHERENT, ActorId.of("x"), T0);
    }

    static Hazard hazard(String id, Optional<RiskLevel> level, ControlMeasure... measures) {
        Hazard h = Hazard.of(HazardId.of(id), "hazard " + id, HazardCategory.PHYSICAL,
                EnumSet.of(AccidentType.values()[0]), "", "").withMeasures(List.of(measures));
        return level.map(l -> h.withAssessment(assessment("ACME.X", l))).orElse(h);
    }

    static RiskPoint point(String id, OrgUnitId owner, Hazard... hazards) {
        return RiskPoint.of(RiskPointId.of(id), "point " + id, RiskPointKind.EQUIPMENT, owner, Optional.empty())
                .withHazards(List.of(hazards));
    }

    static ControlMeasure measure(String id, OrgUnitId unit, ControlLevel level) {
        return new ControlMeasure(ControlMeasureId.of(id), MeasureCategory.values()[0], "measure " + id, level, unit,
                "check " + id);
    }

    /** Independent oracle for the linear chain: ranks from the responsible one down to the owner's. */
    static List<OrgUnitId> expectedChain(int ownerRank, Optional<RiskLevel> level) {
        if (level.isEmpty()) {
            return List.of(CHAIN.get(ownerRank));
        }
        int responsible = 4 - level.get().severity(); // major 0, significant 1, general 2, low 3
        int top = Math.min(responsible, ownerRank);
        return CHAIN.subList(top, ownerRank + 1);
    }

    static List<Optional<RiskLevel>> levelsAndNone() {
        List<Optional<RiskLevel>> out = new ArrayList<>();
        for (RiskLevel l : RiskLevel.values()) {
            out.add(Optional.of(l));
        }
        out.add(Optional.empty());
        return out;
    }

    @Test
    void everyOwnerLevelAndRiskLevelGivesTheDocumentedChain() {
        List<RiskPoint> points = new ArrayList<>();
        for (int rank = 0; rank < 5; rank++) {
            for (Optional<RiskLevel> level : levelsAndNone()) {
                points.add(point("RP-" + rank + "-" + level.map(RiskLevel::code).orElse("none"), CHAIN.get(rank),
                        hazard("H", level)));
            }
        }
        GradedControl register = GradedControl.of(ORG, points);
        assertEquals(25, register.all().size());
        for (int rank = 0; rank < 5; rank++) {
            for (Optional<RiskLevel> level : levelsAndNone()) {
                String where = "owner rank " + rank + ", level " + level;
                HazardControl c = register.controlOf(
                        RiskPointId.of("RP-" + rank + "-" + level.map(RiskLevel::code).orElse("none")), HazardId.of("H"));
                List<OrgUnitId> expected = expectedChain(rank, level);
                assertEquals(expected, c.controllerIds(), where);
                assertEquals(level, c.level(), where);
                assertEquals(level.map(GradedControlPolicy.defaults()::responsibleLevel), c.responsibleLevel(), where);
                assertEquals(expected.get(0), c.top().unit().id(), where);
                for (Controller k : c.controllers()) {
                    Set<ControlBasis> bases = EnumSet.noneOf(ControlBasis.class);
                    if (k.unit().id().equals(CHAIN.get(rank))) {
                        bases.add(ControlBasis.OWNER);
                    }
                    if (level.isPresent()) {
                        bases.add(ControlBasis.GRADED);
                    }
                    assertEquals(bases, k.bases(), where + ", unit " + k.unit().id());
                    assertEquals(List.of(), k.measures());
                }
            }
        }
        // which hazards must this unit control: exactly those whose chain contains it
        for (OrgUnit u : ORG.units()) {
            List<RiskPointId> expected = new ArrayList<>();
            for (RiskPoint p : points) {
                int rank = CHAIN.indexOf(p.owningUnit());
                if (expectedChain(rank, LevelCombination.MOST_SEVERE.levelOf(p.hazards().get(0))).contains(u.id())) {
                    expected.add(p.id());
                }
            }
            List<RiskPointId> actual = register.controlledBy(u.id()).stream().map(HazardControl::riskPoint).toList();
            assertEquals(expected, actual, "unit " + u.id());
        }
        assertEquals(List.of(), register.controlledBy(D2));
        assertEquals(List.of(), register.controlledBy(W2));
        assertEquals(List.of(), register.controlledBy(T2));
        assertEquals(5 + 4, register.controlledBy(C).size(), "company: its own five points and the four other major hazards");
        assertEquals(5, register.controlledBy(P).size(), "post: its own five points only");
    }

    @Test
    void severalMethodsCombineToTheMostSevereLevel() {
        Hazard h = hazard("H", Optional.of(RiskLevel.LOW)).withAssessment(assessment("ACME.Y", RiskLevel.MAJOR));
        HazardControl c = GradedControl.of(ORG, List.of(point("RP", T, h))).controlOf(RiskPointId.of("RP"), HazardId.of("H"));
        assertEquals(Optional.of(RiskLevel.MAJOR), c.level());
        assertEquals(List.of(C, D, W, T), c.controllerIds());
        // another combination rule changes the outcome: here, the least severe
        LevelCombination least = as -> as.stream().map(Assessment::level)
                .min((a, b) -> Integer.compare(a.severity(), b.severity()));
        HazardControl c2 = GradedControl.of(ORG, List.of(point("RP", T, h)), GradedControlPolicy.defaults(), least)
                .controlOf(RiskPointId.of("RP"), HazardId.of("H"));
        assertEquals(List.of(T), c2.controllerIds());
    }

    @Test
    void measuresNameTheirUnitsAndCascadeFromAnAncestorDownToTheOwner() {
        Hazard h = hazard("H", Optional.of(RiskLevel.LOW),
                measure("M1", C, ControlLevel.COMPANY),
                measure("M2", P, ControlLevel.POST),
                measure("M3", D2, ControlLevel.DEPARTMENT),
                measure("M4", C, ControlLevel.COMPANY));
        HazardControl c = GradedControl.of(ORG, List.of(point("RP", T, h))).controlOf(RiskPointId.of("RP"), HazardId.of("H"));
        assertEquals(List.of(C, D, D2, W, T, P), c.controllerIds());
        assertEquals(EnumSet.of(ControlBasis.MEASURE), c.controller(C).orElseThrow().bases());
        assertEquals(List.of(ControlMeasureId.of("M1"), ControlMeasureId.of("M4")), c.controller(C).orElseThrow().measures());
        assertEquals(EnumSet.of(ControlBasis.CASCADE), c.controller(D).orElseThrow().bases());
        assertEquals(EnumSet.of(ControlBasis.MEASURE), c.controller(D2).orElseThrow().bases());
        assertEquals(EnumSet.of(ControlBasis.CASCADE), c.controller(W).orElseThrow().bases());
        assertEquals(EnumSet.of(ControlBasis.OWNER, ControlBasis.GRADED), c.controller(T).orElseThrow().bases());
        assertEquals(EnumSet.of(ControlBasis.MEASURE), c.controller(P).orElseThrow().bases());
        assertEquals(Optional.empty(), c.controller(W2));
        assertTrue(!c.isControlledBy(T2));
    }

    @Test
    void anUnassessedHazardIsControlledByItsOwnerAndItsMeasuresUnits() {
        Hazard h = hazard("H", Optional.empty(), measure("M1", D, ControlLevel.DEPARTMENT));
        HazardControl c = GradedControl.of(ORG, List.of(point("RP", T, h))).controlOf(RiskPointId.of("RP"), HazardId.of("H"));
        assertEquals(Optional.empty(), c.level());
        assertEquals(Optional.empty(), c.responsibleLevel());
        assertEquals(List.of(D, W, T), c.controllerIds());
        assertEquals(EnumSet.of(ControlBasis.OWNER), c.controller(T).orElseThrow().bases());
        assertEquals(EnumSet.of(ControlBasis.CASCADE), c.controller(W).orElseThrow().bases());
    }

    @Test
    void aMergedLevelPassesResponsibilityUpNeverDown() {
        OrgUnitId c = OrgUnitId.of("c");
        OrgUnitId w = OrgUnitId.of("w");
        OrgUnitId t = OrgUnitId.of("t");
        Organization merged = Organization.of(List.of(OrgUnit.root(c, "Co", ControlLevel.COMPANY),
                OrgUnit.child(w, "Shop", ControlLevel.WORKSHOP, c), OrgUnit.child(t, "Team", ControlLevel.TEAM, w)));
        GradedControl g = GradedControl.of(merged, List.of(point("RP", t,
                hazard("SIG", Optional.of(RiskLevel.SIGNIFICANT)), hazard("GEN", Optional.of(RiskLevel.GENERAL)))));
        assertEquals(List.of(c, w, t), g.controlOf(RiskPointId.of("RP"), HazardId.of("SIG")).controllerIds());
        assertEquals(List.of(w, t), g.controlOf(RiskPointId.of("RP"), HazardId.of("GEN")).controllerIds());
        // a tree without a company: the root is the top for a major hazard
        Organization shopOnly = Organization.of(List.of(OrgUnit.root(w, "Shop", ControlLevel.WORKSHOP),
                OrgUnit.child(t, "Team", ControlLevel.TEAM, w)));
        assertEquals(List.of(w, t), GradedControl.of(shopOnly, List.of(point("RP", t,
                hazard("MAJ", Optional.of(RiskLevel.MAJOR))))).controlOf(RiskPointId.of("RP"), HazardId.of("MAJ"))
                .controllerIds());
    }

    @Test
    void aCustomHierarchyWorksThroughItsOwnPolicy() {
        ControlLevel mine = ControlLevel.of("mine", 0);
        ControlLevel specialty = ControlLevel.of("specialty", 1);
        ControlLevel district = ControlLevel.of("district", 2);
        ControlLevel team = ControlLevel.of("team", 3);
        ControlLevel post = ControlLevel.of("post", 4);
        OrgUnitId m = OrgUnitId.of("mine-1");
        OrgUnitId s = OrgUnitId.of("ventilation");
        OrgUnitId q = OrgUnitId.of("district-3");
        OrgUnitId b = OrgUnitId.of("team-3-1");
        OrgUnitId g = OrgUnitId.of("gas-inspector");
        Organization coal = Organization.of(List.of(OrgUnit.root(m, "Mine", mine), OrgUnit.child(s, "Vent", specialty, m),
                OrgUnit.child(q, "District", district, s), OrgUnit.child(b, "Team", team, q),
                OrgUnit.child(g, "Gas inspector", post, b)));
        GradedControlPolicy policy = GradedControlPolicy.of(Map.of(RiskLevel.MAJOR, mine, RiskLevel.SIGNIFICANT, specialty,
                RiskLevel.GENERAL, district, RiskLevel.LOW, team));
        List<RiskPoint> points = List.of(point("RP", g, hazard("SIG", Optional.of(RiskLevel.SIGNIFICANT)),
                hazard("LOW", Optional.of(RiskLevel.LOW))));
        GradedControl reg = GradedControl.of(coal, points, policy, LevelCombination.MOST_SEVERE);
        assertEquals(List.of(s, q, b, g), reg.controlOf(RiskPointId.of("RP"), HazardId.of("SIG")).controllerIds());
        assertEquals(List.of(b, g), reg.controlOf(RiskPointId.of("RP"), HazardId.of("LOW")).controllerIds());
        assertEquals(Optional.of(specialty), reg.controlOf(RiskPointId.of("RP"), HazardId.of("SIG")).responsibleLevel());

        // the default policy's company level clashes with the mine's level of rank 0
        ValidationException e = assertThrows(ValidationException.class, () -> GradedControl.of(coal, points));
        assertEquals(List.of("policy.responsibleLevel(major)", "policy.responsibleLevel(significant)",
                "policy.responsibleLevel(general)"), e.violations().stream().map(Violation::path).toList());
        assertEquals(new Violation("policy.responsibleLevel(major)", "company@0",
                "the organisation's level of rank 0 is [mine]"), e.violations().get(0));
    }

    @Test
    void inconsistentInputIsReportedAsOneValidationException() {
        List<RiskPoint> points = List.of(
                point("RP1", T, hazard("H1", Optional.of(RiskLevel.LOW), measure("M1", OrgUnitId.of("ghost"), ControlLevel.TEAM),
                        measure("M2", W, ControlLevel.TEAM))),
                point("RP1", T),
                point("RP2", OrgUnitId.of("nowhere")));
        ValidationException e = assertThrows(ValidationException.class, () -> GradedControl.of(ORG, points));
        assertEquals(List.of(
                new Violation("riskPoints[RP1].hazards[H1].measures[M1].responsibleUnit", "ghost", "a unit of the organisation"),
                new Violation("riskPoints[RP1].hazards[H1].measures[M2].controlLevel", "team",
                        "the level of responsible unit [W]: [workshop]"),
                new Violation("riskPoints[1].id", "RP1", "a risk point id not used by another"),
                new Violation("riskPoints[RP2].owningUnit", "nowhere", "a unit of the organisation")), e.violations());
    }

    @Test
    void unknownQueriesFailWithTheIdNamed() {
        GradedControl g = GradedControl.of(ORG, List.of(point("RP", T, hazard("H", Optional.empty()))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.controlOf(RiskPointId.of("RP"), HazardId.of("nope")));
        assertEquals("hazard [nope] on risk point [RP] is not in this graded control register", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.controlledBy(OrgUnitId.of("ghost")));
    }

    @Test
    void basesHaveLabelsInEnglishAndChinese() {
        for (ControlBasis b : ControlBasis.values()) {
            assertTrue(!b.displayName(Locale.ENGLISH).equals(b.code()), b.code());
            assertTrue(!b.displayName(Locale.CHINESE).equals(b.displayName(Locale.ENGLISH)), b.code());
        }
        assertEquals("属地单位", ControlBasis.OWNER.displayName(Locale.SIMPLIFIED_CHINESE));
    }
}
