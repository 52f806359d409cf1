package org.dualprevention.analytics;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks of the analytics module. Guava's {@code checkArgument} was the only Guava call here,
 * so the module carries this one method instead of the library (docs/ARCHITECTURE.md, "Guava").
 */
final class Checks {
    private Checks() {
    }

    /**
     * Throws {@link IllegalArgumentException} unless {@code condition} holds; the message is formatted
     * only on failure.
     *
     * @param condition the condition that must hold
     * @param template the message, with a {@code %s} per argument
     * @param args the arguments of the message
     * @throws IllegalArgumentException if {@code condition} is false
     */
    /**
     * A value the caller knows is there (a map lookup of a key it put in), checked.
     *
     * @param value the value
     * @param what what it is, for the message
     * @param <T> its type
     * @return the value
     * @throws IllegalStateException if it is null after all
     */
    static <T> T present(@Nullable T value, String what) {
        if (value == null) {
            throw new IllegalStateException(what + " is missing");
        }
        return value;
    }

    static void checkArgument(boolean condition, String template, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, template, args));
        }
    }
}
