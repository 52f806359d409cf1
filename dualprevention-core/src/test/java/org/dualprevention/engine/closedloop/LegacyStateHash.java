package org.dualprevention.engine.closedloop;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.DeadlineExtension;
import org.dualprevention.danger.Finding;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.Grading;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.Planning;
import org.dualprevention.danger.Rectification;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Submission;
import org.dualprevention.organization.ActorId;

/** TEST ONLY: {@link StateHash}'s canonical form as release 0.2 wrote it before issue 17, kept unchanged. */
final class LegacyStateHash {
    private LegacyStateHash() {
    }

    static String canonicalForm(HiddenDanger danger) {
        Objects.requireNonNull(danger, "danger");
        LegacyCanonicalData d = LegacyCanonicalData.empty()
                .put("stateHashFormat", 1)
                .put("id", danger.id().value())
                .put("version", danger.version())
                .put("state", danger.state().code())
                .put("lastActionAt", danger.lastActionAt());
        finding(d, danger.finding());
        danger.grading().ifPresent(g -> grading(d, g));
        danger.planning().ifPresent(p -> planning(d, p));
        danger.rectification().ifPresent(r -> rectification(d, r));
        danger.acceptance().ifPresent(a -> d.put("acceptance.acceptor", a.acceptor().value())
                .put("acceptance.closedAt", a.closedAt()));
        danger.withdrawal().ifPresent(w -> d.put("withdrawal.withdrawnBy", w.withdrawnBy().value())
                .put("withdrawal.reason", w.reason()));
        return d.text();
    }

    private static void finding(LegacyCanonicalData d, Finding f) {
        d.put("finding.title", f.title())
                .put("finding.description", f.description())
                .put("finding.source", f.source().code())
                .putOptional("finding.category", f.category().map(c -> c.code()))
                .put("finding.unit", f.unit().value())
                .put("finding.reporter", f.reporter().value())
                .put("finding.reportedAt", f.reportedAt())
                .put("finding.foundOn", f.foundOn())
                .putOptional("finding.riskPoint", f.riskPoint().map(r -> r.value()))
                .putOptional("finding.hazard", f.hazard().map(h -> h.value()))
                .putOptional("finding.failedMeasure", f.failedMeasure().map(m -> m.value()))
                .putOptional("finding.inspection.task", f.inspection().map(i -> i.task()))
                .putOptional("finding.inspection.item", f.inspection().map(i -> i.item()))
                .putList("finding.evidence", f.evidence().stream().map(URI::toString).toList());
    }

    private static void grading(LegacyCanonicalData d, Grading g) {
        d.put("grading.grade", g.grade().code())
                .putOptional("grading.verifier", g.verifier().map(ActorId::value));
        Optional<AuthorityReport> report = g.authorityReport();
        report.ifPresent(r -> d.put("grading.authorityReport.statusAndCause", r.statusAndCause())
                .put("grading.authorityReport.harmAndDifficulty", r.harmAndDifficulty())
                .put("grading.authorityReport.treatmentPlan", r.treatmentPlan()));
    }

    private static void planning(LegacyCanonicalData d, Planning p) {
        RectificationPlan plan = p.plan();
        d.put("planning.plan.responsible", plan.responsible().value())
                .put("planning.plan.measures", plan.measures())
                .put("planning.plan.funds.amount", plan.funds().amount().toString())
                .put("planning.plan.funds.currency", plan.funds().currency())
                .put("planning.plan.deadline", plan.deadline())
                .put("planning.plan.contingencyPlan", plan.contingencyPlan());
        plan.scheme().ifPresent(s -> scheme(d, s));
        for (int i = 0; i < p.extensions().size(); i++) {
            DeadlineExtension e = p.extensions().get(i);
            String k = "planning.extensions." + i + ".";
            d.put(k + "from", e.from()).put(k + "to", e.to()).put(k + "reason", e.reason())
                    .put(k + "requestedBy", e.requestedBy().value()).put(k + "approver", e.approver().value())
                    .put(k + "at", e.at());
        }
    }

    private static void scheme(LegacyCanonicalData d, GovernanceScheme s) {
        d.put("planning.plan.scheme.goalsAndTasks", s.goalsAndTasks())
                .put("planning.plan.scheme.methodsAndMeasures", s.methodsAndMeasures())
                .put("planning.plan.scheme.fundsAndMaterials", s.fundsAndMaterials())
                .put("planning.plan.scheme.organisationAndPeople", s.organisationAndPeople())
                .put("planning.plan.scheme.timeLimitAndRequirements", s.timeLimitAndRequirements())
                .put("planning.plan.scheme.safetyMeasuresAndEmergencyPlan", s.safetyMeasuresAndEmergencyPlan());
    }

    private static void rectification(LegacyCanonicalData d, Rectification r) {
        d.putList("rectification.rectifiers", r.rectifiers().stream().map(ActorId::value).toList())
                .putList("rectification.submitters", r.submitters().stream().map(ActorId::value).toList())
                .put("rectification.onSpot", r.onSpot())
                .put("rectification.rejections", r.rejections())
                .putOptional("rectification.lastRejectionReason", r.lastRejectionReason());
        r.lastSubmission().ifPresent(s -> submission(d, s));
    }

    private static void submission(LegacyCanonicalData d, Submission s) {
        d.put("rectification.lastSubmission.description", s.description())
                .putList("rectification.lastSubmission.evidence", s.evidence().stream().map(URI::toString).toList())
                .put("rectification.lastSubmission.completedOn", s.completedOn());
    }
}
