package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.dualprevention.Violation;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.Score;
import org.junit.jupiter.api.Test;

/**
 * Numbers beyond {@code BigDecimal}'s limits (an exponent that does not fit an {@code int}) in every value
 * position of every document type and every model type read by the mapper: each is refused with a
 * {@link JsonImportException} whose pointer names the position, never a raw {@code NumberFormatException}.
 */
class HugeNumberTest {
    /** Exponents beyond an int, both signs, with and without a fraction; each within the number length limit. */
    static final List<String> HUGE = List.of("1e2147483648", "1e-2147483648", "-1E+2147483648", "0.5e-2147483649",
            "12.5E99999999999999999", "-7e-99999999999999999");

    @Test
    void hugeExponentsInEveryPositionOfEveryDocumentAreRefusedAtThatPosition() {
        for (Hostile.Doc doc : Hostile.Doc.values()) {
            List<Hostile.Part> valid = doc.parts(doc.valid(7));
            List<Hostile.Position> positions = Hostile.positions(valid);
            for (int i = 0; i < positions.size(); i++) {
                String pointer = positions.get(i).pointer();
                // every literal where a number belongs; elsewhere one literal, in turn
                List<String> literals = positions.get(i).spot().value().isNumber() ? HUGE : List.of(HUGE.get(i % HUGE.size()));
                for (String huge : literals) {
                    byte[] bad = Hostile.substitute(doc, valid, i, huge);
                    String what = doc + " with " + huge + " at " + pointer;
                    JsonImportException e = Hostile.refused(doc, bad, ImportOptions.defaults(), what);
                    assertTrue(e.violations().stream().anyMatch(v -> Hostile.atOrAround(v, pointer)),
                            "no violation at " + pointer + " for " + what + ": " + e.getMessage());
                    assertTrue(e.violations().stream().anyMatch(v -> v.path().equals(pointer) && v.value().equals(huge))
                            || e.violations().stream().noneMatch(v -> v.path().equals(pointer)),
                            "the violation at " + pointer + " does not show the number " + huge + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void hugeExponentsInEveryPositionOfEveryModelValueAreRefusedByTheMapper() {
        Gen g = new Gen(11);
        InspectionRoundTripTest.InspectionValues iv = new InspectionRoundTripTest.InspectionValues(12);
        Organization org = g.organization();
        InspectionPlan plan = iv.plan();
        Map<Class<?>, Supplier<Object>> values = Map.of(
                Organization.class, () -> org,
                RiskPoint.class, () -> g.riskPoint(org),
                Assessment.class, () -> g.assessment(),
                AssessmentInput.class, () -> g.assessment().input(),
                Score.class, () -> g.score(),
                AuditEntry.class, () -> new DangerGen(3).record("HD-1").entries().get(0),
                InspectionPlan.class, () -> plan,
                InspectionTask.class, () -> iv.task(),
                GoodPractice.class, () -> iv.goodPractice());
        for (Map.Entry<Class<?>, Supplier<Object>> e : values.entrySet()) {
            Class<?> type = e.getKey();
            String json = Hostile.MAPPER.writeValueAsString(e.getValue().get());
            List<Hostile.Part> parts = List.of(new Hostile.Part("", Hostile.MAPPER.readTree(json)));
            List<Hostile.Position> all = Hostile.positions(parts);
            int positions = all.size();
            for (int i = -1; i < positions; i++) {
                boolean number = i >= 0 && all.get(i).spot().value().isNumber();
                for (String huge : number ? HUGE : List.of(HUGE.get((i + 1) % HUGE.size()))) {
                    String bad;
                    String pointer;
                    if (i < 0) {
                        bad = huge;
                        pointer = "";
                    } else {
                        List<Hostile.Part> copy = List.of(new Hostile.Part("", Hostile.MAPPER.readTree(json)));
                        Hostile.Position p = Hostile.positions(copy).get(i);
                        pointer = p.pointer();
                        MutationFuzzTest.replace(p.spot(), Hostile.MAPPER.getNodeFactory().stringNode("@@H@@"));
                        bad = Hostile.MAPPER.writeValueAsString(copy.get(0).tree()).replace("\"@@H@@\"", huge);
                    }
                    String what = type.getSimpleName() + " with " + huge + " at [" + pointer + "]: " + bad;
                    JsonImportException x = Hostile.mapperRefuses(bad, type, what);
                    String at = pointer;
                    assertTrue(x.violations().stream().map(Violation::path).anyMatch(v -> v.equals(at)
                            || at.startsWith(v + "/") || v.startsWith(at + "/")),
                            "no violation at [" + at + "] for " + what + ": " + x.getMessage());
                }
            }
        }
    }
}
