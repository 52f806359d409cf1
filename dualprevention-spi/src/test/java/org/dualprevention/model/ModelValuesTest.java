package org.dualprevention.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardCategoryGroup;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelValuesTest {

    static Stream<Enum<?>> everyEnumConstant() {
        List<Enum<?>> all = new ArrayList<>();
        all.addAll(List.of(RiskLevel.values()));
        all.addAll(List.of(RiskPointKind.values()));
        all.addAll(List.of(MeasureCategory.values()));
        all.addAll(List.of(AssessmentKind.values()));
        all.addAll(List.of(AccidentType.values()));
        all.addAll(List.of(HazardCategoryGroup.values()));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} has distinct Chinese and English labels")
    @MethodSource("everyEnumConstant")
    void everyEnumHasLabelsInBothLanguages(Enum<?> constant) throws Exception {
        String en = (String) constant.getClass().getMethod("displayName", Locale.class).invoke(constant, Locale.ENGLISH);
        String zh = (String) constant.getClass().getMethod("displayName", Locale.class).invoke(constant, Locale.CHINESE);
        assertFalse(en.isBlank(), constant + " en");
        assertFalse(zh.isBlank(), constant + " zh");
        assertNotEquals(en, zh, constant + ": the Chinese label must not fall back to English");
        assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                constant + " zh label has Chinese characters: " + zh);
    }

    @Test
    @DisplayName("enum codes are pinned: renaming a constant cannot silently change stored data")
    void codesArePinned() {
        assertEquals(List.of("major", "significant", "general", "low"),
                Stream.of(RiskLevel.values()).map(RiskLevel::code).toList());
        assertEquals(List.of("place", "equipment", "operation"),
                Stream.of(RiskPointKind.values()).map(RiskPointKind::code).toList());
        assertEquals(List.of("engineering", "management", "training", "personal-protection", "emergency"),
                Stream.of(MeasureCategory.values()).map(MeasureCategory::code).toList());
        assertEquals(List.of("inherent", "residual"), Stream.of(AssessmentKind.values()).map(AssessmentKind::code).toList());
        List<String> accidentCodes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            accidentCodes.add(String.format("%02d", i));
        }
        assertEquals(accidentCodes, Stream.of(AccidentType.values()).map(AccidentType::code).toList());
        assertEquals("重大风险", RiskLevel.MAJOR.displayName(Locale.CHINA));
        assertEquals("蓝", RiskLevel.LOW.colourName(Locale.SIMPLIFIED_CHINESE));
        assertEquals("中毒和窒息", AccidentType.POISONING_ASPHYXIA.displayName(Locale.CHINESE));
        assertEquals("公司级", ControlLevel.COMPANY.displayName(Locale.CHINESE));
    }

    @Test
    void riskLevelOrderAndRaising() {
        assertEquals(RiskLevel.SIGNIFICANT, RiskLevel.GENERAL.raisedBy(1));
        assertEquals(RiskLevel.MAJOR, RiskLevel.SIGNIFICANT.raisedBy(3));
        assertEquals(RiskLevel.LOW, RiskLevel.LOW.raisedBy(0));
        assertEquals(RiskLevel.MAJOR, RiskLevel.mostSevere(RiskLevel.LOW, RiskLevel.MAJOR));
        assertTrue(RiskLevel.MAJOR.isMoreSevereThan(RiskLevel.SIGNIFICANT));
        assertThrows(IllegalArgumentException.class, () -> RiskLevel.LOW.raisedBy(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RiskLevel.fromCode("red"));
        assertTrue(e.getMessage().contains("[red]") && e.getMessage().contains("major"), e.getMessage());
    }

    @Test
    @DisplayName("ids wrap host keys of any kind and reject blank or control characters")
    void ids() {
        assertEquals("42", RiskPointId.of(42L).value());
        assertEquals(RiskPointId.of("A-1"), RiskPointId.of("A-1"));
        assertThrows(IllegalArgumentException.class, () -> HazardId.of(" "));
        assertThrows(IllegalArgumentException.class, () -> HazardId.of("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> HazardId.of("x".repeat(129)));
        assertThrows(IllegalArgumentException.class, () -> MethodId.of("lec"));
        assertThrows(IllegalArgumentException.class, () -> SchemeId.of("-X"));
        assertEquals("ACME.LEC-GB", MethodId.of("ACME.LEC-GB").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "21", "2101", "210101", "4", "49"})
    void validHazardCategories(String code) {
        HazardCategory c = HazardCategory.of(code);
        assertEquals(code.substring(0, 1), c.group().code());
        assertFalse(c.displayName(Locale.CHINESE).isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "5", "123", "12345", "1234567", "2a", " 21"})
    void invalidHazardCategories(String code) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HazardCategory.of(code));
        assertTrue(e.getMessage().contains("[" + code + "]"), e.getMessage());
    }

    @Test
    @DisplayName("assessment input keeps doubles exact through their decimal text and rejects NaN and infinity with paths")
    void assessmentInput() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("L", 0.1);
        m.put("E", 6);
        m.put("C", new BigDecimal("100.00"));
        AssessmentInput in = AssessmentInput.of(m);
        assertEquals(new BigDecimal("0.1"), in.value("L").orElseThrow());
        assertEquals(new BigDecimal("100"), in.value("C").orElseThrow());
        BigDecimal product = in.values().values().stream().reduce(BigDecimal.ONE, BigDecimal::multiply);
        assertEquals(0, product.compareTo(new BigDecimal("60")));

        Map<String, Number> bad = new HashMap<>();
        bad.put("L", Double.NaN);
        bad.put("E", Double.POSITIVE_INFINITY);
        bad.put("C", null);
        ValidationException e = assertThrows(ValidationException.class, () -> AssessmentInput.of(bad));
        assertEquals(Set.of("factors.L", "factors.E", "factors.C"),
                Set.copyOf(e.violations().stream().map(Violation::path).toList()));

        ValidationException t = assertThrows(ValidationException.class,
                () -> AssessmentInput.ofText(Map.of("L", "three")));
        assertEquals("three", t.violations().get(0).value());
    }

    @Test
    void factorDefinitions() {
        FactorDefinition e = FactorDefinition.discrete("E", "exposure", "10", "6", "3", "2", "1", "0.5");
        assertEquals("[0.5, 1, 2, 3, 6, 10]", e.allowedText());
        assertTrue(e.allows(new BigDecimal("6.00")));
        assertFalse(e.allows(new BigDecimal("4")));
        assertEquals(Optional.of(4), e.indexOf(new BigDecimal("6")));
        assertThrows(IllegalArgumentException.class, () -> FactorDefinition.discrete("E", "dup", "1", "1.0"));
        assertThrows(IllegalArgumentException.class, () -> FactorDefinition.discrete("1E", "bad key", "1"));
        FactorDefinition r = FactorDefinition.range("T", "temperature", BigDecimal.ZERO, BigDecimal.TEN);
        assertTrue(r.allows(BigDecimal.TEN));
        assertFalse(r.allows(new BigDecimal("-0.1")));
        assertThrows(UnsupportedOperationException.class, () -> e.values().add(BigDecimal.ONE));
    }

    @Test
    void scoresAreNormalised() {
        assertEquals(Score.of("120"), Score.of(new BigDecimal("120.000")));
        assertEquals("120", Score.of(new BigDecimal("1.2E+2")).toString());
        assertEquals("12@3,4", Score.ofCell(3, 4, new BigDecimal("12")).toString());
        assertThrows(IllegalArgumentException.class, () -> Score.ofCell(0, 1, BigDecimal.ONE));
    }

    static Organization plant() {
        return Organization.of(List.of(
                OrgUnit.root(OrgUnitId.of("co"), "Company", ControlLevel.COMPANY),
                OrgUnit.child(OrgUnitId.of("ws1"), "Workshop 1", ControlLevel.WORKSHOP, OrgUnitId.of("co")),
                OrgUnit.child(OrgUnitId.of("t1"), "Team 1", ControlLevel.TEAM, OrgUnitId.of("ws1")),
                OrgUnit.child(OrgUnitId.of("p1"), "Post 1", ControlLevel.POST, OrgUnitId.of("t1")),
                OrgUnit.child(OrgUnitId.of("safety"), "Safety dept", ControlLevel.DEPARTMENT, OrgUnitId.of("co"))));
    }

    @Test
    @DisplayName("organisation tree: descendants, ancestors and merged levels")
    void organisationTree() {
        Organization org = plant();
        assertEquals(List.of(OrgUnitId.of("ws1"), OrgUnitId.of("t1"), OrgUnitId.of("p1")),
                List.copyOf(org.selfAndDescendants(OrgUnitId.of("ws1"))));
        assertEquals(List.of("p1", "t1", "ws1", "co"),
                org.selfAndAncestors(OrgUnitId.of("p1")).stream().map(u -> u.id().value()).toList());
        assertTrue(org.isWithin(OrgUnitId.of("p1"), OrgUnitId.of("co")));
        assertFalse(org.isWithin(OrgUnitId.of("p1"), OrgUnitId.of("safety")));
        assertEquals(List.of(ControlLevel.COMPANY, ControlLevel.DEPARTMENT, ControlLevel.WORKSHOP, ControlLevel.TEAM,
                ControlLevel.POST), org.levels());
    }

    @Test
    @DisplayName("an invalid organisation reports every broken rule at once")
    void invalidOrganisation() {
        ValidationException e = assertThrows(ValidationException.class, () -> Organization.of(List.of(
                OrgUnit.root(OrgUnitId.of("co"), "Company", ControlLevel.COMPANY),
                OrgUnit.child(OrgUnitId.of("t"), "Team", ControlLevel.TEAM, OrgUnitId.of("co")),
                OrgUnit.child(OrgUnitId.of("x"), "Dept under team", ControlLevel.DEPARTMENT, OrgUnitId.of("t")),
                OrgUnit.child(OrgUnitId.of("y"), "Orphan", ControlLevel.POST, OrgUnitId.of("nowhere")),
                OrgUnit.root(OrgUnitId.of("co"), "Duplicate", ControlLevel.COMPANY))));
        List<String> paths = e.violations().stream().map(Violation::path).toList();
        assertEquals(3, paths.size(), e.getMessage());
        assertTrue(paths.contains("units[x].level"), e.getMessage());
        assertTrue(paths.contains("units[y].parent"), e.getMessage());
        assertTrue(paths.contains("units[4].id"), e.getMessage());
    }

    @Test
    @DisplayName("a cycle in the parent chain is refused")
    void cycleRefused() {
        ControlLevel a = ControlLevel.of("a", 1);
        ControlLevel b = ControlLevel.of("b", 2);
        ValidationException e = assertThrows(ValidationException.class, () -> Organization.of(List.of(
                OrgUnit.child(OrgUnitId.of("u1"), "U1", a, OrgUnitId.of("u2")),
                OrgUnit.child(OrgUnitId.of("u2"), "U2", b, OrgUnitId.of("u1")))));
        assertTrue(e.getMessage().contains("cycle") || e.getMessage().contains("level"), e.getMessage());
    }

    @Test
    @DisplayName("hazard: current assessments prefer residual ones, latest per method; a new assessment clears the reassessment flag")
    void hazardAssessments() {
        Hazard h = Hazard.of(HazardId.of("h1"), "Unguarded press", HazardCategory.PHYSICAL,
                List.of(AccidentType.MACHINERY), "guard removed", "crushed hand");
        ControlMeasure cm = new ControlMeasure(ControlMeasureId.of("m1"), MeasureCategory.ENGINEERING, "Fixed guard",
                ControlLevel.TEAM, OrgUnitId.of("t1"), "Guard fitted and interlock works");
        h = h.withMeasure(cm);
        Grade yellow = Grade.of("3", "显著危险", RiskLevel.GENERAL);
        Grade blue = Grade.of("4", "一般危险", RiskLevel.LOW);
        Assessment inherent = new Assessment(AssessmentId.of("a1"), MethodId.of("LEC"), SchemeId.of("LEC-V1"),
                AssessmentInput.ofText(Map.of("L", "6", "E", "6", "C", "3")), Score.of("108"), yellow,
                AssessmentKind.INHERENT, ActorId.of("u1"), Instant.parse("2026-01-01T00:00:00Z"));
        Assessment residual = new Assessment(AssessmentId.of("a2"), MethodId.of("LEC"), SchemeId.of("LEC-V1"),
                AssessmentInput.ofText(Map.of("L", "3", "E", "6", "C", "3")), Score.of("54"), blue,
                AssessmentKind.RESIDUAL, ActorId.of("u1"), Instant.parse("2026-01-02T00:00:00Z"));
        Hazard flagged = h.withAssessment(inherent).withReassessment(
                new org.dualprevention.risk.ReassessmentFlag("measure m1 failed", "HD-1", Instant.parse("2026-02-01T00:00:00Z")));
        assertEquals(List.of(inherent), flagged.currentAssessments());
        assertTrue(flagged.reassessment().isPresent());
        Hazard reassessed = flagged.withAssessment(residual);
        assertEquals(List.of(residual), reassessed.currentAssessments());
        assertTrue(reassessed.reassessment().isEmpty());
        assertEquals(2, reassessed.assessments().size());
        Hazard finalH = reassessed;
        assertThrows(IllegalArgumentException.class, () -> finalH.withAssessment(residual));
        assertThrows(IllegalArgumentException.class, () -> finalH.withMeasure(cm));
    }

    @Test
    void riskPointIsImmutableAndVersioned() {
        RiskPoint rp = RiskPoint.of(RiskPointId.of("rp1"), "Press shop", RiskPointKind.PLACE, OrgUnitId.of("ws1"),
                Optional.of(MapZoneId.of("z1")));
        Hazard h = Hazard.of(HazardId.of("h1"), "Noise", HazardCategory.PHYSICAL, Set.of(AccidentType.OTHER_INJURY), "", "");
        RiskPoint with = rp.withHazard(h);
        assertTrue(rp.hazards().isEmpty());
        assertEquals(1, with.hazards().size());
        assertEquals(0, with.version());
        assertEquals(3, with.withVersion(3).version());
        assertThrows(IllegalArgumentException.class, () -> with.withHazard(h));
        assertThrows(IllegalArgumentException.class, () -> rp.withVersion(-1));
        assertThrows(UnsupportedOperationException.class, () -> with.hazards().clear());
        RiskPoint renamed = with.withHazardChanged(HazardId.of("h1"), x -> x.withMeasures(List.of()));
        assertEquals(with, renamed);
        assertThrows(IllegalArgumentException.class, () -> with.withHazardChanged(HazardId.of("nope"), x -> x));
        assertThrows(IllegalArgumentException.class,
                () -> Hazard.of(HazardId.of("h2"), "No types", HazardCategory.PHYSICAL, List.of(), "", ""));
    }
}
