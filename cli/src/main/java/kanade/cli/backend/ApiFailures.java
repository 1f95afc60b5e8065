package kanade.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;

/**
 * Turns an API error ({@code {"error":{"code","message"}}} with a 4xx/5xx status) into the CLI's failure with its
 * stable code and a message that says what to do: 401 tells to log in, 403 passes the API's reason on (it names the
 * role needed and the caller's), 408 keeps the CLI's {@code agent_unreachable} / {@code timeout}, 429 says when to try
 * again.
 */
final class ApiFailures {
    private static final String LOGIN_HINT = "run `kanade login` (or set " + BackendAccess.TOKEN_VAR + ")";

    private ApiFailures() {
    }

    static CliFailure of(int status, JsonNode body, Optional<String> retryAfter, BackendAccess access) {
        String code = body.at("/error/code").asText("");
        String given = body.at("/error/message").asText("");
        String message = given.isEmpty()
                ? "HTTP " + status + (code.isEmpty() ? " without a Kanade error body" : " " + code) : given;
        String url = access.url();
        if (status == 401) {
            return new CliFailure(ErrorCode.UNAUTHORIZED, access.token().isEmpty()
                    ? "the backend at " + url + " needs credentials: " + LOGIN_HINT + access.loginElsewhere()
                            .map(other -> "; the stored login is for " + other + ", not this backend").orElse("")
                    : "the backend at " + url + " refused the token from " + access.tokenSource() + " (" + message
                            + "): " + LOGIN_HINT);
        }
        return switch (code) {
            case "password_change_required" -> new CliFailure(ErrorCode.PASSWORD_CHANGE_REQUIRED, message
                    + ": run `kanade login` again, it asks for a new password");
            case "forbidden" -> new CliFailure(ErrorCode.FORBIDDEN, message);
            case "too_many_attempts" -> new CliFailure(ErrorCode.TOO_MANY_ATTEMPTS, message
                    + retryAfter.filter(s -> !message.contains("try again")).map(s -> "; try again in " + s + " s")
                            .orElse(""));
            case "agent_unreachable" -> new CliFailure(ErrorCode.AGENT_UNREACHABLE, message
                    + "; is it running and connected to the backend's broker? Nothing was sent.");
            case "timeout" -> new CliFailure(ErrorCode.TIMEOUT, message);
            case "audit_unavailable" -> new CliFailure(ErrorCode.AUDIT_UNAVAILABLE, message);
            case "broker_unavailable" -> new CliFailure(ErrorCode.BROKER_UNREACHABLE, "the backend at " + url
                    + " cannot reach the broker: " + message);
            case "account_not_found", "token_not_found", "agent_not_found" -> new CliFailure(ErrorCode.NOT_FOUND,
                    message);
            case "conflict", "last_admin" -> new CliFailure(ErrorCode.CONFLICT, message);
            default -> new CliFailure(ErrorCode.REFUSED, "the backend at " + url + " refused the request ("
                    + (code.isEmpty() ? "HTTP " + status : code) + "): " + message);
        };
    }
}
