package org.dualprevention.query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.OrgUnitId;

/**
 * Which inspection plans to find: by inspecting unit, by kind, and those valid on at least one day of a
 * date range. Criteria combine with AND; an absent criterion does not filter; a present but empty set
 * matches nothing. {@link #matches(InspectionPlan)} is the reference meaning (rule S9 of {@link org.dualprevention.spi.Storage}).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class InspectionPlanQuery {
    private static final InspectionPlanQuery ALL = new InspectionPlanQuery(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    private final Optional<Set<OrgUnitId>> units;
    private final Optional<Set<PlanKind>> kinds;
    private final Optional<LocalDate> validFrom;
    private final Optional<LocalDate> validUntil;

    private InspectionPlanQuery(Optional<Set<OrgUnitId>> units, Optional<Set<PlanKind>> kinds,
            Optional<LocalDate> validFrom, Optional<LocalDate> validUntil) {
        this.units = units;
        this.kinds = kinds;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    /** @return the query matching every plan */
    public static InspectionPlanQuery all() {
        return ALL;
    }

    /**
     * Only plans of these inspecting units.
     *
     * @param unitIds the units
     * @return the narrowed query
     */
    public InspectionPlanQuery inUnits(Collection<OrgUnitId> unitIds) {
        return new InspectionPlanQuery(Optional.of(Set.copyOf(unitIds)), kinds, validFrom, validUntil);
    }

    /**
     * Only plans of these kinds.
     *
     * @param planKinds the kinds
     * @return the narrowed query
     */
    public InspectionPlanQuery ofKinds(Collection<PlanKind> planKinds) {
        return new InspectionPlanQuery(units, Optional.of(Set.copyOf(planKinds)), validFrom, validUntil);
    }

    /**
     * Only plans valid on at least one day from {@code first} to {@code last}, inclusive.
     *
     * @param first first day
     * @param last last day, not before {@code first}
     * @return the narrowed query
     */
    public InspectionPlanQuery validBetween(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Checks.checkArgument(!last.isBefore(first), "last [%s] is before first [%s]", last, first);
        return new InspectionPlanQuery(units, kinds, Optional.of(first), Optional.of(last));
    }

    /** @return the units, if filtered */
    public Optional<Set<OrgUnitId>> units() {
        return units;
    }

    /** @return the kinds, if filtered */
    public Optional<Set<PlanKind>> kinds() {
        return kinds;
    }

    /** @return the first day of the validity filter, if filtered */
    public Optional<LocalDate> validFrom() {
        return validFrom;
    }

    /** @return the last day of the validity filter, if filtered */
    public Optional<LocalDate> validUntil() {
        return validUntil;
    }

    /**
     * The reference meaning of the query. A plan is valid between {@code first} and {@code last} when
     * {@code plan.validFrom <= last} and ({@code plan.validUntil} is empty or {@code >= first}).
     *
     * @param plan a plan
     * @return whether it matches every criterion
     */
    public boolean matches(InspectionPlan plan) {
        Objects.requireNonNull(plan, "plan");
        if (units.isPresent() && !units.get().contains(plan.unit())) {
            return false;
        }
        if (kinds.isPresent() && !kinds.get().contains(plan.kind())) {
            return false;
        }
        if (validFrom.isPresent()) {
            if (plan.validFrom().isAfter(validUntil.get())) {
                return false;
            }
            return plan.validUntil().isEmpty() || !plan.validUntil().get().isBefore(validFrom.get());
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InspectionPlanQuery)) {
            return false;
        }
        InspectionPlanQuery q = (InspectionPlanQuery) o;
        return units.equals(q.units) && kinds.equals(q.kinds) && validFrom.equals(q.validFrom)
                && validUntil.equals(q.validUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(units, kinds, validFrom, validUntil);
    }

    @Override
    public String toString() {
        return "InspectionPlanQuery[units=" + units.map(Object::toString).orElse("any") + ", kinds="
                + kinds.map(Object::toString).orElse("any") + ", valid="
                + validFrom.map(f -> f + ".." + validUntil.get()).orElse("any") + "]";
    }
}
