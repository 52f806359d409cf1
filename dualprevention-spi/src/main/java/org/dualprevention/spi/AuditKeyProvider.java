package org.dualprevention.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * The host's secret keys for keyed audit chaining (optional): with a provider, each new audit entry's hash is the
 * HMAC-SHA-256 of its canonical form under the current key, and the entry records the key's id. Someone who can
 * write to the store but does not hold the key cannot compute a valid hash, so cannot forge, rewrite or append an
 * entry that verifies.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li>{@link #currentKeyId()} names the key new entries are keyed with; ids are short printable texts (at most
 *     128 characters, no control characters).</li>
 * <li>{@link #key(String)} returns the key of every id ever current, so old entries verify after a rotation; a
 *     key is at least 32 bytes. Return a copy: the caller may clear it.</li>
 * <li>{@link #keyedSince()} is when keyed chaining was switched on: entries written by this release (format 2)
 *     dated at or after it must be keyed, so that an unkeyed rewrite of recent history is refused. Entries before
 *     it (and every entry of release 0.1) verify without a key.</li>
 * <li>Keep the keys outside the database the audit log lives in (a key store, a secrets manager, a hardware
 *     module); whoever reads them can forge.</li>
 * </ul>
 *
 * <h2>Registration</h2>
 * None: a provider is handed to the engine explicitly. It is never discovered.
 *
 * @since 0.2
 */
public interface AuditKeyProvider {
    /** @return the id of the key new entries are keyed with */
    String currentKeyId();

    /**
     * A key by its id.
     *
     * @param keyId the id an entry records
     * @return a copy of the key, or empty if the id is unknown
     */
    Optional<byte[]> key(String keyId);

    /** @return when keyed chaining was switched on; format-2 entries at or after it must be keyed */
    Instant keyedSince();
}
