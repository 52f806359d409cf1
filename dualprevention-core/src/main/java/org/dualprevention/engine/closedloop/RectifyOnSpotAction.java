package org.dualprevention.engine.closedloop;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.Grading;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Rectification;
import org.dualprevention.danger.Submission;
import org.dualprevention.organization.Actor;

/**
 * Rectify a general hidden danger on the spot (立查立改): it grades an unverified one general and goes
 * straight to acceptance by someone else. Rectified without verification, it asks for the reassessment a
 * verification would have asked for.
 */
final class RectifyOnSpotAction extends ActionDefinition<HiddenDangerCommand.RectifyOnSpot> {
    RectifyOnSpotAction() {
        super(HiddenDangerAction.RECTIFY_ON_SPOT, HiddenDangerCommand.RectifyOnSpot.class,
                Set.of(HiddenDangerState.REPORTED, HiddenDangerState.VERIFIED),
                Optional.of(HiddenDangerState.AWAITING_ACCEPTANCE), AccessClass.WORKER_MAJOR_LEVEL,
                "not graded MAJOR (grades it GENERAL); description not blank; evidence given;"
                        + " completedOn between the day found and today");
    }

    @Override
    void guards(Step<HiddenDangerCommand.RectifyOnSpot> step, LocalDate today, ValidationException.Collector v) {
        HiddenDanger h = step.current();
        HiddenDangerCommand.RectifyOnSpot c = step.command();
        v.addIf(h.grade().orElse(HiddenDangerGrade.GENERAL) == HiddenDangerGrade.MAJOR, "grade", HiddenDangerGrade.MAJOR,
                "GENERAL: only a general hidden danger is rectified on the spot");
        Guards.rectification(v, h.foundOn(), c.description(), c.evidence(), c.completedOn(), today);
    }

    @Override
    void effect(Step<HiddenDangerCommand.RectifyOnSpot> step, HiddenDanger.Builder next) {
        HiddenDangerCommand.RectifyOnSpot c = step.command();
        if (step.current().grading().isEmpty()) {
            next.grading(Optional.of(Grading.generalOnTheSpot()));
        }
        next.rectification(Optional.of(Rectification.onTheSpot(step.actor(),
                new Submission(c.description(), c.evidence(), c.completedOn()))));
    }

    @Override
    void events(Step<HiddenDangerCommand.RectifyOnSpot> step, HiddenDanger next, ZoneId orgZone,
            List<HiddenDangerEvent> out) {
        if (step.current().state() == HiddenDangerState.REPORTED) {
            reassessment(step.current(), step.at()).ifPresent(out::add);
        }
    }

    @Override
    void write(HiddenDangerCommand.RectifyOnSpot c, CanonicalData d) {
        d.put("description", c.description()).putList("evidence", c.evidence()).put("completedOn", c.completedOn());
    }

    @Override
    HiddenDangerCommand.RectifyOnSpot read(Actor actor, CanonicalData d) {
        return new HiddenDangerCommand.RectifyOnSpot(actor, d.require("description"), d.list("evidence", URI::create),
                d.require("completedOn", LocalDate::parse));
    }
}
