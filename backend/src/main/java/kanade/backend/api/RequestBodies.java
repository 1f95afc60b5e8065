package kanade.backend.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import kanade.protocol.wire.Json;

/**
 * Parses request bodies strictly: one JSON object, no unknown fields, no duplicate keys, nothing after it, and no
 * silent coercions (a number is not a string, 1.7 is not an integer, "30" is not a number). Every failure is 400
 * invalid_body with a message that names the field and what it must be, never a Java type.
 */
final class RequestBodies {
    private static final ObjectMapper STRICT = strictMapper();

    private RequestBodies() {
    }

    static <T> T parse(Context ctx, Class<T> type) {
        // the bytes, not ctx.body(): JSON is UTF-8 whatever charset the Content-Type names (an unknown one is no 500)
        byte[] body = ctx.bodyAsBytes();
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw new ApiException(ErrorCode.INVALID_BODY, "request body is empty; send a JSON object");
        }
        T value;
        try {
            // per reader: enabling the parser feature on the builder would change the factory the wire mapper shares
            value = STRICT.readerFor(type).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readValue(body);
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(ErrorCode.INVALID_BODY, "unknown field '" + e.getPropertyName() + "'; allowed: "
                    + e.getKnownPropertyIds());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ApiException(ErrorCode.INVALID_BODY, cause.getMessage());
        } catch (MismatchedInputException e) {
            throw new ApiException(ErrorCode.INVALID_BODY, mismatch(e));
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.INVALID_BODY, "not valid JSON: " + e.getOriginalMessage()
                    .replaceAll("\\(for [^)]*\\)", "").replaceAll("`[^`]*`", "").trim());
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INVALID_BODY, "the request body could not be read as JSON");
        }
        if (value == null) {
            throw new ApiException(ErrorCode.INVALID_BODY, "request body is null; send a JSON object");
        }
        return value;
    }

    private static String mismatch(MismatchedInputException e) {
        String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null).collect(Collectors.joining("."));
        String expected = expected(e.getTargetType());
        return field.isEmpty() ? "expected " + expected + " as the request body"
                : "field '" + field + "' must be " + expected;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of the right type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a JSON object";
    }

    private static ObjectMapper strictMapper() {
        var mapper = Json.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
