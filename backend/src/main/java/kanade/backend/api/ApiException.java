package kanade.backend.api;

/** A request the API answers with a 4xx/5xx and a stable code; the message names the field and the fix. */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
