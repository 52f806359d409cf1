package org.dualprevention.engine;

import static org.dualprevention.engine.DualPreventionTest.BOSS;
import static org.dualprevention.engine.DualPreventionTest.LEADER;
import static org.dualprevention.engine.DualPreventionTest.ORG;
import static org.dualprevention.engine.DualPreventionTest.SAFETY;
import static org.dualprevention.engine.DualPreventionTest.WORKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dualprevention.RecordIntegrityException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.CheckpointDetail;
import org.dualprevention.danger.CheckpointFinding;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.engine.closedloop.Forger;
import org.dualprevention.engine.closedloop.StoreVerification;
import org.dualprevention.engine.closedloop.TestKeys;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.MemoryTamper;
import org.dualprevention.storage.memory.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keys wired end to end: {@code DualPrevention.builder().auditKeys(..)} keys every new entry, the facade verifies
 * with the keys, rotation keeps old entries verifying, an unkeyed rewrite is refused, and an entry under an unknown
 * key id is reported naming the hidden danger, the entry and the key id, never the key.
 */
class KeyedEngineTest {
    static final HiddenDangerId HD = HiddenDangerId.of("HD-K1");
    static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");

    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:00:00Z"), DualPreventionTest.ZONE);

    DualPrevention engine(InMemoryStorage storage, AuditKeyProvider keys) {
        DualPrevention dp = DualPrevention.builder().storage(storage).clock(clock).discover(false).auditKeys(keys)
                .build();
        if (storage.organization().load().isEmpty()) {
            dp.register().saveOrganization(ORG);
        }
        return dp;
    }

    static HiddenDangerCommand.Report report(HiddenDangerId id) {
        return HiddenDangerCommand.Report.of(WORKER, id, "guard removed", "", HiddenDangerSource.RANDOM_OBSERVATION,
                DualPreventionTest.P, LocalDate.of(2026, 11, 2));
    }

    void run(DualPrevention dp, HiddenDangerId id, TestKeys keys) {
        dp.hiddenDangers().report(report(id));
        clock.advance(Duration.ofHours(1));
        dp.hiddenDangers().apply(id, HiddenDangerCommand.Verify.general(SAFETY, "confirmed"));
        clock.advance(Duration.ofHours(1));
        keys.rotate("k2");
        dp.hiddenDangers().apply(id, new HiddenDangerCommand.Plan(BOSS, new RectificationPlan(LEADER.id(),
                "refit guard", Funds.cny("500"), LocalDate.of(2026, 11, 10), "stop the press", Optional.empty())));
        clock.advance(Duration.ofHours(1));
        dp.hiddenDangers().apply(id, HiddenDangerCommand.Start.by(LEADER));
        clock.advance(Duration.ofHours(1));
    }

    @Test
    @DisplayName("every new entry is keyed with the current key; after a rotation old entries still verify, through every facade check")
    void keyedEndToEndWithRotation() {
        TestKeys keys = new TestKeys("k1", SINCE);
        InMemoryStorage storage = InMemoryStorage.create(keys);
        DualPrevention dp = engine(storage, keys);
        run(dp, HD, keys);
        List<AuditEntry> chain = dp.hiddenDangers().auditEntries(HD);
        assertEquals(List.of(Optional.of("k1"), Optional.of("k1"), Optional.of("k2"), Optional.of("k2")),
                chain.stream().map(AuditEntry::keyId).toList());
        assertTrue(dp.hiddenDangers().verifyAuditChain(HD).isValid(), dp.hiddenDangers().verifyAuditChain(HD).toString());
        assertEquals(Optional.empty(), dp.hiddenDangers().verifyFully(HD));
        assertTrue(dp.hiddenDangers().verifyAll(Optional.empty(), p -> { }).isValid());
        CheckpointDetail cp = dp.hiddenDangers().checkpointDetail(clock.instant());
        assertTrue(dp.hiddenDangers().verify(cp.checkpoint()).isValid());
        assertTrue(dp.hiddenDangers().verify(cp).isValid());
        // a restart with the same keys reads and goes on
        DualPrevention again = engine(storage, keys);
        again.hiddenDangers().apply(HD, new HiddenDangerCommand.Submit(LEADER, "refitted",
                List.of(DualPreventionTest.PHOTO), LocalDate.of(2026, 11, 2)));
        assertTrue(again.hiddenDangers().verifyAuditChain(HD).isValid());
        // an engine without keys cannot verify a keyed chain, and says why
        DualPrevention unkeyed = DualPrevention.builder().storage(storage).clock(clock).discover(false).build();
        ChainVerification v = unkeyed.hiddenDangers().verifyAuditChain(HD);
        assertFalse(v.isValid());
        assertTrue(v.reason().contains("keyed with the host's key [k1]"), v.toString());
    }

    @Test
    @DisplayName("an entry under an unknown key id is reported naming the hidden danger, the entry and the key id, never the key")
    void unknownKeyIdIsReportedClearly() {
        TestKeys writer = new TestKeys("k1", SINCE);
        TestKeys lost = new TestKeys("k2", SINCE); // a provider that lost k1
        InMemoryStorage storage = InMemoryStorage.create(lost);
        engine(storage, writer).hiddenDangers().report(report(HD));
        DualPrevention dp = engine(storage, lost);
        RecordIntegrityException e = assertThrows(RecordIntegrityException.class, () -> dp.hiddenDangers().find(HD));
        assertEquals(HD.value(), e.dangerId());
        assertEquals(1, e.sequence());
        assertTrue(e.getMessage().contains("[HD-K1]") && e.getMessage().contains("entry [1]")
                && e.getMessage().contains("audit key id [k1] is unknown"), e.getMessage());
        ChainVerification v = dp.hiddenDangers().verifyAuditChain(HD);
        assertEquals(1, v.firstBadSequence().orElseThrow());
        assertTrue(v.reason().contains("audit key id [k1] is unknown"), v.toString());
        StoreVerification.Fault f = dp.hiddenDangers().verifyFully(HD).orElseThrow();
        assertEquals(HD, f.dangerId());
        assertEquals(1, f.sequence());
        assertTrue(f.toString().contains("[k1]"), f.toString());
        // a checkpoint cannot be taken of a store that refuses a record; one taken before (here: empty) names it
        RecordIntegrityException taking = assertThrows(RecordIntegrityException.class,
                () -> dp.hiddenDangers().checkpoint(clock.instant()));
        assertEquals(HD.value(), taking.dangerId());
        CheckpointVerification cv = dp.hiddenDangers().verify(
                org.dualprevention.engine.closedloop.Checkpoints.detail(InMemoryStorage.create(), clock.instant()));
        assertEquals(List.of(HD), cv.dangers(CheckpointFinding.Kind.CHAIN_BROKEN), cv.toString());
        for (String text : List.of(e.getMessage(), v.toString(), f.toString(), cv.toString())) {
            assertFalse(text.contains(TestKeys.SECRET), "a message carries a key: " + text);
        }
    }

    @Test
    @DisplayName("an unkeyed format-2 chain dated at or after keyedSince is refused by loads and by every facade check")
    void unkeyedRewriteIsRefused() {
        TestKeys keys = new TestKeys("k1", SINCE);
        InMemoryStorage storage = InMemoryStorage.create(keys);
        DualPrevention dp = engine(storage, keys);
        run(dp, HD, keys);
        List<AuditEntry> rehashed = Forger.rehash(MemoryTamper.chain(storage, HD));
        MemoryTamper.replace(storage, HD, AuditChain.replay(rehashed), rehashed);
        RecordIntegrityException e = assertThrows(RecordIntegrityException.class, () -> dp.hiddenDangers().find(HD));
        assertTrue(e.getMessage().contains("written without the host's key"), e.getMessage());
        ChainVerification v = dp.hiddenDangers().verifyAuditChain(HD);
        assertEquals(1, v.firstBadSequence().orElseThrow());
        assertTrue(v.reason().contains("at or after keyed chaining began"), v.toString());
        assertEquals(1, dp.hiddenDangers().verifyAll(Optional.empty(), p -> { }).faults().size());
    }

    @Test
    @DisplayName("a provider without a key for its current id, or with a short key, is refused when the engine is built, naming the id only")
    void badProviderIsRefusedAtBuild() {
        TestKeys missing = new TestKeys("k1", SINCE) {
            @Override
            public String currentKeyId() {
                return "k9";
            }
        };
        org.dualprevention.ProviderConfigurationException e = assertThrows(
                org.dualprevention.ProviderConfigurationException.class,
                () -> DualPrevention.builder().storage(InMemoryStorage.create()).auditKeys(missing).build());
        assertTrue(e.getMessage().contains("current key id [k9] has no key"), e.getMessage());
        AuditKeyProvider shortKey = new AuditKeyProvider() {
            @Override
            public String currentKeyId() {
                return "short";
            }

            @Override
            public Optional<byte[]> key(String keyId) {
                return Optional.of("secret key too short".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public Instant keyedSince() {
                return SINCE;
            }
        };
        e = assertThrows(org.dualprevention.ProviderConfigurationException.class,
                () -> DualPrevention.builder().storage(InMemoryStorage.create()).auditKeys(shortKey).build());
        assertEquals("Audit key [short] has 20 bytes; allowed: 32 bytes or more", e.getMessage());
    }

    @Test
    @DisplayName("keys switched on for an existing store: unkeyed entries before keyedSince verify, new ones are keyed")
    void keysSwitchedOnLater() {
        InMemoryStorage storage = InMemoryStorage.create();
        DualPrevention before = DualPrevention.builder().storage(storage).clock(clock).discover(false).build();
        before.register().saveOrganization(ORG);
        before.hiddenDangers().report(report(HD));
        clock.advance(Duration.ofDays(1));
        TestKeys keys = new TestKeys("k1", clock.instant());
        DualPrevention after = engine(storage, keys);
        after.hiddenDangers().apply(HD, HiddenDangerCommand.Verify.general(SAFETY, "confirmed"));
        List<AuditEntry> chain = after.hiddenDangers().auditEntries(HD);
        assertEquals(List.of(Optional.empty(), Optional.of("k1")), chain.stream().map(AuditEntry::keyId).toList());
        assertTrue(after.hiddenDangers().verifyAuditChain(HD).isValid());
        assertTrue(after.hiddenDangers().verifyAll(Optional.empty(), p -> { }).isValid());
    }
}
