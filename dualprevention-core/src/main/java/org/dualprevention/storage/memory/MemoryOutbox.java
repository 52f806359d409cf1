package org.dualprevention.storage.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListSet;
import org.dualprevention.danger.OutboxEntry;
import org.dualprevention.spi.Outbox;

/**
 * The outbox in memory (S22): a sorted set of pending entries, written under the unit lock and undone with it.
 * It lives as long as the storage: a host that keeps the storage across a failed delivery gets the events on the
 * next {@code deliverPending}.
 */
final class MemoryOutbox implements Outbox {
    private static final Comparator<OutboxEntry> ORDER = Comparator.comparing(OutboxEntry::dangerId)
            .thenComparingLong(OutboxEntry::sequence);

    private final ConcurrentSkipListSet<OutboxEntry> pending = new ConcurrentSkipListSet<>(ORDER);
    private final MemoryUnit unit;

    MemoryOutbox(MemoryUnit unit) {
        this.unit = unit;
    }

    @Override
    public void add(OutboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        unit.write(() -> {
            if (pending.add(entry)) {
                MemoryUnit.onUndo(() -> pending.remove(entry));
            }
            return null;
        });
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit [" + limit + "]; allowed: 1 or more");
        }
        List<OutboxEntry> out = new ArrayList<>();
        for (OutboxEntry e : pending) {
            if (out.size() == limit) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    @Override
    public void delivered(OutboxEntry entry) {
        pending.remove(Objects.requireNonNull(entry, "entry"));
    }
}
