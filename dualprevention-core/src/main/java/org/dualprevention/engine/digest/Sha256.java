package org.dualprevention.engine.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 digests as lower-case hex, the one digest helper of the library: audit-entry hashes, and checksums
 * of other modules (for example the JDBC module's migrations).
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Sha256 {
    private Sha256() {
    }

    /**
     * The SHA-256 of a text's UTF-8 bytes.
     *
     * @param text the text
     * @return 64 lower-case hex digits
     */
    public static String hex(String text) {
        return hex(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The SHA-256 of some bytes.
     *
     * @param bytes the bytes
     * @return 64 lower-case hex digits
     */
    public static String hex(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        // one digest per thread, reset by digest(): getInstance looks the provider up on every call
        return HEX.formatHex(DIGEST.get().digest(bytes));
    }

    private static final HexFormat HEX = HexFormat.of();

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });
}
