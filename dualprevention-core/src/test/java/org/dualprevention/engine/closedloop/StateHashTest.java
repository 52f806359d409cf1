package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Fixtures.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.dualprevention.RecordIntegrityException;
import org.dualprevention.danger.Acceptance;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.DeadlineExtension;
import org.dualprevention.danger.Finding;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.Grading;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.Planning;
import org.dualprevention.danger.Rectification;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Submission;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.digest.Sha256;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The state hash: every field counts, the audit head does not; snapshots are checked against their head entry. */
class StateHashTest {
    private static final AuditChainTest.Story STORY = new AuditChainTest.Story();

    /** The closed story's last version: every group but the withdrawal is present. */
    private static HiddenDanger full() {
        return STORY.current;
    }

    /** One change per field of the model, each applied to a copy of the full (or a withdrawn) hidden danger. */
    private static List<UnaryOperator<HiddenDanger>> fieldChanges() {
        List<UnaryOperator<HiddenDanger>> out = new ArrayList<>();
        out.add(h -> h.toBuilder().id(org.dualprevention.danger.HiddenDangerId.of("HD-other")).build());
        out.add(h -> h.toBuilder().version(h.version() + 1).build());
        out.add(h -> h.toBuilder().lastActionAt(h.lastActionAt().plusSeconds(1))
                .acceptance(h.acceptance().map(a -> new Acceptance(a.acceptor(), a.closedAt().plusSeconds(1)))).build());
        UnaryOperator<Finding> same = f -> f;
        List<UnaryOperator<Finding>> findings = List.of(
                f -> new Finding(f.title() + "x", f.description(), f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(), f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description() + "x", f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(), f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description(), HiddenDangerSource.RANDOM_OBSERVATION, f.category(), f.unit(),
                        f.reporter(), f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(),
                        Optional.empty(), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(),
                        f.category().isPresent() ? Optional.empty() : Optional.of(HiddenDangerCategory.values()[0]),
                        f.unit(), f.reporter(), f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(),
                        f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), OrgUnitId.of("WS-other"),
                        f.reporter(), f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(),
                        f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), f.unit(), ActorId.of("other"),
                        f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(), f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt().minusSeconds(1), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(),
                        f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt(), f.foundOn().minusDays(1), f.riskPoint(), f.hazard(), f.failedMeasure(),
                        f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt(), f.foundOn(), Optional.of(RiskPointId.of("RP-other")), f.hazard(), f.failedMeasure(),
                        f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt(), f.foundOn(), f.riskPoint(), Optional.of(HazardId.of("HZ-other")), f.failedMeasure(),
                        f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), Optional.of(ControlMeasureId.of("CM-other")),
                        f.inspection(), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(),
                        Optional.of(InspectionRef.of("T=1x", "I\\2")), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(),
                        Optional.of(InspectionRef.of("T=1", "I\\2x")), f.evidence()),
                f -> new Finding(f.title(), f.description(), f.source(), f.category(), f.unit(), f.reporter(),
                        f.reportedAt(), f.foundOn(), f.riskPoint(), f.hazard(), f.failedMeasure(), f.inspection(),
                        f.evidence().subList(1, f.evidence().size())));
        for (UnaryOperator<Finding> c : findings) {
            out.add(h -> h.toBuilder().finding(c.apply(h.finding())).build());
        }
        out.add(h -> h.toBuilder().grading(h.grading().map(g -> new Grading(HiddenDangerGrade.GENERAL, g.verifier(),
                Optional.empty()))).build());
        out.add(h -> h.toBuilder().grading(h.grading().map(g -> new Grading(g.grade(), Optional.of(ActorId.of("other")),
                g.authorityReport()))).build());
        for (int i = 0; i < 3; i++) {
            int k = i;
            out.add(h -> h.toBuilder().grading(h.grading().map(g -> new Grading(g.grade(), g.verifier(),
                    g.authorityReport().map(r -> new AuthorityReport(r.statusAndCause() + (k == 0 ? "x" : ""),
                            r.harmAndDifficulty() + (k == 1 ? "x" : ""), r.treatmentPlan() + (k == 2 ? "x" : "")))))).build());
        }
        List<UnaryOperator<RectificationPlan>> plans = List.of(
                p -> new RectificationPlan(ActorId.of("other"), p.measures(), p.funds(), p.deadline(), p.contingencyPlan(),
                        p.scheme()),
                p -> new RectificationPlan(p.responsible(), p.measures() + "x", p.funds(), p.deadline(), p.contingencyPlan(),
                        p.scheme()),
                p -> new RectificationPlan(p.responsible(), p.measures(), Funds.of(p.funds().amount().add(BigDecimal.ONE),
                        p.funds().currency()), p.deadline(), p.contingencyPlan(), p.scheme()),
                p -> new RectificationPlan(p.responsible(), p.measures(), Funds.of(p.funds().amount().setScale(
                        p.funds().amount().scale() + 1), p.funds().currency()), p.deadline(), p.contingencyPlan(), p.scheme()),
                p -> new RectificationPlan(p.responsible(), p.measures(), Funds.of(p.funds().amount(), "USD"),
                        p.deadline(), p.contingencyPlan(), p.scheme()),
                p -> new RectificationPlan(p.responsible(), p.measures(), p.funds(), p.deadline(), p.contingencyPlan() + "x",
                        p.scheme()),
                p -> new RectificationPlan(p.responsible(), p.measures(), p.funds(), p.deadline(), p.contingencyPlan(),
                        Optional.empty()));
        for (UnaryOperator<RectificationPlan> c : plans) {
            out.add(h -> h.toBuilder().planning(h.planning().map(p -> new Planning(c.apply(p.plan()), p.extensions())))
                    .build());
        }
        for (int i = 0; i < 6; i++) {
            int k = i;
            out.add(h -> h.toBuilder().planning(h.planning().map(p -> new Planning(new RectificationPlan(
                    p.plan().responsible(), p.plan().measures(), p.plan().funds(), p.plan().deadline(),
                    p.plan().contingencyPlan(), p.plan().scheme().map(s -> schemeChanged(s, k))), p.extensions()))).build());
        }
        // the plan's deadline and the first extension's "from" move together (the model requires it)
        out.add(h -> h.toBuilder().planning(h.planning().map(p -> new Planning(new RectificationPlan(p.plan().responsible(),
                p.plan().measures(), p.plan().funds(), p.plan().deadline().minusDays(1), p.plan().contingencyPlan(),
                p.plan().scheme()), changedAt(p.extensions(), 0, 0)))).build());
        for (int i = 1; i < 6; i++) {
            int k = i;
            out.add(h -> h.toBuilder().planning(h.planning().map(p -> new Planning(p.plan(),
                    changedAt(p.extensions(), p.extensions().size() - 1, k)))).build());
        }
        out.add(h -> h.toBuilder().planning(h.planning().map(p -> new Planning(p.plan(), List.of()))).build());
        List<UnaryOperator<Rectification>> rects = List.of(
                r -> new Rectification(plus(r.rectifiers(), "zed"), r.submitters(), r.onSpot(), r.lastSubmission(),
                        r.rejections(), r.lastRejectionReason()),
                r -> new Rectification(r.rectifiers(), plus(r.submitters(), "zed"), r.onSpot(), r.lastSubmission(),
                        r.rejections(), r.lastRejectionReason()),
                r -> new Rectification(r.rectifiers(), r.submitters(), r.onSpot(), r.lastSubmission(),
                        r.rejections() + 1, r.lastRejectionReason()),
                r -> new Rectification(r.rectifiers(), r.submitters(), r.onSpot(), r.lastSubmission(),
                        r.rejections(), Optional.of(r.lastRejectionReason().orElse("") + "x")),
                r -> new Rectification(r.rectifiers(), r.submitters(), r.onSpot(), r.lastSubmission().map(s ->
                        new Submission(s.description() + "x", s.evidence(), s.completedOn())), r.rejections(),
                        r.lastRejectionReason()),
                r -> new Rectification(r.rectifiers(), r.submitters(), r.onSpot(), r.lastSubmission().map(s ->
                        new Submission(s.description(), List.of(URI.create("https://x.example/other")), s.completedOn())),
                        r.rejections(), r.lastRejectionReason()),
                r -> new Rectification(r.rectifiers(), r.submitters(), r.onSpot(), r.lastSubmission().map(s ->
                        new Submission(s.description(), s.evidence(), s.completedOn().minusDays(1))), r.rejections(),
                        r.lastRejectionReason()));
        for (UnaryOperator<Rectification> c : rects) {
            out.add(h -> h.toBuilder().rectification(h.rectification().map(c)).build());
        }
        out.add(h -> h.toBuilder().acceptance(h.acceptance().map(a -> new Acceptance(ActorId.of("other"), a.closedAt())))
                .build());
        return out;
    }

    private static java.util.SortedSet<ActorId> plus(java.util.SortedSet<ActorId> set, String id) {
        TreeSet<ActorId> out = new TreeSet<>(set);
        out.add(ActorId.of(id));
        return out;
    }

    private static GovernanceScheme schemeChanged(GovernanceScheme s, int k) {
        String[] f = {s.goalsAndTasks(), s.methodsAndMeasures(), s.fundsAndMaterials(), s.organisationAndPeople(),
            s.timeLimitAndRequirements(), s.safetyMeasuresAndEmergencyPlan()};
        f[k] = f[k] + "x";
        return new GovernanceScheme(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    private static List<DeadlineExtension> changedAt(List<DeadlineExtension> list, int index, int k) {
        List<DeadlineExtension> out = new ArrayList<>(list);
        out.set(index, extensionChanged(list.get(index), k));
        return out;
    }

    private static DeadlineExtension extensionChanged(DeadlineExtension e, int k) {
        return new DeadlineExtension(k == 0 ? e.from().minusDays(1) : e.from(), k == 1 ? e.to().plusDays(1) : e.to(),
                k == 2 ? e.reason() + "x" : e.reason(), k == 3 ? ActorId.of("other") : e.requestedBy(),
                k == 4 ? ActorId.of("other2") : e.approver(), k == 5 ? e.at().plusSeconds(1) : e.at());
    }

    @Test
    @DisplayName("changing any one field of a hidden danger changes its state hash; all hashes differ")
    void everyFieldCounts() {
        HiddenDanger h = full();
        String base = StateHash.of(h);
        Set<String> seen = new HashSet<>();
        seen.add(base);
        List<UnaryOperator<HiddenDanger>> changes = fieldChanges();
        for (int i = 0; i < changes.size(); i++) {
            HiddenDanger changed = changes.get(i).apply(h);
            assertNotEquals(h, changed, "change " + i + " changed nothing");
            assertTrue(seen.add(StateHash.of(changed)), "change " + i + " left the hash as another state's:\n"
                    + StateHash.canonicalForm(changed));
        }
        HiddenDanger withdrawn = STORY.versions.get(0).toBuilder().version(2).state(
                org.dualprevention.danger.HiddenDangerState.WITHDRAWN).withdrawal(Optional.of(
                        new org.dualprevention.danger.Withdrawal(ActorId.of("w"), "dup"))).build();
        HiddenDanger otherReason = withdrawn.toBuilder().withdrawal(Optional.of(
                new org.dualprevention.danger.Withdrawal(ActorId.of("w"), "dup2"))).build();
        HiddenDanger otherBy = withdrawn.toBuilder().withdrawal(Optional.of(
                new org.dualprevention.danger.Withdrawal(ActorId.of("w2"), "dup"))).build();
        assertEquals(3, Set.of(StateHash.of(withdrawn), StateHash.of(otherReason), StateHash.of(otherBy)).size());
    }

    @Test
    @DisplayName("the audit head is left out; equal states hash equal; the form is sorted escaped lines")
    void auditHeadIsLeftOut() {
        HiddenDanger h = full();
        assertEquals(StateHash.of(h), StateHash.of(h.toBuilder().auditHead("a".repeat(64)).build()));
        assertEquals(Sha256.hex(StateHash.canonicalForm(h)), StateHash.of(h));
        String form = StateHash.canonicalForm(h);
        assertTrue(form.contains("\nstateHashFormat=1\n"), form);
        assertTrue(form.contains("finding.title=罐区 LPG 储罐壁腐蚀\\nline two = with equals\n"), form);
        assertTrue(form.contains("planning.plan.funds.amount=120000.50\n"), form);
        assertFalse(form.contains(h.auditHead()), form);
        List<String> keys = form.lines().map(l -> l.substring(0, l.indexOf('='))).toList();
        assertEquals(keys.stream().sorted().toList(), keys);
    }

    @Test
    @DisplayName("every version of the story hashes as pinned in 0.2 (format 2 entries and state hashes)")
    void pinned02() {
        List<String> states = STORY.versions.stream().map(StateHash::of).toList();
        assertEquals(PINNED_STATES, states, String.join("\",\n\"", states));
        assertEquals(PINNED_ENTRIES, GoldenChainTest.hashes(STORY.entries),
                String.join("\",\n\"", GoldenChainTest.hashes(STORY.entries)));
        for (int i = 0; i < STORY.entries.size(); i++) {
            assertEquals(Optional.of(states.get(i)), STORY.entries.get(i).stateHash());
        }
    }

    static final List<String> PINNED_STATES = List.of(
            "92603af9537434ce6672fe430400c36904be050ba65af91d5e9dc33225e3cf98",
            "3a406aa101e10ca328e87d7cd3a9e963c5123d86df4d921fc49e532b5ff45c95",
            "6823e23de9bb708dc93324d0e3183eaa4e534a7247931eb530ea889bc2d47e54",
            "aa91d8813f66b861782faad32a025107af80a1905b00b5514517164c8daeb2b8",
            "1772ecea092a9aeceb71146e112dc327176c8d74e91d2958d6b05a371f286e39",
            "adf27850b6681a8b28e6209a1ec0d201d93bd9e0b38ce2d3f710eaf8f279b471",
            "50a9aa4d923a2544312f950cc0fd387e6ca14e1a065ba82498d9ee7fd8e7e672",
            "7864569cd6937faf0d17258f30f4aece282fd3e1b259e4b512aa23dccef5a4a8",
            "ac841540f3448f022ae595b6afc5feeeed47fc832f9635d3ab77bf979b11d09c",
            "28e7a7b0e257ceabbd348fe809213a1abc08e021afb5ae9eb35b1f28e76efea6");
    static final List<String> PINNED_ENTRIES = List.of(
            "74048ba7df562c2a50bd3aa16aa0a4abbd1683bef94d1e30d3df922a6c6a2147",
            "ec29385190b8d54abcbde207498db6eee8cf93e35474a259a708735ca76f0137",
            "5312b776a7b7e857b804b71f931342230b8a1e1671471874f59d9358bb22db9f",
            "89f423b1269ea130dc5ff80cc0df26afe2c2afe163d3ce744dfab8c8288d462b",
            "369ccfb4d3faa706f064e2dc31f9ee540dd04c9a0508c9e98411d93c3d30c133",
            "948a7a55632effd87141d48407b8a4f7507a9090b9bf19e83395e6ff387d57a6",
            "262f2b82e20f5ab6934b2f13b2bc52ffaee1bbcd174cb22145dd0eb7f45b2b85",
            "b75c360f2f6e14721c4a047914520c88934bd681e4885cff564615ab9ad48218",
            "a1157b68ac954adc95b7a97169a15b47231f23ceeaaaac44a76442f5bf167e4b",
            "bb320d4f6726cdaf46522dffd267cb0256558b322b5c94f5ba0c824f614c1846");

    // ------------------------------------------------------------------------ snapshots

    @Test
    @DisplayName("each version of the story agrees with its own entry and with no other")
    void snapshotsAgreeWithTheirHeadOnly() {
        for (int i = 0; i < STORY.versions.size(); i++) {
            for (int j = 0; j < STORY.entries.size(); j++) {
                Optional<String> p = AuditChain.checkSnapshot(STORY.versions.get(i), STORY.entries.get(j));
                assertEquals(i == j, p.isEmpty(), i + " vs " + j + ": " + p);
            }
        }
    }

    @Test
    @DisplayName("a snapshot with any field changed is reported against its head, naming the hidden danger and entry")
    void changedSnapshotIsReported() {
        HiddenDanger h = full();
        AuditEntry head = STORY.entries.get(STORY.entries.size() - 1);
        assertEquals(h, AuditChain.requireSnapshot(h, head));
        List<UnaryOperator<HiddenDanger>> changes = fieldChanges();
        for (int i = 1; i < changes.size(); i++) { // change 0 is the id, reported as another hidden danger's
            HiddenDanger changed = changes.get(i).apply(h);
            Optional<String> p = AuditChain.checkSnapshot(changed, head);
            assertTrue(p.isPresent(), "change " + i + " not found");
            RecordIntegrityException e = assertThrows(RecordIntegrityException.class,
                    () -> AuditChain.requireSnapshot(changed, head));
            assertEquals(changed.id().value(), e.dangerId());
            assertEquals(head.sequence(), e.sequence());
            assertTrue(e.getMessage().contains("[" + changed.id() + "]") && e.getMessage().contains("[" + head.sequence()
                    + "]"), e.getMessage());
        }
        assertTrue(AuditChain.checkSnapshot(changes.get(0).apply(h), head).orElseThrow().contains("belongs to"));
        // the state changed and the version left alone: found by the hash
        HiddenDanger reopened = h.toBuilder().state(org.dualprevention.danger.HiddenDangerState.AWAITING_ACCEPTANCE)
                .acceptance(Optional.empty()).build();
        assertTrue(AuditChain.checkSnapshot(reopened, head).orElseThrow().contains("the snapshot was changed"));
    }

    @Test
    @DisplayName("a head entry edited without its hash, or with another state hash and a recomputed hash, is reported")
    void editedHeadIsReported() {
        HiddenDanger h = full();
        AuditEntry head = STORY.entries.get(STORY.entries.size() - 1);
        AuditEntry edited = new AuditEntry(head.dangerId(), head.sequence(), ActorId.of("mallory"), head.at(),
                head.action(), head.stateBefore(), head.stateAfter(), head.data(), head.previousHash(), head.hash(),
                head.format(), head.stateHash(), head.keyId());
        assertTrue(AuditChain.checkSnapshot(h, edited).orElseThrow().contains("the entry was edited"));
        HiddenDanger forged = h.toBuilder().finding(h.finding()).planning(h.planning().map(p -> new Planning(
                new RectificationPlan(p.plan().responsible(), p.plan().measures(), Funds.cny("1.00"), p.plan().deadline(),
                        p.plan().contingencyPlan(), p.plan().scheme()), p.extensions()))).build();
        AuditEntry rehashed = AuditEntries.create(head.dangerId(), head.sequence(), head.actor(), head.at(), head.action(),
                head.stateBefore(), head.stateAfter(), head.data(), head.previousHash(), StateHash.of(forged));
        HiddenDanger forgedWithHead = forged.toBuilder().auditHead(rehashed.hash()).build();
        // the snapshot and its rehashed head agree: the chain check (and, against a rehash of the whole chain,
        // a checkpoint) is what finds it
        assertTrue(AuditChain.checkSnapshot(forgedWithHead, rehashed).isEmpty());
        List<AuditEntry> chain = new ArrayList<>(STORY.entries);
        chain.set(chain.size() - 1, rehashed);
        assertTrue(AuditChain.verify(chain, forgedWithHead).isValid(), "a rehash of the head alone verifies");
        assertThrows(IllegalArgumentException.class, () -> AuditChain.replay(chain));
    }

    // ------------------------------------------------------------------------ formats

    @Test
    @DisplayName("a chain of 0.1 continued by 0.2 verifies and replays; a format-1 entry after a format-2 one does not")
    void mixedChains() {
        List<AuditEntry> old = GoldenChainTest.asWrittenBy01(STORY.entries.subList(0, 4));
        HiddenDanger h = AuditChain.replay(old);
        assertTrue(AuditChain.checkSnapshot(h, old.get(3)).isEmpty(), "a format-1 head binds id, version and head");
        Transition t = ClosedLoop.apply(h, STORY.commands.get(4), Fixtures.clock(200), ZONE, Fixtures.SOD);
        assertEquals(AuditEntry.FORMAT_2, t.audit().format());
        assertEquals(old.get(3).hash(), t.audit().previousHash());
        List<AuditEntry> mixed = new ArrayList<>(old);
        mixed.add(t.audit());
        assertTrue(AuditChain.verify(mixed, t.next()).isValid(), AuditChain.verify(mixed, t.next()).toString());
        assertEquals(t.next(), AuditChain.replay(mixed));
        assertTrue(AuditChain.checkSnapshot(t.next(), t.audit()).isEmpty());
        // downgrade: the new entry rewritten as format 1 and rehashed
        AuditEntry e = t.audit();
        AuditEntry down = AuditEntries.createFormat1(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(),
                e.stateBefore(), e.stateAfter(), e.data(), STORY.entries.get(3).hash());
        List<AuditEntry> downgraded = new ArrayList<>(STORY.entries.subList(0, 4));
        downgraded.add(down);
        assertTrue(AuditChain.verify(downgraded).reason().contains("format [1] after an entry in format [2]"),
                AuditChain.verify(downgraded).toString());
    }

    @Test
    @DisplayName("malformed formats are reported: unknown number, format 1 with a state hash, format 2 without one")
    void malformedFormats() {
        AuditEntry e = STORY.entries.get(0);
        List<AuditEntry> bad = List.of(
                new AuditEntry(e.dangerId(), 1, e.actor(), e.at(), e.action(), e.stateBefore(), e.stateAfter(), e.data(),
                        e.previousHash(), e.hash(), 3, e.stateHash(), e.keyId()),
                new AuditEntry(e.dangerId(), 1, e.actor(), e.at(), e.action(), e.stateBefore(), e.stateAfter(), e.data(),
                        e.previousHash(), e.hash(), 1, e.stateHash(), e.keyId()),
                new AuditEntry(e.dangerId(), 1, e.actor(), e.at(), e.action(), e.stateBefore(), e.stateAfter(), e.data(),
                        e.previousHash(), e.hash(), 2, Optional.empty(), e.keyId()));
        List<String> reasons = List.of("allowed: 1 or 2", "format [1] carries no state hash", "format [2] requires");
        for (int i = 0; i < bad.size(); i++) {
            assertTrue(AuditChain.verify(List.of(bad.get(i))).reason().contains(reasons.get(i)),
                    AuditChain.verify(List.of(bad.get(i))).toString());
            assertTrue(AuditChain.checkSnapshot(STORY.versions.get(0).toBuilder().auditHead(e.hash()).build(), bad.get(i))
                    .isPresent());
        }
    }

    @Test
    @DisplayName("an entry whose state hash is not its replay's is refused on replay, even with a recomputed hash")
    void replayChecksTheStateHash() {
        List<AuditEntry> chain = new ArrayList<>(STORY.entries.subList(0, 3));
        AuditEntry e = chain.get(2);
        AuditEntry lying = AuditEntries.create(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                e.stateAfter(), e.data(), e.previousHash(), "b".repeat(64));
        chain.set(2, lying);
        assertTrue(AuditChain.verify(chain).isValid());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> AuditChain.replay(chain));
        assertTrue(x.getMessage().contains("entry [3] replays to a state with hash"), x.getMessage());
        assertEquals(LocalDate.class, STORY.versions.get(2).foundOn().getClass());
    }
}
