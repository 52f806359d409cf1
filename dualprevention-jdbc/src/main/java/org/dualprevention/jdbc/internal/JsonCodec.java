package org.dualprevention.jdbc.internal;

import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.json.DualPreventionJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents in the dualprevention-json form.
 *
 * @since 0.1
 */
public final class JsonCodec implements Codec {
    private final JsonMapper mapper = DualPreventionJson.mapper();

    @Override
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new JdbcStorageException("Cannot write the JSON document of [" + value + "]", e);
        }
    }

    @Override
    public <T> T read(String json, Class<T> type, String where) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new JdbcStorageException("A stored document in [" + where + "] is not a valid " + type.getSimpleName(), e);
        }
    }
}
