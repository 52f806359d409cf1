package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Fixtures.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.digest.Sha256;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hash chain: replay rebuilds the aggregate, and every kind of tampering is found at the first bad entry. */
class AuditChainTest {

    /** A chain using every action but WITHDRAW and RECTIFY_ON_SPOT, with awkward text everywhere. */
    static final class Story {
        final List<HiddenDangerCommand> commands = new ArrayList<>();
        final List<AuditEntry> entries = new ArrayList<>();
        final List<HiddenDanger> versions = new ArrayList<>();
        HiddenDanger current;

        Story() {
            Actor reporter = Actor.of(ActorId.of("张三"), OrgUnitId.of("WS-1"), Set.of("inspector", "safety=officer"));
            LocalDate day = Fixtures.DAY0;
            HiddenDangerCommand.Report report = HiddenDangerCommand.Report.of(reporter, HiddenDangerId.of("HD-2026-0099"),
                    "罐区 LPG 储罐壁腐蚀\nline two = with equals", "back\\slash \\n not a newline\r\nand \u0001 control",
                    HiddenDangerSource.INSPECTION, OrgUnitId.of("WS-1"), day)
                    .withFailedMeasure(org.dualprevention.risk.RiskPointId.of("RP-9"),
                            org.dualprevention.risk.HazardId.of("HZ-9"), org.dualprevention.risk.ControlMeasureId.of("CM-9"))
                    .withInspection(InspectionRef.of("T=1", "I\\2"))
                    .withEvidence(List.of(URI.create("https://x.example/a%20b.jpg?x=1&y=2"), URI.create("file:/tmp/1"),
                            URI.create("urn:isbn:1"), URI.create("https://x.example/4"), URI.create("https://x.example/5"),
                            URI.create("https://x.example/6"), URI.create("https://x.example/7"),
                            URI.create("https://x.example/8"), URI.create("https://x.example/9"),
                            URI.create("https://x.example/10"), URI.create("https://x.example/11")));
            commands.add(report);
            Transition t = ClosedLoop.report(report, Fixtures.clock(0), ZONE);
            record(t);
            RectificationPlan plan = RectificationPlan.of(ActorId.of("dave"), "Replace section\n2. recoat",
                    Funds.of(new java.math.BigDecimal("120000.50"), "CNY"), day.plusDays(30), "cordon; gas detectors")
                    .withScheme(Fixtures.scheme());
            List<HiddenDangerCommand> rest = List.of(
                    HiddenDangerCommand.Verify.major(Fixtures.BOB, "", Fixtures.authorityReport()),
                    new HiddenDangerCommand.Plan(Fixtures.CAROL, plan),
                    new HiddenDangerCommand.ExtendDeadline(Fixtures.DAVE, day.plusDays(40), "steel late", Fixtures.FRANK),
                    new HiddenDangerCommand.Start(Fixtures.DAVE, List.of(ActorId.of("gina"), ActorId.of("abe"))),
                    new HiddenDangerCommand.ExtendDeadline(Fixtures.DAVE, day.plusDays(45), "weather", Fixtures.FRANK),
                    new HiddenDangerCommand.Submit(Fixtures.DAVE, "replaced", List.of(Fixtures.PHOTO), day.plusDays(2)),
                    new HiddenDangerCommand.Reject(Fixtures.ERIN, "weld not tested"),
                    new HiddenDangerCommand.Submit(Fixtures.actor("hank"), "weld tested", List.of(Fixtures.PHOTO),
                            day.plusDays(3)),
                    new HiddenDangerCommand.Accept(Fixtures.ERIN, "ok"));
            long hours = 0;
            for (HiddenDangerCommand c : rest) {
                hours += 20;
                commands.add(c);
                record(ClosedLoop.apply(current, c, Fixtures.clock(hours), ZONE, Fixtures.SOD));
            }
        }

        private void record(Transition t) {
            current = t.next();
            entries.add(t.audit());
            versions.add(t.next());
        }
    }

    private static final Story STORY = new Story();

    @Test
    void chainVerifiesAndReplaysEveryPrefixToTheVersionItProduced() {
        assertEquals(HiddenDangerState.CLOSED, STORY.current.state());
        assertEquals(10, STORY.entries.size());
        ChainVerification ok = AuditChain.verify(STORY.entries, STORY.current);
        assertTrue(ok.isValid(), ok.toString());
        assertEquals("valid (10 entries)", ok.toString());
        for (int n = 1; n <= STORY.entries.size(); n++) {
            List<AuditEntry> prefix = STORY.entries.subList(0, n);
            assertEquals(STORY.versions.get(n - 1), AuditChain.replay(prefix), "prefix of " + n);
            assertTrue(AuditChain.verify(prefix, STORY.versions.get(n - 1)).isValid());
        }
    }

    @Test
    void everyEntryDecodesToTheCommandGiven() {
        for (int i = 0; i < STORY.entries.size(); i++) {
            assertEquals(STORY.commands.get(i), AuditChain.command(STORY.entries.get(i)), "entry " + (i + 1));
        }
    }

    @Test
    void dataIsSortedKeyValueLines() {
        String data = STORY.entries.get(6).data();
        assertEquals("actor.unit=WS-1\ncompletedOn=2026-03-04\ndescription=replaced\n"
                + "evidence.0=https://files.example/hd/1.jpg\n", data);
        assertTrue(STORY.entries.get(0).data().contains("title=罐区 LPG 储罐壁腐蚀\\nline two = with equals\n"));
        assertTrue(STORY.entries.get(0).data().contains("description=back\\\\slash \\\\n not a newline\\r\\nand \\u0001 control\n"));
        assertTrue(STORY.entries.get(0).data().startsWith("actor.roles.0=inspector\nactor.roles.1=safety=officer\n"));
    }

    @Test
    void hashIsSha256OfTheCanonicalForm() {
        AuditEntry first = STORY.entries.get(0);
        assertTrue(first.hash().matches("[0-9a-f]{64}"));
        assertEquals(AuditEntry.FORMAT_2, first.format());
        assertTrue(AuditEntries.canonicalForm(first).startsWith("format=2\ndangerId=HD-2026-0099\nsequence=1\nactor=张三\n"
                + "at=2026-03-02T01:00:00Z\naction=report\nstateBefore=\nstateAfter=reported\nstateHash="
                + StateHash.of(STORY.versions.get(0)) + "\ndata="), AuditEntries.canonicalForm(first));
        assertTrue(AuditEntries.canonicalForm(first).endsWith("\npreviousHash=" + AuditEntry.GENESIS + "\nkeyId=\n"));
        AuditEntry old = GoldenChainTest.asWrittenBy01(STORY.entries).get(0);
        assertTrue(AuditEntries.canonicalForm(old).startsWith("dangerId=HD-2026-0099\nsequence=1\nactor=张三\n"
                + "at=2026-03-02T01:00:00Z\naction=report\nstateBefore=\nstateAfter=reported\ndata="));
        assertTrue(AuditEntries.canonicalForm(old).endsWith("\npreviousHash=" + AuditEntry.GENESIS + "\n"));
        assertEquals(Sha256.hex(AuditEntries.canonicalForm(old)), old.hash());
        assertEquals(Sha256.hex(AuditEntries.canonicalForm(first)), first.hash());
        // a well-known vector, so the digest is really SHA-256
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
    }

    // ------------------------------------------------------------------------ tampering

    static Stream<Arguments> edits() {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < STORY.entries.size(); i++) {
            for (String field : List.of("dangerId", "sequence", "actor", "at", "action", "stateBefore", "stateAfter", "data",
                    "previousHash", "hash", "stateHash", "keyId", "format")) {
                out.add(Arguments.of(i, field));
            }
        }
        return out.stream();
    }

    private static AuditEntry edit(AuditEntry e, String field) {
        switch (field) {
            case "dangerId":
                return new AuditEntry(HiddenDangerId.of("HD-X"), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                        e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(), e.keyId());
            case "sequence":
                return new AuditEntry(e.dangerId(), e.sequence() + 100, e.actor(), e.at(), e.action(), e.stateBefore(),
                        e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(), e.keyId());
            case "actor":
                return new AuditEntry(e.dangerId(), e.sequence(), ActorId.of("mallory"), e.at(), e.action(), e.stateBefore(),
                        e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(), e.keyId());
            case "at":
                return new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at().plusMillis(1), e.action(),
                        e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(),
                        e.keyId());
            case "action":
                return new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(),
                        e.action() == HiddenDangerAction.ACCEPT ? HiddenDangerAction.REJECT : HiddenDangerAction.ACCEPT,
                        e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(),
                        e.keyId());
            case "stateBefore":
                return new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(),
                        e.stateBefore().isPresent() ? Optional.empty() : Optional.of(HiddenDangerState.VERIFIED),
                        e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(), e.keyId());
            case "stateAfter":
                return new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                        e.stateAfter() == HiddenDangerState.CLOSED ? HiddenDangerState.WITHDRAWN : HiddenDangerState.CLOSED,
                        e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(), e.keyId());
            case "data":
                return new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                        e.stateAfter(), e.data().replaceFirst("=", "=x"), e.previousHash(), e.hash(), e.format(),
                        e.stateHash(), e.keyId());
            case "previousHash":
                return new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                        e.stateAfter(), e.data(), flip(e.previousHash()), e.hash(), e.format(), e.stateHash(), e.keyId());
            case "hash":
                return e.withHash(flip(e.hash()));
            case "stateHash":
                return new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                        e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash().map(AuditChainTest::flip),
                        e.keyId());
            case "keyId":
                return new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                        e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(),
                        Optional.of("k-mallory"));
            case "format":
                // a downgrade to format 1 must also drop the state hash to be well-formed: found as an edit
                return new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                        e.stateAfter(), e.data(), e.previousHash(), e.hash());
            default:
                throw new AssertionError(field);
        }
    }

    private static String flip(String hex) {
        return (hex.charAt(0) == 'a' ? "b" : "a") + hex.substring(1);
    }

    private static List<AuditEntry> with(UnaryOperator<List<AuditEntry>> change) {
        return change.apply(new ArrayList<>(STORY.entries));
    }

    private static void assertFirstBad(List<AuditEntry> chain, int index, String reasonPart) {
        ChainVerification v = AuditChain.verify(chain, STORY.current);
        assertFalse(v.isValid(), "tampering not found");
        assertEquals(index, v.firstBadIndex().getAsInt(), v.toString());
        assertTrue(v.reason().contains(reasonPart), v.toString());
        if (!AuditChain.verify(chain).isValid()) {
            assertThrows(IllegalArgumentException.class, () -> AuditChain.replay(chain));
        }
    }

    @ParameterizedTest(name = "edit {1} of entry {0}")
    @MethodSource("edits")
    void editingAnyFieldOfAnyEntryIsFoundAtThatEntry(int index, String field) {
        List<AuditEntry> chain = with(l -> {
            l.set(index, edit(l.get(index), field));
            return l;
        });
        String reason = field.equals("sequence") ? "sequence [" : field.equals("previousHash") ? "previous hash"
                : field.equals("keyId") ? "keyed with the host's key [k-mallory]" : "the entry was edited";
        assertFirstBad(chain, index, reason);
        assertFalse(AuditChain.verify(chain).isValid());
    }

    @ParameterizedTest(name = "edit and rehash entry {0}")
    @MethodSource("indexes")
    void editingAnEntryAndItsHashIsFoundAtTheNextEntryOrAgainstTheAggregate(int index) {
        AuditEntry e = STORY.entries.get(index);
        AuditEntry forged = AuditEntries.create(e.dangerId(), e.sequence(), ActorId.of("mallory"), e.at(), e.action(),
                e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.stateHash().orElseThrow());
        List<AuditEntry> chain = with(l -> {
            l.set(index, forged);
            return l;
        });
        boolean last = index == STORY.entries.size() - 1;
        assertFirstBad(chain, last ? index : index + 1, last ? "last entry was replaced" : "previous hash");
        assertEquals(last, AuditChain.verify(chain).isValid(), "only the aggregate's audit head reveals the last one");
    }

    static IntStream indexes() {
        return IntStream.range(0, STORY.entries.size());
    }

    @ParameterizedTest(name = "remove entry {0}")
    @MethodSource("indexes")
    void removingAnEntryIsFound(int index) {
        List<AuditEntry> chain = with(l -> {
            l.remove(index);
            return l;
        });
        boolean last = index == STORY.entries.size() - 1;
        assertFirstBad(chain, last ? index - 1 : index, last ? "entries are missing at the end" : "were removed");
    }

    @ParameterizedTest(name = "swap entries {0} and {0}+1")
    @MethodSource("indexesButLast")
    void reorderingIsFound(int index) {
        List<AuditEntry> chain = with(l -> {
            Collections.swap(l, index, index + 1);
            return l;
        });
        assertFirstBad(chain, index, "sequence [");
    }

    static IntStream indexesButLast() {
        return IntStream.range(0, STORY.entries.size() - 1);
    }

    @ParameterizedTest(name = "insert before entry {0}")
    @MethodSource("indexes")
    void insertingIsFound(int index) {
        List<AuditEntry> chain = with(l -> {
            l.add(index, l.get(index == 0 ? 1 : index - 1));
            return l;
        });
        assertFirstBad(chain, index, "sequence [");
    }

    @Test
    void insertingAWellFormedForgedEntryIsFoundAtTheNextOne() {
        AuditEntry before = STORY.entries.get(2);
        AuditEntry forged = AuditEntries.create(before.dangerId(), 4, ActorId.of("mallory"),
                before.at().plus(Duration.ofMinutes(1)), HiddenDangerAction.EXTEND_DEADLINE, Optional.of(before.stateAfter()),
                before.stateAfter(), "actor.unit=WS-1\n", before.hash(), before.stateHash().orElseThrow());
        List<AuditEntry> chain = with(l -> {
            l.add(3, forged);
            return l;
        });
        assertFirstBad(chain, 4, "sequence [");
    }

    @Test
    void aChainOfAnotherHiddenDangerOrAnEmptyChainIsRefused() {
        assertFalse(AuditChain.verify(List.of(), STORY.current).isValid());
        assertTrue(AuditChain.verify(List.of()).isValid());
        assertThrows(IllegalArgumentException.class, () -> AuditChain.replay(List.of()));
        HiddenDanger other = Fixtures.reported();
        assertFalse(AuditChain.verify(STORY.entries, other).isValid());
    }

    @Test
    void aChainNotStartingWithTheReportIsRefused() {
        assertFirstBadPlain(STORY.entries.subList(1, 3), 0);
    }

    private static void assertFirstBadPlain(List<AuditEntry> chain, int index) {
        ChainVerification v = AuditChain.verify(chain);
        assertEquals(index, v.firstBadIndex().orElse(-1), v.toString());
    }

    @Test
    void clockedWithAnyClockTheChainStillReplays() {
        HiddenDanger h = Fixtures.reported();
        List<AuditEntry> chain = new ArrayList<>();
        chain.add(ClosedLoop.report(Fixtures.report(), Fixtures.clock(0), ZONE).audit());
        Clock c = Fixtures.next(h);
        Transition t = ClosedLoop.apply(h, Fixtures.valid(HiddenDangerAction.RECTIFY_ON_SPOT, h), c, ZONE, Fixtures.SOD);
        chain.add(t.audit());
        assertEquals(t.next(), AuditChain.replay(chain));
    }
}
