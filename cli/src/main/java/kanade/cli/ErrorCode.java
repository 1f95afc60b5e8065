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
    /** The broker (or backend) refused or failed the operation (JetStream API error, too little storage, ...). */
    REFUSED("refused"),
    /** The broker rejected the credentials (token missing or wrong) or denied a permission. */
    UNAUTHORIZED("unauthorized"),
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
