package org.dualprevention.json;

import java.util.Objects;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Safely configured Jackson mappers with the {@link DualPreventionModule} registered.
 *
 * <p>Safe by default: no polymorphic default typing (Jackson 3 enables none, and this class never turns
 * it on); the read limits of {@link JsonLimits} (nesting depth, string, name and number length, document
 * size) enforced while parsing; duplicate keys rejected ({@code STRICT_DUPLICATE_DETECTION}); unknown
 * properties rejected; trailing tokens after a value rejected; a {@link JsonImportException} from a
 * nested value propagates unwrapped ({@code WRAP_EXCEPTIONS} off; with a host's own mapper Jackson wraps it
 * in a {@code DatabindException} whose cause it is); floating-point numbers read as exact
 * {@code BigDecimal} ({@code USE_BIG_DECIMAL_FOR_FLOATS}) and decimals written in plain notation.
 *
 * @since 0.1
 */
public final class DualPreventionJson {
    private DualPreventionJson() {
    }

    /**
     * A mapper with the default limits.
     *
     * @return a new, immutable, thread-safe mapper
     */
    public static JsonMapper mapper() {
        return mapper(JsonLimits.defaults());
    }

    /**
     * A mapper with the given limits.
     *
     * @param limits read limits
     * @return a new, immutable, thread-safe mapper
     */
    public static JsonMapper mapper(JsonLimits limits) {
        return builder(limits).build();
    }

    /**
     * A mapper builder preconfigured as described in the class description, to add a host's own settings.
     *
     * @param limits read limits
     * @return a new builder
     */
    public static JsonMapper.Builder builder(JsonLimits limits) {
        Objects.requireNonNull(limits, "limits");
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits.toConstraints())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new DualPreventionModule(limits))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.WRAP_EXCEPTIONS)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /** The mapper of the streaming imports: as {@link #builder}, but trailing tokens are checked by the import. */
    static JsonMapper streamingMapper(JsonLimits limits) {
        return builder(limits).disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }
}
