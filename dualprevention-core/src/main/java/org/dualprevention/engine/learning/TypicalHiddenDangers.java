package org.dualprevention.engine.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.learning.SpecialInspectionProposal;
import org.dualprevention.learning.TypicalHiddenDanger;
import org.dualprevention.organization.ActorId;
import org.dualprevention.query.Page;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.spi.TypicalHiddenDangerRepository;

/**
 * The typical hidden-danger library (典型隐患) of an engine and the 举一反三 proposals for its hidden dangers.
 *
 * <pre>{@code
 * TypicalHiddenDangers lib = TypicalHiddenDangers.of(dp, new InMemoryTypicalHiddenDangerRepository());
 * lib.proposals(verifiedId);                     // special inspection items at similar risk points
 * lib.mark(verifiedId, safety, "检查所有冲床光电保护是否被短接");
 * lib.itemsFor(otherPress);                      // items drawn from the library for an inspection plan
 * }</pre>
 *
 * <p>This class is thread-safe if the engine's storage and the repository are.
 *
 * @since 0.2
 */
public final class TypicalHiddenDangers {
    private final DualPrevention dp;
    private final TypicalHiddenDangerRepository repository;

    private TypicalHiddenDangers(DualPrevention dp, TypicalHiddenDangerRepository repository) {
        this.dp = Objects.requireNonNull(dp, "dp");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /**
     * The area.
     *
     * @param dp the engine
     * @param repository the library's store
     * @return the area
     */
    public static TypicalHiddenDangers of(DualPrevention dp, TypicalHiddenDangerRepository repository) {
        return new TypicalHiddenDangers(dp, repository);
    }

    private List<RiskPoint> register() {
        return Page.stream(p -> dp.register().riskPoints(RiskPointQuery.all(), p), 500).toList();
    }

    /**
     * The 举一反三 proposals for a stored hidden danger ({@link Learning#propose}).
     *
     * @param id the hidden danger
     * @return the proposals
     * @throws IllegalArgumentException if no such hidden danger is stored
     */
    public List<SpecialInspectionProposal> proposals(HiddenDangerId id) {
        HiddenDanger d = dp.hiddenDangers().find(id).orElseThrow(
                () -> new IllegalArgumentException("no hidden danger [" + id + "] is stored"));
        return Learning.propose(d, register());
    }

    /**
     * Marks a verified hidden danger typical and adds it to the library.
     *
     * @param id the hidden danger
     * @param by who marks it
     * @param lesson what others should check
     * @return the library entry
     * @throws ValidationException if the hidden danger is unknown, not verified (still reported) or withdrawn
     * @throws StaleVersionException if it is in the library already
     */
    public TypicalHiddenDanger mark(HiddenDangerId id, ActorId by, String lesson) {
        Optional<HiddenDanger> found = dp.hiddenDangers().find(Objects.requireNonNull(id, "id"));
        ValidationException.Collector v = new ValidationException.Collector("typical hidden danger [" + id + "]");
        v.addIf(found.isEmpty(), "id", id, "a stored hidden danger");
        found.ifPresent(d -> v.addIf(d.state() == HiddenDangerState.REPORTED || d.state() == HiddenDangerState.WITHDRAWN,
                "state", d.state().code(), "a verified hidden danger (not reported only, not withdrawn)"));
        v.addIf(lesson == null || lesson.isBlank(), "lesson", lesson, "non-blank text");
        v.throwIfAny();
        HiddenDanger d = found.orElseThrow();
        Optional<RiskPoint> point = d.riskPoint().flatMap(dp.register()::riskPoint);
        TypicalHiddenDanger entry = new TypicalHiddenDanger(d.id(), d.title(), d.description(),
                point.map(RiskPoint::kind), d.hazard().flatMap(h -> point.flatMap(p -> p.hazard(h))).map(Hazard::category),
                by, dp.clock().instant(), lesson);
        repository.add(entry);
        return entry;
    }

    /** @return the library, by hidden danger id */
    public List<TypicalHiddenDanger> library() {
        return repository.findAll();
    }

    /**
     * The items an inspection of a risk point draws from the library: one per entry found at a risk point of
     * the same kind or on a hazard of a class the point has.
     *
     * @param point the risk point
     * @return checklist items {@code 典型隐患：title} with the lesson as standard
     */
    public List<InspectionItem> itemsFor(RiskPoint point) {
        Objects.requireNonNull(point, "point");
        List<InspectionItem> out = new ArrayList<>();
        for (TypicalHiddenDanger t : repository.findAll()) {
            boolean kind = t.riskPointKind().map(k -> k == point.kind()).orElse(false);
            boolean cat = t.hazardCategory().map(c -> point.hazards().stream().anyMatch(h -> h.category().equals(c)))
                    .orElse(false);
            if (kind || cat) {
                String raw = "typical:" + t.source().value();
                out.add(InspectionItem.checklist(InspectionItemId.of(raw.length() <= 128 ? raw
                        : "typical:" + java.util.UUID.nameUUIDFromBytes(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                        "典型隐患：" + t.title(), t.lesson(), ChecklistClass.ON_SITE));
            }
        }
        return out;
    }
}
