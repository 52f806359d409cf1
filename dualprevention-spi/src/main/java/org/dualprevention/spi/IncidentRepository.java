package org.dualprevention.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.risk.RiskPointId;

/**
 * Stores incidents and near misses (DOMAIN.md §12). An incident is recorded once and never changed, so there
 * is no version: a second record with the same id is refused. Separate from {@link Storage}; the engine's
 * {@code Incidents} area is given one explicitly.
 *
 * @since 0.2
 */
public interface IncidentRepository {
    /**
     * Records a new incident.
     *
     * @param incident the incident
     * @throws StaleVersionException if an incident with the id is recorded already; nothing is stored
     */
    void add(Incident incident);

    /**
     * The recorded incident.
     *
     * @param id the id
     * @return it, or empty
     */
    Optional<Incident> find(IncidentId id);

    /**
     * Every recorded incident, by time of occurrence then id.
     *
     * @return the incidents
     */
    List<Incident> findAll();

    /**
     * The incidents at a risk point, by time of occurrence then id.
     *
     * @param riskPoint the risk point
     * @return the incidents
     */
    default List<Incident> findByRiskPoint(RiskPointId riskPoint) {
        return findAll().stream().filter(i -> i.riskPoint().equals(riskPoint)).toList();
    }

    /**
     * The incidents that occurred in {@code [from, to)}, by time of occurrence then id.
     *
     * @param from the first instant included
     * @param to the first instant excluded
     * @return the incidents
     */
    default List<Incident> findBetween(Instant from, Instant to) {
        return findAll().stream().filter(i -> !i.occurredAt().isBefore(from) && i.occurredAt().isBefore(to)).toList();
    }
}
