package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Guards.NON_BLANK;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.Actor;

/** Reject the rectification (验收不通过), with a reason: back to rectification, and counted. */
final class RejectAction extends ActionDefinition<HiddenDangerCommand.Reject> {
    RejectAction() {
        super(HiddenDangerAction.REJECT, HiddenDangerCommand.Reject.class, Set.of(HiddenDangerState.AWAITING_ACCEPTANCE),
                Optional.of(HiddenDangerState.RECTIFYING), AccessClass.RESPONSIBLE, "reason not blank");
    }

    @Override
    void guards(Step<HiddenDangerCommand.Reject> step, LocalDate today, ValidationException.Collector v) {
        String reason = step.command().reason();
        v.addIf(reason.isBlank(), "reason", reason, NON_BLANK);
    }

    @Override
    void effect(Step<HiddenDangerCommand.Reject> step, HiddenDanger.Builder next) {
        next.rectification(Optional.of(step.current().rectification().orElseThrow()
                .withRejection(step.command().reason())));
    }

    @Override
    void write(HiddenDangerCommand.Reject c, CanonicalData d) {
        d.put("reason", c.reason());
    }

    @Override
    HiddenDangerCommand.Reject read(Actor actor, CanonicalData d) {
        return new HiddenDangerCommand.Reject(actor, d.require("reason"));
    }
}
