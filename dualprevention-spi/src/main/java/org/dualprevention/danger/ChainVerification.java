package org.dualprevention.danger;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The result of verifying a hidden danger's audit chain (core's {@code AuditChain.verify}): valid, or the
 * first bad entry (its index in the list and the sequence number it carries) and why.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param entriesChecked how many entries were given
 * @param firstBadIndex the index of the first bad entry in the list, empty if valid
 * @param firstBadSequence the sequence number that entry carries, empty if valid
 * @param reason why it is bad, empty if valid
 * @since 0.1
 */
public record ChainVerification(int entriesChecked, OptionalInt firstBadIndex, OptionalLong firstBadSequence,
        String reason) {
    /** Checks the components. */
    public ChainVerification {
        Objects.requireNonNull(firstBadIndex, "firstBadIndex");
        Objects.requireNonNull(firstBadSequence, "firstBadSequence");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A chain found intact.
     *
     * @param count how many entries were checked
     * @return the result
     */
    public static ChainVerification valid(int count) {
        return new ChainVerification(count, OptionalInt.empty(), OptionalLong.empty(), "");
    }

    /**
     * A chain found broken.
     *
     * @param count how many entries were given
     * @param index the index of the first bad entry in the list
     * @param sequence the sequence number that entry carries
     * @param reason why it is bad
     * @return the result
     */
    public static ChainVerification broken(int count, int index, long sequence, String reason) {
        return new ChainVerification(count, OptionalInt.of(index), OptionalLong.of(sequence), reason);
    }

    /** @return whether the chain is intact */
    public boolean isValid() {
        return firstBadIndex.isEmpty();
    }

    /** Renders as {@code valid (n entries)} or {@code entry [index] (sequence s) is bad: reason}. */
    @Override
    public String toString() {
        return isValid() ? "valid (" + entriesChecked + " entries)"
                : "entry at index [" + firstBadIndex.getAsInt() + "] (sequence " + firstBadSequence.getAsLong()
                        + ") is bad: " + reason;
    }
}
