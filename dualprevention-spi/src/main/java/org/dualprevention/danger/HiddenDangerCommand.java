package org.dualprevention.danger;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.internal.Checks;

/**
 * A command of the hidden-danger closed loop: one record per {@link HiddenDangerAction}, each carrying
 * the {@link Actor} and the data its action needs. The engine (in {@code dualprevention-core}) reports a
 * hidden danger with a {@link Report} and applies every other command to a stored one.
 *
 * <p>Constructors only reject {@code null} (a programming error, {@link NullPointerException} naming the
 * component). Content rules (blank texts, dates, links) are the action's guards: they are checked when the
 * command is applied and reported all at once in a {@link org.dualprevention.ValidationException}, with
 * the component names as paths.
 *
 * <p>Every command is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public sealed interface HiddenDangerCommand permits HiddenDangerCommand.Report, HiddenDangerCommand.Verify,
        HiddenDangerCommand.Withdraw, HiddenDangerCommand.RectifyOnSpot, HiddenDangerCommand.Plan,
        HiddenDangerCommand.Start, HiddenDangerCommand.ExtendDeadline, HiddenDangerCommand.Submit,
        HiddenDangerCommand.Accept, HiddenDangerCommand.Reject {

    /** @return who acts */
    Actor actor();

    /** @return the action this command performs */
    HiddenDangerAction action();

    /**
     * The id of the hidden danger this command creates: the report's id; empty for every other command, which
     * acts on a hidden danger that exists.
     *
     * @return the id created, or empty
     */
    default Optional<HiddenDangerId> createdId() {
        return Optional.empty();
    }

    /**
     * Report a hidden danger (上报). Creates it in {@link HiddenDangerState#REPORTED}.
     *
     * <p>Guards: {@code title} not blank; {@code foundOn} not after today; a {@code hazard} only with its
     * {@code riskPoint}, a {@code failedMeasure} only with its {@code hazard}; an {@code inspection} reference
     * if and only if the source is {@link HiddenDangerSource#INSPECTION}, with non-blank keys; evidence URIs
     * absolute.
     *
     * @param actor who reports
     * @param id the new hidden danger's id, chosen by the host
     * @param title a short title
     * @param description what was found, possibly empty
     * @param source how it was found
     * @param category basic-management or on-site, if known
     * @param unit the organisation unit where it was found and which must rectify it
     * @param foundOn the day it was found, in the organisation's zone
     * @param riskPoint the risk point it belongs to, if any
     * @param hazard the hazard on that risk point, if any
     * @param failedMeasure the control measure of that hazard that failed, if any
     * @param inspection the inspection task and item that found it, if any
     * @param evidence photos or documents (the library stores references only)
     */
    record Report(Actor actor, HiddenDangerId id, String title, String description, HiddenDangerSource source,
            Optional<HiddenDangerCategory> category, OrgUnitId unit, LocalDate foundOn, Optional<RiskPointId> riskPoint,
            Optional<HazardId> hazard, Optional<ControlMeasureId> failedMeasure, Optional<InspectionRef> inspection,
            List<URI> evidence) implements HiddenDangerCommand {
        /** Checks the components are present and copies the evidence. */
        public Report {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(id, "id");
            Checks.text(title, "title");
            Checks.text(description, "description");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(foundOn, "foundOn");
            Objects.requireNonNull(riskPoint, "riskPoint");
            Objects.requireNonNull(hazard, "hazard");
            Objects.requireNonNull(failedMeasure, "failedMeasure");
            Objects.requireNonNull(inspection, "inspection");
            evidence = List.copyOf(evidence);
        }

        /**
         * A report without links, category or evidence.
         *
         * @param actor who reports
         * @param id the id
         * @param title the title
         * @param description the description
         * @param source the source
         * @param unit the unit
         * @param foundOn the day found
         * @return the command
         */
        public static Report of(Actor actor, HiddenDangerId id, String title, String description,
                HiddenDangerSource source, OrgUnitId unit, LocalDate foundOn) {
            return new Report(actor, id, title, description, source, Optional.empty(), unit, foundOn, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }

        /**
         * A copy linked to a risk point, a hazard and the control measure that failed.
         *
         * @param point the risk point
         * @param haz the hazard on it
         * @param measure the failed control measure of the hazard
         * @return the copy
         */
        public Report withFailedMeasure(RiskPointId point, HazardId haz, ControlMeasureId measure) {
            return new Report(actor, id, title, description, source, category, unit, foundOn, Optional.of(point),
                    Optional.of(haz), Optional.of(measure), inspection, evidence);
        }

        /**
         * A copy linked to a risk point only.
         *
         * @param point the risk point
         * @return the copy
         */
        public Report withRiskPoint(RiskPointId point) {
            return new Report(actor, id, title, description, source, category, unit, foundOn, Optional.of(point),
                    hazard, failedMeasure, inspection, evidence);
        }

        /**
         * A copy with the inspection task and item that found it.
         *
         * @param ref the reference
         * @return the copy
         */
        public Report withInspection(InspectionRef ref) {
            return new Report(actor, id, title, description, source, category, unit, foundOn, riskPoint, hazard,
                    failedMeasure, Optional.of(ref), evidence);
        }

        /**
         * A copy with a category.
         *
         * @param c the category
         * @return the copy
         */
        public Report withCategory(HiddenDangerCategory c) {
            return new Report(actor, id, title, description, source, Optional.of(c), unit, foundOn, riskPoint, hazard,
                    failedMeasure, inspection, evidence);
        }

        /**
         * A copy with evidence.
         *
         * @param uris the evidence
         * @return the copy
         */
        public Report withEvidence(List<URI> uris) {
            return new Report(actor, id, title, description, source, category, unit, foundOn, riskPoint, hazard,
                    failedMeasure, inspection, uris);
        }

        /** @return {@link HiddenDangerAction#REPORT} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.REPORT;
        }

        /** @return {@link #id()}: a report creates the hidden danger */
        @Override
        public Optional<HiddenDangerId> createdId() {
            return Optional.of(id);
        }
    }

    /**
     * Verify and grade (核实定级). Guards: for {@link HiddenDangerGrade#MAJOR} an {@code authorityReport} with
     * its three texts not blank.
     *
     * @param actor who verifies
     * @param grade general or major
     * @param note the verifier's note, possibly empty
     * @param authorityReport the contents of the report to the authority, required for a major one
     */
    record Verify(Actor actor, HiddenDangerGrade grade, String note, Optional<AuthorityReport> authorityReport)
            implements HiddenDangerCommand {
        /** Checks the components are present. */
        public Verify {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(grade, "grade");
            Checks.text(note, "note");
            Objects.requireNonNull(authorityReport, "authorityReport");
        }

        /**
         * Verify as general.
         *
         * @param actor who verifies
         * @param note the note
         * @return the command
         */
        public static Verify general(Actor actor, String note) {
            return new Verify(actor, HiddenDangerGrade.GENERAL, note, Optional.empty());
        }

        /**
         * Verify as major, with the contents of the report to the authority.
         *
         * @param actor who verifies
         * @param note the note
         * @param report the authority report
         * @return the command
         */
        public static Verify major(Actor actor, String note, AuthorityReport report) {
            return new Verify(actor, HiddenDangerGrade.MAJOR, note, Optional.of(report));
        }

        /** @return {@link HiddenDangerAction#VERIFY} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.VERIFY;
        }
    }

    /**
     * Withdraw as not a hidden danger (撤销). Guard: {@code reason} not blank.
     *
     * @param actor who withdraws
     * @param reason why it is not a hidden danger
     */
    record Withdraw(Actor actor, String reason) implements HiddenDangerCommand {
        /** Checks the components are present. */
        public Withdraw {
            Objects.requireNonNull(actor, "actor");
            Checks.text(reason, "reason");
        }

        /** @return {@link HiddenDangerAction#WITHDRAW} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.WITHDRAW;
        }
    }

    /**
     * Rectify on the spot (立查立改), for a general hidden danger only: it grades an unverified one general
     * and goes straight to {@link HiddenDangerState#AWAITING_ACCEPTANCE}; someone else still accepts it.
     * Guards: not graded major ({@code grade}); {@code description} not blank; {@code evidence} not empty and
     * absolute; {@code completedOn} not before the day found and not after today.
     *
     * @param actor who rectified
     * @param description what was done
     * @param evidence evidence of the rectification
     * @param completedOn the day it was done
     */
    record RectifyOnSpot(Actor actor, String description, List<URI> evidence, LocalDate completedOn)
            implements HiddenDangerCommand {
        /** Checks the components are present and copies the evidence. */
        public RectifyOnSpot {
            Objects.requireNonNull(actor, "actor");
            Checks.text(description, "description");
            evidence = List.copyOf(evidence);
            Objects.requireNonNull(completedOn, "completedOn");
        }

        /** @return {@link HiddenDangerAction#RECTIFY_ON_SPOT} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.RECTIFY_ON_SPOT;
        }
    }

    /**
     * Plan rectification (五落实). Guards: see {@link RectificationPlan}; paths start with {@code plan.}.
     *
     * @param actor who plans
     * @param plan the plan
     */
    record Plan(Actor actor, RectificationPlan plan) implements HiddenDangerCommand {
        /** Checks the components are present. */
        public Plan {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(plan, "plan");
        }

        /** @return {@link HiddenDangerAction#PLAN} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.PLAN;
        }
    }

    /**
     * Start rectification (开始整改). The actor and the listed people become the rectifiers.
     *
     * @param actor who starts
     * @param rectifiers further people doing the rectification, possibly empty
     */
    record Start(Actor actor, List<ActorId> rectifiers) implements HiddenDangerCommand {
        /** Checks the components are present and copies the list. */
        public Start {
            Objects.requireNonNull(actor, "actor");
            rectifiers = List.copyOf(rectifiers);
        }

        /**
         * Start with the actor as the only rectifier.
         *
         * @param actor who starts
         * @return the command
         */
        public static Start by(Actor actor) {
            return new Start(actor, List.of());
        }

        /** @return {@link HiddenDangerAction#START} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.START;
        }
    }

    /**
     * Extend the deadline (延期). Guards: a deadline is in force and {@code newDeadline} is after it and not
     * before today (an extension to a day already past would leave the hidden danger overdue); {@code reason}
     * not blank; with separation of duties on, the approver is not the actor. The access policy decides about
     * the approver as about the actor: the default one wants the approver's unit in the organisation, at or
     * above the hidden danger's unit, and for a major hidden danger at the major level.
     *
     * @param actor who asks for the extension
     * @param newDeadline the new deadline
     * @param reason why
     * @param approver who approved it, with the unit and roles that let them approve
     */
    record ExtendDeadline(Actor actor, LocalDate newDeadline, String reason, Actor approver)
            implements HiddenDangerCommand {
        /** Checks the components are present. */
        public ExtendDeadline {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(newDeadline, "newDeadline");
            Checks.text(reason, "reason");
            Objects.requireNonNull(approver, "approver");
        }

        /** @return {@link HiddenDangerAction#EXTEND_DEADLINE} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.EXTEND_DEADLINE;
        }
    }

    /**
     * Submit the rectification for acceptance (提交验收). Guards: {@code description} not blank;
     * {@code evidence} not empty and absolute; {@code completedOn} not before the day found and not after today.
     *
     * @param actor who submits
     * @param description what was done
     * @param evidence evidence of the rectification
     * @param completedOn the day it was finished
     */
    record Submit(Actor actor, String description, List<URI> evidence, LocalDate completedOn)
            implements HiddenDangerCommand {
        /** Checks the components are present and copies the evidence. */
        public Submit {
            Objects.requireNonNull(actor, "actor");
            Checks.text(description, "description");
            evidence = List.copyOf(evidence);
            Objects.requireNonNull(completedOn, "completedOn");
        }

        /** @return {@link HiddenDangerAction#SUBMIT} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.SUBMIT;
        }
    }

    /**
     * Accept and close (验收销号). Guard: with separation of duties on, the actor is none of the rectifiers,
     * the submitters and the plan's responsible person.
     *
     * @param actor who accepts
     * @param note the acceptance note, possibly empty
     */
    record Accept(Actor actor, String note) implements HiddenDangerCommand {
        /** Checks the components are present. */
        public Accept {
            Objects.requireNonNull(actor, "actor");
            Checks.text(note, "note");
        }

        /** @return {@link HiddenDangerAction#ACCEPT} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.ACCEPT;
        }
    }

    /**
     * Reject the rectification (验收不通过); back to {@link HiddenDangerState#RECTIFYING}. Guard:
     * {@code reason} not blank.
     *
     * @param actor who rejects
     * @param reason why
     */
    record Reject(Actor actor, String reason) implements HiddenDangerCommand {
        /** Checks the components are present. */
        public Reject {
            Objects.requireNonNull(actor, "actor");
            Checks.text(reason, "reason");
        }

        /** @return {@link HiddenDangerAction#REJECT} */
        @Override
        public HiddenDangerAction action() {
            return HiddenDangerAction.REJECT;
        }
    }
}
