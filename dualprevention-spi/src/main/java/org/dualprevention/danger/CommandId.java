package org.dualprevention.danger;

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
     * @return a random UUID as id
     */
    public static CommandId random() {
        return new CommandId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
