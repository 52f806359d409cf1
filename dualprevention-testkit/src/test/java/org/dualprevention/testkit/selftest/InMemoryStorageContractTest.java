package org.dualprevention.testkit.selftest;

import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.testkit.StorageContract;

/** The in-memory store of core passes the storage contract. */
class InMemoryStorageContractTest extends StorageContract {
    @Override
    protected Storage createStorage() {
        return InMemoryStorage.create();
    }
}
