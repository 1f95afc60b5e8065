package kanade.backend.api;

/** Stable error codes of the HTTP API, each with its status. Tests assert codes, not messages. */
public enum ErrorCode {
    BAD_REQUEST("bad_request", 400),
    INVALID_PARAMETER("invalid_parameter", 400),
    INVALID_BODY("invalid_body", 400),
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    PASSWORD_CHANGE_REQUIRED("password_change_required", 403),
    CROSS_SITE_REQUEST("cross_site_request", 403),
    ACCOUNT_NOT_FOUND("account_not_found", 404),
    TOKEN_NOT_FOUND("token_not_found", 404),
    LAST_ADMIN("last_admin", 409),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    TOO_MANY_ATTEMPTS("too_many_attempts", 429),
    AUTH_UNAVAILABLE("auth_unavailable", 503),
    NOT_FOUND("not_found", 404),
    AGENT_NOT_FOUND("agent_not_found", 404),
    RESULT_NOT_FOUND("result_not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    TIMEOUT("timeout", 408),
    AGENT_UNREACHABLE("agent_unreachable", 408),
    CONFLICT("conflict", 409),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    URI_TOO_LONG("uri_too_long", 414),
    HEADERS_TOO_LARGE("headers_too_large", 431),
    INTERNAL("internal", 500),
    BROKER_UNAVAILABLE("broker_unavailable", 503),
    AUDIT_UNAVAILABLE("audit_unavailable", 503);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The snake_case code in {@code {"error":{"code":...}}}. */
    public String code() {
        return code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
