package org.dualprevention.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks for the spi module, which may not use Guava. Not exported.
 */
public final class Checks {
    private static final int MAX_ID_LENGTH = 128;

    private Checks() {
    }

    /** Checks that {@code value} is a usable key for a typed id and returns it unchanged. */
    public static String idValue(String value, String type) {
        Objects.requireNonNull(value, type);
        if (value.isBlank()) {
            throw new IllegalArgumentException(type + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(type + " [" + value.substring(0, 20) + "...] is " + value.length()
                    + " characters long; allowed: at most " + MAX_ID_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(type + " [" + value.replaceAll("\\p{Cntrl}", "?")
                        + "] contains a control character at index " + i + "; allowed: printable characters");
            }
        }
        return value;
    }

    /** Checks that {@code value} is not blank and returns it stripped. */
    public static String notBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    /** Throws {@link IllegalArgumentException} with a formatted message unless {@code condition} holds. */
    public static void checkArgument(boolean condition, String template, @Nullable Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(template, args));
        }
    }
}
