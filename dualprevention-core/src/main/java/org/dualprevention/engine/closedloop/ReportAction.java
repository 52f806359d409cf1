package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Guards.NON_BLANK;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.Finding;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/** Report a hidden danger (上报): creates it in {@link HiddenDangerState#REPORTED}. */
final class ReportAction extends ActionDefinition<HiddenDangerCommand.Report> {
    ReportAction() {
        super(HiddenDangerAction.REPORT, HiddenDangerCommand.Report.class, Set.of(),
                Optional.of(HiddenDangerState.REPORTED), AccessClass.ANYONE,
                "title not blank; foundOn not after today; hazard only with riskPoint, failedMeasure only with hazard;"
                        + " inspection reference iff source INSPECTION; evidence URIs absolute");
    }

    @Override
    void guards(Step<HiddenDangerCommand.Report> step, LocalDate today, ValidationException.Collector v) {
        HiddenDangerCommand.Report r = step.command();
        v.addIf(r.title().isBlank(), "title", r.title(), NON_BLANK);
        v.addIf(r.foundOn().isAfter(today), "foundOn", r.foundOn(), "a date not after today [" + today + "]");
        v.addIf(r.hazard().isPresent() && r.riskPoint().isEmpty(), "hazard", r.hazard().orElse(null),
                "a hazard only together with its riskPoint");
        v.addIf(r.failedMeasure().isPresent() && r.hazard().isEmpty(), "failedMeasure",
                r.failedMeasure().orElse(null), "a failed measure only together with its hazard");
        if (r.source() == HiddenDangerSource.INSPECTION && r.inspection().isEmpty()) {
            v.add("inspection", "none", "an inspection reference (task and item) when the source is INSPECTION");
        }
        if (r.source() != HiddenDangerSource.INSPECTION && r.inspection().isPresent()) {
            v.add("inspection", r.inspection().get(), "none unless the source is INSPECTION");
        }
        r.inspection().ifPresent(i -> {
            v.addIf(i.task().isBlank(), "inspection.task", i.task(), NON_BLANK);
            v.addIf(i.item().isBlank(), "inspection.item", i.item(), NON_BLANK);
        });
        Guards.evidence(v, "evidence", r.evidence(), false);
    }

    @Override
    void effect(Step<HiddenDangerCommand.Report> step, HiddenDanger.Builder next) {
        HiddenDangerCommand.Report r = step.command();
        next.finding(new Finding(r.title(), r.description(), r.source(), r.category(), r.unit(), step.actor(),
                step.at(), r.foundOn(), r.riskPoint(), r.hazard(), r.failedMeasure(), r.inspection(), r.evidence()));
    }

    @Override
    void events(Step<HiddenDangerCommand.Report> step, HiddenDanger next, ZoneId orgZone,
            List<HiddenDangerEvent> out) {
        out.add(new HiddenDangerEvent.Reported(next.id(), step.at(), next.reporter(), next.unit(), next.source(),
                next.title(), next.riskPoint()));
    }

    @Override
    void write(HiddenDangerCommand.Report c, CanonicalData d) {
        d.put("id", c.id().value()).put("title", c.title()).put("description", c.description())
                .put("source", c.source().code()).putOptional("category", c.category().map(HiddenDangerCategory::code))
                .put("unit", c.unit().value()).put("foundOn", c.foundOn())
                .putOptional("riskPoint", c.riskPoint().map(RiskPointId::value))
                .putOptional("hazard", c.hazard().map(HazardId::value))
                .putOptional("failedMeasure", c.failedMeasure().map(ControlMeasureId::value))
                .putOptional("inspection.task", c.inspection().map(InspectionRef::task))
                .putOptional("inspection.item", c.inspection().map(InspectionRef::item))
                .putList("evidence", c.evidence());
    }

    @Override
    HiddenDangerCommand.Report read(Actor actor, CanonicalData d) {
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
}
