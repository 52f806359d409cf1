package org.dualprevention.learning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.RiskPointKind;

/**
 * A verified hidden danger marked typical (典型隐患) and shared in the library that inspections draw items
 * from, beside the good practices of random observations.
 *
 * @param source the hidden danger
 * @param title its title
 * @param description its description
 * @param riskPointKind the kind of risk point it was found at, if linked
 * @param hazardCategory the GB/T 13861 class of its hazard, if linked
 * @param markedBy who marked it typical
 * @param markedAt when
 * @param lesson what others should check (shown as the item's standard)
 * @since 0.2
 */
public record TypicalHiddenDanger(HiddenDangerId source, String title, String description,
        Optional<RiskPointKind> riskPointKind, Optional<HazardCategory> hazardCategory, ActorId markedBy,
        Instant markedAt, String lesson) {
    /** Validates the components. */
    public TypicalHiddenDanger {
        Objects.requireNonNull(source, "source");
        Checks.notBlank(title, "title");
        Checks.text(description, "description");
        Objects.requireNonNull(riskPointKind, "riskPointKind");
        Objects.requireNonNull(hazardCategory, "hazardCategory");
        Objects.requireNonNull(markedBy, "markedBy");
        Objects.requireNonNull(markedAt, "markedAt");
        Checks.notBlank(lesson, "lesson");
    }
}
