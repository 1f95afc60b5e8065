package kanade.cli;

/**
 * Stable snake_case codes of the CLI's own failures, printed as {@code kanade: error[<code>]: <message>} on stderr
 * and as {@code {"error":{"code":...}}} with {@code -o json}; every one exits {@link ExitCodes#CLI_ERROR}.
 * Scripts match on the code, never on the message; a code is never renamed once released.
 */
public enum ErrorCode {
    /** No agent answered as the given pc_id (ping or the run's fail-fast ping). */
    AGENT_UNREACHABLE("agent_unreachable"),
    /** The NATS broker could not be reached, or the connection was lost. */
    BROKER_UNREACHABLE("broker_unreachable"),
    /** The backend could not be reached (connection refused, lost, or no answer). */
    BACKEND_UNREACHABLE("backend_unreachable"),
    /** The broker (or backend) refused or failed the operation (JetStream API error, too little storage, ...). */
    REFUSED("refused"),
    /** The broker or the backend rejected the credentials (missing, wrong, expired, or of a disabled account). */
    UNAUTHORIZED("unauthorized"),
    /** The backend knows the caller, but its role is too low for the action (the message names both roles). */
    FORBIDDEN("forbidden"),
    /** The account's password must be changed first: {@code kanade login} asks for a new one. */
    PASSWORD_CHANGE_REQUIRED("password_change_required"),
    /** Too many failed logins: the name or address is locked for a while (the message says how long). */
    TOO_MANY_ATTEMPTS("too_many_attempts"),
    /** The account or API token named does not exist. */
    NOT_FOUND("not_found"),
    /** The change conflicts with what exists: a name already taken, or the last enabled admin. */
    CONFLICT("conflict"),
    /** A local file of the CLI (its login token) could not be read or written. */
    FILE_ERROR("file_error"),
    /** An answer did not arrive in time (the run's result, a broker request). */
    TIMEOUT("timeout"),
    /** The audit event could not be written, so the action was not performed. */
    AUDIT_UNAVAILABLE("audit_unavailable"),
    /** The CLI was interrupted before it finished. */
    INTERRUPTED("interrupted"),
    /** Anything unexpected (a bug): the message names the exception. */
    INTERNAL("internal");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The stable snake_case code. */
    public String code() {
        return code;
    }
}
