package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Guards.NON_BLANK;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.Grading;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.Actor;

/**
 * Verify and grade (核实定级). A major one carries the report to the authority (16号令 Art. 14), which is
 * sent as an event; a hidden danger naming a failed control measure asks for its hazard's reassessment.
 */
final class VerifyAction extends ActionDefinition<HiddenDangerCommand.Verify> {
    VerifyAction() {
        super(HiddenDangerAction.VERIFY, HiddenDangerCommand.Verify.class, Set.of(HiddenDangerState.REPORTED),
                Optional.of(HiddenDangerState.VERIFIED), AccessClass.RESPONSIBLE,
                "grade given; a MAJOR one needs the authority report (status and cause, harm and difficulty,"
                        + " treatment plan)");
    }

    @Override
    void guards(Step<HiddenDangerCommand.Verify> step, LocalDate today, ValidationException.Collector v) {
        HiddenDangerCommand.Verify c = step.command();
        if (c.grade() == HiddenDangerGrade.MAJOR) {
            if (c.authorityReport().isEmpty()) {
                v.add("authorityReport", "none", "the report to the authority (status and cause, harm and difficulty,"
                        + " treatment plan) for a MAJOR hidden danger");
            } else {
                AuthorityReport a = c.authorityReport().get();
                v.addIf(a.statusAndCause().isBlank(), "authorityReport.statusAndCause", a.statusAndCause(), NON_BLANK);
                v.addIf(a.harmAndDifficulty().isBlank(), "authorityReport.harmAndDifficulty", a.harmAndDifficulty(),
                        NON_BLANK);
                v.addIf(a.treatmentPlan().isBlank(), "authorityReport.treatmentPlan", a.treatmentPlan(), NON_BLANK);
            }
        }
    }

    @Override
    void effect(Step<HiddenDangerCommand.Verify> step, HiddenDanger.Builder next) {
        HiddenDangerCommand.Verify c = step.command();
        next.grading(Optional.of(Grading.verified(c.grade(), step.actor(), c.authorityReport())));
    }

    @Override
    void events(Step<HiddenDangerCommand.Verify> step, HiddenDanger next, ZoneId orgZone,
            List<HiddenDangerEvent> out) {
        HiddenDanger h = step.current();
        if (next.grade().orElseThrow() == HiddenDangerGrade.MAJOR) {
            out.add(new HiddenDangerEvent.MajorReportedToAuthority(h.id(), step.at(), h.unit(), h.title(),
                    next.authorityReport().orElseThrow(), h.riskPoint()));
        }
        reassessment(h, step.at()).ifPresent(out::add);
    }

    @Override
    void write(HiddenDangerCommand.Verify c, CanonicalData d) {
        d.put("grade", c.grade().code()).put("note", c.note());
        c.authorityReport().ifPresent(a -> d.put("authorityReport.statusAndCause", a.statusAndCause())
                .put("authorityReport.harmAndDifficulty", a.harmAndDifficulty())
                .put("authorityReport.treatmentPlan", a.treatmentPlan()));
    }

    @Override
    HiddenDangerCommand.Verify read(Actor actor, CanonicalData d) {
        Optional<AuthorityReport> report = d.optional("authorityReport.statusAndCause", s -> s)
                .map(s -> new AuthorityReport(s, d.require("authorityReport.harmAndDifficulty"),
                        d.require("authorityReport.treatmentPlan")));
        return new HiddenDangerCommand.Verify(actor, d.require("grade", HiddenDangerGrade::fromCode), d.require("note"),
                report);
    }

    @Override
    Optional<HiddenDangerGrade> gradeGiven(HiddenDangerCommand.Verify command) {
        return Optional.of(command.grade());
    }
}
