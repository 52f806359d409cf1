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
 * Turns aggregates into their JSON documents (the dualprevention-json form) and back. Only types for which
 * dualprevention-json has its own serializer are written; Jackson's guess from getters never is.
 *
 * @since 0.1
 */
public final class JsonCodec {
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

    /**
     * The document of a value, or empty if dualprevention-json has no JSON form for its type (the column is
     * then left null; used where the document is a projection, not the persistent form).
     *
     * @param value the value
     * @return the JSON text, or empty
     */
    public Optional<String> writeIfSupported(Object value) {
        return hasJsonForm(value.getClass()) ? Optional.of(write(value)) : Optional.empty();
    }

    /**
     * The document of a value.
     *
     * @param value the value
     * @return the JSON text
     * @throws JdbcStorageException if dualprevention-json has no JSON form for the value's type
     */
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

    /**
     * The value of a document.
     *
     * @param json the JSON text
     * @param type the value's class
     * @param where the table, for error messages
     * @param <T> the type
     * @return the value
     * @throws JdbcStorageException if the text is not a valid document of the type
     */
    public <T> T read(String json, Class<T> type, String where) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new JdbcStorageException("A stored document in [" + where + "] is not a valid " + type.getSimpleName(), e);
        }
    }
}
