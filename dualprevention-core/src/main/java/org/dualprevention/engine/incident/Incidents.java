package org.dualprevention.engine.incident;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.incident.AccidentGrade;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.spi.IncidentRepository;

/**
 * Incidents and near misses of an engine (DOMAIN.md §12): records them against the register and feeds them
 * back to risk the way a hidden danger does (DOMAIN.md §10.2): every hazard the incident involves
 * ({@link IncidentReassessment#involves}) is flagged for reassessment, with the reason 事故 or 未遂事件 and the
 * incident as its source. The flag clears, as always, on a new assessment of the hazard.
 *
 * <pre>{@code
 * Incidents incidents = Incidents.of(dp, new InMemoryIncidentRepository());
 * incidents.record(new Incident(IncidentId.of("NM-7"), IncidentKind.NEAR_MISS, tanks, List.of(), List.of(hoseCheck),
 *         AccidentType.FIRE, Casualties.NONE, plant, at, reporter, "卸车软管渗漏，及时发现未起火"));
 * }</pre>
 *
 * <p>This class is thread-safe if the repository and the engine's storage are.
 *
 * @since 0.2
 */
public final class Incidents {
    private final DualPrevention dp;
    private final IncidentRepository repository;

    private Incidents(DualPrevention dp, IncidentRepository repository) {
        this.dp = Objects.requireNonNull(dp, "dp");
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /**
     * The area over an engine and a repository.
     *
     * @param dp the engine
     * @param repository where incidents are recorded
     * @return the area
     */
    public static Incidents of(DualPrevention dp, IncidentRepository repository) {
        return new Incidents(dp, repository);
    }

    /**
     * Records an incident and flags the hazards it involves for reassessment, in one unit of work of the engine's
     * storage ({@code Storage.atomically}): the flags are written first and the incident last, inside the unit.
     * With the storage's own repository (e.g. {@code JdbcStorage.incidents()}) both commit together or not at all.
     * A repository of another store cannot join the unit: if its write fails, the flags are undone; if it
     * succeeds and the storage's commit then fails (a dropped connection), the incident stays stored without its
     * flags, and the derived rule {@link IncidentReassessment#dueBecauseOf} still finds the hazards due.
     *
     * @param incident the incident
     * @return the hazards flagged
     * @throws ValidationException naming every reference not in the register (risk point, hazard not on it,
     *     measure not on the hazards named, unit) and a near miss with casualties
     * @throws StaleVersionException if an incident with the id is recorded already
     */
    public List<HazardId> record(Incident incident) {
        Objects.requireNonNull(incident, "incident");
        ValidationException.Collector v = new ValidationException.Collector("incident [" + incident.id() + "]");
        Optional<RiskPoint> found = dp.register().riskPoint(incident.riskPoint());
        v.addIf(found.isEmpty(), "riskPoint", incident.riskPoint(), "a risk point of the register");
        v.addIf(!dp.register().organization().contains(incident.unit()), "unit", incident.unit(),
                "a unit of the organisation");
        v.addIf(incident.nearMiss() && !incident.casualties().none(), "casualties", incident.casualties(),
                "none for a near miss (an event with injury or loss is an accident)");
        if (found.isPresent()) {
            RiskPoint point = found.get();
            for (int i = 0; i < incident.hazards().size(); i++) {
                HazardId h = incident.hazards().get(i);
                v.addIf(point.hazard(h).isEmpty(), "hazards[" + i + "]", h, "a hazard of risk point ["
                        + point.id() + "]: " + point.hazards().stream().map(x -> x.id().value()).toList());
            }
            Set<ControlMeasureId> measures = new LinkedHashSet<>();
            for (Hazard h : point.hazards()) {
                if (incident.hazards().isEmpty() || incident.hazards().contains(h.id())) {
                    h.measures().stream().map(ControlMeasure::id).forEach(measures::add);
                }
            }
            for (int i = 0; i < incident.failedMeasures().size(); i++) {
                ControlMeasureId m = incident.failedMeasures().get(i);
                v.addIf(!measures.contains(m), "failedMeasures[" + i + "]", m,
                        "a control measure of the hazards named: " + measures);
            }
        }
        v.throwIfAny();
        RiskPoint point = found.orElseThrow();
        // one unit of work (issue 12): the flags first, the incident last, so that whatever fails undoes the rest
        return dp.storage().atomically(() -> {
            List<HazardId> flagged = flag(point, incident);
            repository.add(incident);
            return flagged;
        });
    }

    /**
     * The 493号令 grade of an accident; empty for a near miss.
     *
     * @param incident the incident
     * @return the grade
     */
    public static Optional<AccidentGrade> grade(Incident incident) {
        return incident.nearMiss() ? Optional.empty() : Optional.of(AccidentGrades.of(incident.casualties()));
    }

    /**
     * The recorded incident.
     *
     * @param id the id
     * @return it, or empty
     */
    public Optional<Incident> incident(IncidentId id) {
        return repository.find(id);
    }

    /** @return every recorded incident */
    public List<Incident> incidents() {
        return repository.findAll();
    }

    private List<HazardId> flag(RiskPoint point, Incident incident) {
        List<HazardId> flagged = new ArrayList<>();
        RiskPoint next = point;
        String reason = (incident.nearMiss() ? "未遂事件" : "事故") + "：" + incident.description();
        ReassessmentFlag flag = new ReassessmentFlag(reason, "incident:" + incident.id().value(), dp.clock().instant());
        for (Hazard h : point.hazards()) {
            if (IncidentReassessment.involves(incident, point.id(), h)) {
                next = next.withHazardChanged(h.id(), x -> x.withReassessment(flag));
                flagged.add(h.id());
            }
        }
        if (!flagged.isEmpty()) {
            dp.register().updateRiskPoint(next);
        }
        return flagged;
    }
}
