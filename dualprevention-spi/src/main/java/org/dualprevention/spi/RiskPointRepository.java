package org.dualprevention.spi;

import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;

/**
 * The risk register: risk points with their hazards, control measures and assessment history, stored
 * as one aggregate per risk point under {@link RiskPoint#version()}.
 *
 * <h2>Contract</h2>
 * The rules S1 to S3, S7 to S13, S16 and S17 of {@link Storage}. Hazard ids are unique across the
 * register (the engine checks this before saving); an implementation may also reject a risk point
 * whose hazard id is held by another risk point with an {@link IllegalArgumentException}.
 *
 * @since 0.1
 */
public interface RiskPointRepository {
    /**
     * The stored risk point (S1, S13).
     *
     * @param id the id
     * @return the risk point, or empty
     */
    Optional<RiskPoint> find(RiskPointId id);

    /**
     * The stored risk point that holds a hazard now (S17).
     *
     * @param hazard the hazard's id
     * @return the risk point, or empty if no stored risk point holds it
     */
    Optional<RiskPoint> findByHazard(HazardId hazard);

    /**
     * Stores the next version of a risk point (S2, S3).
     *
     * @param next the risk point, with {@code next.version() == expectedVersion + 1}
     * @param expectedVersion the stored version it replaces, 0 to create
     * @throws StaleVersionException if the stored version is not {@code expectedVersion}; nothing is stored
     * @throws IllegalArgumentException if the versions do not step by one
     */
    void save(RiskPoint next, long expectedVersion);

    /**
     * One page of the risk points matching a query (S9 to S11).
     *
     * @param query the query
     * @param page which page
     * @return the page
     */
    Page<RiskPoint> find(RiskPointQuery query, PageRequest page);

    /**
     * How many risk points match a query (S12).
     *
     * @param query the query
     * @return the count
     */
    long count(RiskPointQuery query);
}
