package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Fixtures.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.Transition;
import org.dualprevention.spi.AuditKeyProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keyed chaining: HMAC-SHA-256 under the host's key, key id per entry, rotation; forging without the key fails. */
class KeyedChainTest {
    /** A host's key store: keys by id, one current. */
    static final class Keys implements AuditKeyProvider {
        final Map<String, byte[]> keys = new HashMap<>();
        String current;
        final Instant since;

        Keys(String current, Instant since) {
            this.current = current;
            this.since = since;
            add(current);
        }

        Keys add(String id) {
            keys.put(id, ("secret key " + id + " of the host, 32 bytes or more").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        @Override
        public String currentKeyId() {
            return current;
        }

        @Override
        public Optional<byte[]> key(String keyId) {
            return Optional.ofNullable(keys.get(keyId)).map(byte[]::clone);
        }

        @Override
        public Instant keyedSince() {
            return since;
        }
    }

    /** The story's commands run keyed: with key k1, rotated to k2 after the fifth. */
    private static List<AuditEntry> keyedStory(Keys keys) {
        AuditChainTest.Story plain = new AuditChainTest.Story();
        List<AuditEntry> out = new ArrayList<>();
        Transition t = ClosedLoop.report((HiddenDangerCommand.Report) plain.commands.get(0), Fixtures.clock(0), ZONE, keys);
        out.add(t.audit());
        HiddenDanger h = t.next();
        long hours = 0;
        for (int i = 1; i < plain.commands.size(); i++) {
            hours += 20;
            if (i == 5) {
                keys.add("k2").current = "k2";
            }
            t = ClosedLoop.apply(h, plain.commands.get(i), Fixtures.clock(hours), ZONE, Fixtures.SOD, keys);
            out.add(t.audit());
            h = t.next();
        }
        return out;
    }

    @Test
    @DisplayName("a keyed chain records its key ids, verifies with the keys across a rotation, replays to the plain story's states")
    void keyedChainVerifiesAcrossRotation() {
        Keys keys = new Keys("k1", Fixtures.T0);
        List<AuditEntry> chain = keyedStory(keys);
        assertEquals(Optional.of("k1"), chain.get(0).keyId());
        assertEquals(Optional.of("k2"), chain.get(chain.size() - 1).keyId());
        assertTrue(AuditChain.verify(chain, keys).isValid(), AuditChain.verify(chain, keys).toString());
        HiddenDanger replayed = AuditChain.replay(chain, keys);
        assertEquals(StateHash.of(new AuditChainTest.Story().current), StateHash.of(replayed));
        assertTrue(AuditChain.checkSnapshot(replayed, chain.get(chain.size() - 1), keys).isEmpty());
        // without the keys the chain cannot be verified, and says why
        ChainVerification none = AuditChain.verify(chain);
        assertFalse(none.isValid());
        assertTrue(none.reason().contains("keyed with the host's key [k1]"), none.toString());
        // a provider that lost the old key after the rotation cannot verify the old entries
        Keys lost = new Keys("k2", Fixtures.T0);
        assertTrue(AuditChain.verify(chain, lost).reason().contains("key id [k1] is unknown"),
                AuditChain.verify(chain, lost).toString());
    }

    @Test
    @DisplayName("without the key an attacker cannot forge: rehashed, guessed key, keyless rewrite, downgrade all refused")
    void forgingWithoutTheKeyFails() {
        Keys keys = new Keys("k1", Fixtures.T0);
        List<AuditEntry> chain = keyedStory(keys);
        // 1. a plan's funds rewritten and every hash recomputed as plain SHA-256, keeping the key ids
        List<AuditEntry> rehashedKeepingIds = new ArrayList<>();
        for (AuditEntry e : Forger.editAndRehash(chain, 2, d -> d.replace("plan.funds.amount=120000.50",
                "plan.funds.amount=1.00"))) {
            AuditEntry orig = chain.get((int) e.sequence() - 1);
            rehashedKeepingIds.add(new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(),
                    e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(),
                    orig.keyId()));
        }
        assertFirstBad(rehashedKeepingIds, keys, 0, "does not match the entry's contents under key [k1]");
        // 2. the same with a key the attacker guessed
        Keys guessed = new Keys("k1", Fixtures.T0);
        guessed.keys.put("k1", "a guess of the host's key, 32 bytes or more".getBytes(StandardCharsets.UTF_8));
        List<AuditEntry> withGuess = Forger.rehash(chain);
        List<AuditEntry> reKeyed = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        for (AuditEntry e : withGuess) {
            AuditEntry f = AuditEntries.create(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                    e.stateAfter(), e.data(), previous, e.stateHash().orElseThrow(), guessed);
            reKeyed.add(f);
            previous = f.hash();
        }
        assertTrue(AuditChain.verify(reKeyed, guessed).isValid(), "the forgery is consistent under the guessed key");
        assertFirstBad(reKeyed, keys, 0, "under key [k1]");
        // 3. the whole chain rewritten unkeyed (SHA-256 only), dated after keyed chaining began
        assertFirstBad(Forger.rehash(chain), keys, 0, "at or after keyed chaining began");
        // 4. a forged unkeyed entry appended after the keyed ones, even if dated before keyedSince
        Keys late = new Keys("k1", Fixtures.T0.minusSeconds(1));
        List<AuditEntry> head = keyedStory(late).subList(0, 4);
        AuditEntry last = head.get(3);
        AuditEntry forged = AuditEntries.create(last.dangerId(), 5, last.actor(), last.at().plusSeconds(60), last.action(),
                Optional.of(last.stateAfter()), last.stateAfter(), last.data().replace("newDeadline=2026-04-11",
                        "newDeadline=2026-05-30"), last.hash(), "0".repeat(64));
        List<AuditEntry> appended = new ArrayList<>(head);
        appended.add(forged);
        assertFirstBad(appended, late, 4, "at or after keyed chaining began");
        Keys earlier = new Keys("k1", Instant.MAX);
        List<AuditEntry> headEarlier = keyedStory(earlier).subList(0, 4);
        List<AuditEntry> appended2 = new ArrayList<>(headEarlier);
        appended2.add(AuditEntries.create(last.dangerId(), 5, last.actor(), last.at().plusSeconds(60), last.action(),
                Optional.of(last.stateAfter()), last.stateAfter(), last.data(), headEarlier.get(3).hash(), "0".repeat(64)));
        assertFirstBad(appended2, earlier, 4, "unkeyed entry after an entry keyed with [k1]");
    }

    @Test
    @DisplayName("entries of 0.1 and unkeyed entries before keyedSince still verify under a key provider")
    void oldEntriesVerifyUnderKeys() {
        List<AuditEntry> old = GoldenChainTest.asWrittenBy01(new AuditChainTest.Story().entries);
        Keys keys = new Keys("k1", Fixtures.T0);
        assertTrue(AuditChain.verify(old, keys).isValid());
        List<AuditEntry> unkeyed = new AuditChainTest.Story().entries;
        assertTrue(AuditChain.verify(unkeyed, new Keys("k1", Instant.MAX)).isValid());
        assertFalse(AuditChain.verify(unkeyed, keys).isValid());
    }

    private static void assertFirstBad(List<AuditEntry> chain, Keys keys, int index, String reason) {
        ChainVerification v = AuditChain.verify(chain, keys);
        assertFalse(v.isValid(), "the forgery verified");
        assertEquals(index, v.firstBadIndex().getAsInt(), v.toString());
        assertTrue(v.reason().contains(reason), v.toString());
    }
}
