package org.dualprevention.jdbc.internal;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.json.DualPreventionJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.ser.bean.BeanSerializerBase;
import tools.jackson.databind.ser.impl.UnknownSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents in the dualprevention-json form.
 *
 * @since 0.1
 */
public final class JsonCodec implements Codec {
    private static final System.Logger LOG = System.getLogger(JsonCodec.class.getName());

    private final JsonMapper mapper = DualPreventionJson.mapper();
    private final Map<Class<?>, Boolean> supported = new ConcurrentHashMap<>();

    /**
     * Whether dualprevention-json has its own serializer for a type (and not Jackson's generic bean
     * serializer, which would write whatever getters it happens to find).
     */
    private boolean hasJsonForm(Class<?> type) {
        return supported.computeIfAbsent(type, t -> {
            try {
                ValueSerializer<Object> s = mapper._serializationContext().findValueSerializer(t);
                boolean own = !(s instanceof BeanSerializerBase) && !(s instanceof UnknownSerializer);
                if (!own) {
                    LOG.log(Level.DEBUG, () -> "dualprevention-json has no JSON form of " + t.getName()
                            + "; its document column stays empty");
                }
                return own;
            } catch (InvalidDefinitionException e) {
                return false;
            }
        });
    }

    @Override
    public Optional<String> writeIfSupported(Object value) {
        return hasJsonForm(value.getClass()) ? Optional.of(write(value)) : Optional.empty();
    }

    @Override
    public String write(Object value) {
        if (!hasJsonForm(value.getClass())) {
            throw new JdbcStorageException("dualprevention-json has no JSON form of " + value.getClass().getName()
                    + " yet, so [" + value + "] cannot be stored as a document; refusing rather than storing Jackson's"
                    + " guess from its getters");
        }
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
