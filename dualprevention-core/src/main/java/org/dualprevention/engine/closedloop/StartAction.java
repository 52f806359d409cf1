package org.dualprevention.engine.closedloop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Rectification;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;

/** Start the planned rectification (开始整改): the actor and the people named become the rectifiers. */
final class StartAction extends ActionDefinition<HiddenDangerCommand.Start> {
    StartAction() {
        super(HiddenDangerAction.START, HiddenDangerCommand.Start.class, Set.of(HiddenDangerState.PLANNED),
                Optional.of(HiddenDangerState.RECTIFYING), AccessClass.WORKER, "none");
    }

    @Override
    void guards(Step<HiddenDangerCommand.Start> step, LocalDate today, ValidationException.Collector v) {
    }

    @Override
    void effect(Step<HiddenDangerCommand.Start> step, HiddenDanger.Builder next) {
        List<ActorId> rectifiers = new ArrayList<>();
        rectifiers.add(step.actor());
        rectifiers.addAll(step.command().rectifiers());
        next.rectification(Optional.of(Rectification.started(rectifiers)));
    }

    @Override
    void write(HiddenDangerCommand.Start c, CanonicalData d) {
        d.putList("rectifiers", c.rectifiers().stream().map(ActorId::value).toList());
    }

    @Override
    HiddenDangerCommand.Start read(Actor actor, CanonicalData d) {
        return new HiddenDangerCommand.Start(actor, d.list("rectifiers", ActorId::of));
    }
}
