package org.dualprevention.storage.memory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;
import org.dualprevention.spi.CommandLog;

/**
 * A copy of {@code MemoryCommandLog} as it was before the open-addressing table (main at 85b537d), the reference of
 * {@link MemoryCommandLogEquivalenceTest}.
 */
final class OldMemoryCommandLog implements CommandLog {
    private final ConcurrentHashMap<CommandId, CommandRecord> records = new ConcurrentHashMap<>();
    private final MemoryUnit unit;

    OldMemoryCommandLog(MemoryUnit unit) {
        this.unit = unit;
    }

    @Override
    public Optional<CommandRecord> find(CommandId id) {
        return Optional.ofNullable(records.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public void record(CommandRecord record) {
        Objects.requireNonNull(record, "record");
        unit.write(() -> {
            if (records.putIfAbsent(record.id(), record) != null) {
                throw new StaleVersionException("command " + record.id(), 0, 1);
            }
            MemoryUnit.onUndo(() -> records.remove(record.id(), record));
            return null;
        });
    }
}
