package org.dualprevention.engine.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        return hex32(DIGEST.get().digest(bytes));
    }

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * A digest as lower-case hex, as {@code HexFormat.of().formatHex} gives it, in one array and one string (the
     * closed loop hashes three texts per command).
     */
    static String hex32(byte[] digest) {
        byte[] out = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = DIGITS[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[digest[i] & 0xf];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });
}
