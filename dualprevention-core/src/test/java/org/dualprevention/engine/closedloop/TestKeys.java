package org.dualprevention.engine.closedloop;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.spi.AuditKeyProvider;

/** A host's key store for tests: keys by id (derived from the id, 32 bytes or more), one current, rotatable. */
public class TestKeys implements AuditKeyProvider {
    /** The text every test key starts with, to check that no message carries a key. */
    public static final String SECRET = "secret key ";
    private final Map<String, byte[]> keys = new HashMap<>();
    private volatile String current;
    private final Instant since;

    /**
     * Keys with one current key.
     *
     * @param current its id
     * @param since when keyed chaining began
     */
    public TestKeys(String current, Instant since) {
        this.current = current;
        this.since = since;
        add(current);
    }

    /**
     * Adds a key.
     *
     * @param id its id
     * @return this
     */
    public synchronized TestKeys add(String id) {
        keys.put(id, (SECRET + id + " of the host, 32 bytes or more").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Rotates: adds a key and makes it current, keeping the old ones.
     *
     * @param id the new key's id
     * @return this
     */
    public synchronized TestKeys rotate(String id) {
        add(id);
        current = id;
        return this;
    }

    @Override
    public String currentKeyId() {
        return current;
    }

    @Override
    public synchronized Optional<byte[]> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId)).map(byte[]::clone);
    }

    @Override
    public Instant keyedSince() {
        return since;
    }
}
