package kanade.backend.api;

import kanade.protocol.subject.SubjectToken;

/**
 * Values that become one NATS subject token (pc_id, job_id) wherever they come in (path, query or body): at most
 * {@link QueryParams#MAX_TEXT} characters and no '.', '*', '>' or whitespace, else 400 invalid_parameter naming the
 * parameter, so what the API accepts can always be addressed and killed.
 */
final class Tokens {
    private Tokens() {
    }

    /** {@code value} as one subject token, else 400 invalid_parameter naming {@code name}. */
    static String require(String value, String name) {
        QueryParams.bounded(value, name);
        try {
            return SubjectToken.require(value, name);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, e.getMessage());
        }
    }
}
