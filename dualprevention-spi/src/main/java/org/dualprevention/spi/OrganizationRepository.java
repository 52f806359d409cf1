package org.dualprevention.spi;

import org.dualprevention.query.Versioned;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.organization.Organization;

/**
 * Stores the organisation tree, one per {@link Storage}, under a version.
 *
 * <h2>Contract</h2>
 * The rules S1, S2, S3, S7, S8, S16 and S18 of {@link Storage}. The aggregate id used in a
 * {@link StaleVersionException} is {@code "organization"}.
 *
 * @since 0.1
 */
public interface OrganizationRepository {
    /** The aggregate id reported in a {@link StaleVersionException} of this repository. */
    String AGGREGATE_ID = "organization";

    /**
     * The stored organisation (rule S18).
     *
     * @return the organisation with its version, empty before the first save
     */
    Optional<Versioned<Organization>> load();

    /**
     * Stores the next organisation; the stored version becomes {@code expectedVersion + 1}.
     *
     * @param next the organisation
     * @param expectedVersion the version replaced, 0 for the first save
     * @throws StaleVersionException if the stored version is not {@code expectedVersion}; nothing is stored (S3)
     * @throws IllegalArgumentException if {@code expectedVersion} is negative
     */
    void save(Organization next, long expectedVersion);
}
