package org.dualprevention.engine;

import static org.dualprevention.engine.StorageAccess.PAGE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.dualprevention.spi.LevelCombination;
import org.dualprevention.spi.Storage;

/**
 * Computes the assessed and the effective (dynamic) level of a risk point (DOMAIN.md §10.2): the one place
 * both the risk register (after an assessment) and the closed loop (after a command, in the overdue sweep)
 * ask how a risk point's level stands.
 *
 * <p>The assessed level is the most severe of the hazards' levels, each by the {@link LevelCombination}; the
 * effective level is what the {@link EffectiveLevelPolicy} makes of it given the risk point's hidden dangers.
 *
 * <p>Immutable; thread-safe if the storage and the policies are.
 */
final class EffectiveLevels {
    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final LevelCombination combination;
    private final EffectiveLevelPolicy effectivePolicy;

    EffectiveLevels(Storage storage, Clock clock, ZoneId zone, LevelCombination combination,
            EffectiveLevelPolicy effectivePolicy) {
        this.storage = storage;
        this.clock = clock;
        this.zone = zone;
        this.combination = combination;
        this.effectivePolicy = effectivePolicy;
    }

    /** The most severe of the hazards' levels, empty if no hazard is assessed. */
    Optional<RiskLevel> assessedLevel(RiskPoint point) {
        RiskLevel worst = null;
        for (Hazard h : point.hazards()) {
            Optional<RiskLevel> l = combination.levelOf(h);
            if (l.isPresent()) {
                worst = worst == null ? l.get() : RiskLevel.mostSevere(worst, l.get());
            }
        }
        return Optional.ofNullable(worst);
    }

    /** The effective level of a stored risk point today, empty if it is unknown or not assessed. */
    Optional<EffectiveLevel> effectiveLevel(RiskPointId id) {
        Optional<RiskPoint> p = storage.riskPoints().find(id);
        if (p.isEmpty() || assessedLevel(p.get()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(effectiveLevel(p.get(), dangersAt(id, Optional.empty())));
    }

    /** The effective level of a risk point today given its hidden dangers; LOW with no reasons if unassessed. */
    EffectiveLevel effectiveLevel(RiskPoint point, Collection<HiddenDanger> dangers) {
        Optional<RiskLevel> assessed = assessedLevel(point);
        if (assessed.isEmpty()) {
            // an unassessed point has no level to raise: report it as LOW with no reasons, never as an event
            return EffectiveLevel.asAssessed(point.id(), RiskLevel.LOW);
        }
        return effectivePolicy.evaluate(point.id(), assessed.get(), dangers, today());
    }

    /** The policy's effective level of a risk point with a given assessed level on a given day. */
    EffectiveLevel evaluate(RiskPointId point, RiskLevel assessed, Collection<HiddenDanger> dangers, LocalDate day) {
        return effectivePolicy.evaluate(point, assessed, dangers, day);
    }

    /** The stored hidden dangers of a risk point, with {@code replacement} put in place of its stored version. */
    List<HiddenDanger> dangersAt(RiskPointId point, Optional<HiddenDanger> replacement) {
        HiddenDangerQuery query = HiddenDangerQuery.all().atRiskPoint(point);
        Page<HiddenDanger> first = storage.hiddenDangers().find(query, PageRequest.first(PAGE));
        if (!first.hasNext() && replacement.isEmpty()) {
            // the usual case: one page, nothing to replace; the page's list is already an immutable copy
            return first.items();
        }
        Map<HiddenDangerId, HiddenDanger> all = new LinkedHashMap<>();
        Page.stream(p -> storage.hiddenDangers().find(query, p), PAGE).forEach(d -> all.put(d.id(), d));
        replacement.ifPresent(d -> all.put(d.id(), d));
        return List.copyOf(all.values());
    }

    /** The first page {@link #dangersOf} asks for: most risk points have none or a few hidden dangers. */
    static final int FIRST = 16;

    /**
     * The stored hidden dangers of a risk point: the same list as {@code dangersAt(point, Optional.empty())}, read
     * through a first page of {@link #FIRST} instead of {@code PAGE} rows, so the usual risk point with a few hidden
     * dangers costs no page buffer of {@code PAGE} entries; more than that are read as {@link #dangersAt} reads them.
     */
    List<HiddenDanger> dangersOf(RiskPointId point) {
        Page<HiddenDanger> first = storage.hiddenDangers().find(HiddenDangerQuery.all().atRiskPoint(point),
                PageRequest.first(FIRST));
        return first.hasNext() ? dangersAt(point, Optional.empty()) : first.items();
    }

    /** Today in the engine's zone, by its clock. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
