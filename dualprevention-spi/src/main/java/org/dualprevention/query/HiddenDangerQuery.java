package org.dualprevention.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;

/**
 * Which hidden dangers to find. Criteria combine with AND; an absent criterion does not filter; a
 * present but empty set matches nothing. {@link #matches(HiddenDanger)} is the reference meaning
 * (rule S9 of {@link org.dualprevention.spi.Storage}); a JDBC store translates each criterion into an indexed column condition:
 *
 * <ul>
 *   <li>{@link #inUnits}: {@code unit IN (…)}. Sub-units are not expanded here; the engine passes the unit
 *       and every unit below it when asked to include them.</li>
 *   <li>{@link #inStates}: {@code state IN (…)}; {@link #open()}: the state is not terminal.</li>
 *   <li>{@link #overdueAsOf}: not terminal, a deadline in force, and the deadline before the given day
 *       ({@code deadline < day}) — the day is a date in the organisation's zone.</li>
 *   <li>{@link #atRiskPoint}, {@link #ofGrades} (a hidden danger not graded yet matches no grade) and
 *       {@link #reportedBetween} ({@code [from, before)} of the report time).</li>
 * </ul>
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class HiddenDangerQuery {
    private static final HiddenDangerQuery ALL = new HiddenDangerQuery(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private final Optional<Set<OrgUnitId>> units;
    private final Optional<Set<HiddenDangerState>> states;
    private final Optional<LocalDate> overdueAsOf;
    private final Optional<RiskPointId> riskPoint;
    private final Optional<Set<HiddenDangerGrade>> grades;
    private final Optional<Instant> reportedFrom;
    private final Optional<Instant> reportedBefore;

    private HiddenDangerQuery(Optional<Set<OrgUnitId>> units, Optional<Set<HiddenDangerState>> states,
            Optional<LocalDate> overdueAsOf, Optional<RiskPointId> riskPoint, Optional<Set<HiddenDangerGrade>> grades,
            Optional<Instant> reportedFrom, Optional<Instant> reportedBefore) {
        this.units = units;
        this.states = states;
        this.overdueAsOf = overdueAsOf;
        this.riskPoint = riskPoint;
        this.grades = grades;
        this.reportedFrom = reportedFrom;
        this.reportedBefore = reportedBefore;
    }

    /** @return the query matching every hidden danger */
    public static HiddenDangerQuery all() {
        return ALL;
    }

    /**
     * Only hidden dangers of one of these units.
     *
     * @param unitIds the units (expand sub-units before calling)
     * @return the narrowed query
     */
    public HiddenDangerQuery inUnits(Collection<OrgUnitId> unitIds) {
        return new HiddenDangerQuery(Optional.of(Set.copyOf(unitIds)), states, overdueAsOf, riskPoint, grades,
                reportedFrom, reportedBefore);
    }

    /**
     * Only hidden dangers in one of these states (intersected with an earlier state criterion).
     *
     * @param stateSet the states
     * @return the narrowed query
     */
    public HiddenDangerQuery inStates(Collection<HiddenDangerState> stateSet) {
        Set<HiddenDangerState> s = stateSet.isEmpty() ? EnumSet.noneOf(HiddenDangerState.class) : EnumSet.copyOf(stateSet);
        states.ifPresent(s::retainAll);
        return new HiddenDangerQuery(units, Optional.of(Set.copyOf(s)), overdueAsOf, riskPoint, grades,
                reportedFrom, reportedBefore);
    }

    /**
     * Only open hidden dangers: neither closed nor withdrawn.
     *
     * @return the narrowed query
     */
    public HiddenDangerQuery open() {
        Set<HiddenDangerState> s = EnumSet.noneOf(HiddenDangerState.class);
        for (HiddenDangerState st : HiddenDangerState.values()) {
            if (!st.isTerminal()) {
                s.add(st);
            }
        }
        return inStates(s);
    }

    /**
     * Only hidden dangers overdue on a day: open, with a deadline in force before {@code day}.
     *
     * @param day the day, in the organisation's zone
     * @return the narrowed query
     */
    public HiddenDangerQuery overdueAsOf(LocalDate day) {
        return new HiddenDangerQuery(units, states, Optional.of(Objects.requireNonNull(day, "day")), riskPoint,
                grades, reportedFrom, reportedBefore);
    }

    /**
     * Only hidden dangers linked to a risk point.
     *
     * @param point the risk point
     * @return the narrowed query
     */
    public HiddenDangerQuery atRiskPoint(RiskPointId point) {
        return new HiddenDangerQuery(units, states, overdueAsOf, Optional.of(Objects.requireNonNull(point, "point")),
                grades, reportedFrom, reportedBefore);
    }

    /**
     * Only hidden dangers graded with one of these grades.
     *
     * @param gradeSet the grades
     * @return the narrowed query
     */
    public HiddenDangerQuery ofGrades(Collection<HiddenDangerGrade> gradeSet) {
        return new HiddenDangerQuery(units, states, overdueAsOf, riskPoint, Optional.of(Set.copyOf(gradeSet)),
                reportedFrom, reportedBefore);
    }

    /**
     * Only hidden dangers reported at or after {@code from} and before {@code before}.
     *
     * @param from inclusive
     * @param before exclusive, not before {@code from}
     * @return the narrowed query
     */
    public HiddenDangerQuery reportedBetween(Instant from, Instant before) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
        Checks.checkArgument(!before.isBefore(from), "window end [%s] is before its start [%s]", before, from);
        return new HiddenDangerQuery(units, states, overdueAsOf, riskPoint, grades, Optional.of(from),
                Optional.of(before));
    }

    /** @return the units, if filtered */
    public Optional<Set<OrgUnitId>> units() {
        return units;
    }

    /** @return the states, if filtered ({@link #open()} sets the non-terminal states) */
    public Optional<Set<HiddenDangerState>> states() {
        return states;
    }

    /** @return the day of the overdue criterion, if filtered */
    public Optional<LocalDate> overdueAsOf() {
        return overdueAsOf;
    }

    /** @return the risk point, if filtered */
    public Optional<RiskPointId> riskPoint() {
        return riskPoint;
    }

    /** @return the grades, if filtered */
    public Optional<Set<HiddenDangerGrade>> grades() {
        return grades;
    }

    /** @return the inclusive start of the report window, if filtered */
    public Optional<Instant> reportedFrom() {
        return reportedFrom;
    }

    /** @return the exclusive end of the report window, if filtered */
    public Optional<Instant> reportedBefore() {
        return reportedBefore;
    }

    /**
     * The reference meaning of the query.
     *
     * @param danger a hidden danger
     * @return whether it matches every criterion
     */
    public boolean matches(HiddenDanger danger) {
        Objects.requireNonNull(danger, "danger");
        if (units.isPresent() && !units.get().contains(danger.unit())) {
            return false;
        }
        if (states.isPresent() && !states.get().contains(danger.state())) {
            return false;
        }
        // the one definition of overdue is the model's; stores translate it (JDBC: is_open AND deadline < day)
        // and the testkit's S9 compares every store's answer with this method on generated data
        if (overdueAsOf.isPresent() && !danger.isOverdue(overdueAsOf.get())) {
            return false;
        }
        if (riskPoint.isPresent() && !danger.riskPoint().equals(riskPoint)) {
            return false;
        }
        if (grades.isPresent() && (danger.grade().isEmpty() || !grades.get().contains(danger.grade().get()))) {
            return false;
        }
        return reportedFrom.isEmpty() || (!danger.reportedAt().isBefore(reportedFrom.get())
                && danger.reportedAt().isBefore(reportedBefore.get()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HiddenDangerQuery)) {
            return false;
        }
        HiddenDangerQuery q = (HiddenDangerQuery) o;
        return units.equals(q.units) && states.equals(q.states) && overdueAsOf.equals(q.overdueAsOf)
                && riskPoint.equals(q.riskPoint) && grades.equals(q.grades) && reportedFrom.equals(q.reportedFrom)
                && reportedBefore.equals(q.reportedBefore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(units, states, overdueAsOf, riskPoint, grades, reportedFrom, reportedBefore);
    }

    @Override
    public String toString() {
        return "HiddenDangerQuery[units=" + units.map(Object::toString).orElse("any") + ", states="
                + states.map(Object::toString).orElse("any") + ", overdueAsOf="
                + overdueAsOf.map(Object::toString).orElse("-") + ", riskPoint="
                + riskPoint.map(Object::toString).orElse("any") + ", grades="
                + grades.map(Object::toString).orElse("any") + ", reported="
                + reportedFrom.map(f -> f + ".." + reportedBefore.get()).orElse("any") + "]";
    }
}
