package org.dualprevention.storage.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.learning.TypicalHiddenDanger;
import org.dualprevention.spi.TypicalHiddenDangerRepository;

/**
 * The typical hidden-danger library in memory. For tests, demos and hosts that keep it elsewhere.
 *
 * <p>This class is thread-safe: every method holds the repository's lock.
 *
 * @since 0.2
 */
public final class InMemoryTypicalHiddenDangerRepository implements TypicalHiddenDangerRepository {
    private final TreeMap<String, TypicalHiddenDanger> stored = new TreeMap<>();

    /** Creates an empty library. */
    public InMemoryTypicalHiddenDangerRepository() {
    }

    @Override
    public synchronized void add(TypicalHiddenDanger entry) {
        Objects.requireNonNull(entry, "entry");
        if (stored.containsKey(entry.source().value())) {
            throw new StaleVersionException("typical hidden danger [" + entry.source() + "]", 0, 1);
        }
        stored.put(entry.source().value(), entry);
    }

    @Override
    public synchronized Optional<TypicalHiddenDanger> find(HiddenDangerId source) {
        return Optional.ofNullable(stored.get(Objects.requireNonNull(source, "source").value()));
    }

    @Override
    public synchronized List<TypicalHiddenDanger> findAll() {
        return List.copyOf(stored.values());
    }
}
