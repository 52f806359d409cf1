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
import org.dualprevention.danger.Withdrawal;
import org.dualprevention.organization.Actor;

/** Withdraw a report as not a hidden danger (撤销), with a reason. */
final class WithdrawAction extends ActionDefinition<HiddenDangerCommand.Withdraw> {
    WithdrawAction() {
        super(HiddenDangerAction.WITHDRAW, HiddenDangerCommand.Withdraw.class,
                Set.of(HiddenDangerState.REPORTED, HiddenDangerState.VERIFIED), Optional.of(HiddenDangerState.WITHDRAWN),
                AccessClass.RESPONSIBLE, "reason not blank");
    }

    @Override
    void guards(Step<HiddenDangerCommand.Withdraw> step, LocalDate today, ValidationException.Collector v) {
        String reason = step.command().reason();
        v.addIf(reason.isBlank(), "reason", reason, NON_BLANK);
    }

    @Override
    void effect(Step<HiddenDangerCommand.Withdraw> step, HiddenDanger.Builder next) {
        next.withdrawal(Optional.of(new Withdrawal(step.actor(), step.command().reason())));
    }

    @Override
    void write(HiddenDangerCommand.Withdraw c, CanonicalData d) {
        d.put("reason", c.reason());
    }

    @Override
    HiddenDangerCommand.Withdraw read(Actor actor, CanonicalData d) {
        return new HiddenDangerCommand.Withdraw(actor, d.require("reason"));
    }
}
