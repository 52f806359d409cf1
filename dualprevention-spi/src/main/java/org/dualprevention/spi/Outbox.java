package org.dualprevention.spi;

import java.util.List;
import org.dualprevention.danger.OutboxEntry;

/**
 * The changes whose events are not delivered yet (rule S22 of {@link Storage}): an entry is added in the same
 * atomic unit as the change ({@link Storage#atomically}) and removed once its events were handed to the
 * listeners, so events survive a crash between the commit and their delivery and are delivered at least once.
 *
 * @since 0.2
 */
public interface Outbox {
    /**
     * Adds a change whose events are pending. Adding an entry that is pending already changes nothing.
     *
     * @param entry the change
     */
    void add(OutboxEntry entry);

    /**
     * Pending changes, each hidden danger's in ascending sequence.
     *
     * @param limit at most this many (1 or more)
     * @return the pending changes
     */
    List<OutboxEntry> pending(int limit);

    /**
     * Marks a change as delivered: it is no longer pending. Unknown entries are ignored.
     *
     * @param entry the change
     */
    void delivered(OutboxEntry entry);
}
