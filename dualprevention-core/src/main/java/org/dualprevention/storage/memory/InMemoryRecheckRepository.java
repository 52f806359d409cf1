package org.dualprevention.storage.memory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.dualprevention.StaleVersionException;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.spi.RecheckRepository;

/**
 * Results of look-back re-checks in memory. For tests, demos and hosts that keep them elsewhere.
 *
 * <p>This class is thread-safe: every method holds the repository's lock.
 *
 * @since 0.2
 */
public final class InMemoryRecheckRepository implements RecheckRepository {
    private final TreeMap<RecheckId, RecheckResult> stored = new TreeMap<>();

    /** Creates an empty repository. */
    public InMemoryRecheckRepository() {
    }

    @Override
    public synchronized void add(RecheckId id, RecheckResult result) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        if (stored.containsKey(id)) {
            throw new StaleVersionException("look-back re-check [" + id + "]", 0, 1);
        }
        stored.put(id, result);
    }

    @Override
    public synchronized Optional<RecheckResult> find(RecheckId id) {
        return Optional.ofNullable(stored.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized Map<RecheckId, RecheckResult> findAll() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(stored));
    }
}
