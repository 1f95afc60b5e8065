package kanade.backend.api;

import java.util.Objects;

/**
 * One non-error answer of a route for /api/openapi.json: its status, content type and, for JSON, the Java type whose
 * JSON Schema describes the body (a list of it when {@code list}).
 */
public record Reply(int status, String contentType, Class<?> body, boolean list, String description) {
    static final String JSON = "application/json";

    public Reply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(description, "description");
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status " + status + " is not an HTTP status");
        }
        if (JSON.equals(contentType) && body == null) {
            throw new IllegalArgumentException("a JSON reply needs a body type");
        }
    }

    /** 200 with one {@code body} as JSON. */
    public static Reply json(Class<?> body, String description) {
        return new Reply(200, JSON, body, false, description);
    }

    /** {@code status} with one {@code body} as JSON. */
    public static Reply json(int status, Class<?> body, String description) {
        return new Reply(status, JSON, body, false, description);
    }

    /** 200 with a JSON array of {@code item}. */
    public static Reply jsonList(Class<?> item, String description) {
        return new Reply(200, JSON, item, true, description);
    }

    /** {@code status} (204) with no body. */
    public static Reply empty(int status, String description) {
        return new Reply(status, "", null, false, description);
    }

    /** 200 with plain text. */
    public static Reply text(String description) {
        return new Reply(200, "text/plain", null, false, description);
    }

    /** 200 with an HTML page. */
    public static Reply html(String description) {
        return new Reply(200, "text/html", null, false, description);
    }
}
