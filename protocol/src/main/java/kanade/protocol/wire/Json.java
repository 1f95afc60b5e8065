package kanade.protocol.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of the wire contract: snake_case names, RFC 3339 times, unset optionals omitted, unknown
 * fields tolerated on read (so the fleet can upgrade gradually).
 */
public final class Json {
    /**
     * A shared buffer pool instead of Jackson's default thread-local one: every job, handler and request runs on a
     * fresh virtual thread, which would otherwise allocate new buffers for each message.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
    private static final ObjectMapper MAPPER = configure(JsonMapper.builder(FACTORY)).build();

    private Json() {
    }

    /** The shared, immutable mapper. Do not reconfigure it; use {@link #configure} for a variant. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A JSON mapper builder on the shared factory (for variants such as strict request parsing). */
    public static JsonMapper.Builder builder() {
        return configure(JsonMapper.builder(FACTORY));
    }

    /** Applies the wire settings to a builder, for mappers of other formats that share the contract. */
    public static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("kanade-rfc3339")
                        .addSerializer(Instant.class, new JsonSerializer<>() {
                            @Override
                            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
                                    throws IOException {
                                gen.writeString(Rfc3339.format(value));
                            }
                        })
                        .addDeserializer(Instant.class, new JsonDeserializer<>() {
                            @Override
                            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                                String text = p.getValueAsString();
                                try {
                                    return Rfc3339.parse(text.trim());
                                } catch (RuntimeException e) {
                                    throw JsonMappingException.from(p, "'" + text + "' is not an RFC 3339 time", e);
                                }
                            }
                        }))
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** Encodes a wire record as UTF-8 JSON. */
    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new WireFormatException("cannot encode " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes UTF-8 JSON into {@code type}; failures name the offending field. */
    public static <T> T decode(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WireFormatException wfe) {
                throw new WireFormatException(type.getSimpleName() + ": " + wfe.getMessage(), wfe);
            }
            throw new WireFormatException(type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (MismatchedInputException e) {
            throw new WireFormatException(type.getSimpleName() + ": field '" + path(e) + "': " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new WireFormatException(type.getSimpleName() + ": not valid JSON: " + detail, e);
        }
    }

    /** Decodes a JSON string; see {@link #decode(byte[], Class)}. */
    public static <T> T decode(String json, Class<T> type) {
        return decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
