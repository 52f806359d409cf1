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
import org.dualprevention.engine.digest.Sha256;
import org.dualprevention.organization.ActorId;
import org.jspecify.annotations.Nullable;

/**
 * The digest of one state of a hidden danger (状态摘要): the lower-case hex SHA-256 of its canonical form,
 * defined here once for the engine, every storage and every import. An audit entry in
 * {@link org.dualprevention.danger.AuditEntry#FORMAT_2 format 2} records the hash of the state it produces and
 * its own hash covers it, so a stored snapshot is checked against its head entry without replaying the chain
 * ({@link AuditChain#checkSnapshot}).
 *
 * <p>The canonical form is {@code key=value} lines sorted by key, each ending in a line feed, values escaped as
 * in {@link org.dualprevention.danger.AuditEntry#data()}. It holds every component of the hidden danger but
 * its {@link HiddenDanger#auditHead() audit head} (which is the hash of the entry that records this digest):
 * the id, version, state code and last action time, then every field of every group (finding, grading,
 * planning, rectification, acceptance, withdrawal) under a dotted key, lists as {@code key.0}, {@code key.1},
 * …, absent optional values with no line. Enumerations are written as their codes, instants and dates in
 * ISO-8601, amounts by {@link java.math.BigDecimal#toString()} (so {@code 1.0} and {@code 1.00} differ, as
 * they do under {@code equals}). The first line is {@code stateHashFormat=1}. The form is fixed: a change is
 * a new format, never an edit of this one. It does not depend on any JSON library.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.2
 */
public final class StateHash {
    /** The version of the canonical form, written as its first line. */
    static final int FORMAT = 1;

    private StateHash() {
    }

    /**
     * The digest of a hidden danger's state.
     *
     * @param danger the hidden danger
     * @return 64 lower-case hex digits
     */
    public static String of(HiddenDanger danger) {
        Memo m = last;
        if (m != null && m.danger == danger) {
            return m.hash;
        }
        return Sha256.hex(canonicalForm(danger));
    }

    /** A hidden danger (by identity) and its digest. */
    private record Memo(HiddenDanger danger, String hash) {
    }

    /**
     * The digest the closed loop computed last, for the version it stored: the storage's load of that version
     * (the next command's first step) checks the snapshot against its head entry and would otherwise encode and
     * hash the same immutable object again. Keyed by identity, so any other object (a copy, an edited snapshot)
     * is hashed; shared by all threads (a race only costs a miss).
     */
    private static volatile @Nullable Memo last;

    /**
     * Remembers the digest of a version the closed loop just made (its digest is the one of the state it was
     * computed over: the audit head, the only component that differs, is not part of the canonical form).
     */
    static void remember(HiddenDanger danger, String hash) {
        last = new Memo(danger, hash);
    }

    /**
     * The text the digest is computed over (documented above).
     *
     * @param danger the hidden danger
     * @return the canonical form
     */
    public static String canonicalForm(HiddenDanger danger) {
        Objects.requireNonNull(danger, "danger");
        CanonicalData d = CanonicalData.empty()
                .put("stateHashFormat", FORMAT)
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

    private static void finding(CanonicalData d, Finding f) {
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

    private static void grading(CanonicalData d, Grading g) {
        d.put("grading.grade", g.grade().code())
                .putOptional("grading.verifier", g.verifier().map(ActorId::value));
        Optional<AuthorityReport> report = g.authorityReport();
        report.ifPresent(r -> d.put("grading.authorityReport.statusAndCause", r.statusAndCause())
                .put("grading.authorityReport.harmAndDifficulty", r.harmAndDifficulty())
                .put("grading.authorityReport.treatmentPlan", r.treatmentPlan()));
    }

    private static void planning(CanonicalData d, Planning p) {
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

    private static void scheme(CanonicalData d, GovernanceScheme s) {
        d.put("planning.plan.scheme.goalsAndTasks", s.goalsAndTasks())
                .put("planning.plan.scheme.methodsAndMeasures", s.methodsAndMeasures())
                .put("planning.plan.scheme.fundsAndMaterials", s.fundsAndMaterials())
                .put("planning.plan.scheme.organisationAndPeople", s.organisationAndPeople())
                .put("planning.plan.scheme.timeLimitAndRequirements", s.timeLimitAndRequirements())
                .put("planning.plan.scheme.safetyMeasuresAndEmergencyPlan", s.safetyMeasuresAndEmergencyPlan());
    }

    private static void rectification(CanonicalData d, Rectification r) {
        d.putList("rectification.rectifiers", r.rectifiers().stream().map(ActorId::value).toList())
                .putList("rectification.submitters", r.submitters().stream().map(ActorId::value).toList())
                .put("rectification.onSpot", r.onSpot())
                .put("rectification.rejections", r.rejections())
                .putOptional("rectification.lastRejectionReason", r.lastRejectionReason());
        r.lastSubmission().ifPresent(s -> submission(d, s));
    }

    private static void submission(CanonicalData d, Submission s) {
        d.put("rectification.lastSubmission.description", s.description())
                .putList("rectification.lastSubmission.evidence", s.evidence().stream().map(URI::toString).toList())
                .put("rectification.lastSubmission.completedOn", s.completedOn());
    }
}
