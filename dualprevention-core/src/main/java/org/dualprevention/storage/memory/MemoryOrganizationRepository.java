package org.dualprevention.storage.memory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.dualprevention.StaleVersionException;
import org.dualprevention.organization.Organization;
import org.dualprevention.spi.OrganizationRepository;
import org.dualprevention.query.Versioned;

/** The organisation held in one atomic reference, replaced by compare-and-set. */
final class MemoryOrganizationRepository implements OrganizationRepository {
    private final AtomicReference<Versioned<Organization>> current = new AtomicReference<>();

    @Override
    public Optional<Versioned<Organization>> load() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public void save(Organization next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion [" + expectedVersion + "] must not be negative");
        }
        Versioned<Organization> replacement = new Versioned<>(next, expectedVersion + 1);
        while (true) {
            Versioned<Organization> cur = current.get();
            long actual = cur == null ? 0 : cur.version();
            if (actual != expectedVersion) {
                throw new StaleVersionException(AGGREGATE_ID, expectedVersion, actual);
            }
            if (current.compareAndSet(cur, replacement)) {
                return;
            }
        }
    }
}
