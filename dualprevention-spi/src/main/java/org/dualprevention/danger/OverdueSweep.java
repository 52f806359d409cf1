package org.dualprevention.danger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Finds the hidden dangers that became overdue since the last sweep. A hidden danger is newly overdue on
 * {@code today} when it is overdue today but was not on the day of the previous sweep, so a daily sweep
 * reports each one once per deadline in force (an extension that passes again reports it again).
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class OverdueSweep {
    private OverdueSweep() {
    }

    /**
     * The overdue events of one sweep.
     *
     * @param dangers the hidden dangers to look at (e.g. the open ones of a unit)
     * @param previousSweep the day of the previous sweep (the day before the first sweep, if none ran)
     * @param now the sweep's instant
     * @param orgZone the organisation's zone
     * @return one {@link HiddenDangerEvent.Overdue} per newly overdue hidden danger, in the order given
     */
    public static List<HiddenDangerEvent.Overdue> newlyOverdue(Collection<HiddenDanger> dangers, LocalDate previousSweep,
            Instant now, ZoneId orgZone) {
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(previousSweep, "previousSweep");
        LocalDate today = LocalDate.ofInstant(Objects.requireNonNull(now, "now"), Objects.requireNonNull(orgZone, "orgZone"));
        List<HiddenDangerEvent.Overdue> out = new ArrayList<>();
        for (HiddenDanger h : dangers) {
            if (h.isOverdue(today) && !h.isOverdue(previousSweep)) {
                out.add(new HiddenDangerEvent.Overdue(h.id(), now, h.unit(), h.grade().orElseThrow(),
                        h.deadline().orElseThrow(), h.daysOverdue(today)));
            }
        }
        return List.copyOf(out);
    }
}
