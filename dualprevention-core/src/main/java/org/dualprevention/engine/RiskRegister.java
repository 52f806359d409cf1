package org.dualprevention.engine;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.query.Versioned;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.Storage;
import org.jspecify.annotations.Nullable;

/**
 * The risk register (first firewall, 风险分级管控) of a {@link DualPrevention} engine: the organisation, risk
 * points with their hazards and control measures, assessments, and the assessed and effective levels.
 * Obtained from {@link DualPrevention#register()}.
 *
 * <pre>{@code
 * dp.register().saveOrganization(org);
 * dp.register().addRiskPoint(point);
 * Assessment a = dp.register().assess(hazardId, request);
 * dp.register().effectiveLevel(point.id());   // raised while a linked hidden danger is open
 * }</pre>
 *
 * <p>Changes are versioned as {@link DualPrevention} describes. A new assessment clears the hazard's
 * reassessment flag; when it changes the effective level of a risk point that was assessed before, the
 * hidden-danger listeners get an {@link EffectiveLevelChanged}.
 *
 * <p>This class is thread-safe if the storage, listeners and policies are.
 *
 * @since 0.1
 */
public final class RiskRegister {
    private final Storage storage;
    private final Clock clock;
    private final Assessor assessor;
    private final EffectiveLevels levels;
    private final EventPublisher publisher;

    RiskRegister(Storage storage, Clock clock, Assessor assessor, EffectiveLevels levels, EventPublisher publisher) {
        this.storage = storage;
        this.clock = clock;
        this.assessor = assessor;
        this.levels = levels;
        this.publisher = publisher;
    }

    // ------------------------------------------------------------------------------------------ organisation

    /**
     * The stored organisation.
     *
     * @return the organisation
     * @throws IllegalStateException if none is stored yet
     */
    public Organization organization() {
        return storage.organization().load().map(Versioned::value).orElseThrow(() -> new IllegalStateException(
                "No organisation is stored yet; call register().saveOrganization(..) first"));
    }

    /**
     * Stores the organisation, replacing the stored one.
     *
     * @param org the organisation
     * @throws StaleVersionException if it changed concurrently
     */
    public void saveOrganization(Organization org) {
        Objects.requireNonNull(org, "org");
        long version = storage.organization().load().map(Versioned::version).orElse(0L);
        storage.organization().save(org, version);
    }

    /**
     * A unit and every unit below it, for queries "with sub-units".
     *
     * @param unit the unit
     * @return the unit's subtree
     */
    public Set<OrgUnitId> unitAndBelow(OrgUnitId unit) {
        return organization().selfAndDescendants(unit);
    }

    // ------------------------------------------------------------------------------------------ risk points

    /**
     * Adds a new risk point (version 0) with its hazards and measures to the register.
     *
     * @param point the risk point, version 0
     * @return the stored risk point, version 1
     * @throws ValidationException if a unit is unknown or a hazard id is used by another risk point
     * @throws StaleVersionException if a risk point with the id exists already
     */
    public RiskPoint addRiskPoint(RiskPoint point) {
        Objects.requireNonNull(point, "point");
        if (point.version() != 0) {
            throw new IllegalArgumentException("risk point [" + point.id() + "] has version [" + point.version()
                    + "]; add new risk points with version 0 and change stored ones with updateRiskPoint");
        }
        validate(point);
        RiskPoint next = point.withVersion(1);
        storage.riskPoints().save(next, 0);
        return next;
    }

    /**
     * Stores a changed risk point. {@code changed.version()} is the version it was loaded with.
     *
     * @param changed the risk point as changed by the caller
     * @return the stored risk point, with the next version
     * @throws ValidationException if a unit is unknown or a hazard id is used by another risk point
     * @throws StaleVersionException if it changed concurrently since it was loaded
     */
    public RiskPoint updateRiskPoint(RiskPoint changed) {
        Objects.requireNonNull(changed, "changed");
        validate(changed);
        RiskPoint next = changed.withVersion(changed.version() + 1);
        storage.riskPoints().save(next, changed.version());
        return next;
    }

    private void validate(RiskPoint point) {
        Organization org = organization();
        ValidationException.Collector v = new ValidationException.Collector("risk point [" + point.id() + "]");
        v.addIf(!org.contains(point.owningUnit()), "owningUnit", point.owningUnit(), "a unit of the organisation");
        for (int i = 0; i < point.hazards().size(); i++) {
            Hazard h = point.hazards().get(i);
            Optional<RiskPoint> holder = storage.riskPoints().findByHazard(h.id());
            if (holder.isPresent() && !holder.get().id().equals(point.id())) {
                v.add("hazards[" + i + "].id", h.id(), "an id not used by another risk point (used by ["
                        + holder.get().id() + "])");
            }
            for (int j = 0; j < h.measures().size(); j++) {
                ControlMeasure m = h.measures().get(j);
                v.addIf(!org.contains(m.responsibleUnit()), "hazards[" + i + "].measures[" + j + "].responsibleUnit",
                        m.responsibleUnit(), "a unit of the organisation");
            }
        }
        v.throwIfAny();
    }

    /**
     * The stored risk point.
     *
     * @param id the id
     * @return it, or empty
     */
    public Optional<RiskPoint> riskPoint(RiskPointId id) {
        return storage.riskPoints().find(id);
    }

    /**
     * One page of risk points.
     *
     * @param query the query
     * @param page the page
     * @return the page
     */
    public Page<RiskPoint> riskPoints(RiskPointQuery query, PageRequest page) {
        return storage.riskPoints().find(query, page);
    }

    // ------------------------------------------------------------------------------------------ assessment and levels

    /**
     * Assesses a hazard, stores the assessment in its history (clearing its reassessment flag) and reports a
     * change of the risk point's effective level.
     *
     * @param hazard the hazard
     * @param request the method, factor values, kind and assessor
     * @return the assessment
     * @throws IllegalArgumentException if no stored risk point holds the hazard
     * @throws StaleVersionException if the risk point changed concurrently
     */
    public Assessment assess(HazardId hazard, AssessmentRequest request) {
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(request, "request");
        RiskPoint point = storage.riskPoints().findByHazard(hazard).orElseThrow(() -> new IllegalArgumentException(
                "hazard [" + hazard + "] is on no stored risk point"));
        // the first assessment gives the point a level; it is not a change of one, so nothing to compare
        Optional<RiskLevel> assessedBefore = levels.assessedLevel(point);
        boolean wasAssessed = assessedBefore.isPresent();
        // the assessment changes the risk point, not its hidden dangers: one read serves before and after
        List<HiddenDanger> dangers = wasAssessed ? levels.dangersOf(point.id()) : List.of();
        // what levels.effectiveLevel(point, dangers) gives for an assessed point, its assessed level not worked out again
        @Nullable EffectiveLevel before = wasAssessed
                ? levels.evaluate(point.id(), assessedBefore.get(), dangers, levels.today()) : null;
        Hazard assessed = assessor.assess(point.hazard(hazard).orElseThrow(), request, clock);
        RiskPoint next = point.withHazardChanged(hazard, h -> assessed).withVersion(point.version() + 1);
        storage.riskPoints().save(next, point.version());
        if (before != null) {
            EffectiveLevel after = levels.effectiveLevel(next, dangers);
            EffectiveLevelChanged.between(before, after, clock.instant(), Optional.empty())
                    .ifPresent(publisher::publish);
        }
        return assessed.assessments().get(assessed.assessments().size() - 1);
    }

    /**
     * The assessed level of a risk point: its hazards' levels (each by the combination rule) combined by
     * taking the most severe.
     *
     * @param point the risk point
     * @return the level, empty if no hazard is assessed
     */
    public Optional<RiskLevel> assessedLevel(RiskPoint point) {
        return levels.assessedLevel(point);
    }

    /**
     * The effective (dynamic) level of a risk point today (DOMAIN.md §10.2).
     *
     * @param id the risk point
     * @return the effective level, empty if the risk point is unknown or not assessed
     */
    public Optional<EffectiveLevel> effectiveLevel(RiskPointId id) {
        return levels.effectiveLevel(id);
    }
}
