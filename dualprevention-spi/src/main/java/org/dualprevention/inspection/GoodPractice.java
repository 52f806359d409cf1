package org.dualprevention.inspection;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;

/**
 * A good practice worth sharing, reported by any employee through a random observation (随手拍) without
 * a task. (A hidden danger seen the same way is reported as a hidden danger with the source
 * random observation.) Stored once, never changed.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param id the id
 * @param reporter who reported it
 * @param unit where it was seen
 * @param riskPoint the risk point it concerns, if any
 * @param observedAt when it was reported, from the engine's clock
 * @param description what was seen, not blank
 * @param evidence evidence references, possibly empty
 * @since 0.1
 */
public record GoodPractice(GoodPracticeId id, ActorId reporter, OrgUnitId unit, Optional<RiskPointId> riskPoint,
        Instant observedAt, String description, List<URI> evidence) {
    /** Validates the components. */
    public GoodPractice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(observedAt, "observedAt");
        description = Checks.notBlank(description, "description");
        evidence = List.copyOf(evidence);
    }
}
