package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Guards.NON_BLANK;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.DeadlineExtension;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;

/**
 * Extend the deadline in force (延期), to a day not already past, with a reason and an approver other than the
 * requester, whom the access policy judges as it judges a decision on the hidden danger ({@link #approverAccess}:
 * its unit or above, at the major level for a major one); the state stays the same and the extension is counted.
 *
 * <p>The audit data records the approver's id, unit and roles. Entries written by release 0.1 recorded the id
 * only; they are read with the approver in the requester's unit and without roles (a replay uses the id only).
 */
final class ExtendDeadlineAction extends ActionDefinition<HiddenDangerCommand.ExtendDeadline> {
    ExtendDeadlineAction() {
        super(HiddenDangerAction.EXTEND_DEADLINE, HiddenDangerCommand.ExtendDeadline.class,
                Set.of(HiddenDangerState.PLANNED, HiddenDangerState.RECTIFYING), Optional.empty(),
                AccessClass.WORKER_MAJOR_LEVEL,
                "a deadline in force; new deadline after it and not before today; reason not blank;"
                        + " approver is not the requester (separation of duties); approver's unit in the organisation,"
                        + " at or above the hidden danger's unit, and if major at the major level (access policy)");
    }

    @Override
    void separationOfDuties(HiddenDanger current, HiddenDangerCommand.ExtendDeadline command) {
        ActorId actor = command.actor().id();
        if (command.approver().id().equals(actor)) {
            throw new AccessDeniedException(actor.value(), command.action().name(), current.id().value(),
                    "separation of duties: a deadline extension must be approved by someone other than the requester");
        }
    }

    @Override
    void guards(Step<HiddenDangerCommand.ExtendDeadline> step, LocalDate today, ValidationException.Collector v) {
        HiddenDangerCommand.ExtendDeadline c = step.command();
        Optional<LocalDate> deadline = step.current().deadline();
        if (deadline.isEmpty()) {
            v.add("newDeadline", c.newDeadline(), "an extension only when a deadline is in force; none is");
        } else if (!c.newDeadline().isAfter(deadline.get())) {
            v.add("newDeadline", c.newDeadline(), "a date after the deadline in force [" + deadline.get() + "]");
        } else if (c.newDeadline().isBefore(today)) {
            v.add("newDeadline", c.newDeadline(), "a date not before today [" + today
                    + "]: an extension to a day already past leaves the hidden danger overdue");
        }
        v.addIf(c.reason().isBlank(), "reason", c.reason(), NON_BLANK);
    }

    /** The approver decides about the extension: the unit responsible or a higher one; if major, at the major level. */
    @Override
    Optional<Actor> approver(HiddenDangerCommand.ExtendDeadline command) {
        return Optional.of(command.approver());
    }

    @Override
    Optional<AccessClass> approverAccess() {
        return Optional.of(AccessClass.RESPONSIBLE);
    }

    @Override
    void effect(Step<HiddenDangerCommand.ExtendDeadline> step, HiddenDanger.Builder next) {
        HiddenDanger h = step.current();
        HiddenDangerCommand.ExtendDeadline c = step.command();
        next.planning(Optional.of(h.planning().orElseThrow().withExtension(new DeadlineExtension(
                h.deadline().orElseThrow(), c.newDeadline(), c.reason(), step.actor(), c.approver().id(), step.at()))));
    }

    @Override
    void events(Step<HiddenDangerCommand.ExtendDeadline> step, HiddenDanger next, ZoneId orgZone,
            List<HiddenDangerEvent> out) {
        List<DeadlineExtension> all = next.extensions();
        out.add(new HiddenDangerEvent.DeadlineExtended(next.id(), step.at(), all.get(all.size() - 1), all.size()));
    }

    @Override
    void write(HiddenDangerCommand.ExtendDeadline c, CanonicalData d) {
        d.put("newDeadline", c.newDeadline()).put("reason", c.reason()).put("approver", c.approver().id().value())
                .put("approver.unit", c.approver().unit().value());
        d.putList("approver.roles", c.approver().roles().stream().toList());
    }

    @Override
    HiddenDangerCommand.ExtendDeadline read(Actor actor, CanonicalData d) {
        return new HiddenDangerCommand.ExtendDeadline(actor, d.require("newDeadline", LocalDate::parse),
                d.require("reason"), new Actor(d.require("approver", ActorId::of),
                        d.optional("approver.unit", OrgUnitId::of).orElse(actor.unit()),
                        new TreeSet<>(d.list("approver.roles", s -> s))));
    }
}
