package org.dualprevention.jdbc.internal;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.json.DualPreventionJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents in the dualprevention-json form.
 *
 * @since 0.1
 */
public final class JsonCodec implements Codec {
    private static final System.Logger LOG = System.getLogger(JsonCodec.class.getName());

    private final JsonMapper mapper = DualPreventionJson.mapper();
    private final Set<Class<?>> unsupported = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<String> writeIfSupported(Object value) {
        if (unsupported.contains(value.getClass())) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.writeValueAsString(value));
        } catch (InvalidDefinitionException e) {
            unsupported.add(value.getClass());
            LOG.log(Level.DEBUG, () -> "dualprevention-json has no JSON form of " + value.getClass().getName()
                    + "; its document column stays empty: " + e.getMessage());
            return Optional.empty();
        } catch (JacksonException e) {
            throw new JdbcStorageException("Cannot write the JSON document of [" + value + "]", e);
        }
    }

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
