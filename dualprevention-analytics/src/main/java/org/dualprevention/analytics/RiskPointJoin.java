package org.dualprevention.analytics;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPoint;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HiddenDangerFact#from} reads from one risk point, worked out once per risk point instead of once per
 * hidden danger: its zone, each hazard's accident types (already in the immutable form a fact holds them, so
 * every fact of the hazard shares one set) and category, each hazard's measures' control levels (the risk
 * point's first measure of an id is the fallback when the named hazard does not have the failed measure).
 * {@link HiddenDangerFact#from(org.dualprevention.danger.HiddenDanger, RiskPointJoin, java.time.ZoneId)} gives
 * the same fact as {@link HiddenDangerFact#from(org.dualprevention.danger.HiddenDanger, Optional, java.time.ZoneId)}
 * with the risk point (RiskPointJoinEquivalenceTest).
 *
 * <p>The hazards' values are worked out on the first {@link #hazard} call; confined to one thread (one
 * statistics run).
 */
final class RiskPointJoin {
    final RiskPoint point;
    private final @Nullable Shared shared;
    private @Nullable Hazards hazards;

    RiskPointJoin(RiskPoint point) {
        this(point, null);
    }

    /** A join whose hazard classes and control levels are those of {@code shared} when equal (one object each). */
    RiskPointJoin(RiskPoint point, @Nullable Shared shared) {
        this.point = point;
        this.shared = shared;
    }

    /**
     * One object per distinct hazard class and control level across the joins of one run, so that the statistics'
     * counters keyed by them mostly find their key by identity; confined to one thread.
     */
    static final class Shared {
        private final Map<Object, Object> values = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> T one(T value) {
            return (T) values.computeIfAbsent(value, v -> v);
        }
    }

    /** The hazards' values, worked out on first use (a register of every risk point is joined only where read). */
    private static final class Hazards {
        final HazardId[] ids;
        final Set<AccidentType>[] accidentTypes;
        final HazardCategory[] categories;
        final HazardCategory[] hazardClasses;
        final AccidentType[][] accidentArrays;
        final ControlMeasureId[][] measureIds;
        final ControlLevel[][] measureLevels;

        @SuppressWarnings("unchecked")
        Hazards(List<Hazard> hazards, @Nullable Shared shared) {
            int n = hazards.size();
            ids = new HazardId[n];
            accidentTypes = new Set[n];
            categories = new HazardCategory[n];
            hazardClasses = new HazardCategory[n];
            accidentArrays = new AccidentType[n][];
            measureIds = new ControlMeasureId[n][];
            measureLevels = new ControlLevel[n][];
            for (int i = 0; i < n; i++) {
                Hazard h = hazards.get(i);
                ids[i] = h.id();
                accidentTypes[i] = frozen(h.accidentTypes());
                categories[i] = h.category();
                HazardCategory c = h.category().hazardClass();
                hazardClasses[i] = shared == null ? c : shared.one(c);
                accidentArrays[i] = accidentTypes[i].toArray(new AccidentType[0]);
                List<ControlMeasure> ms = h.measures();
                measureIds[i] = new ControlMeasureId[ms.size()];
                measureLevels[i] = new ControlLevel[ms.size()];
                for (int j = 0; j < ms.size(); j++) {
                    measureIds[i][j] = ms.get(j).id();
                    ControlLevel l = ms.get(j).controlLevel();
                    measureLevels[i][j] = shared == null ? l : shared.one(l);
                }
            }
        }
    }

    private Hazards hazards() {
        Hazards h = hazards;
        if (h == null) {
            h = new Hazards(point.hazards(), shared);
            hazards = h;
        }
        return h;
    }

    /** The accident types as a fact holds them: empty, or an unmodifiable {@link EnumSet}. */
    static Set<AccidentType> frozen(Set<AccidentType> types) {
        return types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    /** @return the index of the first hazard with this id, or -1 */
    int hazard(Optional<HazardId> id) {
        if (id.isPresent()) {
            HazardId[] ids = hazards().ids;
            HazardId h = id.get();
            for (int i = 0; i < ids.length; i++) {
                if (ids[i].equals(h)) {
                    return i;
                }
            }
        }
        return -1;
    }

    Set<AccidentType> accidentTypes(int hazard) {
        return hazards().accidentTypes[hazard];
    }

    HazardCategory category(int hazard) {
        return hazards().categories[hazard];
    }

    /** @return the hazard's class ({@link HazardCategory#hazardClass()} of its category), worked out once */
    HazardCategory hazardClass(int hazard) {
        return hazards().hazardClasses[hazard];
    }

    /** @return the hazard's accident types as an array in the set's order (do not change it) */
    AccidentType[] accidentArray(int hazard) {
        return hazards().accidentArrays[hazard];
    }

    /**
     * The control level of a failed measure: the first measure of that id in the hazard (if one is given and
     * has it), else the first in the risk point's hazards in order, else null.
     */
    @Nullable ControlLevel level(int hazard, ControlMeasureId measure) {
        Hazards hs = hazards();
        if (hazard >= 0) {
            ControlMeasureId[] ids = hs.measureIds[hazard];
            for (int j = 0; j < ids.length; j++) {
                if (ids[j].equals(measure)) {
                    return hs.measureLevels[hazard][j];
                }
            }
        }
        for (int i = 0; i < hs.measureIds.length; i++) {
            ControlMeasureId[] ids = hs.measureIds[i];
            for (int j = 0; j < ids.length; j++) {
                if (ids[j].equals(measure)) {
                    return hs.measureLevels[i][j];
                }
            }
        }
        return null;
    }
}
