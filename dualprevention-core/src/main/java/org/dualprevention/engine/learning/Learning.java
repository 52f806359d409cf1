package org.dualprevention.engine.learning;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.learning.SimilarityBasis;
import org.dualprevention.learning.SpecialInspectionProposal;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;

/**
 * 举一反三: from one verified hidden danger, a special inspection item for every other risk point that shares
 * with the hidden danger's risk point
 * <ul>
 *   <li>its kind ({@link SimilarityBasis#RISK_POINT_KIND}),</li>
 *   <li>a hazard of the GB/T 13861 class of the hidden danger's hazard ({@link SimilarityBasis#HAZARD_CATEGORY}),</li>
 *   <li>a control measure from the template of the failed one: same category and same description, blanks
 *       ignored ({@link SimilarityBasis#MEASURE_TEMPLATE}).</li>
 * </ul>
 * When a measure template is shared the item is that measure's own first item (so the result links back to
 * the measure); otherwise it is a checklist item naming the hidden danger. Item ids are
 * {@code learn:<danger>@<risk point>} (a name-based UUID when that is longer than an id may be). This class is
 * stateless and thread-safe.
 *
 * @since 0.2
 */
public final class Learning {
    private Learning() {
    }

    /**
     * The proposals for a hidden danger.
     *
     * @param danger the verified hidden danger
     * @param register the risk points to look through (its own risk point is skipped)
     * @return one proposal per similar risk point, in the register's order; empty if the hidden danger is not
     *     linked to a risk point of the register
     */
    public static List<SpecialInspectionProposal> propose(HiddenDanger danger, Collection<RiskPoint> register) {
        Objects.requireNonNull(danger, "danger");
        Objects.requireNonNull(register, "register");
        Optional<RiskPoint> source = danger.riskPoint().flatMap(id -> register.stream()
                .filter(p -> p.id().equals(id)).findFirst());
        if (source.isEmpty()) {
            return List.of();
        }
        Optional<Hazard> hazard = danger.hazard().flatMap(source.get()::hazard);
        Optional<ControlMeasure> measure = danger.failedMeasure().flatMap(m -> hazard.flatMap(h -> h.measure(m)));
        List<SpecialInspectionProposal> out = new ArrayList<>();
        for (RiskPoint p : register) {
            if (p.id().equals(source.get().id())) {
                continue;
            }
            Set<SimilarityBasis> bases = EnumSet.noneOf(SimilarityBasis.class);
            if (p.kind() == source.get().kind()) {
                bases.add(SimilarityBasis.RISK_POINT_KIND);
            }
            if (hazard.isPresent() && p.hazards().stream().anyMatch(h -> h.category().equals(hazard.get().category()))) {
                bases.add(SimilarityBasis.HAZARD_CATEGORY);
            }
            Optional<InspectionItem> fromMeasure = Optional.empty();
            if (measure.isPresent()) {
                for (Hazard h : p.hazards()) {
                    for (ControlMeasure m : h.measures()) {
                        if (fromMeasure.isEmpty() && sameTemplate(m, measure.get())) {
                            bases.add(SimilarityBasis.MEASURE_TEMPLATE);
                            fromMeasure = InspectionItem.fromMeasure(p, h, m).stream().findFirst();
                        }
                    }
                }
            }
            if (bases.isEmpty()) {
                continue;
            }
            InspectionItemId id = itemId(danger, p);
            InspectionItem item = fromMeasure.map(i -> new InspectionItem(id, "举一反三专项排查：" + i.content(), i.standard(),
                    i.itemClass(), i.measure())).orElseGet(() -> InspectionItem.checklist(id,
                    "举一反三专项排查：" + danger.title(), "对照隐患 [" + danger.id() + "] 排查同类问题"
                            + (danger.description().isBlank() ? "" : "：" + danger.description()), ChecklistClass.ON_SITE));
            out.add(new SpecialInspectionProposal(danger.id(), p.id(), bases, item));
        }
        return out;
    }

    static boolean sameTemplate(ControlMeasure a, ControlMeasure b) {
        return a.category() == b.category() && norm(a.description()).equals(norm(b.description()));
    }

    private static String norm(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static InspectionItemId itemId(HiddenDanger danger, RiskPoint p) {
        String id = "learn:" + danger.id() + "@" + p.id();
        return InspectionItemId.of(id.length() <= 128 ? id
                : "learn:" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)));
    }
}
