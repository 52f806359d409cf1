package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Fixtures.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.digest.Sha256;
import org.junit.jupiter.api.Test;

/**
 * Audit hashes recorded with release 0.1 (format 1) and with 0.2 (format 2): chains that cover every action
 * must hash byte for byte the same, so stored chains keep verifying and replaying; 0.1's chains replay to
 * versions with 0.1's accessors. A change here breaks every stored chain. Since 0.1 a deadline extension also
 * records its approver's unit and roles: the story's chain as 0.1 wrote it is rebuilt from 0.1 data.
 */
class GoldenChainTest {

    static List<String> hashes(List<AuditEntry> entries) {
        List<String> out = new ArrayList<>();
        for (AuditEntry e : entries) {
            out.add(e.hash());
        }
        return out;
    }

    /** Every accessor of a hidden danger, one per line, so a change in what a command records shows. */
    static String render(HiddenDanger h) {
        return "id=" + h.id() + "\nversion=" + h.version() + "\nstate=" + h.state() + "\nlastActionAt=" + h.lastActionAt()
                + "\nauditHead=" + h.auditHead() + "\ntitle=" + h.title() + "\ndescription=" + h.description()
                + "\nsource=" + h.source() + "\ncategory=" + h.category() + "\nunit=" + h.unit() + "\nreporter="
                + h.reporter() + "\nreportedAt=" + h.reportedAt() + "\nfoundOn=" + h.foundOn() + "\nriskPoint="
                + h.riskPoint() + "\nhazard=" + h.hazard() + "\nfailedMeasure=" + h.failedMeasure() + "\ninspection="
                + h.inspection() + "\nevidence=" + h.evidence() + "\ngrade=" + h.grade() + "\nverifier=" + h.verifier()
                + "\nauthorityReport=" + h.authorityReport() + "\nplan=" + h.plan() + "\noriginalDeadline="
                + h.originalDeadline() + "\ndeadline=" + h.deadline() + "\nextensions=" + h.extensions()
                + "\nextensionCount=" + h.extensionCount() + "\nrectifiers=" + h.rectifiers() + "\nsubmitters="
                + h.submitters() + "\nrectifiedOnSpot=" + h.rectifiedOnSpot() + "\nrectificationNote="
                + h.rectificationNote() + "\nrectificationEvidence=" + h.rectificationEvidence() + "\ncompletedOn="
                + h.completedOn() + "\nrejections=" + h.rejections() + "\nlastRejectionReason="
                + h.lastRejectionReason() + "\nacceptor=" + h.acceptor() + "\nclosedAt=" + h.closedAt()
                + "\nwithdrawnBy=" + h.withdrawnBy() + "\nwithdrawReason=" + h.withdrawReason()
                + "\nrectificationParties=" + h.rectificationParties() + "\nopen=" + h.isOpen() + "\n";
    }

    /**
     * The chain release 0.1 wrote for the same commands: the entries' components as the engine records them
     * now, in format 1 (no state hash), with the extension entries' data as 0.1 wrote it, chained by their
     * format-1 hashes.
     */
    static List<AuditEntry> asWrittenBy01(List<AuditEntry> entries) {
        List<AuditEntry> out = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        for (AuditEntry e : entries) {
            String data = e.data();
            if (e.action() == HiddenDangerAction.EXTEND_DEADLINE) {
                // 0.1 recorded the approver's id only; the approver's unit and roles came later
                StringBuilder kept = new StringBuilder();
                for (String line : data.split("\n")) {
                    if (!line.startsWith("approver.unit=") && !line.startsWith("approver.roles.")) {
                        kept.append(line).append('\n');
                    }
                }
                data = kept.toString();
            }
            AuditEntry old = AuditEntries.createFormat1(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(),
                    e.stateBefore(), e.stateAfter(), data, previous);
            out.add(old);
            previous = old.hash();
        }
        return out;
    }

    /** Every prefix of a chain replayed: the versions it produced. */
    static List<HiddenDanger> replayEveryPrefix(List<AuditEntry> chain) {
        List<HiddenDanger> out = new ArrayList<>();
        for (int n = 1; n <= chain.size(); n++) {
            assertTrue(AuditChain.verify(chain.subList(0, n)).isValid(), AuditChain.verify(chain.subList(0, n)).toString());
            out.add(AuditChain.replay(chain.subList(0, n)));
        }
        return out;
    }

    @Test
    void everyVersionOfTheStoryReplayedFromThe01ChainHasTheAccessorsOf01() {
        StringBuilder all = new StringBuilder();
        for (HiddenDanger h : replayEveryPrefix(asWrittenBy01(new AuditChainTest.Story().entries))) {
            all.append(render(h)).append("--\n");
        }
        assertEquals("8b2215d3545566149d5f31a2cfc3a9bc4253e1a181199dce9875ed95cbebf915", Sha256.hex(all.toString()),
                all.toString());
    }

    @Test
    void theStoryChainIsRecordedAsSince02WithTheApproversUnitAndRoles() {
        List<AuditEntry> entries = new AuditChainTest.Story().entries;
        assertEquals(List.of(
                "74048ba7df562c2a50bd3aa16aa0a4abbd1683bef94d1e30d3df922a6c6a2147",
                "ec29385190b8d54abcbde207498db6eee8cf93e35474a259a708735ca76f0137",
                "5312b776a7b7e857b804b71f931342230b8a1e1671471874f59d9358bb22db9f",
                "89f423b1269ea130dc5ff80cc0df26afe2c2afe163d3ce744dfab8c8288d462b",
                "369ccfb4d3faa706f064e2dc31f9ee540dd04c9a0508c9e98411d93c3d30c133",
                "948a7a55632effd87141d48407b8a4f7507a9090b9bf19e83395e6ff387d57a6",
                "262f2b82e20f5ab6934b2f13b2bc52ffaee1bbcd174cb22145dd0eb7f45b2b85",
                "b75c360f2f6e14721c4a047914520c88934bd681e4885cff564615ab9ad48218",
                "a1157b68ac954adc95b7a97169a15b47231f23ceeaaaac44a76442f5bf167e4b",
                "bb320d4f6726cdaf46522dffd267cb0256558b322b5c94f5ba0c824f614c1846"), hashes(entries));
        assertEquals("approver=frank\napprover.unit=WS-1\nnewDeadline=2026-04-11\nreason=steel late\n",
                entries.get(3).data().substring(entries.get(3).data().indexOf("approver=")));
        assertEquals(Fixtures.FRANK, ((org.dualprevention.danger.HiddenDangerCommand.ExtendDeadline) AuditChain.command(
                entries.get(3))).approver());
    }

    @Test
    void theStoryChainHashesAsIn01() {
        assertEquals(List.of(
                "711d4c147189e54420c46f64017cb8815ca9a2b7775e615b46b87783c3e36c09",
                "ca974b8364bba1ded09a1ef9e0c68fe0f26c5ad5d16527bdbe0b8cab8ca4f224",
                "9f3074fece1271180986502681c91b3a8f395aabbb6194689c4fcf97b3557043",
                "f6195b19b8dde8c1aa4917162ae6b63f84e94cc83a365d515b6a0962c794169f",
                "de80a0ec25a7f62fe7cc5f6d1f2fee51fad53e77578172306e57cf794770d2c7",
                "5f4437f3ff264044e898f562a4c1df7445cdedaf7fb88e4ad9099659a032abd8",
                "2f475e9f7aa671d6c5afa7d779ec13f125c610a139c0ffe9a62d048c81dfdc9f",
                "3c8d12d9ceee8c6dfdc967ae4e31f170304559bbc1ed49240a5432b9fa9658a3",
                "8de17e912de9a895afea25bf3ef90014f055dcbd3559b2aa85676783084060fd",
                "15725379cfa116adc79203f657582dc8972ceb5f10bd28b3624e2500d509e7d2"),
                hashes(asWrittenBy01(new AuditChainTest.Story().entries)));
        AuditEntry old = asWrittenBy01(new AuditChainTest.Story().entries).get(3);
        assertEquals(Fixtures.FRANK.id(), ((org.dualprevention.danger.HiddenDangerCommand.ExtendDeadline) AuditChain
                .command(old)).approver().id(), "a 0.1 extension still names its approver");
    }

    @Test
    void onSpotRejectedWithdrawnChainsHashAsIn01() {
        StringBuilder all = new StringBuilder();
        List<AuditEntry> onSpot = new ArrayList<>();
        Transition t = ClosedLoop.report(Fixtures.report(), Fixtures.clock(0), ZONE);
        onSpot.add(t.audit());
        HiddenDanger h = t.next();
        for (HiddenDangerAction a : List.of(HiddenDangerAction.RECTIFY_ON_SPOT, HiddenDangerAction.REJECT,
                HiddenDangerAction.SUBMIT, HiddenDangerAction.ACCEPT)) {
            t = ClosedLoop.apply(h, Fixtures.valid(a, h), Fixtures.next(h), ZONE, Fixtures.SOD);
            onSpot.add(t.audit());
            h = t.next();
        }
        for (HiddenDanger v : replayEveryPrefix(asWrittenBy01(onSpot)).subList(1, onSpot.size())) {
            all.append(render(v)).append("--\n");
        }
        assertEquals(List.of(
                "d677c492ff4f43af99149813564f419d1a5597cf1f3d8ac5a5e9fcc9a39aa65b",
                "d5e1959293b04e1b1b329438721a698d1a29f877c308265fadf914014a30010e",
                "aa64a8042a35c9385e1c3acc579ac47be3c8b3b27470e8e80efe5751bb621f59",
                "3b45a28b884b75692a3ac7bb48934c9f73e2d8fe9552203a6813a96ad97d436f",
                "01f6cfb7460bf930e44f8af180408250873aaab0a5f36bb8514a47895e7489c9"),
                hashes(asWrittenBy01(onSpot)));
        List<AuditEntry> withdrawn = new ArrayList<>();
        t = ClosedLoop.report(Fixtures.report(), Fixtures.clock(0), ZONE);
        withdrawn.add(t.audit());
        h = t.next();
        for (HiddenDangerAction a : List.of(HiddenDangerAction.VERIFY, HiddenDangerAction.WITHDRAW)) {
            t = ClosedLoop.apply(h, Fixtures.valid(a, h), Fixtures.next(h), ZONE, Fixtures.SOD);
            withdrawn.add(t.audit());
            h = t.next();
        }
        for (HiddenDanger v : replayEveryPrefix(asWrittenBy01(withdrawn)).subList(1, withdrawn.size())) {
            all.append(render(v)).append("--\n");
        }
        assertEquals(List.of(
                "d677c492ff4f43af99149813564f419d1a5597cf1f3d8ac5a5e9fcc9a39aa65b",
                "6cd281b8414926ec9c802cd159bc9c4e45d7bdb4406bccf9785d4df56ef12435",
                "334ec26d600f8f2c35b07fb7d6f225b8fb32406f57939c79b38fb23fa3c1e8dc"),
                hashes(asWrittenBy01(withdrawn)));
        assertEquals("18a12343bad569740aacde82949d0dbb2a400cc9be5c07959243f8fdbc3efada", Sha256.hex(all.toString()),
                all.toString());
    }
}
