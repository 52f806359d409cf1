package org.dualprevention.danger;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;
import org.dualprevention.internal.Checks;

/**
 * The caller-chosen id of one command of the closed loop (a report or any later action). The store records
 * it with the change the command made, so that sending the same command again with the same id, after an
 * outcome the caller could not learn (a connection that died at commit, a timeout), returns the stored result
 * instead of applying it twice or failing with a stale version.
 *
 * <p>Choose it where the intent is born (a form submission, a message id of the host's queue, a row of the
 * host's own outbox) and keep it with the retry; {@link #random()} is for callers that never retry.
 *
 * @param value the id: 1 to 128 characters, no control characters, no leading or trailing space
 * @since 0.2
 */
public record CommandId(String value) {
    /** Checks the value. */
    public CommandId {
        Checks.idValue(value, "CommandId");
    }

    /**
     * A command id.
     *
     * @param value the value
     * @return the id
     */
    public static CommandId of(String value) {
        return new CommandId(value);
    }

    /**
     * A fresh random id, for a caller that will not retry (a retry must reuse the id of the first attempt).
     *
     * @return a random UUID (version 4: 122 bits from a {@link SecureRandom}, as {@link UUID#randomUUID()}) as id
     */
    public static CommandId random() {
        ByteBuffer bytes = Drawn.BYTES.get();
        if (bytes.remaining() < 16) {
            Drawn.SOURCE.nextBytes(bytes.array());
            bytes.clear();
        }
        return new CommandId(uuid4(bytes));
    }

    /**
     * The source of {@link #random()}, made on its first call (as {@link UUID#randomUUID()} makes its own), not when
     * the class is loaded: a {@link SecureRandom} of the platform's default algorithm, drawn 16 ids at a time into a
     * buffer per thread (one call and one lock of the shared generator per 16 ids instead of one per id: about a
     * sixth of the cost of an id, docs/BENCHMARKS.md). A process restored from a checkpoint of its memory (CRaC)
     * would give again the ids left in a thread's buffer; such a host should pass its own ids.
     */
    private static final class Drawn {
        static final SecureRandom SOURCE = new SecureRandom();

        /** 16 ids' worth of random bytes per thread, the unused ones from the position on; a JDK type only. */
        static final ThreadLocal<ByteBuffer> BYTES = ThreadLocal.withInitial(
                () -> ByteBuffer.allocate(16 * 16).position(16 * 16));

        private Drawn() {}
    }

    /**
     * The text of a version 4 UUID from the next 16 random bytes, exactly as {@link UUID#randomUUID()} makes it from
     * its 16 bytes: version 4 in bits 12–15 of the first half, variant {@code 10} in the top bits of the second.
     *
     * @param bytes at least 16 bytes remaining; the position moves past them
     * @return {@code xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx} in lower case
     */
    static String uuid4(ByteBuffer bytes) {
        long msb = (bytes.getLong() & ~0xF000L) | 0x4000L;
        long lsb = (bytes.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
