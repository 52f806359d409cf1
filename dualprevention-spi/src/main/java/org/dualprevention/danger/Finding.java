package org.dualprevention.danger;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * What was reported about a hidden danger (上报): what and where it is, how and when it was found, who
 * reported it, what it links to, and the evidence. Set by the report and never changed afterwards.
 *
 * <p>The constructor checks the links a hidden danger's later steps rely on: a {@code hazard} only with its
 * {@code riskPoint}, a {@code failedMeasure} only with its {@code hazard}, and an {@code inspection}
 * reference exactly when the source is {@link HiddenDangerSource#INSPECTION}. Content rules (a title that is
 * not blank, absolute evidence URIs, a day found not after the report) are the report's guards.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param title a short title
 * @param description what was found, possibly empty
 * @param source how it was found
 * @param category basic-management or on-site, if given
 * @param unit the organisation unit it belongs to, which must rectify it
 * @param reporter who reported it
 * @param reportedAt when it was reported
 * @param foundOn the day it was found, in the organisation's zone
 * @param riskPoint the linked risk point, if any
 * @param hazard the linked hazard on that risk point, if any
 * @param failedMeasure the control measure of that hazard that failed, if any
 * @param inspection the inspection task and item that found it, if any
 * @param evidence photos or documents given with the report (references only)
 * @since 0.1
 */
public record Finding(String title, String description, HiddenDangerSource source,
        Optional<HiddenDangerCategory> category, OrgUnitId unit, ActorId reporter, Instant reportedAt, LocalDate foundOn,
        Optional<RiskPointId> riskPoint, Optional<HazardId> hazard, Optional<ControlMeasureId> failedMeasure,
        Optional<InspectionRef> inspection, List<URI> evidence) {
    /** Checks the components and their links, and copies the evidence. */
    public Finding {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(foundOn, "foundOn");
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(failedMeasure, "failedMeasure");
        Objects.requireNonNull(inspection, "inspection");
        evidence = List.copyOf(evidence);
        if (hazard.isPresent() && riskPoint.isEmpty()) {
            throw new IllegalArgumentException("hazard [" + hazard.get() + "] without its riskPoint; allowed: a hazard"
                    + " only together with its riskPoint");
        }
        if (failedMeasure.isPresent() && hazard.isEmpty()) {
            throw new IllegalArgumentException("failedMeasure [" + failedMeasure.get() + "] without its hazard; allowed:"
                    + " a failed measure only together with its hazard");
        }
        if (inspection.isPresent() != (source == HiddenDangerSource.INSPECTION)) {
            throw new IllegalArgumentException("inspection [" + inspection.map(Object::toString).orElse("none")
                    + "] with source [" + source + "]; allowed: an inspection reference exactly when the source is"
                    + " INSPECTION");
        }
    }
}
