package org.dualprevention.danger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * Something that happened to a hidden danger. Accepted commands return their events in
 * {@link Transition#events()}; {@link Overdue} events come from an overdue sweep. The engine hands them to
 * listeners after the new state is stored; events never change state themselves.
 *
 * <p>Every event is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public sealed interface HiddenDangerEvent permits HiddenDangerEvent.Reported, HiddenDangerEvent.Transitioned,
        HiddenDangerEvent.Closed, HiddenDangerEvent.Overdue, HiddenDangerEvent.MajorReportedToAuthority,
        HiddenDangerEvent.DeadlineExtended, HiddenDangerEvent.ReassessmentRequested {

    /** @return the hidden danger concerned */
    HiddenDangerId dangerId();

    /** @return when it happened (the command's time, or the sweep's) */
    Instant at();

    /**
     * A hidden danger was reported.
     *
     * @param dangerId the hidden danger
     * @param at when
     * @param reporter who reported it
     * @param unit the unit it belongs to
     * @param source how it was found
     * @param title its title
     * @param riskPoint the linked risk point, if any
     */
    record Reported(HiddenDangerId dangerId, Instant at, ActorId reporter, OrgUnitId unit, HiddenDangerSource source,
            String title, Optional<RiskPointId> riskPoint) implements HiddenDangerEvent {
        /** Checks the components are present. */
        public Reported {
            Objects.requireNonNull(dangerId, "dangerId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reporter, "reporter");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(riskPoint, "riskPoint");
        }
    }

    /**
     * An accepted command other than {@link HiddenDangerAction#REPORT} (for which {@link Reported} is sent).
     *
     * @param dangerId the hidden danger
     * @param at when
     * @param actor who acted
     * @param action the action
     * @param from the state before
     * @param to the state after (equal to {@code from} for a deadline extension)
     * @param version the version after the command
     */
    record Transitioned(HiddenDangerId dangerId, Instant at, ActorId actor, HiddenDangerAction action,
            HiddenDangerState from, HiddenDangerState to, long version) implements HiddenDangerEvent {
        /** Checks the components are present. */
        public Transitioned {
            Objects.requireNonNull(dangerId, "dangerId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The loop was closed by acceptance (验收销号).
     *
     * @param dangerId the hidden danger
     * @param at when
     * @param acceptor who accepted
     * @param grade its grade
     * @param unit its unit
     * @param onTime whether it was closed by the deadline in force (true if it never had one)
     * @param rejections how many times a rectification was rejected before
     */
    record Closed(HiddenDangerId dangerId, Instant at, ActorId acceptor, HiddenDangerGrade grade, OrgUnitId unit,
            boolean onTime, int rejections) implements HiddenDangerEvent {
        /** Checks the components are present. */
        public Closed {
            Objects.requireNonNull(dangerId, "dangerId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(acceptor, "acceptor");
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(unit, "unit");
        }
    }

    /**
     * A hidden danger became overdue: not terminal, and today is after the deadline in force. Sent by an
     * overdue sweep ({@link OverdueSweep}), never stored as a state.
     *
     * @param dangerId the hidden danger
     * @param at when the sweep ran
     * @param unit its unit
     * @param grade its grade
     * @param deadline the deadline in force that passed
     * @param daysOverdue days after the deadline, at least 1
     */
    record Overdue(HiddenDangerId dangerId, Instant at, OrgUnitId unit, HiddenDangerGrade grade, LocalDate deadline,
            long daysOverdue) implements HiddenDangerEvent {
        /** Checks the components are present. */
        public Overdue {
            Objects.requireNonNull(dangerId, "dangerId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    /**
     * A hidden danger was graded major and is to be reported to the authority (16号令 Art. 14; 安全生产法
     * Art. 41) with the contents of {@link AuthorityReport}.
     *
     * @param dangerId the hidden danger
     * @param at when it was graded
     * @param unit its unit
     * @param title its title
     * @param report status and cause, harm and difficulty, treatment plan
     * @param riskPoint the linked risk point, if any
     */
    record MajorReportedToAuthority(HiddenDangerId dangerId, Instant at, OrgUnitId unit, String title,
            AuthorityReport report, Optional<RiskPointId> riskPoint) implements HiddenDangerEvent {
        /** Checks the components are present. */
        public MajorReportedToAuthority {
            Objects.requireNonNull(dangerId, "dangerId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(riskPoint, "riskPoint");
        }
    }

    /**
     * The deadline was extended.
     *
     * @param dangerId the hidden danger
     * @param at when
     * @param extension the extension
     * @param count how many extensions the hidden danger has had, this one included
     */
    record DeadlineExtended(HiddenDangerId dangerId, Instant at, DeadlineExtension extension, int count)
            implements HiddenDangerEvent {
        /** Checks the components are present. */
        public DeadlineExtended {
            Objects.requireNonNull(dangerId, "dangerId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(extension, "extension");
        }
    }

    /**
     * A verified hidden danger names a failed control measure, so its hazard is to be flagged for
     * reassessment (DOMAIN.md §10.2). Sent when the hidden danger is verified, or rectified on the spot
     * without verification, so a report later withdrawn never flags a hazard.
     *
     * @param dangerId the hidden danger
     * @param at when
     * @param riskPoint the risk point
     * @param hazard the hazard
     * @param failedMeasure the control measure that failed
     */
    record ReassessmentRequested(HiddenDangerId dangerId, Instant at, RiskPointId riskPoint, HazardId hazard,
            ControlMeasureId failedMeasure) implements HiddenDangerEvent {
        /** Checks the components are present. */
        public ReassessmentRequested {
            Objects.requireNonNull(dangerId, "dangerId");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(riskPoint, "riskPoint");
            Objects.requireNonNull(hazard, "hazard");
            Objects.requireNonNull(failedMeasure, "failedMeasure");
        }
    }
}
