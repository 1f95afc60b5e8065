package kanade.runtime.run;

/**
 * The broker connection closed for good (its reconnect attempts ran out) while a run waited for its result. The
 * command was sent: the agent may still run it, and its result still lands in RESULTS.
 */
public final class BrokerLostException extends RuntimeException {
    private final String requestId;
    private final String jobId;

    public BrokerLostException(String requestId, String jobId, Throwable cause) {
        super("the broker connection was lost while waiting for the result of request " + requestId, cause);
        this.requestId = requestId;
        this.jobId = jobId;
    }

    /** The request whose result did not come. */
    public String requestId() {
        return requestId;
    }

    /** The job to kill if it must not go on. */
    public String jobId() {
        return jobId;
    }
}
