package kanade.backend.api;

/** The body of every error answer: {@code {"error":{"code","message"}}}. */
public record ErrorBody(Error error) {
    /** A stable snake_case code (see {@link ErrorCode}) and a message that names the field and the fix. */
    public record Error(String code, String message) {
    }
}
