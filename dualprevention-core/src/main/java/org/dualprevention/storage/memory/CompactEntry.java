package org.dualprevention.storage.memory;

import java.time.Instant;
import java.util.Optional;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.ActorId;
import org.jspecify.annotations.Nullable;

/**
 * How the in-memory store keeps one audit entry of a chain: the same information as the {@link AuditEntry} it was
 * made from, in less memory. The hidden danger's id and the entry's sequence are not kept (the chain's record has
 * the id, and the entry at place {@code i} of a chain saved through the repository has sequence {@code i + 1}); the
 * previous hash is not kept (it is the hash of the entry before, or {@link AuditEntry#GENESIS} for the first); the
 * hash and the state hash are kept as 256-bit numbers (four longs each) instead of 64-character hex texts; the
 * instant as its seconds and nanoseconds; the enums as their ordinals; an absent state hash or key id as a flag or
 * null rather than an {@link Optional}.
 *
 * <p>An entry is kept in this form only when reading it back gives an entry equal to it ({@link #of} returns null
 * otherwise, and the store keeps the {@code AuditEntry} itself): its hashes are 64 lower-case hex digits, its
 * sequence is its place plus one and its previous hash is the hash of the entry before. {@link #entry} makes the
 * {@code AuditEntry} again. Immutable.
 */
final class CompactEntry {
    private static final HiddenDangerAction[] ACTIONS = HiddenDangerAction.values();
    private static final HiddenDangerState[] STATES = HiddenDangerState.values();
    private static final byte[] NIBBLES = nibbles();
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private final long epochSecond;
    private final long h0;
    private final long h1;
    private final long h2;
    private final long h3;
    private final long s0;
    private final long s1;
    private final long s2;
    private final long s3;
    private final int nano;
    private final int format;
    private final byte action;
    /** The ordinal of the state before, or -1 for none. */
    private final byte before;
    private final byte after;
    private final boolean stateHashed;
    private final ActorId actor;
    /**
     * The data text's characters: one byte each (a {@code byte[]}) when all are below 256, else a {@code char[]}; so
     * the same bytes a {@link String} holds for it, without the string object.
     */
    private final Object data;
    private final @Nullable String keyId;

    /** The compact form of an entry, given the four words of its hash and of its state hash (null: none). */
    private CompactEntry(AuditEntry e, long[] hash, long @Nullable [] stateHash) {
        this.epochSecond = e.at().getEpochSecond();
        this.nano = e.at().getNano();
        this.format = e.format();
        this.action = (byte) e.action().ordinal();
        this.before = (byte) (e.stateBefore().isPresent() ? e.stateBefore().get().ordinal() : -1);
        this.after = (byte) e.stateAfter().ordinal();
        this.h0 = hash[0];
        this.h1 = hash[1];
        this.h2 = hash[2];
        this.h3 = hash[3];
        this.stateHashed = stateHash != null;
        this.s0 = stateHash == null ? 0 : stateHash[0];
        this.s1 = stateHash == null ? 0 : stateHash[1];
        this.s2 = stateHash == null ? 0 : stateHash[2];
        this.s3 = stateHash == null ? 0 : stateHash[3];
        this.actor = e.actor();
        this.data = chars(e.data());
        this.keyId = e.keyId().orElse(null);
    }

    /**
     * The compact form of {@code e} at place {@code place} of its chain, after {@code previous} (the entry before as
     * the store keeps it, or null for the first); null when that form would not give {@code e} back.
     *
     * @param e the entry
     * @param place its index in the chain (0 for the first)
     * @param previous the entry before (a {@link CompactEntry} or an {@link AuditEntry}), or null
     * @return the compact entry, or null
     */
    static @Nullable CompactEntry of(AuditEntry e, int place, @Nullable Object previous) {
        if (e.sequence() != place + 1L) {
            return null;
        }
        long[] hash = words(e.hash());
        if (hash == null) {
            return null;
        }
        if (previous instanceof CompactEntry) {
            CompactEntry p = (CompactEntry) previous;
            long[] h = words(e.previousHash());
            if (h == null || h[0] != p.h0 || h[1] != p.h1 || h[2] != p.h2 || h[3] != p.h3) {
                return null;
            }
        } else if (!e.previousHash().equals(previous == null ? AuditEntry.GENESIS : ((AuditEntry) previous).hash())) {
            return null;
        }
        long[] stateHash = null;
        if (e.stateHash().isPresent()) {
            stateHash = words(e.stateHash().get());
            if (stateHash == null) {
                return null;
            }
        }
        return new CompactEntry(e, hash, stateHash);
    }

    /**
     * The four 64-bit words (most significant first) of 64 lower-case hex digits, read in one pass; null when the text
     * is not that ({@link #isHex} and {@link #word} of each word, at once).
     */
    static long @Nullable [] words(String text) {
        if (text.length() != 64) {
            return null;
        }
        long[] out = new long[4];
        for (int w = 0; w < 4; w++) {
            long v = 0;
            for (int i = w * 16, end = i + 16; i < end; i++) {
                char c = text.charAt(i);
                int n = c < 128 ? NIBBLES[c] : -1;
                if (n < 0) {
                    return null;
                }
                v = v << 4 | n;
            }
            out[w] = v;
        }
        return out;
    }

    /**
     * The entry again.
     *
     * @param danger the hidden danger of the chain
     * @param place the index of this entry in the chain
     * @param previousHash the hash of the entry before ({@link AuditEntry#GENESIS} for the first)
     * @return an entry equal to the one this was made from
     */
    AuditEntry entry(HiddenDangerId danger, int place, String previousHash) {
        return entry(danger, place, previousHash, null);
    }

    /**
     * {@link #entry(HiddenDangerId, int, String)}, taking {@code known} as the hash text when it is this entry's hash
     * (the snapshot's audit head, for the head entry), so that text is not made again.
     */
    AuditEntry entry(HiddenDangerId danger, int place, String previousHash, @Nullable String known) {
        String hash = known != null && isHex(known) && word(known, 0) == h0 && word(known, 1) == h1
                && word(known, 2) == h2 && word(known, 3) == h3 ? known : hash();
        Optional<HiddenDangerState> stateBefore = before < 0 ? Optional.empty() : Optional.of(STATES[before]);
        Optional<String> stateHash = stateHashed ? Optional.of(hex(s0, s1, s2, s3)) : Optional.empty();
        return new AuditEntry(danger, place + 1L, actor, Instant.ofEpochSecond(epochSecond, nano), ACTIONS[action],
                stateBefore, STATES[after], text(data), previousHash, hash, format, stateHash, Optional.ofNullable(keyId));
    }

    /**
     * This entry's hash as 64 lower-case hex digits.
     *
     * @return the hash
     */
    String hash() {
        return hex(h0, h1, h2, h3);
    }

    /**
     * Whether {@code text} is 64 lower-case hex digits: the texts {@link #hex} gives back exactly from their four
     * {@link #word}s.
     */
    static boolean isHex(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (c >= 128 || NIBBLES[c] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The {@code w}-th 64-bit word (0 = most significant) of 64 hex digits that passed {@link #isHex}. */
    static long word(String text, int w) {
        long v = 0;
        for (int i = w * 16, end = i + 16; i < end; i++) {
            int c = text.charAt(i);
            // '0'..'9' are 0x30..0x39, 'a'..'f' 0x61..0x66: the low four bits, plus 9 for a letter (bit 6 set)
            v = v << 4 | ((c & 0xf) + 9 * (c >> 6));
        }
        return v;
    }

    /** Four longs (most significant first) as 64 lower-case hex digits. */
    static String hex(long a, long b, long c, long d) {
        byte[] out = new byte[64];
        put(out, 0, a);
        put(out, 16, b);
        put(out, 32, c);
        put(out, 48, d);
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void put(byte[] out, int at, long v) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = (byte) DIGITS[(int) (v & 0xf)];
            v >>>= 4;
        }
    }

    /** The characters of {@code text}: a byte each when all are below 256, else a char each. */
    private static Object chars(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) > 0xff) {
                return text.toCharArray();
            }
        }
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The text of characters kept by {@link #chars}. */
    private static String text(Object chars) {
        return chars instanceof byte[] ? new String((byte[]) chars, java.nio.charset.StandardCharsets.ISO_8859_1)
                : new String((char[]) chars);
    }

    private static byte[] nibbles() {
        byte[] n = new byte[128];
        java.util.Arrays.fill(n, (byte) -1);
        for (int i = 0; i < 10; i++) {
            n['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            n['a' + i] = (byte) (10 + i);
        }
        return n;
    }

    /**
     * The hash of the entry at {@code place} of a chain kept as {@code entries} (each a {@link CompactEntry} or an
     * {@link AuditEntry}), or {@link AuditEntry#GENESIS} for place -1.
     */
    static String hashAt(Object[] entries, int place) {
        if (place < 0) {
            return AuditEntry.GENESIS;
        }
        Object e = entries[place];
        return e instanceof CompactEntry ? ((CompactEntry) e).hash() : ((AuditEntry) e).hash();
    }

    /**
     * The entry at {@code place} of a chain kept as {@code entries}, given the hash of the entry before it.
     */
    static AuditEntry at(Object[] entries, int place, HiddenDangerId danger, String previousHash) {
        Object e = entries[place];
        return e instanceof CompactEntry ? ((CompactEntry) e).entry(danger, place, previousHash) : (AuditEntry) e;
    }
}
