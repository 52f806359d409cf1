package org.dualprevention.storage.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.dualprevention.StaleVersionException;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.spi.MajorHazardRepository;

/**
 * Major hazard installations in memory (rules MH1 to MH4 of {@link MajorHazardRepository}). For tests,
 * demos and hosts that keep installations elsewhere and load them at start.
 *
 * <p>This class is thread-safe: every method holds the repository's lock.
 *
 * @since 0.2
 */
public final class InMemoryMajorHazardRepository implements MajorHazardRepository {
    private final TreeMap<InstallationId, MajorHazardInstallation> stored = new TreeMap<>();

    /** Creates an empty repository. */
    public InMemoryMajorHazardRepository() {
    }

    @Override
    public synchronized Optional<MajorHazardInstallation> find(InstallationId id) {
        return Optional.ofNullable(stored.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized void save(MajorHazardInstallation next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        Versions.checkStep(next.id(), next.version(), expectedVersion);
        MajorHazardInstallation current = stored.get(next.id());
        long actual = current == null ? 0 : current.version();
        if (actual != expectedVersion) {
            throw new StaleVersionException("major hazard installation [" + next.id() + "]", expectedVersion, actual);
        }
        stored.put(next.id(), next);
    }

    @Override
    public synchronized List<MajorHazardInstallation> findAll() {
        return List.copyOf(stored.values());
    }
}
