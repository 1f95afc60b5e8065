package kanade.backend.run;

/** The answer to a kill: the job, the subject the kill went out on, and whether its audit event is written or spooled. */
public record KillReceipt(String jobId, String subject, String audit) {
    /** {@code audit} when the event is in the AUDIT stream. */
    public static final String WRITTEN = "written";
    /** {@code audit} when the event waits in the spool and is retried. */
    public static final String SPOOLED = "spooled";
}
