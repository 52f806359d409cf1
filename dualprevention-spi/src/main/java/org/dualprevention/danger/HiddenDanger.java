package org.dualprevention.danger;

import org.jspecify.annotations.Nullable;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * A hidden danger (隐患) at one version of its closed loop: report, verify and grade, plan the
 * rectification, rectify, submit, accept by someone else and close (销号); or withdraw, or rectify a
 * general one on the spot (立查立改).
 *
 * <p>Its facts come in groups, each filled by the step of the loop that sets it: the {@link Finding} of
 * the report, the {@link Grading}, the {@link Planning} (the plan and its deadline extensions), the
 * {@link Rectification} with its last {@link Submission}, and the {@link Acceptance} that closes it, or
 * the {@link Withdrawal}. Convenience accessors such as {@link #grade()}, {@link #deadline()} and
 * {@link #rectifiers()} read through the groups.
 *
 * <p>This is the model only. The closed loop itself (which actions are allowed in which state, their
 * guards, their effect, their events and the audit entry each writes) is the engine's, in
 * {@code dualprevention-core}; it creates every version from the previous one.
 *
 * <p>{@link #of} builds a hidden danger from its stored form and checks that the groups fit the state:
 * a grading from {@link HiddenDangerState#VERIFIED} on, a planning in {@link HiddenDangerState#PLANNED}
 * and after it unless rectified on the spot, a rectification from {@link HiddenDangerState#RECTIFYING} on,
 * an acceptance exactly when {@link HiddenDangerState#CLOSED}, a withdrawal exactly when
 * {@link HiddenDangerState#WITHDRAWN}, and so on. {@link #toBuilder()} copies one to change some groups.
 *
 * <p>{@link #version()} counts accepted commands: 1 after the report, +1 per command, equal to the
 * sequence of the last audit entry, whose hash is {@link #auditHead()}. Overdue is derived
 * ({@link #isOverdue(LocalDate)}), never a state.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class HiddenDanger {
    private static final SortedSet<ActorId> NOBODY = Collections.unmodifiableSortedSet(new TreeSet<>());

    private final HiddenDangerId id;
    private final long version;
    private final HiddenDangerState state;
    private final Instant lastActionAt;
    private final String auditHead;
    private final Finding finding;
    private final @Nullable Grading grading;
    private final @Nullable Planning planning;
    private final @Nullable Rectification rectification;
    private final @Nullable Acceptance acceptance;
    private final @Nullable Withdrawal withdrawal;

    private HiddenDanger(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.version = b.version;
        this.state = Objects.requireNonNull(b.state, "state");
        this.lastActionAt = Objects.requireNonNull(b.lastActionAt, "lastActionAt");
        this.auditHead = Objects.requireNonNull(b.auditHead, "auditHead");
        this.finding = Objects.requireNonNull(b.finding, "finding");
        this.grading = b.grading;
        this.planning = b.planning;
        this.rectification = b.rectification;
        this.acceptance = b.acceptance;
        this.withdrawal = b.withdrawal;
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Hidden danger [" + id + "] in state [" + state + "] at version ["
                    + version + "] is inconsistent: " + String.join("; ", problems));
        }
    }

    /** A copy of {@code of} with another audit head (see {@link #withAuditHead}). */
    private HiddenDanger(HiddenDanger of, String auditHead) {
        this.id = of.id;
        this.version = of.version;
        this.state = of.state;
        this.lastActionAt = of.lastActionAt;
        this.auditHead = auditHead;
        this.finding = of.finding;
        this.grading = of.grading;
        this.planning = of.planning;
        this.rectification = of.rectification;
        this.acceptance = of.acceptance;
        this.withdrawal = of.withdrawal;
    }

    /**
     * This hidden danger with another audit head, every other component kept: the same as
     * {@code toBuilder().auditHead(auditHead).build()}, without checking again the components that were checked
     * when this one was built (the closed loop sets the head of each new version once its audit entry is hashed).
     *
     * @param auditHead the hash of the last audit entry: 64 lower-case hex digits
     * @return the hidden danger with that head
     * @throws IllegalArgumentException if the head is not 64 lower-case hex digits (the message {@link Builder#build}
     *     gives)
     * @since 0.2
     */
    public HiddenDanger withAuditHead(String auditHead) {
        Objects.requireNonNull(auditHead, "auditHead");
        if (!Checks.isLowerHex64(auditHead)) {
            return toBuilder().auditHead(auditHead).build(); // throws, naming every problem as build does
        }
        return new HiddenDanger(this, auditHead);
    }

    /**
     * A hidden danger from its stored form.
     *
     * @param id the id
     * @param version the number of accepted commands, at least 1
     * @param state the state
     * @param lastActionAt when the last accepted command happened, not before the report
     * @param auditHead the hash of the last audit entry: 64 lower-case hex digits
     * @param finding what was reported
     * @param grading how it was graded, from {@link HiddenDangerState#VERIFIED} on (possibly when withdrawn)
     * @param planning the plan and its extensions, once planned (never when rectified on the spot)
     * @param rectification the rectification, from {@link HiddenDangerState#RECTIFYING} on
     * @param acceptance the acceptance, exactly when {@link HiddenDangerState#CLOSED}
     * @param withdrawal the withdrawal, exactly when {@link HiddenDangerState#WITHDRAWN}
     * @return the hidden danger
     * @throws IllegalArgumentException naming every way the groups do not fit the state or each other
     */
    public static HiddenDanger of(HiddenDangerId id, long version, HiddenDangerState state, Instant lastActionAt,
            String auditHead, Finding finding, Optional<Grading> grading, Optional<Planning> planning,
            Optional<Rectification> rectification, Optional<Acceptance> acceptance, Optional<Withdrawal> withdrawal) {
        return new Builder().id(id).version(version).state(state).lastActionAt(lastActionAt).auditHead(auditHead)
                .finding(finding).grading(grading).planning(planning).rectification(rectification)
                .acceptance(acceptance).withdrawal(withdrawal).build();
    }

    /** @return an empty builder; every group starts absent */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this hidden danger's components, to build a changed copy */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).version(version).state(state).lastActionAt(lastActionAt).auditHead(auditHead)
                .finding(finding);
        // the groups as they are kept (nullable): no Optional made per copy
        b.grading = grading;
        b.planning = planning;
        b.rectification = rectification;
        b.acceptance = acceptance;
        b.withdrawal = withdrawal;
        return b;
    }


    private List<String> problems() {
        List<String> out = new ArrayList<>();
        if (version < 1) {
            out.add("version [" + version + "]; allowed: 1 or more");
        }
        if (!Checks.isLowerHex64(auditHead)) {
            out.add("audit head [" + auditHead + "]; allowed: 64 lower-case hex digits");
        }
        if (lastActionAt.isBefore(finding.reportedAt())) {
            out.add("last action at [" + lastActionAt + "] before the report at [" + finding.reportedAt() + "]");
        }
        boolean rectifying = state == HiddenDangerState.RECTIFYING || state == HiddenDangerState.AWAITING_ACCEPTANCE
                || state == HiddenDangerState.CLOSED;
        boolean graded = state != HiddenDangerState.REPORTED && state != HiddenDangerState.WITHDRAWN;
        if (graded && grading == null) {
            out.add("no grading; allowed: a grading in every state but REPORTED and WITHDRAWN");
        }
        if (state == HiddenDangerState.REPORTED && grading != null) {
            out.add("a grading; allowed: none while REPORTED");
        }
        if (rectifying != (rectification != null)) {
            out.add((rectifying ? "no" : "a") + " rectification; allowed: a rectification exactly in RECTIFYING,"
                    + " AWAITING_ACCEPTANCE and CLOSED");
        }
        boolean onSpot = rectification != null && rectification.onSpot();
        boolean planned = state == HiddenDangerState.PLANNED || rectifying && !onSpot;
        if (planned != (planning != null)) {
            out.add((planned ? "no" : "a") + " planning; allowed: a planning exactly in PLANNED and, unless rectified"
                    + " on the spot, from RECTIFYING on");
        }
        boolean submitted = state == HiddenDangerState.AWAITING_ACCEPTANCE || state == HiddenDangerState.CLOSED;
        if (submitted && rectification().flatMap(Rectification::lastSubmission).isEmpty()) {
            out.add("no submission; allowed: a submitted rectification in AWAITING_ACCEPTANCE and CLOSED");
        }
        if (grading != null && grading.verifier().isEmpty() && !onSpot) {
            out.add("a grading without verifier; allowed: only when rectified on the spot");
        }
        if (onSpot && grading().map(Grading::grade).orElse(null) == HiddenDangerGrade.MAJOR) {
            out.add("a MAJOR one rectified on the spot; allowed: only a GENERAL one");
        }
        if ((state == HiddenDangerState.CLOSED) != (acceptance != null)) {
            out.add((acceptance != null ? "an" : "no") + " acceptance; allowed: an acceptance exactly when CLOSED");
        }
        if (acceptance != null && !acceptance.closedAt().equals(lastActionAt)) {
            out.add("closed at [" + acceptance.closedAt() + "]; allowed: the last action at [" + lastActionAt + "]");
        }
        if ((state == HiddenDangerState.WITHDRAWN) != (withdrawal != null)) {
            out.add((withdrawal != null ? "a" : "no") + " withdrawal; allowed: a withdrawal exactly when WITHDRAWN");
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ derived

    /**
     * Whether the hidden danger is overdue on a day: not closed or withdrawn, a deadline is in force, and
     * {@code today} is after it. Overdue is never stored.
     *
     * @param today the day, in the organisation's zone
     * @return true if overdue
     */
    public boolean isOverdue(LocalDate today) {
        Objects.requireNonNull(today, "today");
        // the deadline read from the planning directly (no Optional per call: a risk map asks every open hidden
        // danger, the effective-level policy again for each graded general one)
        Planning p = planning;
        return overdue(!state.isTerminal(), p == null ? null : p.deadline(), today);
    }

    /**
     * The rule of overdue, stated once for everything that judges it (this aggregate, the query criterion,
     * the analytics facts that know whether a hidden danger was open on a past day): open on the day, a
     * deadline in force, and the day after it (the deadline day itself is in time).
     *
     * @param open whether the hidden danger is neither closed nor withdrawn on that day
     * @param deadline the deadline in force, if one was set
     * @param day the day, in the organisation's zone
     * @return true if overdue
     */
    public static boolean overdueOn(boolean open, Optional<LocalDate> deadline, LocalDate day) {
        return overdue(open, deadline.orElse(null), day);
    }

    /** The rule of {@link #overdueOn}, with no deadline in force given as null. */
    private static boolean overdue(boolean open, @Nullable LocalDate deadline, LocalDate day) {
        return open && deadline != null && day.isAfter(deadline);
    }

    /**
     * Days past the deadline by {@link #overdueOn(boolean, Optional, LocalDate) the rule of overdue}.
     *
     * @param open whether the hidden danger is open on that day
     * @param deadline the deadline in force, if one was set
     * @param day the day
     * @return the days overdue, 0 when not overdue
     */
    public static long daysOverdueOn(boolean open, Optional<LocalDate> deadline, LocalDate day) {
        return overdueOn(open, deadline, day) ? ChronoUnit.DAYS.between(deadline.orElseThrow(), day) : 0;
    }

    /**
     * Whether the hidden danger is overdue at an instant, judged by the date in the organisation's zone.
     *
     * @param now the instant
     * @param orgZone the organisation's zone
     * @return true if overdue
     */
    public boolean isOverdue(Instant now, ZoneId orgZone) {
        return isOverdue(LocalDate.ofInstant(Objects.requireNonNull(now, "now"), Objects.requireNonNull(orgZone, "orgZone")));
    }

    /**
     * Days past the deadline in force on a day.
     *
     * @param today the day
     * @return days overdue, 0 when not overdue
     */
    public long daysOverdue(LocalDate today) {
        return daysOverdueOn(!state.isTerminal(), deadline(), Objects.requireNonNull(today, "today"));
    }

    /** @return whether the hidden danger is neither closed nor withdrawn */
    public boolean isOpen() {
        return !state.isTerminal();
    }

    /**
     * Everyone separation of duties keeps from accepting: the rectifiers, the submitters and the plan's
     * responsible person.
     *
     * @return the ids, sorted
     */
    public SortedSet<ActorId> rectificationParties() {
        TreeSet<ActorId> out = new TreeSet<>(rectifiers());
        out.addAll(submitters());
        plan().ifPresent(p -> out.add(p.responsible()));
        return Collections.unmodifiableSortedSet(out);
    }

    // ------------------------------------------------------------------------------------------ components

    /** @return the id */
    public HiddenDangerId id() {
        return id;
    }

    /** @return the number of accepted commands, equal to the last audit entry's sequence (1 after the report) */
    public long version() {
        return version;
    }

    /** @return the current state */
    public HiddenDangerState state() {
        return state;
    }

    /** @return when the last accepted command happened; the next may not be earlier */
    public Instant lastActionAt() {
        return lastActionAt;
    }

    /** @return the hash of the last audit entry; the next entry's previous hash */
    public String auditHead() {
        return auditHead;
    }

    /** @return what was reported */
    public Finding finding() {
        return finding;
    }

    /** @return how it was graded, once verified or rectified on the spot */
    public Optional<Grading> grading() {
        return Optional.ofNullable(grading);
    }

    /** @return the rectification plan and its deadline extensions, once planned */
    public Optional<Planning> planning() {
        return Optional.ofNullable(planning);
    }

    /** @return the rectification, once started or done on the spot */
    public Optional<Rectification> rectification() {
        return Optional.ofNullable(rectification);
    }

    /** @return the acceptance, once closed */
    public Optional<Acceptance> acceptance() {
        return Optional.ofNullable(acceptance);
    }

    /** @return the withdrawal, once withdrawn */
    public Optional<Withdrawal> withdrawal() {
        return Optional.ofNullable(withdrawal);
    }

    // ------------------------------------------------------------------------------------------ read through

    /** @return the title */
    public String title() {
        return finding.title();
    }

    /** @return the description, possibly empty */
    public String description() {
        return finding.description();
    }

    /** @return how it was found */
    public HiddenDangerSource source() {
        return finding.source();
    }

    /** @return basic-management or on-site, if given */
    public Optional<HiddenDangerCategory> category() {
        return finding.category();
    }

    /** @return the organisation unit it belongs to */
    public OrgUnitId unit() {
        return finding.unit();
    }

    /** @return who reported it */
    public ActorId reporter() {
        return finding.reporter();
    }

    /** @return when it was reported */
    public Instant reportedAt() {
        return finding.reportedAt();
    }

    /** @return the day it was found */
    public LocalDate foundOn() {
        return finding.foundOn();
    }

    /** @return the linked risk point, if any */
    public Optional<RiskPointId> riskPoint() {
        return finding.riskPoint();
    }

    /** @return the linked hazard, if any */
    public Optional<HazardId> hazard() {
        return finding.hazard();
    }

    /** @return the control measure that failed, if any */
    public Optional<ControlMeasureId> failedMeasure() {
        return finding.failedMeasure();
    }

    /** @return the inspection task and item that found it, if any */
    public Optional<InspectionRef> inspection() {
        return finding.inspection();
    }

    /** @return the evidence given with the report */
    public List<URI> evidence() {
        return finding.evidence();
    }

    /** @return the grade, once verified or rectified on the spot */
    public Optional<HiddenDangerGrade> grade() {
        return grading == null ? Optional.empty() : Optional.of(grading.grade());
    }

    /** @return who verified it, if verified */
    public Optional<ActorId> verifier() {
        return grading().flatMap(Grading::verifier);
    }

    /** @return the authority report given when graded major */
    public Optional<AuthorityReport> authorityReport() {
        return grading().flatMap(Grading::authorityReport);
    }

    /** @return the rectification plan, once planned */
    public Optional<RectificationPlan> plan() {
        return planning == null ? Optional.empty() : Optional.of(planning.plan());
    }

    /** @return the plan's original deadline */
    public Optional<LocalDate> originalDeadline() {
        return planning().map(Planning::originalDeadline);
    }

    /** @return the deadline in force (the last extension's, or the plan's) */
    public Optional<LocalDate> deadline() {
        return planning == null ? Optional.empty() : Optional.of(planning.deadline());
    }

    /** @return every deadline extension, in order */
    public List<DeadlineExtension> extensions() {
        return planning().map(Planning::extensions).orElse(List.of());
    }

    /** @return the number of deadline extensions */
    public int extensionCount() {
        return extensions().size();
    }

    /** @return everyone who started or did the rectification, sorted */
    public SortedSet<ActorId> rectifiers() {
        return rectification == null ? NOBODY : rectification.rectifiers();
    }

    /** @return everyone who submitted a rectification for acceptance, sorted */
    public SortedSet<ActorId> submitters() {
        return rectification == null ? NOBODY : rectification.submitters();
    }

    /** @return whether it was rectified on the spot (立查立改) */
    public boolean rectifiedOnSpot() {
        return rectification != null && rectification.onSpot();
    }

    /** @return the last submitted description of the rectification */
    public Optional<String> rectificationNote() {
        return rectification().flatMap(Rectification::lastSubmission).map(Submission::description);
    }

    /** @return the last submitted evidence of the rectification */
    public List<URI> rectificationEvidence() {
        return rectification().flatMap(Rectification::lastSubmission).map(Submission::evidence).orElse(List.of());
    }

    /** @return the day the last submitted rectification was completed */
    public Optional<LocalDate> completedOn() {
        return rectification().flatMap(Rectification::lastSubmission).map(Submission::completedOn);
    }

    /** @return how many submissions were rejected */
    public int rejections() {
        return rectification == null ? 0 : rectification.rejections();
    }

    /** @return the reason of the last rejection */
    public Optional<String> lastRejectionReason() {
        return rectification().flatMap(Rectification::lastRejectionReason);
    }

    /** @return who accepted and closed it */
    public Optional<ActorId> acceptor() {
        return acceptance().map(Acceptance::acceptor);
    }

    /** @return when it was closed */
    public Optional<Instant> closedAt() {
        return acceptance().map(Acceptance::closedAt);
    }

    /** @return who withdrew it */
    public Optional<ActorId> withdrawnBy() {
        return withdrawal().map(Withdrawal::withdrawnBy);
    }

    /** @return why it was withdrawn */
    public Optional<String> withdrawReason() {
        return withdrawal().map(Withdrawal::reason);
    }

    private List<Object> components() {
        return java.util.Arrays.asList(id, version, state, lastActionAt, auditHead, finding, grading(), planning(),
                rectification(), acceptance(), withdrawal());
    }

    /** Equal when every component is equal, the version and audit head included. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HiddenDanger && components().equals(((HiddenDanger) o).components());
    }

    @Override
    public int hashCode() {
        return components().hashCode();
    }

    @Override
    public String toString() {
        return "HiddenDanger[" + id + " " + state + grade().map(g -> " " + g).orElse("") + " v" + version + "]";
    }

    /**
     * Collects the components of a hidden danger; {@link #build()} checks them as {@link HiddenDanger#of} does.
     * Every group starts absent.
     *
     * <p>This class is mutable and not thread-safe; use one per hidden danger built.
     *
     * @since 0.1
     */
    public static final class Builder {
        private @Nullable HiddenDangerId id;
        private long version;
        private @Nullable HiddenDangerState state;
        private @Nullable Instant lastActionAt;
        private @Nullable String auditHead;
        private @Nullable Finding finding;
        private @Nullable Grading grading;
        private @Nullable Planning planning;
        private @Nullable Rectification rectification;
        private @Nullable Acceptance acceptance;
        private @Nullable Withdrawal withdrawal;

        private Builder() {
        }

        /**
         * Sets the id.
         *
         * @param value the id
         * @return this builder
         */
        public Builder id(HiddenDangerId value) {
            this.id = Objects.requireNonNull(value, "id");
            return this;
        }

        /**
         * Sets the version.
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(long value) {
            this.version = value;
            return this;
        }

        /**
         * Sets the state.
         *
         * @param value the state
         * @return this builder
         */
        public Builder state(HiddenDangerState value) {
            this.state = Objects.requireNonNull(value, "state");
            return this;
        }

        /**
         * Sets when the last accepted command happened.
         *
         * @param value when the last accepted command happened
         * @return this builder
         */
        public Builder lastActionAt(Instant value) {
            this.lastActionAt = Objects.requireNonNull(value, "lastActionAt");
            return this;
        }

        /**
         * Sets the hash of the last audit entry.
         *
         * @param value the hash of the last audit entry
         * @return this builder
         */
        public Builder auditHead(String value) {
            this.auditHead = Objects.requireNonNull(value, "auditHead");
            return this;
        }

        /**
         * Sets what was reported.
         *
         * @param value what was reported
         * @return this builder
         */
        public Builder finding(Finding value) {
            this.finding = Objects.requireNonNull(value, "finding");
            return this;
        }

        /**
         * Sets the grading, or empty.
         *
         * @param value the grading, or empty
         * @return this builder
         */
        public Builder grading(Optional<Grading> value) {
            this.grading = Objects.requireNonNull(value, "grading").orElse(null);
            return this;
        }

        /**
         * Sets the planning, or empty.
         *
         * @param value the planning, or empty
         * @return this builder
         */
        public Builder planning(Optional<Planning> value) {
            this.planning = Objects.requireNonNull(value, "planning").orElse(null);
            return this;
        }

        /**
         * Sets the rectification, or empty.
         *
         * @param value the rectification, or empty
         * @return this builder
         */
        public Builder rectification(Optional<Rectification> value) {
            this.rectification = Objects.requireNonNull(value, "rectification").orElse(null);
            return this;
        }

        /**
         * Sets the acceptance, or empty.
         *
         * @param value the acceptance, or empty
         * @return this builder
         */
        public Builder acceptance(Optional<Acceptance> value) {
            this.acceptance = Objects.requireNonNull(value, "acceptance").orElse(null);
            return this;
        }

        /**
         * Sets the withdrawal, or empty.
         *
         * @param value the withdrawal, or empty
         * @return this builder
         */
        public Builder withdrawal(Optional<Withdrawal> value) {
            this.withdrawal = Objects.requireNonNull(value, "withdrawal").orElse(null);
            return this;
        }

        /**
         * Builds the hidden danger.
         *
         * @return the hidden danger
         * @throws NullPointerException naming a component never set
         * @throws IllegalArgumentException naming every way the groups do not fit the state or each other
         */
        public HiddenDanger build() {
            return new HiddenDanger(this);
        }
    }
}
