package org.dualprevention.engine.closedloop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.RecordIntegrityException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.danger.CheckpointDetail;
import org.dualprevention.danger.CheckpointFinding;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.spi.Storage;
import org.jspecify.annotations.Nullable;

/**
 * Checkpoints (锚点) of the hidden dangers' audit chains: computing one from a store as of an instant, keeping
 * one up to date one save at a time ({@link Tree}), and verifying a store against one kept outside it.
 *
 * <h2>The digest, format 1</h2>
 * <ul>
 * <li>A <b>leaf</b> per hidden danger: the SHA-256 of the byte {@code 0x00} followed by the UTF-8 of
 *     {@code id=<id>\nsequence=<n>\nhead=<hash>\n} (the id escaped as in {@link AuditEntry#data()}), where
 *     {@code n} and {@code hash} are the sequence and hash of its last audit entry at or before the checkpoint's
 *     instant. A hidden danger with no entry by then is not covered.</li>
 * <li>4,096 <b>buckets</b>: a hidden danger falls into the bucket numbered by the first 12 bits of the SHA-256 of
 *     its id's UTF-8; a bucket's digest is the SHA-256 of the byte {@code 0x02} followed by its leaves in the
 *     order of the SHA-256 of their ids (unsigned bytes).</li>
 * <li>The <b>root</b>: the buckets are paired level by level ({@code SHA-256(0x01 ‖ left ‖ right)}) up to one.</li>
 * </ul>
 * A save changes one leaf, so {@link Tree} recomputes one bucket and twelve nodes.
 *
 * <h2>What a checkpoint finds</h2>
 * {@link #verify} recomputes the checkpoint from the store as of the same instant and compares. Every change to
 * the history the checkpoint covers changes the root or the count: an entry at or before the instant rewritten
 * (even with all later hashes recomputed), a chain rolled back or truncated to before the instant, a hidden
 * danger deleted, or an entry inserted with a time at or before the instant. Entries appended after the instant
 * are not covered (a later checkpoint covers them; a host key makes them impossible to forge).
 *
 * <h2>Which hidden danger: the detailed form</h2>
 * The printed checkpoint (root, count, instant) says whether the history changed, not where. The host that
 * also keeps the checkpoint's {@link CheckpointDetail} (its leaves: id, sequence and head hash per hidden danger,
 * from {@link #detail}) gets the hidden dangers named: {@link #verify(Storage, CheckpointDetail, AuditKeyProvider)}
 * first checks that the leaves give the checkpoint's root and count (so a detail kept in an untrusted place is
 * checked against the printed checkpoint), then compares each leaf with the store's head as of the same instant:
 * a lower sequence is {@link CheckpointFinding.Kind#ROLLED_BACK rolled back or truncated}, no hidden danger
 * {@link CheckpointFinding.Kind#DELETED deleted}, the same sequence with another hash
 * {@link CheckpointFinding.Kind#REWRITTEN history rewritten}, a higher one
 * {@link CheckpointFinding.Kind#EXTENDED_BACKDATED extended with back-dated entries}, and a hidden danger the
 * detail does not name {@link CheckpointFinding.Kind#ADDED_BACKDATED added with a back-dated history}. It holds
 * the detail's leaves in a map while the store is read (about 200 bytes per hidden danger).
 *
 * <h2>With the host's keys</h2>
 * Given an {@link AuditKeyProvider}, verification reads every chain in full and verifies it under the keys
 * ({@link AuditChain#verify(List, HiddenDanger, AuditKeyProvider)}); a chain that fails is a finding
 * {@link CheckpointFinding.Kind#CHAIN_BROKEN} naming the hidden danger and the entry. That covers the entries
 * appended after the checkpoint's instant too, which the checkpoint itself does not: without the key they cannot
 * be forged. Its cost grows with the chains, as full verification's does.
 *
 * <p>A checkpoint should be taken as of an instant a little in the past ({@link #DEFAULT_LAG}), so that commands
 * accepted just before it have been stored when it is computed.
 *
 * <p>This class is stateless and thread-safe; a {@link Tree} is not.
 *
 * @since 0.2
 */
public final class Checkpoints {
    /** How far in the past a checkpoint taken "now" is cut: one minute, for commands in flight to be stored. */
    public static final java.time.Duration DEFAULT_LAG = java.time.Duration.ofMinutes(1);

    static final int BUCKET_BITS = 12;
    static final int BUCKETS = 1 << BUCKET_BITS;
    private static final int PAGE = 500;

    private Checkpoints() {
    }

    /**
     * The checkpoint of a store as of an instant, read through the storage SPI: every hidden danger is loaded (its
     * snapshot checked against its head entry), and the chain of one changed after the instant is read back to the
     * last entry at or before it.
     *
     * @param storage the store
     * @param asOf the instant
     * @return the checkpoint
     * @throws org.dualprevention.RecordIntegrityException if a stored hidden danger disagrees with its chain
     */
    public static Checkpoint of(Storage storage, Instant asOf) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(asOf, "asOf");
        Tree tree = new Tree();
        Optional<String> token = Optional.empty();
        do {
            Page<HiddenDanger> page = storage.hiddenDangers().find(HiddenDangerQuery.all(),
                    token.map(t -> PageRequest.after(t, PAGE)).orElse(PageRequest.first(PAGE)));
            for (HiddenDanger h : page.items()) {
                headAsOf(storage, h, asOf).ifPresent(e -> tree.put(h.id(), e.sequence(), e.hash()));
            }
            token = page.next();
        } while (token.isPresent());
        return tree.checkpoint(asOf);
    }

    /**
     * Verifies a store against a checkpoint kept outside it: recomputes the checkpoint as of the same instant and
     * compares root and count.
     *
     * @param storage the store
     * @param checkpoint the checkpoint taken earlier
     * @return the result, with the recomputed checkpoint and what the difference means; a hidden danger the store
     *     refuses to load (its snapshot disagrees with its head entry) is read by its chain instead and reported as
     *     a finding {@link CheckpointFinding.Kind#CHAIN_BROKEN} naming it, as the keyed and detailed forms do
     */
    public static CheckpointVerification verify(Storage storage, Checkpoint checkpoint) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(checkpoint, "checkpoint");
        try {
            return compare(checkpoint, of(storage, checkpoint.asOf()));
        } catch (RecordIntegrityException refused) {
            // the paged read stopped at a record the store refuses: go hidden danger by hidden danger, so that each
            // refused one becomes a finding and the others are still compared
            Tree tree = new Tree();
            List<CheckpointFinding> findings = new ArrayList<>();
            heads(storage, checkpoint.asOf(), null, (id, head) -> tree.put(id, head.sequence(), head.hash()),
                    findings::add);
            return withFindings(compare(checkpoint, tree.checkpoint(checkpoint.asOf())), findings);
        }
    }

    /**
     * Verifies a store against a checkpoint kept outside it, as {@link #verify(Storage, Checkpoint)} does, and with
     * the host's keys also every chain under them (see the class description): a chain that fails is a finding
     * naming the hidden danger, the entry and why. Without the checkpoint's {@link CheckpointDetail} a difference
     * of root or count is not localised: pass the detail to {@link #verify(Storage, CheckpointDetail,
     * AuditKeyProvider)} for that.
     *
     * @param storage the store
     * @param checkpoint the checkpoint taken earlier
     * @param keys the host's keys, or null (then as {@link #verify(Storage, Checkpoint)})
     * @return the result
     * @since 0.2
     */
    public static CheckpointVerification verify(Storage storage, Checkpoint checkpoint,
            @Nullable AuditKeyProvider keys) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (keys == null) {
            return verify(storage, checkpoint);
        }
        Tree tree = new Tree();
        List<CheckpointFinding> findings = new ArrayList<>();
        heads(storage, checkpoint.asOf(), keys, (id, head) -> tree.put(id, head.sequence(), head.hash()),
                findings::add);
        return withFindings(compare(checkpoint, tree.checkpoint(checkpoint.asOf())), findings);
    }

    /**
     * The checkpoint of a store as of an instant with its detailed form (the leaves), for a host that keeps both:
     * the printed {@link CheckpointDetail#checkpoint()} for the report, the detail to localise a later fault.
     *
     * @param storage the store
     * @param asOf the instant
     * @return the detail, whose checkpoint equals {@link #of(Storage, Instant)}
     * @throws org.dualprevention.RecordIntegrityException if a stored hidden danger disagrees with its chain
     * @since 0.2
     */
    public static CheckpointDetail detail(Storage storage, Instant asOf) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(asOf, "asOf");
        Tree tree = new Tree();
        List<CheckpointDetail.Leaf> leaves = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<HiddenDanger> page = storage.hiddenDangers().find(HiddenDangerQuery.all(),
                    token.map(t -> PageRequest.after(t, PAGE)).orElse(PageRequest.first(PAGE)));
            for (HiddenDanger h : page.items()) {
                headAsOf(storage, h, asOf).ifPresent(e -> {
                    tree.put(h.id(), e.sequence(), e.hash());
                    leaves.add(new CheckpointDetail.Leaf(h.id(), e.sequence(), e.hash()));
                });
            }
            token = page.next();
        } while (token.isPresent());
        leaves.sort((a, b) -> a.dangerId().compareTo(b.dangerId()));
        return new CheckpointDetail(tree.checkpoint(asOf), leaves);
    }

    /**
     * Checks that a detail's leaves give its checkpoint's root and count.
     *
     * @param detail the detail
     * @throws IllegalArgumentException if they do not: the detail was altered or belongs to another checkpoint
     * @since 0.2
     */
    public static void requireConsistent(CheckpointDetail detail) {
        Objects.requireNonNull(detail, "detail");
        Tree tree = new Tree();
        for (CheckpointDetail.Leaf l : detail.leaves()) {
            tree.put(l.dangerId(), l.sequence(), l.head());
        }
        Checkpoint given = detail.checkpoint();
        Checkpoint leaves = tree.checkpoint(given.asOf());
        if (!leaves.equals(given)) {
            throw new IllegalArgumentException("checkpoint detail's leaves give root [" + leaves.root() + "] over ["
                    + leaves.count() + "], not its checkpoint's root [" + given.root() + "] over [" + given.count()
                    + "]: the detail was altered or belongs to another checkpoint; allowed: the detail written with"
                    + " the checkpoint");
        }
    }

    /**
     * Verifies a store against a checkpoint's detailed form and names every hidden danger whose history differs
     * from it: rolled back or truncated, deleted, rewritten, extended or added with back-dated entries (see the
     * class description), and with the host's keys every hidden danger whose chain fails under them.
     *
     * @param storage the store
     * @param detail the detail kept with the checkpoint
     * @param keys the host's keys, or null
     * @return the result: its findings name each hidden danger, in id order
     * @throws IllegalArgumentException if the detail's leaves do not give its checkpoint ({@link #requireConsistent})
     * @since 0.2
     */
    public static CheckpointVerification verify(Storage storage, CheckpointDetail detail,
            @Nullable AuditKeyProvider keys) {
        Objects.requireNonNull(storage, "storage");
        requireConsistent(detail);
        Checkpoint expected = detail.checkpoint();
        Map<HiddenDangerId, CheckpointDetail.Leaf> open = new HashMap<>(detail.leaves().size() * 2);
        for (CheckpointDetail.Leaf l : detail.leaves()) {
            open.put(l.dangerId(), l);
        }
        Tree tree = new Tree();
        List<CheckpointFinding> findings = new ArrayList<>();
        heads(storage, expected.asOf(), keys, (id, head) -> {
            tree.put(id, head.sequence(), head.hash());
            CheckpointDetail.Leaf l = open.remove(id);
            if (l == null) {
                findings.add(new CheckpointFinding(id, CheckpointFinding.Kind.ADDED_BACKDATED, 0, head.sequence(),
                        "the checkpoint does not cover it, the store holds entries up to [" + head.sequence()
                                + "] dated at or before " + expected.asOf()));
            } else if (head.sequence() < l.sequence()) {
                findings.add(new CheckpointFinding(id, CheckpointFinding.Kind.ROLLED_BACK, l.sequence(),
                        head.sequence(), (l.sequence() - head.sequence()) + " entries at or before " + expected.asOf()
                                + " are missing from the end of its chain"));
            } else if (head.sequence() > l.sequence()) {
                findings.add(new CheckpointFinding(id, CheckpointFinding.Kind.EXTENDED_BACKDATED, l.sequence(),
                        head.sequence(), (head.sequence() - l.sequence()) + " entries dated at or before "
                                + expected.asOf() + " were added after the checkpoint"));
            } else if (!head.hash().equals(l.head())) {
                findings.add(new CheckpointFinding(id, CheckpointFinding.Kind.REWRITTEN, l.sequence(),
                        head.sequence(), "entry [" + l.sequence() + "] has hash [" + head.hash() + "], the checkpoint"
                                + " recorded [" + l.head() + "]: it or an entry before it was changed and the hashes"
                                + " recomputed"));
            }
        }, findings::add);
        for (CheckpointDetail.Leaf l : open.values()) {
            findings.add(new CheckpointFinding(l.dangerId(), CheckpointFinding.Kind.DELETED, l.sequence(), 0,
                    "the checkpoint covers it at entry [" + l.sequence() + "], the store holds no entry of it at or"
                            + " before " + expected.asOf()));
        }
        findings.sort((a, b) -> a.dangerId().compareTo(b.dangerId()) != 0 ? a.dangerId().compareTo(b.dangerId())
                : a.kind().compareTo(b.kind()));
        return withFindings(compare(expected, tree.checkpoint(expected.asOf())), findings);
    }

    /** A comparison's result with the findings added (and a problem that counts them). */
    private static CheckpointVerification withFindings(CheckpointVerification v, List<CheckpointFinding> findings) {
        if (findings.isEmpty()) {
            return v;
        }
        Map<CheckpointFinding.Kind, Integer> byKind = new java.util.EnumMap<>(CheckpointFinding.Kind.class);
        for (CheckpointFinding f : findings) {
            byKind.merge(f.kind(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        byKind.forEach((k, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(k.label()));
        String summary = findings.size() + " hidden dangers differ: " + sb;
        return new CheckpointVerification(v.expected(), v.found(),
                Optional.of(v.problem().map(p -> summary + "; " + p).orElse(summary)), findings);
    }

    /** Receives a hidden danger's head as of the checkpoint's instant. */
    private interface HeadSink {
        void accept(HiddenDangerId id, Head head);
    }

    /**
     * Every stored hidden danger's head as of an instant, read through the storage SPI. Without keys the snapshot
     * gives the head when nothing changed after the instant; with keys each chain is read in full and verified under
     * them, a failure going to {@code faults}. A hidden danger the store refuses to load (its snapshot disagrees
     * with its head) is read by its chain instead, and reported as a finding.
     */
    private static void heads(Storage storage, Instant asOf, @Nullable AuditKeyProvider keys, HeadSink sink,
            java.util.function.Consumer<CheckpointFinding> faults) {
        Optional<String> token = Optional.empty();
        do {
            Page<HiddenDangerId> page = storage.hiddenDangers().ids(
                    token.map(t -> PageRequest.after(t, PAGE)).orElse(PageRequest.first(PAGE)));
            for (HiddenDangerId id : page.items()) {
                head(storage, id, asOf, keys, faults).ifPresent(h -> sink.accept(id, h));
            }
            token = page.next();
        } while (token.isPresent());
    }

    private static Optional<Head> head(Storage storage, HiddenDangerId id, Instant asOf,
            @Nullable AuditKeyProvider keys, java.util.function.Consumer<CheckpointFinding> faults) {
        Optional<HiddenDanger> snapshot;
        try {
            snapshot = storage.hiddenDangers().find(id);
        } catch (RecordIntegrityException e) {
            faults.accept(new CheckpointFinding(id, CheckpointFinding.Kind.CHAIN_BROKEN, 0, e.sequence(),
                    "the store refuses to load it: " + e.reason()));
            snapshot = Optional.empty();
        }
        if (keys == null && snapshot.isPresent()) {
            return headAsOf(storage, snapshot.get(), asOf);
        }
        List<AuditEntry> chain = Page.stream(p -> storage.auditLog().entries(id, p), PAGE).toList();
        if (keys != null && snapshot.isPresent()) {
            ChainVerification v = AuditChain.verify(chain, snapshot.get(), keys);
            if (!v.isValid()) {
                faults.accept(new CheckpointFinding(id, CheckpointFinding.Kind.CHAIN_BROKEN, 0,
                        v.firstBadSequence().orElse(0), "entry [" + v.firstBadSequence().orElse(0) + "]: "
                                + v.reason()));
            }
        }
        AuditEntry last = null;
        for (AuditEntry e : chain) {
            if (e.at().isAfter(asOf)) {
                break;
            }
            last = e;
        }
        return last == null ? Optional.empty() : Optional.of(new Head(last.sequence(), last.hash()));
    }

    /**
     * Compares a checkpoint with one recomputed as of the same instant.
     *
     * @param expected the checkpoint kept
     * @param found the checkpoint recomputed
     * @return the result
     */
    public static CheckpointVerification compare(Checkpoint expected, Checkpoint found) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        if (!expected.asOf().equals(found.asOf())) {
            throw new IllegalArgumentException("checkpoints as of [" + expected.asOf() + "] and [" + found.asOf()
                    + "] cannot be compared; recompute as of [" + expected.asOf() + "]");
        }
        if (found.count() < expected.count()) {
            return new CheckpointVerification(expected, found, Optional.of("the store holds " + found.count()
                    + " hidden dangers reported by " + expected.asOf() + " but the checkpoint covers " + expected.count()
                    + ": " + (expected.count() - found.count()) + " were deleted (root " + found.root() + ", expected "
                    + expected.root() + ")"));
        }
        if (found.count() > expected.count()) {
            return new CheckpointVerification(expected, found, Optional.of("the store holds " + found.count()
                    + " hidden dangers reported by " + expected.asOf() + " but the checkpoint covers " + expected.count()
                    + ": " + (found.count() - expected.count()) + " were added with back-dated entries (root "
                    + found.root() + ", expected " + expected.root() + ")"));
        }
        if (!found.root().equals(expected.root())) {
            return new CheckpointVerification(expected, found, Optional.of("the history as of " + expected.asOf()
                    + " differs from the checkpoint's (root " + found.root() + ", expected " + expected.root()
                    + "): a chain was rolled back, truncated, extended with back-dated entries or rewritten with"
                    + " recomputed hashes"));
        }
        return new CheckpointVerification(expected, found, Optional.empty());
    }

    /** The sequence and hash of a hidden danger's last entry at or before a checkpoint's instant. */
    private record Head(long sequence, String hash) {
    }

    /** The last entry at or before {@code asOf} of a stored hidden danger, if any. */
    private static Optional<Head> headAsOf(Storage storage, HiddenDanger h, Instant asOf) {
        if (h.reportedAt().isAfter(asOf)) {
            return Optional.empty();
        }
        if (!h.lastActionAt().isAfter(asOf)) {
            // the snapshot was checked against its head entry when it was loaded
            return Optional.of(new Head(h.version(), h.auditHead()));
        }
        AuditEntry last = null;
        Optional<String> token = Optional.empty();
        outer:
        do {
            Page<AuditEntry> page = storage.auditLog().entries(h.id(),
                    token.map(t -> PageRequest.after(t, PAGE)).orElse(PageRequest.first(PAGE)));
            for (AuditEntry e : page.items()) {
                if (e.at().isAfter(asOf)) {
                    break outer;
                }
                last = e;
            }
            token = page.next();
        } while (token.isPresent());
        return last == null ? Optional.empty() : Optional.of(new Head(last.sequence(), last.hash()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * The leaf of one hidden danger.
     *
     * @param id the id
     * @param sequence the sequence of its head entry as of the checkpoint
     * @param head that entry's hash
     * @return the 32-byte leaf
     */
    static byte[] leaf(HiddenDangerId id, long sequence, String head) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        d.update(("id=" + CanonicalData.escape(id.value()) + "\nsequence=" + sequence + "\nhead=" + head + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return d.digest();
    }

    /**
     * The checkpoint tree, kept up to date one hidden danger at a time: {@link #put} after each save (or for
     * each hidden danger read), then {@link #checkpoint}. Each put recomputes only its bucket and the twelve
     * nodes above it when the root is next asked for. It holds 64 bytes per hidden danger (the SHA-256 of its id
     * and its leaf), so an import of a million hidden dangers checks its checkpoint in about 64 MiB.
     *
     * <p>This class is mutable and not thread-safe.
     *
     * @since 0.2
     */
    public static final class Tree {
        private static final int RECORD = 64;
        /** Per bucket: records of 64 bytes (SHA-256 of the id, then the leaf), sorted by the id's hash. */
        private final byte[][] buckets = new byte[BUCKETS][];
        private final int[] sizes = new int[BUCKETS];
        private final byte[][] nodes = new byte[2 * BUCKETS][];
        private final BitSet dirty = new BitSet(BUCKETS);
        private long count;

        /** An empty tree. */
        public Tree() {
            dirty.set(0, BUCKETS);
        }

        /**
         * Sets a hidden danger's head (adds it, or replaces its previous head).
         *
         * @param id the hidden danger
         * @param sequence the sequence of its head entry
         * @param head that entry's hash
         * @return this tree
         */
        public Tree put(HiddenDangerId id, long sequence, String head) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(head, "head");
            byte[] key = sha256().digest(id.value().getBytes(StandardCharsets.UTF_8));
            int b = bucketOf(key);
            byte[] leaf = leaf(id, sequence, head);
            int at = find(b, key);
            byte[] array = buckets[b] == null ? new byte[RECORD * 4] : buckets[b];
            if (at >= 0) {
                System.arraycopy(leaf, 0, array, at * RECORD + 32, 32);
            } else {
                int ins = -at - 1;
                if ((sizes[b] + 1) * RECORD > array.length) {
                    array = Arrays.copyOf(array, array.length * 2);
                }
                System.arraycopy(array, ins * RECORD, array, (ins + 1) * RECORD, (sizes[b] - ins) * RECORD);
                System.arraycopy(key, 0, array, ins * RECORD, 32);
                System.arraycopy(leaf, 0, array, ins * RECORD + 32, 32);
                sizes[b]++;
                count++;
            }
            buckets[b] = array;
            dirty.set(b);
            return this;
        }

        /**
         * Removes a hidden danger.
         *
         * @param id the hidden danger
         * @return this tree
         */
        public Tree remove(HiddenDangerId id) {
            byte[] key = sha256().digest(Objects.requireNonNull(id, "id").value().getBytes(StandardCharsets.UTF_8));
            int b = bucketOf(key);
            int at = find(b, key);
            if (at >= 0) {
                byte[] array = buckets[b];
                System.arraycopy(array, (at + 1) * RECORD, array, at * RECORD, (sizes[b] - at - 1) * RECORD);
                sizes[b]--;
                count--;
                dirty.set(b);
            }
            return this;
        }

        /** Binary search of a key in a bucket: its index, or -(insertion point) - 1. */
        private int find(int b, byte[] key) {
            byte[] array = buckets[b];
            int lo = 0;
            int hi = sizes[b] - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Arrays.compareUnsigned(array, mid * RECORD, mid * RECORD + 32, key, 0, 32);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -lo - 1;
        }

        private static int bucketOf(byte[] idHash) {
            return ((idHash[0] & 0xff) << 4) | ((idHash[1] & 0xff) >>> 4);
        }

        /** @return how many hidden dangers the tree holds */
        public long count() {
            return count;
        }

        /** @return the Merkle root, 64 lower-case hex digits */
        public String root() {
            MessageDigest d = sha256();
            BitSet level = new BitSet(BUCKETS);
            for (int b = dirty.nextSetBit(0); b >= 0; b = dirty.nextSetBit(b + 1)) {
                d.update((byte) 2);
                for (int i = 0; i < sizes[b]; i++) {
                    d.update(buckets[b], i * RECORD + 32, 32);
                }
                nodes[BUCKETS + b] = d.digest();
                level.set((BUCKETS + b) >>> 1);
            }
            dirty.clear();
            // recompute the parents of changed nodes, level by level up to the root (node 1)
            while (!level.isEmpty()) {
                BitSet up = new BitSet(BUCKETS);
                for (int p = level.nextSetBit(0); p >= 0; p = level.nextSetBit(p + 1)) {
                    d.update((byte) 1);
                    d.update(nodes[2 * p]);
                    d.update(nodes[2 * p + 1]);
                    nodes[p] = d.digest();
                    if (p > 1) {
                        up.set(p >>> 1);
                    }
                }
                level = up;
            }
            return HexFormat.of().formatHex(nodes[1]);
        }

        /**
         * The checkpoint of what the tree holds.
         *
         * @param asOf the instant the heads put were taken as of
         * @return the checkpoint
         */
        public Checkpoint checkpoint(Instant asOf) {
            return new Checkpoint(Checkpoint.FORMAT_1, asOf, count, root());
        }
    }
}
