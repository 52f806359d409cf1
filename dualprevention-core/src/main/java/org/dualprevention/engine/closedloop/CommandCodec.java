package org.dualprevention.engine.closedloop;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.TreeSet;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/** Writes a command as canonical audit data and reads it back. Not part of the API. */
final class CommandCodec {
    private CommandCodec() {
    }

    static String encode(HiddenDangerCommand command) {
        CanonicalData d = CanonicalData.empty();
        d.put("actor.unit", command.actor().unit().value());
        d.putList("actor.roles", command.actor().roles().stream().toList());
        switch (command.action()) {
            case REPORT: {
                HiddenDangerCommand.Report c = (HiddenDangerCommand.Report) command;
                d.put("id", c.id().value()).put("title", c.title()).put("description", c.description())
                        .put("source", c.source().code()).putOptional("category", c.category().map(HiddenDangerCategory::code))
                        .put("unit", c.unit().value()).put("foundOn", c.foundOn())
                        .putOptional("riskPoint", c.riskPoint().map(RiskPointId::value))
                        .putOptional("hazard", c.hazard().map(HazardId::value))
                        .putOptional("failedMeasure", c.failedMeasure().map(ControlMeasureId::value))
                        .putOptional("inspection.task", c.inspection().map(InspectionRef::task))
                        .putOptional("inspection.item", c.inspection().map(InspectionRef::item))
                        .putList("evidence", c.evidence());
                break;
            }
            case VERIFY: {
                HiddenDangerCommand.Verify c = (HiddenDangerCommand.Verify) command;
                d.put("grade", c.grade().code()).put("note", c.note());
                c.authorityReport().ifPresent(a -> d.put("authorityReport.statusAndCause", a.statusAndCause())
                        .put("authorityReport.harmAndDifficulty", a.harmAndDifficulty())
                        .put("authorityReport.treatmentPlan", a.treatmentPlan()));
                break;
            }
            case WITHDRAW:
                d.put("reason", ((HiddenDangerCommand.Withdraw) command).reason());
                break;
            case RECTIFY_ON_SPOT: {
                HiddenDangerCommand.RectifyOnSpot c = (HiddenDangerCommand.RectifyOnSpot) command;
                d.put("description", c.description()).putList("evidence", c.evidence()).put("completedOn", c.completedOn());
                break;
            }
            case PLAN: {
                RectificationPlan p = ((HiddenDangerCommand.Plan) command).plan();
                d.put("plan.responsible", p.responsible().value()).put("plan.measures", p.measures())
                        .put("plan.funds.amount", p.funds().amount().toString())
                        .put("plan.funds.currency", p.funds().currency()).put("plan.deadline", p.deadline())
                        .put("plan.contingencyPlan", p.contingencyPlan());
                p.scheme().ifPresent(s -> d.put("plan.scheme.goalsAndTasks", s.goalsAndTasks())
                        .put("plan.scheme.methodsAndMeasures", s.methodsAndMeasures())
                        .put("plan.scheme.fundsAndMaterials", s.fundsAndMaterials())
                        .put("plan.scheme.organisationAndPeople", s.organisationAndPeople())
                        .put("plan.scheme.timeLimitAndRequirements", s.timeLimitAndRequirements())
                        .put("plan.scheme.safetyMeasuresAndEmergencyPlan", s.safetyMeasuresAndEmergencyPlan()));
                break;
            }
            case START:
                d.putList("rectifiers", ((HiddenDangerCommand.Start) command).rectifiers().stream().map(ActorId::value)
                        .toList());
                break;
            case EXTEND_DEADLINE: {
                HiddenDangerCommand.ExtendDeadline c = (HiddenDangerCommand.ExtendDeadline) command;
                d.put("newDeadline", c.newDeadline()).put("reason", c.reason()).put("approver", c.approver().value());
                break;
            }
            case SUBMIT: {
                HiddenDangerCommand.Submit c = (HiddenDangerCommand.Submit) command;
                d.put("description", c.description()).putList("evidence", c.evidence()).put("completedOn", c.completedOn());
                break;
            }
            case ACCEPT:
                d.put("note", ((HiddenDangerCommand.Accept) command).note());
                break;
            case REJECT:
                d.put("reason", ((HiddenDangerCommand.Reject) command).reason());
                break;
            default:
                throw new IllegalStateException("no encoding for " + command.action());
        }
        return d.text();
    }

    static HiddenDangerCommand decode(HiddenDangerAction action, ActorId actorId, String text) {
        CanonicalData d = CanonicalData.parse(text);
        Actor actor = new Actor(actorId, d.require("actor.unit", OrgUnitId::of),
                new TreeSet<>(d.list("actor.roles", s -> s)));
        switch (action) {
            case REPORT: {
                Optional<String> task = d.optional("inspection.task", s -> s);
                Optional<String> item = d.optional("inspection.item", s -> s);
                Optional<InspectionRef> inspection = task.isPresent() || item.isPresent()
                        ? Optional.of(new InspectionRef(task.orElseThrow(), item.orElseThrow())) : Optional.empty();
                return new HiddenDangerCommand.Report(actor, d.require("id", HiddenDangerId::of), d.require("title"),
                        d.require("description"), d.require("source", HiddenDangerSource::fromCode),
                        d.optional("category", HiddenDangerCategory::fromCode), d.require("unit", OrgUnitId::of),
                        d.require("foundOn", LocalDate::parse), d.optional("riskPoint", RiskPointId::of),
                        d.optional("hazard", HazardId::of), d.optional("failedMeasure", ControlMeasureId::of), inspection,
                        d.list("evidence", URI::create));
            }
            case VERIFY: {
                Optional<AuthorityReport> report = d.optional("authorityReport.statusAndCause", s -> s)
                        .map(s -> new AuthorityReport(s, d.require("authorityReport.harmAndDifficulty"),
                                d.require("authorityReport.treatmentPlan")));
                return new HiddenDangerCommand.Verify(actor, d.require("grade", HiddenDangerGrade::fromCode),
                        d.require("note"), report);
            }
            case WITHDRAW:
                return new HiddenDangerCommand.Withdraw(actor, d.require("reason"));
            case RECTIFY_ON_SPOT:
                return new HiddenDangerCommand.RectifyOnSpot(actor, d.require("description"), d.list("evidence", URI::create),
                        d.require("completedOn", LocalDate::parse));
            case PLAN: {
                Optional<GovernanceScheme> scheme = d.optional("plan.scheme.goalsAndTasks", s -> s)
                        .map(s -> new GovernanceScheme(s, d.require("plan.scheme.methodsAndMeasures"),
                                d.require("plan.scheme.fundsAndMaterials"), d.require("plan.scheme.organisationAndPeople"),
                                d.require("plan.scheme.timeLimitAndRequirements"),
                                d.require("plan.scheme.safetyMeasuresAndEmergencyPlan")));
                return new HiddenDangerCommand.Plan(actor, new RectificationPlan(d.require("plan.responsible", ActorId::of),
                        d.require("plan.measures"),
                        new Funds(d.require("plan.funds.amount", BigDecimal::new), d.require("plan.funds.currency")),
                        d.require("plan.deadline", LocalDate::parse), d.require("plan.contingencyPlan"), scheme));
            }
            case START:
                return new HiddenDangerCommand.Start(actor, d.list("rectifiers", ActorId::of));
            case EXTEND_DEADLINE:
                return new HiddenDangerCommand.ExtendDeadline(actor, d.require("newDeadline", LocalDate::parse),
                        d.require("reason"), d.require("approver", ActorId::of));
            case SUBMIT:
                return new HiddenDangerCommand.Submit(actor, d.require("description"), d.list("evidence", URI::create),
                        d.require("completedOn", LocalDate::parse));
            case ACCEPT:
                return new HiddenDangerCommand.Accept(actor, d.require("note"));
            case REJECT:
                return new HiddenDangerCommand.Reject(actor, d.require("reason"));
            default:
                throw new IllegalStateException("no decoding for " + action);
        }
    }
}
