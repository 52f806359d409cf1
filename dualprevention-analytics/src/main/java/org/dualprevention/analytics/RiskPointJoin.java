package org.dualprevention.analytics;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
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
    private @Nullable Hazards hazards;

    RiskPointJoin(RiskPoint point) {
        this.point = point;
    }

    /** The hazards' values, worked out on first use (a register of every risk point is joined only where read). */
    private static final class Hazards {
        final HazardId[] ids;
        final Set<AccidentType>[] accidentTypes;
        final HazardCategory[] categories;
        final ControlMeasureId[][] measureIds;
        final ControlLevel[][] measureLevels;

        @SuppressWarnings("unchecked")
        Hazards(List<Hazard> hazards) {
            int n = hazards.size();
            ids = new HazardId[n];
            accidentTypes = new Set[n];
            categories = new HazardCategory[n];
            measureIds = new ControlMeasureId[n][];
            measureLevels = new ControlLevel[n][];
            for (int i = 0; i < n; i++) {
                Hazard h = hazards.get(i);
                ids[i] = h.id();
                accidentTypes[i] = frozen(h.accidentTypes());
                categories[i] = h.category();
                List<ControlMeasure> ms = h.measures();
                measureIds[i] = new ControlMeasureId[ms.size()];
                measureLevels[i] = new ControlLevel[ms.size()];
                for (int j = 0; j < ms.size(); j++) {
                    measureIds[i][j] = ms.get(j).id();
                    measureLevels[i][j] = ms.get(j).controlLevel();
                }
            }
        }
    }

    private Hazards hazards() {
        Hazards h = hazards;
        if (h == null) {
            h = new Hazards(point.hazards());
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
