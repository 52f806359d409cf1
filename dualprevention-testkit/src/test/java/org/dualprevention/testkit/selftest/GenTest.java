package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.testkit.Providers;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.BadText;
import org.dualprevention.testkit.gen.Domains;
import org.dualprevention.testkit.gen.Gen;
import org.dualprevention.testkit.gen.InputMutation;
import org.dualprevention.testkit.gen.InvalidInput;
import org.dualprevention.testkit.gen.InvalidOrganization;
import org.dualprevention.testkit.gen.OrgMutation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generators are reproducible from the seed, valid by construction, and their mutations are invalid. */
class GenTest {
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    private static GradingScheme schemeFor(AssessmentMethod m) {
        for (GradingScheme s : Providers.schemes()) {
            if (s.id().equals(m.defaultScheme())) {
                return s;
            }
        }
        throw new AssertionError("no default scheme for " + m.id());
    }

    /** Everything one seed generates, for comparing two runs. */
    private static List<Object> sample(long seed) {
        Gen gen = Gen.of(seed);
        List<Object> out = new ArrayList<>();
        Organization org = gen.organization();
        out.add(org);
        for (AssessmentMethod m : Providers.methods()) {
            out.add(gen.riskPoint(org, m, schemeFor(m), T0));
            out.add(gen.input(m));
        }
        for (HiddenDangerState s : HiddenDangerState.values()) {
            for (Transition t : gen.dangers().history(org, s, T0)) {
                out.add(t.next());
                out.add(t.audit());
            }
        }
        var plan = gen.inspections().plan(org, LocalDate.of(2026, 3, 1));
        out.add(plan);
        out.add(gen.inspections().task(plan, T0, 30, 0.5));
        out.add(gen.inspections().goodPractice(org, T0, 30));
        out.add(gen.fork().organization(5));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> sameSeedSameValues() {
        return Seeds.cases("same seed, same values", 20, gen -> assertEquals(sample(gen.seed()), sample(gen.seed())));
    }

    @Test
    void differentSeedsDifferentValues() {
        Set<Organization> orgs = new HashSet<>();
        for (long i = 0; i < 30; i++) {
            orgs.add(Gen.of(Seeds.seed(Seeds.base(), i)).organization(10));
        }
        assertTrue(orgs.size() >= 29, "30 seeds gave only " + orgs.size() + " distinct organisations");
    }

    @TestFactory
    Stream<DynamicTest> organisationsAreValidTrees() {
        return Seeds.cases("organisation tree", 200, gen -> {
            Organization org = gen.organization();
            Map<OrgUnitId, OrgUnit> byId = new java.util.HashMap<>();
            for (OrgUnit u : org.units()) {
                assertTrue(byId.put(u.id(), u) == null, "duplicate id " + u.id());
            }
            for (OrgUnit u : org.units()) {
                if (u.parent().isPresent()) {
                    OrgUnit p = byId.get(u.parent().get());
                    assertTrue(p != null, "missing parent of " + u.id());
                    assertTrue(p.level().rank() < u.level().rank(), "level of " + u.id() + " not below its parent's");
                }
            }
            assertEquals(org, Organization.of(org.units()), "re-validating the units");
        });
    }

    @TestFactory
    Stream<DynamicTest> riskPointsAreConsistentWithTheOrganisation() {
        List<AssessmentMethod> methods = Providers.methods();
        return Seeds.cases("risk point", 100, gen -> {
            Organization org = gen.organization();
            AssessmentMethod m = gen.pick(methods);
            GradingScheme s = schemeFor(m);
            RiskPoint rp = gen.riskPoint(org, m, s, T0);
            assertTrue(org.contains(rp.owningUnit()), "owning unit not in the organisation");
            assertEquals(0, rp.version());
            for (Hazard h : rp.hazards()) {
                for (ControlMeasure cm : h.measures()) {
                    OrgUnit unit = org.require(cm.responsibleUnit());
                    assertEquals(unit.level(), cm.controlLevel(), "measure's control level is not its unit's level");
                }
                assertFalse(h.assessments().isEmpty(), "hazard without assessments");
                Instant previous = Instant.MIN;
                for (Assessment a : h.assessments()) {
                    assertEquals(m.id(), a.method());
                    assertEquals(s.id(), a.scheme());
                    assertEquals(m.evaluate(a.input()), a.score(), "stored score is not the method's");
                    assertEquals(s.grade(a.score()), a.grade(), "stored grade is not the scheme's");
                    assertFalse(a.assessedAt().isBefore(previous), "assessments out of time order");
                    previous = a.assessedAt();
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> inputsAreValidForEveryBuiltInMethod() {
        List<AssessmentMethod> methods = Providers.methods();
        return Seeds.cases("valid input", 50, gen -> {
            for (AssessmentMethod m : methods) {
                AssessmentInput in = gen.input(m);
                m.validate(in);
                assertEquals(m.factors().size(), in.values().size());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyInputMutationIsRefusedWithItsPath() {
        List<AssessmentMethod> methods = Providers.methods();
        return Seeds.cases("input mutation", 50, gen -> {
            for (AssessmentMethod m : methods) {
                AssessmentInput valid = gen.input(m);
                List<InvalidInput> bad = InputMutation.all(m, valid, gen);
                assertTrue(bad.size() >= 6, "too few mutations apply to " + m.id() + ": " + bad);
                for (InvalidInput b : bad) {
                    ValidationException e = assertThrows(ValidationException.class, () -> m.evaluate(AssessmentInput.of(b.values())),
                            m.id() + " accepted " + b);
                    assertTrue(e.violations().stream().map(Violation::path).anyMatch(b.path()::equals),
                            m.id() + " refused " + b + " without naming " + b.path() + ": " + e.violations());
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyOrgMutationIsRefusedWithItsPath() {
        return Seeds.cases("organisation mutation", 100, gen -> {
            List<OrgUnit> units = gen.organization(gen.intBetween(3, 20)).units();
            int applied = 0;
            for (OrgMutation mutation : OrgMutation.values()) {
                Optional<InvalidOrganization> bad = mutation.apply(units, gen);
                if (bad.isEmpty()) {
                    continue;
                }
                applied++;
                ValidationException e = assertThrows(ValidationException.class, () -> Organization.of(bad.get().units()),
                        "accepted " + bad.get());
                assertTrue(e.violations().stream().map(Violation::path).anyMatch(bad.get().path()::equals),
                        mutation + " refused without naming " + bad.get().path() + ": " + e.violations());
            }
            assertTrue(applied >= 1, "no mutation applied");
        });
    }

    @Test
    void badTextIsRefusedByEveryIdType() {
        List<Function<String, Object>> ids = List.of(OrgUnitId::of, ActorId::of, RiskPointId::of, HazardId::of,
                ControlMeasureId::of, AssessmentId::of, MapZoneId::of, HiddenDangerId::of, InspectionPlanId::of,
                InspectionTaskId::of, GoodPracticeId::of);
        for (Function<String, Object> id : ids) {
            for (String bad : BadText.badIds()) {
                assertThrows(IllegalArgumentException.class, () -> id.apply(bad), "accepted [" + bad + "]");
            }
            for (String bad : BadText.illFormedUnicode()) {
                assertThrows(ValidationException.class, () -> id.apply(bad), "accepted [" + bad + "]");
            }
        }
        assertEquals(129, BadText.tooLongKey().length());
        for (String s : BadText.blank()) {
            assertTrue(s.isBlank(), "[" + s + "] is not blank");
        }
    }

    @Test
    void idTypesAcceptEveryHostKeyForm() {
        Gen gen = Gen.of(Seeds.base());
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String k = gen.hostKey("X");
            assertTrue(keys.add(k), "host key repeated: " + k);
            RiskPointId.of(k);
        }
    }

    @TestFactory
    Stream<DynamicTest> hiddenDangersReachEveryStateWithAVerifiableHistory() {
        return Seeds.cases("hidden danger history", 60, gen -> {
            Organization org = gen.organization(gen.intBetween(2, 12));
            for (HiddenDangerState state : HiddenDangerState.values()) {
                List<Transition> h = gen.dangers().history(org, state, T0);
                HiddenDanger last = h.get(h.size() - 1).next();
                assertEquals(state, last.state());
                List<AuditEntry> entries = new ArrayList<>();
                for (int i = 0; i < h.size(); i++) {
                    assertEquals(i + 1, h.get(i).next().version());
                    assertEquals(i + 1, h.get(i).audit().sequence());
                    entries.add(h.get(i).audit());
                }
                assertTrue(AuditChain.verify(entries, last).isValid(), "chain does not verify");
                assertEquals(last, AuditChain.replay(entries), "replay differs");
                assertTrue(org.contains(last.unit()));
            }
        });
    }

    @Test
    void hiddenDangerWalksVary() {
        Set<Integer> lengths = new HashSet<>();
        Set<Object> grades = new HashSet<>();
        Gen gen = Gen.of(Seeds.base());
        Organization org = gen.organization(6);
        for (int i = 0; i < 100; i++) {
            List<Transition> h = gen.dangers().history(org, HiddenDangerState.CLOSED, T0);
            lengths.add(h.size());
            grades.add(h.get(h.size() - 1).next().grade());
        }
        assertTrue(lengths.size() >= 4, "closed histories of only these lengths: " + lengths);
        assertEquals(2, grades.size(), "both grades should occur: " + grades);
    }

    @Test
    void nextTransitionsWalkToATerminalStateWithAnIntactChain() {
        Gen gen = Gen.of(Seeds.base());
        Organization org = gen.organization(6);
        Set<HiddenDangerState> ends = EnumSet.noneOf(HiddenDangerState.class);
        for (int i = 0; i < 50; i++) {
            Transition first = gen.dangers().history(org, HiddenDangerState.REPORTED, T0).get(0);
            List<AuditEntry> entries = new ArrayList<>(List.of(first.audit()));
            HiddenDanger h = first.next();
            Optional<Transition> t = gen.dangers().next(h, org);
            int steps = 0;
            while (t.isPresent() && steps++ < 200) {
                h = t.get().next();
                entries.add(t.get().audit());
                t = gen.dangers().next(h, org);
            }
            assertFalse(h.isOpen(), "no terminal state after 200 random steps: " + h);
            ends.add(h.state());
            assertTrue(AuditChain.verify(entries, h).isValid());
            assertEquals(h, AuditChain.replay(entries));
        }
        assertEquals(EnumSet.of(HiddenDangerState.CLOSED, HiddenDangerState.WITHDRAWN), ends);
    }

    @Test
    void inspectionTasksAreRecordedForEveryItem() {
        Gen gen = Gen.of(Seeds.base());
        Organization org = gen.organization(6);
        int recorded = 0;
        for (int i = 0; i < 100; i++) {
            var plan = gen.inspections().plan(org, LocalDate.of(2026, 3, 1));
            InspectionTask t = gen.inspections().task(plan, T0, 30, 0.5);
            assertTrue(t.due().isAfter(t.windowStart()));
            assertTrue(org.contains(t.unit()));
            if (t.record().isPresent()) {
                recorded++;
                Set<Object> withResult = new HashSet<>();
                t.record().get().results().forEach(r -> withResult.add(r.item()));
                for (InspectionItem item : t.items()) {
                    assertTrue(withResult.contains(item.id()), "item without a result");
                }
            }
        }
        assertTrue(recorded > 20 && recorded < 80, "recorded share far from one half: " + recorded);
    }

    @Test
    void domainsEnumerateEveryCombination() {
        AssessmentMethod lec = Providers.method(MethodId.of("LEC"));
        assertEquals(Optional.of(252L), Domains.size(lec));
        List<AssessmentInput> all = Domains.exhaustive(lec);
        assertEquals(252, all.size());
        assertEquals(252, new HashSet<>(all).size());
        AssessmentMethod ranged = new AssessmentMethod() {
            @Override
            public MethodId id() {
                return MethodId.of("TEST.RANGE");
            }

            @Override
            public List<FactorDefinition> factors() {
                return List.of(FactorDefinition.range("X", "x", BigDecimal.ZERO, BigDecimal.TEN),
                        FactorDefinition.discrete("Y", "y", "1", "2"));
            }

            @Override
            public SchemeId defaultScheme() {
                return SchemeId.of("TEST.RANGE");
            }

            @Override
            public Score evaluate(AssessmentInput input) {
                validate(input);
                return Score.of(input.value("X").orElseThrow().add(input.value("Y").orElseThrow()));
            }
        };
        assertTrue(Domains.size(ranged).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Domains.exhaustive(ranged));
        List<AssessmentInput> sampled = Domains.inputs(ranged, Gen.of(1), 10, 1000);
        assertTrue(sampled.contains(AssessmentInput.of(Map.of("X", 0, "Y", 1))), "range minimum missing");
        assertTrue(sampled.contains(AssessmentInput.of(Map.of("X", 10, "Y", 2))), "range maximum missing");
        for (AssessmentInput in : sampled) {
            ranged.validate(in);
        }
        assertEquals(sampled, Domains.inputs(ranged, Gen.of(1), 10, 1000), "same seed, same sample");
        assertNotEquals(Domains.inputs(ranged, Gen.of(1), 10, 1000), Domains.inputs(ranged, Gen.of(2), 10, 1000));
        List<AssessmentInput> capped = Domains.inputs(lec, Gen.of(1), 10, 100);
        assertTrue(capped.size() <= 108 && capped.size() >= 50, "capped domain size " + capped.size());
        capped.forEach(lec::validate);
    }

    @org.junit.jupiter.api.Test
    void generatorsMakeTiesOnPurpose() {
        for (long seed = 0; seed < 5; seed++) {
            Gen gen = Gen.of(seed);
            Organization org = gen.organization(6);
            org.dualprevention.inspection.InspectionPlan plan = gen.inspections().plan(org, LocalDate.of(2026, 3, 1));
            Set<Instant> dues = new HashSet<>();
            boolean dueTie = false;
            for (int i = 0; i < 40; i++) {
                dueTie |= !dues.add(gen.inspections().task(plan, Instant.parse("2026-03-02T01:00:00Z"), 30, 0.0).due());
            }
            assertTrue(dueTie, "seed " + seed + ": 40 tasks and no two due at the same time");
            boolean auditTie = false;
            for (int i = 0; i < 10 && !auditTie; i++) {
                List<Transition> h = gen.dangers().history(org, HiddenDangerState.CLOSED, Instant.parse("2026-03-02T01:00:00Z"));
                for (int k = 1; k < h.size(); k++) {
                    auditTie |= h.get(k).audit().at().equals(h.get(k - 1).audit().at());
                }
            }
            assertTrue(auditTie, "seed " + seed + ": ten closed histories and no two audit entries at the same instant");
            Set<Instant> seen = new HashSet<>();
            boolean instantTie = false;
            for (int i = 0; i < 40; i++) {
                instantTie |= !seen.add(gen.instant(Instant.parse("2026-03-02T01:00:00Z"), java.time.Duration.ofDays(90)));
            }
            assertTrue(instantTie, "seed " + seed + ": 40 instants over 90 days and none repeated");
        }
    }
}
