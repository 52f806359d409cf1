package org.dualprevention.spi;

import java.util.List;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.risk.RiskPointId;

/**
 * Stores major hazard installations (DOMAIN.md §11), one aggregate per installation under its version.
 * Separate from {@link Storage} so that a host that has no dangerous chemicals implements nothing; the
 * engine's {@code MajorHazards} area is given one explicitly. The testkit's
 * {@code MajorHazardRepositoryContract} checks the rules MH1 to MH4.
 *
 * @since 0.2
 */
public interface MajorHazardRepository {
    /**
     * The stored installation (MH1: equal to what was saved).
     *
     * @param id the id
     * @return the installation, or empty
     */
    Optional<MajorHazardInstallation> find(InstallationId id);

    /**
     * Stores the next version (MH2: conditional on the stored version; MH3: nothing stored on failure).
     *
     * @param next the installation with {@code next.version() == expectedVersion + 1}
     * @param expectedVersion the stored version it replaces, 0 to create
     * @throws StaleVersionException if the stored version is not {@code expectedVersion}
     * @throws IllegalArgumentException if the versions do not step by one
     */
    void save(MajorHazardInstallation next, long expectedVersion);

    /**
     * Every stored installation, by id.
     *
     * @return the installations
     */
    List<MajorHazardInstallation> findAll();

    /**
     * The installations a risk point lies on (MH4: follows the stored lists).
     *
     * @param riskPoint the risk point
     * @return the installations, by id
     */
    default List<MajorHazardInstallation> findByRiskPoint(RiskPointId riskPoint) {
        return findAll().stream().filter(i -> i.riskPoints().contains(riskPoint)).toList();
    }
}
