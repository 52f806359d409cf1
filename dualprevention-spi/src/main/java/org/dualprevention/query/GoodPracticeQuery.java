package org.dualprevention.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.OrgUnitId;

/**
 * Which good practices to find: by unit and by a window {@code [from, before)} of the observation time.
 * Criteria combine with AND; a present but empty set matches nothing. {@link #matches(GoodPractice)} is
 * the reference meaning (rule S9 of {@link org.dualprevention.spi.Storage}).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class GoodPracticeQuery {
    private static final GoodPracticeQuery ALL = new GoodPracticeQuery(Optional.empty(), Optional.empty(),
            Optional.empty());

    private final Optional<Set<OrgUnitId>> units;
    private final Optional<Instant> from;
    private final Optional<Instant> before;

    private GoodPracticeQuery(Optional<Set<OrgUnitId>> units, Optional<Instant> from, Optional<Instant> before) {
        this.units = units;
        this.from = from;
        this.before = before;
    }

    /** @return the query matching every good practice */
    public static GoodPracticeQuery all() {
        return ALL;
    }

    /**
     * Only those seen in one of these units.
     *
     * @param unitIds the units
     * @return the narrowed query
     */
    public GoodPracticeQuery inUnits(Collection<OrgUnitId> unitIds) {
        return new GoodPracticeQuery(Optional.of(Set.copyOf(unitIds)), from, before);
    }

    /**
     * Only those observed at or after {@code start} and before {@code end}.
     *
     * @param start inclusive
     * @param end exclusive, not before {@code start}
     * @return the narrowed query
     */
    public GoodPracticeQuery observedBetween(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Checks.checkArgument(!end.isBefore(start), "window end [%s] is before its start [%s]", end, start);
        return new GoodPracticeQuery(units, Optional.of(start), Optional.of(end));
    }

    /** @return the units, if filtered */
    public Optional<Set<OrgUnitId>> units() {
        return units;
    }

    /** @return the inclusive start of the observation window, if filtered */
    public Optional<Instant> from() {
        return from;
    }

    /** @return the exclusive end of the observation window, if filtered */
    public Optional<Instant> before() {
        return before;
    }

    /**
     * The reference meaning of the query.
     *
     * @param practice a good practice
     * @return whether it matches every criterion
     */
    public boolean matches(GoodPractice practice) {
        Objects.requireNonNull(practice, "practice");
        if (units.isPresent() && !units.get().contains(practice.unit())) {
            return false;
        }
        return from.isEmpty()
                || (!practice.observedAt().isBefore(from.get()) && practice.observedAt().isBefore(before.get()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GoodPracticeQuery)) {
            return false;
        }
        GoodPracticeQuery q = (GoodPracticeQuery) o;
        return units.equals(q.units) && from.equals(q.from) && before.equals(q.before);
    }

    @Override
    public int hashCode() {
        return Objects.hash(units, from, before);
    }

    @Override
    public String toString() {
        return "GoodPracticeQuery[units=" + units.map(Object::toString).orElse("any") + ", observed="
                + from.map(f -> f + ".." + before.get()).orElse("any") + "]";
    }
}
