package org.dualprevention.danger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checkpoint (锚点) of the hidden dangers' audit chains: a digest over every chain head as of an instant,
 * small enough to print in a monthly report or hand to a regulator, and kept outside the store. Verifying a
 * store against it later (core's {@code Checkpoints.verify}) finds any change to the history it covers: a chain
 * rolled back or truncated to before {@link #asOf()}, a hidden danger deleted, an entry rewritten even with every
 * hash recomputed, or an entry inserted with a time at or before {@code asOf}.
 *
 * <p>{@link #root()} is the root of a Merkle tree (format {@value #FORMAT_1}): each hidden danger reported at or
 * before {@code asOf} is a leaf over its id, the sequence and the hash of its last audit entry at or before
 * {@code asOf}; leaves fall into 4,096 buckets by the first 12 bits of the SHA-256 of the id, each bucket is the
 * SHA-256 of its leaves in the order of their ids' SHA-256, and the buckets are paired up to one root. Core's {@code Checkpoints}
 * defines it byte for byte; a store keeps it up to date one leaf at a time.
 *
 * <p>{@link #toString()} is the printable form,
 * {@code dualprevention-checkpoint/1 asOf=2026-03-31T16:00:00Z count=1234 root=<64 hex>}, and
 * {@link #parse(String)} reads it back. It says whether the history changed, not where: to name the hidden dangers
 * that changed, keep its {@link CheckpointDetail} (the leaves) as well.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param format the digest's format, {@value #FORMAT_1}
 * @param asOf the instant the checkpoint covers: every audit entry at or before it
 * @param count how many hidden dangers it covers
 * @param root the Merkle root, 64 lower-case hex digits
 * @since 0.2
 */
public record Checkpoint(int format, Instant asOf, long count, String root) {
    /** The only format so far. */
    public static final int FORMAT_1 = 1;

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PRINTED = Pattern.compile(
            "dualprevention-checkpoint/(\\d{1,9}) asOf=(\\S+) count=(\\d{1,18}) root=(\\S*)");

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException naming the bad component and what is allowed
     */
    public Checkpoint {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(root, "root");
        if (format != FORMAT_1) {
            throw new IllegalArgumentException("checkpoint format [" + format + "]; allowed: " + FORMAT_1);
        }
        if (count < 0) {
            throw new IllegalArgumentException("checkpoint count [" + count + "]; allowed: 0 or more");
        }
        if (!HEX.matcher(root).matches()) {
            throw new IllegalArgumentException("checkpoint root [" + root + "]; allowed: 64 lower-case hex digits");
        }
    }

    /**
     * Reads a checkpoint in its printed form.
     *
     * @param text the printed form, as {@link #toString()} gives it (surrounding blanks are ignored)
     * @return the checkpoint
     * @throws IllegalArgumentException naming what cannot be read and the form expected
     */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = PRINTED.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("checkpoint [" + text + "]; allowed: the form"
                    + " dualprevention-checkpoint/1 asOf=<ISO-8601 instant> count=<n> root=<64 hex digits>");
        }
        Instant asOf;
        try {
            asOf = Instant.parse(m.group(2));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("checkpoint asOf [" + m.group(2) + "]; allowed: an ISO-8601 instant"
                    + " such as 2026-03-31T16:00:00Z", e);
        }
        return new Checkpoint(Integer.parseInt(m.group(1)), asOf, Long.parseLong(m.group(3)), m.group(4));
    }

    /** @return the printed form, {@code dualprevention-checkpoint/1 asOf=… count=… root=…} */
    @Override
    public String toString() {
        return "dualprevention-checkpoint/" + format + " asOf=" + asOf + " count=" + count + " root=" + root;
    }
}
