package org.dualprevention.engine.closedloop;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.digest.Sha256;
import org.dualprevention.organization.ActorId;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.internal.IsoTimes;
import org.jspecify.annotations.Nullable;

/**
 * Creates {@link AuditEntry audit entries} and computes their hashes, in both
 * {@link AuditEntry#format() formats}: the lower-case hex SHA-256 of the entry's canonical form, which covers
 * every other component. Each format is fixed: entries written by any release hash the same in every later one.
 * The engine writes {@link AuditEntry#FORMAT_2 format 2}, which binds the {@link StateHash state hash}.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class AuditEntries {
    private AuditEntries() {
    }

    /**
     * Creates an entry in {@link AuditEntry#FORMAT_2 format 2}, unkeyed, and computes its hash.
     *
     * @param dangerId the hidden danger
     * @param sequence the sequence number
     * @param actor who acted
     * @param at when
     * @param action the action
     * @param stateBefore the state before, empty for the report
     * @param stateAfter the state after
     * @param data the canonical data
     * @param previousHash the previous entry's hash, or {@link AuditEntry#GENESIS}
     * @param stateHash the {@link StateHash} of the hidden danger the entry produces
     * @return the entry
     * @since 0.2
     */
    public static AuditEntry create(HiddenDangerId dangerId, long sequence, ActorId actor, Instant at,
            HiddenDangerAction action, Optional<HiddenDangerState> stateBefore, HiddenDangerState stateAfter, String data,
            String previousHash, String stateHash) {
        Objects.requireNonNull(dangerId, "dangerId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(stateBefore, "stateBefore");
        Objects.requireNonNull(stateAfter, "stateAfter");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(previousHash, "previousHash");
        // the text canonicalForm gives for the entry, written from its components (so the entry is made once)
        StringBuilder sb = TEXT.get();
        sb.setLength(0);
        text(sb, true, dangerId, sequence, actor, at, action, stateBefore, stateAfter,
                Objects.requireNonNull(stateHash, "stateHash"), data, previousHash, "");
        String hash = Sha256.hex(sb.toString());
        if (sb.capacity() > 1 << 16) {
            TEXT.remove(); // a very long text: do not keep its buffer
        }
        AuditEntry hashed = new AuditEntry(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data,
                previousHash, hash, AuditEntry.FORMAT_2, Optional.of(stateHash), Optional.empty());
        last = new Memo(hashed, hash);
        return hashed;
    }

    /** An unkeyed entry and the hash its contents give. */
    private record Memo(AuditEntry entry, String hash) {
    }

    /**
     * The unkeyed entry created last and its hash, so that the storage's check of the head entry on the next load
     * does not encode and hash the same immutable entry again. Found by identity, or by equality of every component
     * (a store that keeps entries in its own form reads back an equal entry, not the same object; equal components
     * give the same hash): any other entry (an edited one) is hashed. Keyed entries are never remembered.
     */
    private static volatile @Nullable Memo last;

    /**
     * Creates an entry in {@link AuditEntry#FORMAT_2 format 2} keyed with the host's current key: its hash is the
     * HMAC-SHA-256 of its canonical form under that key, and it records the key's id.
     *
     * @param dangerId the hidden danger
     * @param sequence the sequence number
     * @param actor who acted
     * @param at when
     * @param action the action
     * @param stateBefore the state before, empty for the report
     * @param stateAfter the state after
     * @param data the canonical data
     * @param previousHash the previous entry's hash, or {@link AuditEntry#GENESIS}
     * @param stateHash the {@link StateHash} of the hidden danger the entry produces
     * @param keys the host's keys
     * @return the entry
     * @throws IllegalArgumentException if the provider has no key for its current id, or the key is shorter than 32
     *     bytes
     * @since 0.2
     */
    public static AuditEntry create(HiddenDangerId dangerId, long sequence, ActorId actor, Instant at,
            HiddenDangerAction action, Optional<HiddenDangerState> stateBefore, HiddenDangerState stateAfter, String data,
            String previousHash, String stateHash, AuditKeyProvider keys) {
        String keyId = Objects.requireNonNull(keys.currentKeyId(), "currentKeyId");
        AuditEntry unhashed = new AuditEntry(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data,
                previousHash, "", AuditEntry.FORMAT_2, Optional.of(stateHash), Optional.of(keyId));
        return unhashed.withHash(computeHash(unhashed, keys));
    }

    /**
     * Creates an entry in {@link AuditEntry#FORMAT_1 format 1}, as release 0.1 did (for tests and migrations
     * of old data; the engine no longer writes it).
     *
     * @param dangerId the hidden danger
     * @param sequence the sequence number
     * @param actor who acted
     * @param at when
     * @param action the action
     * @param stateBefore the state before, empty for the report
     * @param stateAfter the state after
     * @param data the canonical data
     * @param previousHash the previous entry's hash, or {@link AuditEntry#GENESIS}
     * @return the entry
     */
    public static AuditEntry createFormat1(HiddenDangerId dangerId, long sequence, ActorId actor, Instant at,
            HiddenDangerAction action, Optional<HiddenDangerState> stateBefore, HiddenDangerState stateAfter, String data,
            String previousHash) {
        AuditEntry unhashed = new AuditEntry(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data,
                previousHash, "");
        return unhashed.withHash(Sha256.hex(canonicalForm(unhashed)));
    }

    /**
     * The text an entry's hash is computed over: for {@link AuditEntry#FORMAT_1 format 1} one
     * {@code name=value} line per component from {@code dangerId} to {@code previousHash}, in component order;
     * for {@link AuditEntry#FORMAT_2 format 2} the line {@code format=2}, then the same lines with
     * {@code stateHash} after {@code stateAfter}, then {@code keyId} (empty when unkeyed). Values are escaped as
     * in {@link AuditEntry#data()} so no value contains a line break.
     *
     * @param entry the entry
     * @return the canonical form
     * @throws IllegalArgumentException if the entry's format is neither 1 nor 2, or a format-1 entry carries a
     *     state hash or key id, or a format-2 entry has no state hash
     */
    public static String canonicalForm(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        formatProblem(entry).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        boolean v2 = entry.format() == AuditEntry.FORMAT_2;
        StringBuilder sb = new StringBuilder(320 + entry.data().length() + (entry.data().length() >> 3));
        text(sb, v2, entry.dangerId(), entry.sequence(), entry.actor(), entry.at(), entry.action(),
                entry.stateBefore(), entry.stateAfter(), v2 ? entry.stateHash().orElseThrow() : null, entry.data(),
                entry.previousHash(), entry.keyId().orElse(""));
        return sb.toString();
    }

    /** A buffer per thread for the canonical form of an entry that is only hashed. */
    private static final ThreadLocal<StringBuilder> TEXT = ThreadLocal.withInitial(() -> new StringBuilder(1024));

    /**
     * Appends the canonical form of an entry from its components (documented at {@link #canonicalForm(AuditEntry)});
     * the state hash and key id are written in format 2 only.
     */
    private static void text(StringBuilder sb, boolean v2, HiddenDangerId dangerId, long sequence, ActorId actor,
            Instant at, HiddenDangerAction action, Optional<HiddenDangerState> stateBefore,
            HiddenDangerState stateAfter, @Nullable String stateHash, String data, String previousHash, String keyId) {
        if (v2) {
            sb.append("format=2\n");
        }
        sb.append("dangerId=");
        CanonicalData.escapeInto(dangerId.value(), sb);
        sb.append("\nsequence=").append(sequence).append("\nactor=");
        CanonicalData.escapeInto(actor.value(), sb);
        sb.append("\nat=").append(IsoTimes.format(at)).append("\naction=").append(action.code())
                .append("\nstateBefore=");
        if (stateBefore.isPresent()) {
            sb.append(stateBefore.get().code());
        }
        sb.append("\nstateAfter=").append(stateAfter.code()).append('\n');
        if (v2) {
            sb.append("stateHash=");
            CanonicalData.escapeInto(Objects.requireNonNull(stateHash, "stateHash"), sb);
            sb.append('\n');
        }
        sb.append("data=");
        CanonicalData.escapeInto(data, sb);
        sb.append("\npreviousHash=");
        CanonicalData.escapeInto(previousHash, sb);
        sb.append('\n');
        if (v2) {
            sb.append("keyId=");
            CanonicalData.escapeInto(keyId, sb);
            sb.append('\n');
        }
    }

    /**
     * Why an entry's format components do not fit its format, if they do not.
     *
     * @param entry the entry
     * @return the problem, or empty
     */
    static Optional<String> formatProblem(AuditEntry entry) {
        if (entry.format() == AuditEntry.FORMAT_1) {
            if (entry.stateHash().isPresent() || entry.keyId().isPresent()) {
                return Optional.of("format [1] carries no state hash and no key id, found state hash ["
                        + entry.stateHash().orElse("") + "] and key id [" + entry.keyId().orElse("") + "]");
            }
            return Optional.empty();
        }
        if (entry.format() == AuditEntry.FORMAT_2) {
            if (entry.stateHash().isEmpty()) {
                return Optional.of("format [2] requires a state hash, found none");
            }
            return Optional.empty();
        }
        return Optional.of("format [" + entry.format() + "]; allowed: 1 or 2");
    }

    /**
     * Recomputes an unkeyed entry's hash from its other components (for a keyed entry, the SHA-256 it would have
     * unkeyed, which never matches: use {@link #computeHash(AuditEntry, AuditKeyProvider)}).
     *
     * @param entry the entry
     * @return the hash the entry should have
     * @throws IllegalArgumentException as {@link #canonicalForm(AuditEntry)} does
     */
    public static String computeHash(AuditEntry entry) {
        Memo m = last;
        if (m != null && (m.entry == entry || m.entry.equals(entry))) {
            return m.hash;
        }
        return Sha256.hex(canonicalForm(entry));
    }

    /**
     * Recomputes an entry's hash: the SHA-256 of its canonical form when unkeyed, the HMAC-SHA-256 under the key
     * its {@link AuditEntry#keyId()} names when keyed.
     *
     * @param entry the entry
     * @param keys the host's keys
     * @return the hash the entry should have
     * @throws IllegalArgumentException if the key id is unknown to the provider or its key is shorter than 32 bytes
     * @since 0.2
     */
    public static String computeHash(AuditEntry entry, AuditKeyProvider keys) {
        Objects.requireNonNull(keys, "keys");
        if (entry.keyId().isEmpty()) {
            return computeHash(entry);
        }
        String keyId = entry.keyId().get();
        byte[] key = keys.key(keyId).orElseThrow(() -> new IllegalArgumentException("audit key id [" + keyId
                + "] is unknown to the key provider; allowed: every key id ever current, kept after a rotation"));
        try {
            if (key.length < 32) {
                throw new IllegalArgumentException("audit key [" + keyId + "] has " + key.length
                        + " bytes; allowed: at least 32");
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonicalForm(entry).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
