package org.dualprevention.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;

/**
 * Accident and near-miss figures of a period (DOMAIN.md §12): counts in total, by organisation unit and by
 * GB 6441 accident type; the share of near misses among all incidents (a {@link Rate}); and the ratio of
 * near misses to accidents, which is not a rate (it may exceed 1) and is not applicable when there was no
 * accident. A low ratio suggests near misses go unreported.
 *
 * <pre>{@code
 * IncidentStatistics st = IncidentStatistics.of(incidents.incidents(), from, to);
 * st.total().nearMissRatio();            // e.g. 12 near misses per accident
 * st.byUnit().get(plant).accidents();
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param from the first instant of the period
 * @param to the first instant after it
 * @param total all incidents of the period
 * @param byUnit per unit of occurrence, by unit id
 * @param byType per accident type, in GB 6441 order
 * @since 0.2
 */
public record IncidentStatistics(Instant from, Instant to, Counts total, Map<OrgUnitId, Counts> byUnit,
        Map<AccidentType, Counts> byType) {
    /** Validates the components. */
    public IncidentStatistics {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Checks.checkArgument(!to.isBefore(from), "period end [%s] is before its start [%s]", to, from);
        Objects.requireNonNull(total, "total");
        byUnit = java.util.Collections.unmodifiableMap(new TreeMap<>(byUnit));
        byType = java.util.Collections.unmodifiableMap(new EnumMap<>(byType.isEmpty()
                ? new EnumMap<AccidentType, Counts>(AccidentType.class) : byType));
    }

    /**
     * The figures of the incidents that occurred in {@code [from, to)}.
     *
     * @param incidents any incidents; those outside the period are left out
     * @param from the first instant included
     * @param to the first instant excluded
     * @return the statistics
     */
    public static IncidentStatistics of(Collection<Incident> incidents, Instant from, Instant to) {
        Objects.requireNonNull(incidents, "incidents");
        Map<OrgUnitId, Counts> units = new TreeMap<>();
        Map<AccidentType, Counts> types = new EnumMap<>(AccidentType.class);
        Counts total = Counts.ZERO;
        for (Incident i : incidents) {
            if (i.occurredAt().isBefore(from) || !i.occurredAt().isBefore(to)) {
                continue;
            }
            Counts one = i.kind() == IncidentKind.NEAR_MISS ? new Counts(0, 1) : new Counts(1, 0);
            total = total.plus(one);
            units.merge(i.unit(), one, Counts::plus);
            types.merge(i.accidentType(), one, Counts::plus);
        }
        return new IncidentStatistics(from, to, total, units, types);
    }

    /**
     * Accidents and near misses counted together.
     *
     * @param accidents accidents, 0 or more
     * @param nearMisses near misses, 0 or more
     * @since 0.2
     */
    public record Counts(long accidents, long nearMisses) {
        /** No incident. */
        public static final Counts ZERO = new Counts(0, 0);

        /** Validates the counts. */
        public Counts {
            Checks.checkArgument(accidents >= 0 && nearMisses >= 0, "counts must not be negative: %s, %s", accidents,
                    nearMisses);
        }

        /** @return accidents plus near misses */
        public long incidents() {
            return accidents + nearMisses;
        }

        /** @return near misses ÷ all incidents; not applicable when there were none */
        public Rate nearMissShare() {
            return Rate.of(nearMisses, incidents());
        }

        /** @return near misses ÷ accidents, exact or to 34 digits; empty when there was no accident */
        public Optional<BigDecimal> nearMissRatio() {
            return accidents == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(nearMisses).divide(BigDecimal.valueOf(accidents),
                            MathContext.DECIMAL128));
        }

        Counts plus(Counts o) {
            return new Counts(accidents + o.accidents, nearMisses + o.nearMisses);
        }
    }
}
