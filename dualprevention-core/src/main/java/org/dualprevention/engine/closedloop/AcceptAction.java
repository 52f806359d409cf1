package org.dualprevention.engine.closedloop;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.Acceptance;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;

/**
 * Accept the rectification and close the loop (验收销号), by someone who took no part in it (separation of
 * duties: no rectifier, submitter or responsible person).
 */
final class AcceptAction extends ActionDefinition<HiddenDangerCommand.Accept> {
    AcceptAction() {
        super(HiddenDangerAction.ACCEPT, HiddenDangerCommand.Accept.class, Set.of(HiddenDangerState.AWAITING_ACCEPTANCE),
                Optional.of(HiddenDangerState.CLOSED), AccessClass.RESPONSIBLE,
                "acceptor is no rectifier, submitter or responsible person (separation of duties)");
    }

    @Override
    void separationOfDuties(HiddenDanger current, HiddenDangerCommand.Accept command) {
        ActorId actor = command.actor().id();
        if (current.rectificationParties().contains(actor)) {
            throw new AccessDeniedException(actor.value(), command.action().name(), current.id().value(),
                    "separation of duties: the acceptor must not be a rectifier, submitter or the responsible person "
                            + current.rectificationParties());
        }
    }

    @Override
    void guards(Step<HiddenDangerCommand.Accept> step, LocalDate today, ValidationException.Collector v) {
    }

    @Override
    void effect(Step<HiddenDangerCommand.Accept> step, HiddenDanger.Builder next) {
        next.acceptance(Optional.of(new Acceptance(step.actor(), step.at())));
    }

    @Override
    void events(Step<HiddenDangerCommand.Accept> step, HiddenDanger next, ZoneId orgZone,
            List<HiddenDangerEvent> out) {
        HiddenDanger h = step.current();
        boolean onTime = h.deadline().map(d -> !LocalDate.ofInstant(step.at(), orgZone).isAfter(d)).orElse(true);
        out.add(new HiddenDangerEvent.Closed(h.id(), step.at(), step.actor(), next.grade().orElseThrow(), h.unit(),
                onTime, h.rejections()));
    }

    @Override
    void write(HiddenDangerCommand.Accept c, CanonicalData d) {
        d.put("note", c.note());
    }

    @Override
    HiddenDangerCommand.Accept read(Actor actor, CanonicalData d) {
        return new HiddenDangerCommand.Accept(actor, d.require("note"));
    }
}
