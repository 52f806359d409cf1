package org.dualprevention.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.dualprevention.AssessmentFailedException;
import org.dualprevention.StaleVersionException;
import org.dualprevention.UnknownProviderException;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.engine.TestPlugins.BandScheme;
import org.dualprevention.engine.TestPlugins.ProductMethod;
import org.dualprevention.engine.internal.ProviderRegistry;
import org.dualprevention.organization.ActorId;
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
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.junit.jupiter.api.Test;

class AssessorTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final ActorId ALICE = ActorId.of("alice");
    private static final MethodId PRODUCT = MethodId.of("ACME.PRODUCT");
    private static final MethodId OTHER = MethodId.of("ACME.OTHER");

    private final ProductMethod product = new ProductMethod("ACME.PRODUCT", "ACME.BANDS");
    private final AtomicInteger seq = new AtomicInteger();

    private Assessor assessor(Object... extra) {
        ProviderRegistry.Builder b = ProviderRegistry.builder().register(product)
                .register(new BandScheme("ACME.BANDS", "ACME.PRODUCT"))
                .register(new BandScheme("ACME.BANDS-2", "ACME.PRODUCT"))
                .register(new ProductMethod("ACME.OTHER", "ACME.OTHER-BANDS"))
                .register(new BandScheme("ACME.OTHER-BANDS", "ACME.OTHER"));
        for (Object o : extra) {
            if (o instanceof ProductMethod) {
                b.register((ProductMethod) o);
            } else {
                b.register((BandScheme) o);
            }
        }
        return Assessor.of(b.build(), () -> AssessmentId.of("A-" + seq.incrementAndGet()));
    }

    private static AssessmentInput ab(Object a, Object b) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("A", (Number) a);
        m.put("B", (Number) b);
        return AssessmentInput.of(m);
    }

    private static Hazard hazard() {
        return Hazard.of(HazardId.of("H1"), "unguarded press", HazardCategory.PHYSICAL,
                EnumSet.of(AccidentType.values()[2]), "", "");
    }

    @Test
    void everyInputIsScoredAndGradedByTheDefaultScheme() {
        Assessor a = assessor();
        for (int x = 1; x <= 3; x++) {
            for (int y = 1; y <= 3; y++) {
                Assessment r = a.assess(AssessmentRequest.of(PRODUCT, ab(x, y), AssessmentKind.INHERENT, ALICE), CLOCK);
                int p = x * y;
                RiskLevel expected = p >= 9 ? RiskLevel.MAJOR : p >= 6 ? RiskLevel.SIGNIFICANT
                        : p >= 3 ? RiskLevel.GENERAL : RiskLevel.LOW;
                assertEquals(Score.of(BigDecimal.valueOf(p)), r.score());
                assertEquals(expected, r.level(), "A=" + x + " B=" + y);
                assertEquals(SchemeId.of("ACME.BANDS"), r.scheme());
                assertEquals(PRODUCT, r.method());
                assertEquals(T0, r.assessedAt());
                assertEquals(ALICE, r.assessor());
                assertEquals(AssessmentKind.INHERENT, r.kind());
            }
        }
        assertEquals(9, seq.get());
    }

    @Test
    void aSuppliedIdAndSchemeAreUsed() {
        Assessment r = assessor().assess(AssessmentRequest.of(PRODUCT, ab(3, 3), AssessmentKind.RESIDUAL, ALICE)
                .withScheme(SchemeId.of("ACME.BANDS-2")).withId(AssessmentId.of("host-42")), CLOCK);
        assertEquals(AssessmentId.of("host-42"), r.id());
        assertEquals(SchemeId.of("ACME.BANDS-2"), r.scheme());
        assertEquals(AssessmentKind.RESIDUAL, r.kind());
        assertEquals(0, seq.get(), "no id generated when one is supplied");
    }

    @Test
    void unknownMethodOrSchemeIsAnUnknownProviderException() {
        Assessor a = assessor();
        UnknownProviderException e = assertThrows(UnknownProviderException.class, () -> a.assess(
                AssessmentRequest.of(MethodId.of("LEC"), ab(1, 1), AssessmentKind.INHERENT, ALICE), CLOCK));
        assertEquals(List.of("ACME.OTHER", "ACME.PRODUCT"), e.availableIds());
        e = assertThrows(UnknownProviderException.class, () -> a.assess(AssessmentRequest.of(PRODUCT, ab(1, 1),
                AssessmentKind.INHERENT, ALICE).withScheme(SchemeId.of("LEC-V1")), CLOCK));
        assertEquals("GradingScheme", e.kind());
    }

    @Test
    void everyViolationIsListedAndNothingIsEvaluated() {
        Assessor a = assessor();
        AssessmentInput bad = AssessmentInput.of(Map.of("A", 4, "Z", 1));
        ValidationException e = assertThrows(ValidationException.class, () -> a.assess(AssessmentRequest.of(PRODUCT,
                bad, AssessmentKind.INHERENT, ALICE).withScheme(SchemeId.of("ACME.OTHER-BANDS")), CLOCK));
        assertEquals(List.of(
                new Violation("scheme", "ACME.OTHER-BANDS", "a scheme grading method [ACME.PRODUCT]: [ACME.BANDS, ACME.BANDS-2]"),
                new Violation("factors.A", "4", "[1, 2, 3]"),
                new Violation("factors.B", "null", "[1, 2, 3]"),
                new Violation("factors.Z", "1", "only the factors [A, B]")), e.violations());
        assertEquals("assessment with method [ACME.PRODUCT] and scheme [ACME.OTHER-BANDS]", e.subject());
        assertEquals(0, product.evaluations.get());
        assertEquals(0, seq.get());
    }

    @Test
    void aSchemeOfAnotherMethodAloneIsAValidationException() {
        ValidationException e = assertThrows(ValidationException.class, () -> assessor().assess(AssessmentRequest
                .of(OTHER, ab(1, 1), AssessmentKind.INHERENT, ALICE).withScheme(SchemeId.of("ACME.BANDS")), CLOCK));
        assertEquals(1, e.violations().size());
        assertEquals("scheme", e.violations().get(0).path());
    }

    @Test
    void aPluginsOwnExceptionIsWrappedOnceWithTheCause() {
        IllegalStateException boom = new IllegalStateException("division by zero");
        ProductMethod throwing = new ProductMethod("ACME.THROWS", "ACME.THROWS-S") {
            @Override
            public Score evaluate(AssessmentInput input) {
                throw boom;
            }
        };
        Assessor a = assessor(throwing, new BandScheme("ACME.THROWS-S", "ACME.THROWS"));
        AssessmentFailedException e = assertThrows(AssessmentFailedException.class, () -> a.assess(
                AssessmentRequest.of(MethodId.of("ACME.THROWS"), ab(1, 2), AssessmentKind.INHERENT, ALICE), CLOCK));
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().startsWith("AssessmentMethod [ACME.THROWS] (" + throwing.getClass().getName()
                + ") failed in evaluate({A=1, B=2}): java.lang.IllegalStateException: division by zero"), e.getMessage());
    }

    @Test
    void libraryExceptionsFromPluginsPassUnchanged() {
        ValidationException own = new ValidationException("x", List.of(Violation.of("factors.A", 1, "more")));
        StaleVersionException odd = new StaleVersionException("x", 1, 2);
        for (RuntimeException thrown : List.of(own, odd)) {
            ProductMethod m = new ProductMethod("ACME.LIB", "ACME.LIB-S") {
                @Override
                public Score evaluate(AssessmentInput input) {
                    throw thrown;
                }
            };
            Assessor a = assessor(m, new BandScheme("ACME.LIB-S", "ACME.LIB"));
            RuntimeException e = assertThrows(RuntimeException.class, () -> a.assess(
                    AssessmentRequest.of(MethodId.of("ACME.LIB"), ab(1, 2), AssessmentKind.INHERENT, ALICE), CLOCK));
            assertSame(thrown, e);
        }
    }

    @Test
    void aNullOrUnlistedGradeFailsTheAssessment() {
        BandScheme nullScheme = new BandScheme("ACME.NULL", "ACME.PRODUCT") {
            @Override
            public Grade grade(Score score) {
                return null;
            }
        };
        BandScheme oddScheme = new BandScheme("ACME.ODD", "ACME.PRODUCT") {
            @Override
            public Grade grade(Score score) {
                return Grade.of("9", "nine", RiskLevel.LOW);
            }
        };
        Assessor a = assessor(nullScheme, oddScheme);
        AssessmentFailedException e = assertThrows(AssessmentFailedException.class, () -> a.assess(AssessmentRequest
                .of(PRODUCT, ab(1, 2), AssessmentKind.INHERENT, ALICE).withScheme(SchemeId.of("ACME.NULL")), CLOCK));
        assertTrue(e.getMessage().contains("failed in grade(2): java.lang.NullPointerException: grade() returned null"),
                e.getMessage());
        e = assertThrows(AssessmentFailedException.class, () -> a.assess(AssessmentRequest
                .of(PRODUCT, ab(1, 2), AssessmentKind.INHERENT, ALICE).withScheme(SchemeId.of("ACME.ODD")), CLOCK));
        assertTrue(e.getMessage().contains("graded score [2] as Grade[code=9"), e.getMessage());
    }

    @Test
    void assessingAHazardAppendsTheAssessmentAndClearsTheFlag() {
        Hazard flagged = hazard().withReassessment(new ReassessmentFlag("measure failed", "HD-1", T0));
        Hazard next = assessor().assess(flagged, AssessmentRequest.of(PRODUCT, ab(2, 3), AssessmentKind.INHERENT, ALICE),
                CLOCK);
        assertEquals(1, next.assessments().size());
        assertEquals(RiskLevel.SIGNIFICANT, next.assessments().get(0).level());
        assertEquals(Optional.empty(), next.reassessment());
        assertEquals(0, flagged.assessments().size(), "the given hazard is unchanged");
    }

    @Test
    void aSuppliedIdAlreadyUsedByTheHazardIsAViolationListedWithTheOthers() {
        Assessor a = assessor();
        Hazard once = a.assess(hazard(), AssessmentRequest.of(PRODUCT, ab(1, 1), AssessmentKind.INHERENT, ALICE)
                .withId(AssessmentId.of("X")), CLOCK);
        ValidationException e = assertThrows(ValidationException.class, () -> a.assess(once, AssessmentRequest
                .of(PRODUCT, ab(1, 7), AssessmentKind.INHERENT, ALICE).withId(AssessmentId.of("X")), CLOCK));
        assertEquals(List.of("factors.B", "id"), e.violations().stream().map(Violation::path).toList());
    }
}
