package kanade.backend.auth;

/** What authentication made of a request: an identity, or why not (401, or 503 when it could not check). */
public sealed interface AuthResult {
    record Authenticated(Identity identity) implements AuthResult {
    }

    /** {@code unavailable} means the account lookup failed: the request is refused (fail closed) with 503. */
    record Refused(String message, boolean unavailable) implements AuthResult {
    }
}
