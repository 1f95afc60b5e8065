package kanade.runtime.audit;

/**
 * The audit event of an action could not be written, so the action was not performed. The message is safe to show
 * to a client; the broker's own error stays in the cause (for the log only).
 */
public final class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String action, Throwable cause) {
        super("the audit event for '" + action + "' could not be written, so nothing was done; check the broker and"
                + " the AUDIT stream (`kanade jetstream status`, `kanade jetstream setup`) and try again", cause);
    }
}
