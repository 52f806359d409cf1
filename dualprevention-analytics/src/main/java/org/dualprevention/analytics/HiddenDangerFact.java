package org.dualprevention.analytics;

import static org.dualprevention.analytics.Checks.checkArgument;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.jspecify.annotations.Nullable;

/**
 * What analytics needs to know about one hidden danger (隐患): where it is, its grade and source, and
 * the dates of its closed loop. It is a flat projection of the hidden-danger aggregate, so statistics
 * and warnings stream over millions of them without loading the aggregates and their audit trails.
 *
 * <p>Dates are days in the organisation's time zone. {@code grade} and {@code source} are the stable
 * codes of the closed loop ({@code general} / {@code major}; {@code inspection} /
 * {@code random-observation}); other codes (for example a three-grade scheme) are counted under their
 * own code. A hidden danger is <em>open</em> until closed or withdrawn, and <em>overdue</em> on a day
 * after its deadline in force while open (DOMAIN.md §10.2; the deadline day itself is in time): the rule of
 * {@link HiddenDanger#isOverdue(LocalDate)}, applied to the day asked about rather than to the current state.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class HiddenDangerFact {
    /** Grade code of a general hidden danger (一般事故隐患). */
    public static final String GENERAL = "general";
    /** Grade code of a major hidden danger (重大事故隐患). */
    public static final String MAJOR = "major";
    /** Grade code of a hidden danger reported but not yet verified and graded. */
    public static final String UNGRADED = "ungraded";
    /** Source code of a hidden danger found by an inspection task. */
    public static final String INSPECTION = "inspection";
    /** Source code of a hidden danger reported by random observation (随手拍). */
    public static final String RANDOM_OBSERVATION = "random-observation";


    private final String id;
    private final OrgUnitId unit;
    private final String grade;
    private final String source;
    private final LocalDate reportedOn;
    private final Optional<RiskPointId> riskPoint;
    private final Optional<ControlMeasureId> measure;
    private final Optional<MapZoneId> zone;
    private final Optional<ControlLevel> controlLevel;
    private final Set<AccidentType> accidentTypes;
    private final Optional<HazardCategory> hazardCategory;
    private final Optional<LocalDate> deadline;
    private final boolean planned;
    private final Optional<LocalDate> rectifiedOn;
    private final Optional<LocalDate> closedOn;
    private final boolean withdrawn;
    private final int rejections;

    private HiddenDangerFact(Builder b) {
        this.id = b.id;
        this.unit = b.unit;
        this.grade = b.grade;
        this.source = b.source;
        this.reportedOn = b.reportedOn;
        this.riskPoint = b.riskPoint;
        this.measure = b.measure;
        this.zone = b.zone;
        this.controlLevel = b.controlLevel;
        this.accidentTypes = b.frozenAccidentTypes ? b.accidentTypes : RiskPointJoin.frozen(b.accidentTypes);
        this.hazardCategory = b.hazardCategory;
        this.deadline = b.deadline;
        this.planned = b.planned;
        this.rectifiedOn = b.rectifiedOn;
        this.closedOn = b.closedOn;
        this.withdrawn = b.withdrawn;
        this.rejections = b.rejections;
        checkArgument(!id.isBlank(), "hidden danger id must not be blank");
        checkArgument(isCode(grade), "grade code [%s] is not allowed; allowed: e.g. general or major",
                grade);
        checkArgument(isCode(source),
                "source code [%s] is not allowed; allowed: e.g. inspection or random-observation", source);
        checkArgument(rejections >= 0, "rejections [%s] must not be negative", rejections);
        checkArgument(!(withdrawn && closedOn.isPresent()), "hidden danger [%s] cannot be both closed and withdrawn", id);
        rectifiedOn.ifPresent(d -> checkArgument(!d.isBefore(reportedOn),
                "hidden danger [%s] rectifiedOn [%s] is before reportedOn [%s]", id, d, reportedOn));
        closedOn.ifPresent(d -> checkArgument(!d.isBefore(reportedOn),
                "hidden danger [%s] closedOn [%s] is before reportedOn [%s]", id, d, reportedOn));
    }

    /**
     * Whether {@code s} matches {@code [a-z0-9][a-z0-9-]{0,39}}: the same rule as the regular expression it
     * replaces, checked char by char because every fact of a statistics run checks two codes.
     */
    static boolean isCode(String s) {
        int n = s.length();
        if (n == 0 || n > 40 || s.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts a fact with the required fields; the source defaults to {@link #INSPECTION}.
     *
     * @param id the hidden danger's id (the host's key)
     * @param unit the unit responsible for it
     * @param grade grade code, e.g. {@link #GENERAL} or {@link #MAJOR}
     * @param reportedOn the day it was reported
     * @return a builder
     */
    public static Builder builder(String id, OrgUnitId unit, String grade, LocalDate reportedOn) {
        return new Builder(id, unit, grade, reportedOn);
    }

    /**
     * The facts of a hidden danger of the closed loop, joined with its risk point from the register.
     *
     * <p>The grade is the grade's code, or {@link #UNGRADED} before verification; the zone is the risk
     * point's zone; accident types and hazard category are those of the linked hazard; the control level
     * is that of the failed control measure. Closing is the date of {@link HiddenDanger#closedAt()} in
     * {@code zone}; rectification is {@link HiddenDanger#completedOn()}.
     *
     * @param danger the hidden danger
     * @param riskPoint its risk point as stored, if it has one (ignored if it is another risk point)
     * @param zone the organisation's time zone
     * @return the facts
     */
    public static HiddenDangerFact from(HiddenDanger danger, Optional<RiskPoint> riskPoint, ZoneId zone) {
        Objects.requireNonNull(danger, "danger");
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(zone, "zone");
        Builder b = base(danger, zone);
        Optional<RiskPoint> point = riskPoint.filter(p -> danger.riskPoint().equals(Optional.of(p.id())));
        if (point.isPresent()) {
            point.get().zone().ifPresent(b::zone);
            Optional<Hazard> hazard = danger.hazard().flatMap(h -> point.get().hazard(h));
            hazard.ifPresent(h -> b.accidentTypes(h.accidentTypes()).hazardCategory(h.category()));
            if (danger.failedMeasure().isPresent()) {
                ControlMeasureId m = danger.failedMeasure().get();
                Optional<ControlMeasure> measure = hazard.flatMap(h -> h.measure(m));
                if (measure.isEmpty()) {
                    measure = point.get().hazards().stream().flatMap(h -> h.measure(m).stream()).findFirst();
                }
                measure.ifPresent(cm -> b.controlLevel(cm.controlLevel()));
            }
        }
        return b.build();
    }

    /**
     * The facts of a hidden danger that do not need its risk point: ids, grade, source, plan, rejections, risk
     * point and failed measure ids, deadline, rectification, and whether it is open, withdrawn or closed on a day.
     */
    private static Builder base(HiddenDanger danger, ZoneId zone) {
        Optional<org.dualprevention.danger.HiddenDangerGrade> grade = danger.grade();
        Builder b = builder(danger.id().value(), danger.unit(), grade.isPresent() ? grade.get().code() : UNGRADED,
                danger.foundOn())
                .source(danger.source().code()).planned(danger.plan().isPresent()).rejections(danger.rejections());
        b.riskPoint = danger.riskPoint();
        b.measure = danger.failedMeasure();
        b.deadline = danger.deadline();
        b.rectifiedOn = danger.completedOn();
        // open as the model defines it: a terminal state ends it, by withdrawal or by closing on a day
        if (danger.state() == HiddenDangerState.WITHDRAWN) {
            b.withdrawn();
        } else if (!danger.isOpen()) {
            Instant closedAt = danger.closedAt().orElseThrow(() -> new IllegalStateException("hidden danger ["
                    + danger.id() + "] is " + danger.state().code() + " but has no closing instant"));
            b.closedOn(LocalDate.ofInstant(closedAt, zone));
        }
        return b;
    }

    /**
     * As {@link #from(HiddenDanger, Optional, ZoneId)} with the risk point of {@code point}, reading the joined
     * values worked out once per risk point (no look-up of hazards and measures per hidden danger, the accident
     * types shared): the same fact, validated the same way.
     *
     * @param danger the hidden danger
     * @param point the join of its risk point as stored, or null (ignored if it is another risk point)
     * @param zone the organisation's time zone
     * @return the facts
     */
    static HiddenDangerFact from(HiddenDanger danger, @Nullable RiskPointJoin point, ZoneId zone) {
        Builder b = base(danger, zone);
        Optional<RiskPointId> pointId = danger.riskPoint();
        Optional<ControlMeasureId> failed = danger.failedMeasure();
        if (point != null && pointId.isPresent() && pointId.get().equals(point.point.id())) {
            b.zone = point.point.zone();
            int hazard = point.hazard(danger.hazard());
            if (hazard >= 0) {
                b.frozenAccidentTypes(point.accidentTypes(hazard)).hazardCategory(point.category(hazard));
            }
            if (failed.isPresent()) {
                ControlLevel level = point.level(hazard, failed.get());
                if (level != null) {
                    b.controlLevel(level);
                }
            }
        }
        return b.build();
    }

    /**
     * A lazy view that turns each hidden danger into its facts as it is read, joining risk points from a
     * register map; nothing is copied, so a paged storage query stays paged.
     *
     * @param dangers the hidden dangers
     * @param register risk points by id (those not found give facts without zone, hazard and level)
     * @param zone the organisation's time zone
     * @return the facts, read once per iteration of {@code dangers}
     */
    public static Iterable<HiddenDangerFact> project(Iterable<HiddenDanger> dangers, Map<RiskPointId, RiskPoint> register,
            ZoneId zone) {
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(register, "register");
        return project(dangers, register::get, zone);
    }

    /** As {@link #project(Iterable, Map, ZoneId)}, joining through a look-up that returns null when absent. */
    static Iterable<HiddenDangerFact> project(Iterable<HiddenDanger> dangers,
            java.util.function.Function<RiskPointId, RiskPoint> register, ZoneId zone) {
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(zone, "zone");
        return () -> {
            Iterator<HiddenDanger> it = dangers.iterator();
            return new Iterator<HiddenDangerFact>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public HiddenDangerFact next() {
                    HiddenDanger d = it.next();
                    return from(d, d.riskPoint().map(register::apply), zone);
                }
            };
        };
    }

    /**
     * As {@link #project(Iterable, java.util.function.Function, ZoneId)}, joining through a look-up of the risk
     * points' joins (null when absent), worked out once per risk point.
     */
    static Iterable<HiddenDangerFact> projectJoined(Iterable<HiddenDanger> dangers,
            java.util.function.Function<RiskPointId, @Nullable RiskPointJoin> joins, ZoneId zone) {
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(zone, "zone");
        return () -> {
            Iterator<HiddenDanger> it = dangers.iterator();
            return new Iterator<HiddenDangerFact>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public HiddenDangerFact next() {
                    HiddenDanger d = it.next();
                    Optional<RiskPointId> p = d.riskPoint();
                    return from(d, p.isPresent() ? joins.apply(p.get()) : null, zone);
                }
            };
        };
    }

    /** @return the hidden danger's id */
    public String id() {
        return id;
    }

    /** @return the unit responsible */
    public OrgUnitId unit() {
        return unit;
    }

    /** @return the grade code */
    public String grade() {
        return grade;
    }

    /** @return whether the grade is {@link #MAJOR} */
    public boolean isMajor() {
        return MAJOR.equals(grade);
    }

    /** @return the source code */
    public String source() {
        return source;
    }

    /** @return the day it was reported */
    public LocalDate reportedOn() {
        return reportedOn;
    }

    /** @return the risk point it was found at, if any */
    public Optional<RiskPointId> riskPoint() {
        return riskPoint;
    }

    /** @return the control measure it names as failed, if any */
    public Optional<ControlMeasureId> measure() {
        return measure;
    }

    /** @return the map zone, if any */
    public Optional<MapZoneId> zone() {
        return zone;
    }

    /** @return the control level of the failed measure (or of the responsible unit), if known */
    public Optional<ControlLevel> controlLevel() {
        return controlLevel;
    }

    /** @return the GB 6441 accident types of the linked hazard, possibly empty */
    public Set<AccidentType> accidentTypes() {
        return accidentTypes;
    }

    /** @return the GB/T 13861 category of the linked hazard, if any */
    public Optional<HazardCategory> hazardCategory() {
        return hazardCategory;
    }

    /** @return the deadline in force (after extensions), if one was set */
    public Optional<LocalDate> deadline() {
        return deadline;
    }

    /** @return whether a rectification plan (the five implementations) was made */
    public boolean planned() {
        return planned;
    }

    /** @return the day rectification was completed (submitted for acceptance, or rectified on the spot) */
    public Optional<LocalDate> rectifiedOn() {
        return rectifiedOn;
    }

    /** @return the day it was accepted and closed (销号) */
    public Optional<LocalDate> closedOn() {
        return closedOn;
    }

    /** @return whether it was withdrawn as not a hidden danger */
    public boolean withdrawn() {
        return withdrawn;
    }

    /** @return how many times acceptance was refused before it closed (or until now) */
    public int rejections() {
        return rejections;
    }

    /**
     * Whether it was closed on or before a day.
     *
     * @param day the day
     * @return true if closed by then
     */
    public boolean isClosedBy(LocalDate day) {
        return closedOn.isPresent() && !closedOn.get().isAfter(day);
    }

    /**
     * Whether it was rectified on or before a day (a closed one counts as rectified).
     *
     * @param day the day
     * @return true if rectified by then
     */
    public boolean isRectifiedBy(LocalDate day) {
        return (rectifiedOn.isPresent() && !rectifiedOn.get().isAfter(day)) || isClosedBy(day);
    }

    /**
     * Whether it is open on a day: reported by then, not withdrawn and not closed by then. On a day on or
     * after its report and its last change this equals {@link HiddenDanger#isOpen()} of the hidden danger it
     * was projected from; a withdrawn one was never a hidden danger, so it is open on no day.
     *
     * @param day the day
     * @return true if open
     */
    public boolean isOpenOn(LocalDate day) {
        return !withdrawn && !reportedOn.isAfter(day) && !isClosedBy(day);
    }

    /**
     * Whether it is overdue on a day: open and the day is after the deadline in force. On a day on or after
     * its last change this equals {@link HiddenDanger#isOverdue(LocalDate)} of the hidden danger it was
     * projected from.
     *
     * @param day the day
     * @return true if overdue
     */
    public boolean isOverdueOn(LocalDate day) {
        return HiddenDanger.overdueOn(isOpenOn(day), deadline, day);
    }

    /**
     * Days past the deadline in force on a day: from the deadline to {@code day} if it is overdue then,
     * otherwise 0. On a day on or after its last change this equals
     * {@link HiddenDanger#daysOverdue(LocalDate)} of the hidden danger it was projected from.
     *
     * @param day the day
     * @return the days overdue, 0 when not overdue
     */
    public long daysOverdueOn(LocalDate day) {
        return HiddenDanger.daysOverdueOn(isOpenOn(day), deadline, day);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HiddenDangerFact)) {
            return false;
        }
        HiddenDangerFact f = (HiddenDangerFact) o;
        return id.equals(f.id) && unit.equals(f.unit) && grade.equals(f.grade) && source.equals(f.source)
                && reportedOn.equals(f.reportedOn) && riskPoint.equals(f.riskPoint) && measure.equals(f.measure)
                && zone.equals(f.zone) && controlLevel.equals(f.controlLevel) && accidentTypes.equals(f.accidentTypes)
                && hazardCategory.equals(f.hazardCategory) && deadline.equals(f.deadline) && planned == f.planned
                && rectifiedOn.equals(f.rectifiedOn) && closedOn.equals(f.closedOn) && withdrawn == f.withdrawn
                && rejections == f.rejections;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, unit, grade, source, reportedOn, riskPoint, measure, zone, deadline, closedOn);
    }

    @Override
    public String toString() {
        return "HiddenDangerFact[" + id + " " + grade + " " + unit + " reported " + reportedOn
                + closedOn.map(d -> " closed " + d).orElse(withdrawn ? " withdrawn" : " open") + "]";
    }

    /**
     * Builds a {@link HiddenDangerFact}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String id;
        private final OrgUnitId unit;
        private final String grade;
        private final LocalDate reportedOn;
        private String source = INSPECTION;
        private Optional<RiskPointId> riskPoint = Optional.empty();
        private Optional<ControlMeasureId> measure = Optional.empty();
        private Optional<MapZoneId> zone = Optional.empty();
        private Optional<ControlLevel> controlLevel = Optional.empty();
        private Set<AccidentType> accidentTypes = Set.of();
        /** Whether {@link #accidentTypes} is already in the fact's form (shared by the facts of one hazard). */
        private boolean frozenAccidentTypes;
        private Optional<HazardCategory> hazardCategory = Optional.empty();
        private Optional<LocalDate> deadline = Optional.empty();
        private boolean planned;
        private Optional<LocalDate> rectifiedOn = Optional.empty();
        private Optional<LocalDate> closedOn = Optional.empty();
        private boolean withdrawn;
        private int rejections;

        private Builder(String id, OrgUnitId unit, String grade, LocalDate reportedOn) {
            this.id = Objects.requireNonNull(id, "id");
            this.unit = Objects.requireNonNull(unit, "unit");
            this.grade = Objects.requireNonNull(grade, "grade");
            this.reportedOn = Objects.requireNonNull(reportedOn, "reportedOn");
        }

        /**
         * Sets the source code.
         *
         * @param value e.g. {@link #INSPECTION} or {@link #RANDOM_OBSERVATION}
         * @return this builder
         */
        public Builder source(String value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /**
         * Sets the risk point.
         *
         * @param value the risk point
         * @return this builder
         */
        public Builder riskPoint(RiskPointId value) {
            this.riskPoint = Optional.of(value);
            return this;
        }

        /**
         * Sets the failed control measure.
         *
         * @param value the measure
         * @return this builder
         */
        public Builder measure(ControlMeasureId value) {
            this.measure = Optional.of(value);
            return this;
        }

        /**
         * Sets the map zone.
         *
         * @param value the zone
         * @return this builder
         */
        public Builder zone(MapZoneId value) {
            this.zone = Optional.of(value);
            return this;
        }

        /**
         * Sets the control level.
         *
         * @param value the level
         * @return this builder
         */
        public Builder controlLevel(ControlLevel value) {
            this.controlLevel = Optional.of(value);
            return this;
        }

        /**
         * Sets the accident types of the linked hazard.
         *
         * @param value the types
         * @return this builder
         */
        public Builder accidentTypes(Collection<AccidentType> value) {
            this.accidentTypes = Set.copyOf(value);
            this.frozenAccidentTypes = false;
            return this;
        }

        /** Sets accident types already in the fact's form ({@link RiskPointJoin#frozen}), shared, not copied. */
        Builder frozenAccidentTypes(Set<AccidentType> value) {
            this.accidentTypes = value;
            this.frozenAccidentTypes = true;
            return this;
        }

        /**
         * Sets the hazard category of the linked hazard.
         *
         * @param value the category
         * @return this builder
         */
        public Builder hazardCategory(HazardCategory value) {
            this.hazardCategory = Optional.of(value);
            return this;
        }

        /**
         * Sets the deadline in force.
         *
         * @param value the last day for rectification
         * @return this builder
         */
        public Builder deadline(LocalDate value) {
            this.deadline = Optional.of(value);
            return this;
        }

        /**
         * Sets whether a rectification plan was made.
         *
         * @param value true if planned
         * @return this builder
         */
        public Builder planned(boolean value) {
            this.planned = value;
            return this;
        }

        /**
         * Sets the day rectification was completed.
         *
         * @param value the day
         * @return this builder
         */
        public Builder rectifiedOn(LocalDate value) {
            this.rectifiedOn = Optional.of(value);
            return this;
        }

        /**
         * Sets the day it was accepted and closed; also marks it rectified by then if no rectification
         * day was set.
         *
         * @param value the day
         * @return this builder
         */
        public Builder closedOn(LocalDate value) {
            this.closedOn = Optional.of(value);
            return this;
        }

        /**
         * Marks it withdrawn as not a hidden danger.
         *
         * @return this builder
         */
        public Builder withdrawn() {
            this.withdrawn = true;
            return this;
        }

        /**
         * Sets how many times acceptance was refused.
         *
         * @param value the count, not negative
         * @return this builder
         */
        public Builder rejections(int value) {
            this.rejections = value;
            return this;
        }

        /**
         * Builds the fact.
         *
         * @return the fact
         * @throws IllegalArgumentException if the dates or codes are inconsistent
         */
        public HiddenDangerFact build() {
            return new HiddenDangerFact(this);
        }
    }
}
