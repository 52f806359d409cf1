package org.dualprevention.hazmat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.RiskPointId;

/**
 * An installation's derived status changed (it became or ceased to be a major hazard, or its grade or R
 * changed), after its holdings or population changed or it was first registered. {@code regraded} lists
 * the risk points on it whose direct determination (DOMAIN.md §4.2 (c) and DOMAIN.md §11.2) was assessed anew.
 *
 * @param installation the installation
 * @param before the status before, empty when it was first registered
 * @param after the status now
 * @param regraded the risk points assessed anew by direct determination
 * @param at when
 * @since 0.2
 */
public record MajorHazardStatusChanged(InstallationId installation, Optional<MajorHazardStatus> before,
        MajorHazardStatus after, List<RiskPointId> regraded, Instant at) {
    /** Validates the components. */
    public MajorHazardStatusChanged {
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        regraded = List.copyOf(regraded);
        Objects.requireNonNull(at, "at");
    }
}
