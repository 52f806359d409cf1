package org.dualprevention.engine.closedloop;

import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Submission;
import org.dualprevention.organization.Actor;

/** Hand the rectification in for acceptance (提交验收), with evidence. */
final class SubmitAction extends ActionDefinition<HiddenDangerCommand.Submit> {
    SubmitAction() {
        super(HiddenDangerAction.SUBMIT, HiddenDangerCommand.Submit.class, Set.of(HiddenDangerState.RECTIFYING),
                Optional.of(HiddenDangerState.AWAITING_ACCEPTANCE), AccessClass.WORKER,
                "description not blank; evidence given; completedOn between the day found and today");
    }

    @Override
    void guards(Step<HiddenDangerCommand.Submit> step, LocalDate today, ValidationException.Collector v) {
        HiddenDangerCommand.Submit c = step.command();
        Guards.rectification(v, step.current().foundOn(), c.description(), c.evidence(), c.completedOn(), today);
    }

    @Override
    void effect(Step<HiddenDangerCommand.Submit> step, HiddenDanger.Builder next) {
        HiddenDangerCommand.Submit c = step.command();
        next.rectification(Optional.of(step.current().rectification().orElseThrow().withSubmission(step.actor(),
                new Submission(c.description(), c.evidence(), c.completedOn()))));
    }

    @Override
    void write(HiddenDangerCommand.Submit c, CanonicalData d) {
        d.put("description", c.description()).putList("evidence", c.evidence()).put("completedOn", c.completedOn());
    }

    @Override
    HiddenDangerCommand.Submit read(Actor actor, CanonicalData d) {
        return new HiddenDangerCommand.Submit(actor, d.require("description"), d.list("evidence", URI::create),
                d.require("completedOn", LocalDate::parse));
    }
}
