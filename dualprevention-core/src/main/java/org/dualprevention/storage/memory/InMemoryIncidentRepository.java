package org.dualprevention.storage.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.spi.IncidentRepository;

/**
 * Incidents and near misses in memory. For tests, demos and hosts that keep them elsewhere.
 *
 * <p>This class is thread-safe: every method holds the repository's lock.
 *
 * @since 0.2
 */
public final class InMemoryIncidentRepository implements IncidentRepository {
    private final Map<IncidentId, Incident> stored = new LinkedHashMap<>();

    /** Creates an empty repository. */
    public InMemoryIncidentRepository() {
    }

    @Override
    public synchronized void add(Incident incident) {
        Objects.requireNonNull(incident, "incident");
        if (stored.containsKey(incident.id())) {
            throw new StaleVersionException("incident [" + incident.id() + "]", 0, 1);
        }
        stored.put(incident.id(), incident);
    }

    @Override
    public synchronized Optional<Incident> find(IncidentId id) {
        return Optional.ofNullable(stored.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized List<Incident> findAll() {
        List<Incident> all = new ArrayList<>(stored.values());
        all.sort(Comparator.comparing(Incident::occurredAt).thenComparing(Incident::id));
        return List.copyOf(all);
    }
}
