package org.dualprevention.engine.closedloop;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import org.dualprevention.danger.Acceptance;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.DeadlineExtension;
import org.dualprevention.danger.Finding;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.Grading;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.Planning;
import org.dualprevention.danger.Rectification;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Submission;
import org.dualprevention.danger.Withdrawal;
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
        Objects.requireNonNull(danger, "danger");
        StringBuilder sb = TEXT.get();
        sb.setLength(0);
        write(danger, sb);
        String hash = Sha256.hex(sb.toString());
        if (sb.capacity() > 1 << 16) {
            TEXT.remove(); // a very long text: do not keep its buffer
        }
        return hash;
    }

    /** A buffer per thread for the canonical form that is only hashed (a kilobyte or so per command otherwise). */
    private static final ThreadLocal<StringBuilder> TEXT = ThreadLocal.withInitial(() -> new StringBuilder(1024));

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
        StringBuilder sb = new StringBuilder(1024);
        write(danger, sb);
        return sb.toString();
    }

    /**
     * Appends the canonical form to {@code sb}: the lines written straight in key order (the order of
     * {@link String#compareTo}, which {@link CanonicalData#text()} sorts into), so no key is sorted, no value is
     * kept as a separate text and no list of lines is built. The order below is that sort's, worked out once
     * for the fixed keys; list indices go in the order of their decimal texts ({@code 0, 1, 10, 11, 2, …}, see
     * {@link CanonicalData#indexOrder}). An equivalence test compares it with the sorting encoder on random
     * hidden dangers.
     */
    static void write(HiddenDanger danger, StringBuilder sb) {
        Optional<Acceptance> acceptance = danger.acceptance();
        if (acceptance.isPresent()) {
            Acceptance a = acceptance.get();
            CanonicalData.line(sb, "acceptance.acceptor", a.acceptor().value());
            CanonicalData.line(sb, "acceptance.closedAt", a.closedAt());
        }
        finding(sb, danger.finding());
        Optional<Grading> grading = danger.grading();
        if (grading.isPresent()) {
            grading(sb, grading.get());
        }
        CanonicalData.line(sb, "id", danger.id().value());
        CanonicalData.line(sb, "lastActionAt", danger.lastActionAt());
        Optional<Planning> planning = danger.planning();
        if (planning.isPresent()) {
            planning(sb, planning.get());
        }
        Optional<Rectification> rectification = danger.rectification();
        if (rectification.isPresent()) {
            rectification(sb, rectification.get());
        }
        CanonicalData.plainLine(sb, "state", danger.state().code());
        CanonicalData.line(sb, "stateHashFormat", FORMAT);
        CanonicalData.line(sb, "version", danger.version());
        Optional<Withdrawal> withdrawal = danger.withdrawal();
        if (withdrawal.isPresent()) {
            Withdrawal w = withdrawal.get();
            CanonicalData.line(sb, "withdrawal.reason", w.reason());
            CanonicalData.line(sb, "withdrawal.withdrawnBy", w.withdrawnBy().value());
        }
    }

    private static void finding(StringBuilder sb, Finding f) {
        if (f.category().isPresent()) {
            CanonicalData.plainLine(sb, "finding.category", f.category().get().code());
        }
        CanonicalData.line(sb, "finding.description", f.description());
        List<URI> evidence = f.evidence();
        int[] order = CanonicalData.indexOrder(evidence.size());
        for (int i : order) {
            CanonicalData.line(sb, "finding.evidence.", i, evidence.get(i).toString());
        }
        if (f.failedMeasure().isPresent()) {
            CanonicalData.line(sb, "finding.failedMeasure", f.failedMeasure().get().value());
        }
        CanonicalData.line(sb, "finding.foundOn", f.foundOn());
        if (f.hazard().isPresent()) {
            CanonicalData.line(sb, "finding.hazard", f.hazard().get().value());
        }
        if (f.inspection().isPresent()) {
            InspectionRef i = f.inspection().get();
            CanonicalData.line(sb, "finding.inspection.item", i.item());
            CanonicalData.line(sb, "finding.inspection.task", i.task());
        }
        CanonicalData.line(sb, "finding.reportedAt", f.reportedAt());
        CanonicalData.line(sb, "finding.reporter", f.reporter().value());
        if (f.riskPoint().isPresent()) {
            CanonicalData.line(sb, "finding.riskPoint", f.riskPoint().get().value());
        }
        CanonicalData.plainLine(sb, "finding.source", f.source().code());
        CanonicalData.line(sb, "finding.title", f.title());
        CanonicalData.line(sb, "finding.unit", f.unit().value());
    }

    private static void grading(StringBuilder sb, Grading g) {
        if (g.authorityReport().isPresent()) {
            AuthorityReport r = g.authorityReport().get();
            CanonicalData.line(sb, "grading.authorityReport.harmAndDifficulty", r.harmAndDifficulty());
            CanonicalData.line(sb, "grading.authorityReport.statusAndCause", r.statusAndCause());
            CanonicalData.line(sb, "grading.authorityReport.treatmentPlan", r.treatmentPlan());
        }
        CanonicalData.plainLine(sb, "grading.grade", g.grade().code());
        if (g.verifier().isPresent()) {
            CanonicalData.line(sb, "grading.verifier", g.verifier().get().value());
        }
    }

    private static void planning(StringBuilder sb, Planning p) {
        List<DeadlineExtension> extensions = p.extensions();
        for (int i : CanonicalData.indexOrder(extensions.size())) {
            DeadlineExtension e = extensions.get(i);
            String k = "planning.extensions." + i + ".";
            CanonicalData.line(sb, k + "approver", e.approver().value());
            CanonicalData.line(sb, k + "at", e.at());
            CanonicalData.line(sb, k + "from", e.from());
            CanonicalData.line(sb, k + "reason", e.reason());
            CanonicalData.line(sb, k + "requestedBy", e.requestedBy().value());
            CanonicalData.line(sb, k + "to", e.to());
        }
        RectificationPlan plan = p.plan();
        CanonicalData.line(sb, "planning.plan.contingencyPlan", plan.contingencyPlan());
        CanonicalData.line(sb, "planning.plan.deadline", plan.deadline());
        CanonicalData.plainLine(sb, "planning.plan.funds.amount", plan.funds().amount().toString());
        CanonicalData.line(sb, "planning.plan.funds.currency", plan.funds().currency());
        CanonicalData.line(sb, "planning.plan.measures", plan.measures());
        CanonicalData.line(sb, "planning.plan.responsible", plan.responsible().value());
        if (plan.scheme().isPresent()) {
            GovernanceScheme s = plan.scheme().get();
            CanonicalData.line(sb, "planning.plan.scheme.fundsAndMaterials", s.fundsAndMaterials());
            CanonicalData.line(sb, "planning.plan.scheme.goalsAndTasks", s.goalsAndTasks());
            CanonicalData.line(sb, "planning.plan.scheme.methodsAndMeasures", s.methodsAndMeasures());
            CanonicalData.line(sb, "planning.plan.scheme.organisationAndPeople", s.organisationAndPeople());
            CanonicalData.line(sb, "planning.plan.scheme.safetyMeasuresAndEmergencyPlan",
                    s.safetyMeasuresAndEmergencyPlan());
            CanonicalData.line(sb, "planning.plan.scheme.timeLimitAndRequirements", s.timeLimitAndRequirements());
        }
    }

    private static void rectification(StringBuilder sb, Rectification r) {
        if (r.lastRejectionReason().isPresent()) {
            CanonicalData.line(sb, "rectification.lastRejectionReason", r.lastRejectionReason().get());
        }
        if (r.lastSubmission().isPresent()) {
            Submission s = r.lastSubmission().get();
            CanonicalData.line(sb, "rectification.lastSubmission.completedOn", s.completedOn());
            CanonicalData.line(sb, "rectification.lastSubmission.description", s.description());
            List<URI> evidence = s.evidence();
            for (int i : CanonicalData.indexOrder(evidence.size())) {
                CanonicalData.line(sb, "rectification.lastSubmission.evidence.", i, evidence.get(i).toString());
            }
        }
        CanonicalData.plainLine(sb, "rectification.onSpot", r.onSpot() ? "true" : "false");
        ids(sb, "rectification.rectifiers.", r.rectifiers());
        CanonicalData.line(sb, "rectification.rejections", r.rejections());
        ids(sb, "rectification.submitters.", r.submitters());
    }

    /** A sorted set of ids as a list: {@code prefix + i} for the i-th id in the set's order. */
    private static void ids(StringBuilder sb, String prefix, SortedSet<ActorId> ids) {
        int n = ids.size();
        if (n == 0) {
            return;
        }
        if (n <= 10) {
            int i = 0;
            for (ActorId id : ids) {
                CanonicalData.line(sb, prefix, i++, id.value());
            }
            return;
        }
        ActorId[] all = ids.toArray(new ActorId[0]);
        for (int i : CanonicalData.indexOrder(n)) {
            CanonicalData.line(sb, prefix, i, all[i].value());
        }
    }
}
