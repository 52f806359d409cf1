package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Guards.NON_BLANK;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Planning;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;

/**
 * Plan the rectification with the five implementations (五落实): responsible person, measures, funds,
 * deadline and contingency plan; for a major one also the six-element governance scheme (16号令 Art. 15).
 */
final class PlanAction extends ActionDefinition<HiddenDangerCommand.Plan> {
    PlanAction() {
        super(HiddenDangerAction.PLAN, HiddenDangerCommand.Plan.class, Set.of(HiddenDangerState.VERIFIED),
                Optional.of(HiddenDangerState.PLANNED), AccessClass.RESPONSIBLE,
                "five implementations: responsible, measures, funds (not negative, ISO 4217 currency),"
                        + " deadline not before today, contingency plan; a MAJOR one also the six-element scheme");
    }

    @Override
    void guards(Step<HiddenDangerCommand.Plan> step, LocalDate today, ValidationException.Collector v) {
        RectificationPlan p = step.command().plan();
        v.addIf(p.measures().isBlank(), "plan.measures", p.measures(), NON_BLANK);
        BigDecimal amount = p.funds().amount();
        v.addIf(amount.signum() < 0, "plan.funds.amount", amount.toPlainString(), "an amount not negative");
        if (!Guards.isCurrency(p.funds().currency())) {
            v.add("plan.funds.currency", p.funds().currency(), "an ISO 4217 currency code such as CNY");
        }
        v.addIf(p.deadline().isBefore(today), "plan.deadline", p.deadline(), "a date not before today [" + today + "]");
        v.addIf(p.contingencyPlan().isBlank(), "plan.contingencyPlan", p.contingencyPlan(), NON_BLANK);
        if (step.current().grade().orElseThrow() == HiddenDangerGrade.MAJOR) {
            if (p.scheme().isEmpty()) {
                v.add("plan.scheme", "none", "the six-element governance scheme for a MAJOR hidden danger");
            } else {
                GovernanceScheme s = p.scheme().get();
                v.addIf(s.goalsAndTasks().isBlank(), "plan.scheme.goalsAndTasks", s.goalsAndTasks(), NON_BLANK);
                v.addIf(s.methodsAndMeasures().isBlank(), "plan.scheme.methodsAndMeasures", s.methodsAndMeasures(),
                        NON_BLANK);
                v.addIf(s.fundsAndMaterials().isBlank(), "plan.scheme.fundsAndMaterials", s.fundsAndMaterials(),
                        NON_BLANK);
                v.addIf(s.organisationAndPeople().isBlank(), "plan.scheme.organisationAndPeople",
                        s.organisationAndPeople(), NON_BLANK);
                v.addIf(s.timeLimitAndRequirements().isBlank(), "plan.scheme.timeLimitAndRequirements",
                        s.timeLimitAndRequirements(), NON_BLANK);
                v.addIf(s.safetyMeasuresAndEmergencyPlan().isBlank(), "plan.scheme.safetyMeasuresAndEmergencyPlan",
                        s.safetyMeasuresAndEmergencyPlan(), NON_BLANK);
            }
        }
    }

    @Override
    void effect(Step<HiddenDangerCommand.Plan> step, HiddenDanger.Builder next) {
        next.planning(Optional.of(Planning.of(step.command().plan())));
    }

    @Override
    void write(HiddenDangerCommand.Plan c, CanonicalData d) {
        RectificationPlan p = c.plan();
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
    }

    @Override
    HiddenDangerCommand.Plan read(Actor actor, CanonicalData d) {
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
}
