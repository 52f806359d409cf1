package org.dualprevention;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the library throws on purpose. All are unchecked.
 *
 * <p>Subtypes carry structured fields, so a host can map them to its own messages without
 * parsing text; the message itself is one English sentence naming the bad value and what is allowed.
 *
 * @since 0.1
 */
public class DualPreventionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message the message, never {@code null}
     */
    public DualPreventionException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message the message, never {@code null}
     * @param cause the cause
     */
    public DualPreventionException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
