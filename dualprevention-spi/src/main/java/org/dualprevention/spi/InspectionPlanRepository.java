package org.dualprevention.spi;

import org.dualprevention.query.InspectionPlanQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;

/**
 * Inspection plans, one aggregate per plan under {@link InspectionPlan#version()}.
 *
 * <h2>Contract</h2>
 * The rules S1 to S3, S7 to S13 and S16 of {@link Storage}.
 *
 * @since 0.1
 */
public interface InspectionPlanRepository {
    /**
     * The stored plan (S1, S13).
     *
     * @param id the id
     * @return the plan, or empty
     */
    Optional<InspectionPlan> find(InspectionPlanId id);

    /**
     * Stores the next version of a plan (S2, S3).
     *
     * @param next the plan, with {@code next.version() == expectedVersion + 1}
     * @param expectedVersion the stored version it replaces, 0 to create
     * @throws StaleVersionException if the stored version is not {@code expectedVersion}; nothing is stored
     * @throws IllegalArgumentException if the versions do not step by one
     */
    void save(InspectionPlan next, long expectedVersion);

    /**
     * One page of the plans matching a query (S9 to S11).
     *
     * @param query the query
     * @param page which page
     * @return the page
     */
    Page<InspectionPlan> find(InspectionPlanQuery query, PageRequest page);
}
