package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The register import builds each hazard and risk point once ({@link Hazard#loaded}, {@link RiskPoint#loaded})
 * where it used to build them step by step ({@code of} then {@code with…}): on generated registers both ways
 * give equal models, equal hash codes and equal refusals (the same message for the same repeated id).
 */
class LoadedConstructionEquivalenceTest {

    static Hazard oldWay(Hazard h) {
        return Hazard.of(h.id(), h.description(), h.category(), h.accidentTypes(), h.causes(), h.consequences())
                .withMeasures(h.measures()).withHistory(h.assessments(), h.reassessment());
    }

    static Hazard newWay(Hazard h) {
        return Hazard.loaded(h.id(), h.description(), h.category(), h.accidentTypes(), h.causes(), h.consequences(),
                h.measures(), h.assessments(), h.reassessment());
    }

    static RiskPoint oldWay(RiskPoint r, List<Hazard> hazards) {
        return RiskPoint.of(r.id(), r.name(), r.kind(), r.owningUnit(), r.zone()).withHazards(hazards)
                .withVersion(r.version());
    }

    static RiskPoint newWay(RiskPoint r, List<Hazard> hazards) {
        return RiskPoint.loaded(r.id(), r.name(), r.kind(), r.owningUnit(), r.zone(), hazards, r.version());
    }

    static void sameRefusal(Supplier<?> old, Supplier<?> neu, String what) {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, old::get, what);
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, neu::get, what);
        assertEquals(a.getMessage(), b.getMessage(), what);
    }

    /** {@code list} with the element at {@code from} repeated at its end (a list of at least one). */
    static <T> List<T> repeated(List<T> list, int from) {
        List<T> l = new ArrayList<>(list);
        l.add(list.get(from));
        return l;
    }

    @TestFactory
    Stream<DynamicTest> bothWaysGiveTheSameModel() {
        return LongStream.range(0, 200).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Gen.Register reg = new Gen(seed).register();
            for (RiskPoint r : reg.riskPoints()) {
                String what = "seed " + seed + " risk point " + r.id();
                List<Hazard> olds = new ArrayList<>();
                List<Hazard> news = new ArrayList<>();
                for (Hazard h : r.hazards()) {
                    Hazard o = oldWay(h);
                    Hazard n = newWay(h);
                    assertEquals(o, n, what);
                    assertEquals(o.hashCode(), n.hashCode(), what);
                    assertEquals(o.accidentTypes(), n.accidentTypes(), what);
                    assertEquals(o.currentAssessments(), n.currentAssessments(), what);
                    olds.add(o);
                    news.add(n);
                    List<ControlMeasure> ms = h.measures();
                    if (!ms.isEmpty()) {
                        int at = (int) (seed % ms.size());
                        List<ControlMeasure> twice = repeated(ms, at);
                        sameRefusal(() -> Hazard.of(h.id(), h.description(), h.category(), h.accidentTypes(), h.causes(),
                                h.consequences()).withMeasures(twice).withHistory(h.assessments(), h.reassessment()),
                                () -> Hazard.loaded(h.id(), h.description(), h.category(), h.accidentTypes(), h.causes(),
                                        h.consequences(), twice, h.assessments(), h.reassessment()), what + " measures");
                    }
                    List<Assessment> as = h.assessments();
                    if (!as.isEmpty()) {
                        List<Assessment> twice = repeated(as, (int) (seed % as.size()));
                        sameRefusal(() -> Hazard.of(h.id(), h.description(), h.category(), h.accidentTypes(), h.causes(),
                                h.consequences()).withMeasures(h.measures()).withHistory(twice, h.reassessment()),
                                () -> Hazard.loaded(h.id(), h.description(), h.category(), h.accidentTypes(), h.causes(),
                                        h.consequences(), h.measures(), twice, h.reassessment()), what + " assessments");
                    }
                }
                RiskPoint o = oldWay(r, olds);
                RiskPoint n = newWay(r, news);
                assertEquals(o, n, what);
                assertEquals(o.hashCode(), n.hashCode(), what);
                assertEquals(r, n, what);
                if (!r.hazards().isEmpty()) {
                    List<Hazard> twice = repeated(r.hazards(), (int) (seed % r.hazards().size()));
                    sameRefusal(() -> oldWay(r, twice), () -> newWay(r, twice), what + " hazards");
                    // past the pairwise limit the check uses a set: many distinct hazards, then one repeated
                    Hazard h0 = r.hazards().get(0);
                    List<Hazard> many = new ArrayList<>();
                    int count = 17 + (int) (seed % 20);
                    for (int i = 0; i < count; i++) {
                        many.add(Hazard.loaded(HazardId.of("many-" + i), h0.description(), h0.category(),
                                h0.accidentTypes(), h0.causes(), h0.consequences(), h0.measures(), h0.assessments(),
                                h0.reassessment()));
                    }
                    assertEquals(oldWay(r, many), newWay(r, many), what + " many");
                    List<Hazard> manyTwice = repeated(many, (int) (seed % count));
                    sameRefusal(() -> oldWay(r, manyTwice), () -> newWay(r, manyTwice), what + " many hazards");
                }
            }
            // and the import, which now builds the new way, still reads back what was written
            assertEquals(reg.riskPoints(), RegisterDocumentTest.read(RegisterDocumentTest.write(reg),
                    ImportOptions.defaults()).items, "seed " + seed);
        }));
    }
}
