package org.dualprevention.jdbc.internal;

import java.util.Optional;

/**
 * Turns aggregates into their JSON documents and back.
 *
 * @since 0.1
 */
public interface Codec {
    /**
     * The document of a value.
     *
     * @param value the value
     * @return the JSON text
     */
    String write(Object value);

    /**
     * The document of a value, or empty if the codec has no JSON form for its type (the column is then
     * left null; used where the document is a projection, not the persistent form).
     *
     * @param value the value
     * @return the JSON text, or empty
     */
    default Optional<String> writeIfSupported(Object value) {
        return Optional.of(write(value));
    }

    /**
     * The value of a document.
     *
     * @param json the JSON text
     * @param type the value's class
     * @param where the table, for error messages
     * @param <T> the type
     * @return the value
     */
    <T> T read(String json, Class<T> type, String where);
}
