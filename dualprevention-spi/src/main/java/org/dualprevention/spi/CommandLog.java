package org.dualprevention.spi;

import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;

/**
 * The accepted commands by their caller-chosen id (rule S21 of {@link Storage}): written in the same atomic
 * unit as the change the command made ({@link Storage#atomically}), read before a command runs so that a retry
 * returns the stored result.
 *
 * @since 0.2
 */
public interface CommandLog {
    /**
     * The record of an accepted command.
     *
     * @param id the command id
     * @return its record, or empty if no command with this id was stored
     */
    Optional<CommandRecord> find(CommandId id);

    /**
     * Records an accepted command (S21).
     *
     * @param record the record
     * @throws StaleVersionException if a command with the same id is recorded already (expected 0, actual 1);
     *     nothing is stored
     */
    void record(CommandRecord record);
}
