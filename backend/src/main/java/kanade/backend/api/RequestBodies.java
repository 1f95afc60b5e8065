package kanade.backend.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import kanade.protocol.wire.Json;

/** Parses request bodies strictly: unknown fields are rejected on writes; errors are 400 invalid_body naming the field. */
final class RequestBodies {
    private static final ObjectMapper STRICT = Json.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RequestBodies() {
    }

    static <T> T parse(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_BODY, "request body is empty; send JSON");
        }
        try {
            return STRICT.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(ErrorCode.INVALID_BODY, "unknown field '" + e.getPropertyName() + "'; allowed: "
                    + e.getKnownPropertyIds());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ApiException(ErrorCode.INVALID_BODY, cause.getMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(ErrorCode.INVALID_BODY, e.getOriginalMessage());
        }
    }
}
