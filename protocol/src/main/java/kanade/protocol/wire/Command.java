package kanade.protocol.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A script to run, published on {@code commands.all}, {@code commands.group.<g>} or {@code commands.pc.<pc_id>}.
 * {@code request_id} is the dedup key; {@code job_id} (alias {@code exec_id}) names the run for {@code kill.<job_id>}.
 */
public record Command(
        String id,
        String version,
        String requestId,
        @JsonProperty("job_id") @JsonAlias("exec_id") String jobId,
        String shell,
        String script,
        long timeoutSecs,
        Long jitterSecs,
        String runAs,
        String cwd,
        Instant deadlineAt) {

    /** Manifest id used by ad-hoc runs ({@code kanade run}, {@code POST /api/run}). */
    public static final String ADHOC_ID = "adhoc-run";
    /** Manifest version used by ad-hoc runs. */
    public static final String ADHOC_VERSION = "0.0.0";
    /** Timeout applied when a Command carries none (0). */
    public static final long DEFAULT_TIMEOUT_SECS = 60;
    /** The longest timeout an agent accepts: 7 days. */
    public static final long MAX_TIMEOUT_SECS = 7 * 24 * 3600;
    /** The longest jitter an agent accepts: 1 day. */
    public static final long MAX_JITTER_SECS = 24 * 3600;

    public Command {
        Fields.requiredText(id, "id");
        Fields.requiredText(version, "version");
        Fields.requiredText(requestId, "request_id");
        Fields.required(script, "script");
        Fields.nonNegative(timeoutSecs, "timeout_secs");
        if (jitterSecs != null) {
            Fields.nonNegative(jitterSecs, "jitter_secs");
        }
    }

    /** An ad-hoc command with the given ids, shell, script and timeout; other fields unset. */
    public static Command adhoc(String requestId, String jobId, String shell, String script, long timeoutSecs,
                                Instant deadlineAt) {
        return new Command(ADHOC_ID, ADHOC_VERSION, requestId, jobId, shell, script, timeoutSecs, null, null, null,
                deadlineAt);
    }

    /**
     * What is out of bounds in this command ({@code timeout_secs} over {@link #MAX_TIMEOUT_SECS}, {@code jitter_secs}
     * over {@link #MAX_JITTER_SECS}), or empty when nothing is: an agent answers such a command with an error result.
     */
    public java.util.Optional<String> outOfBounds() {
        if (timeoutSecs > MAX_TIMEOUT_SECS) {
            return java.util.Optional.of("timeout_secs " + timeoutSecs + " is over the limit of " + MAX_TIMEOUT_SECS
                    + " (7 days)");
        }
        if (jitterSecs != null && jitterSecs > MAX_JITTER_SECS) {
            return java.util.Optional.of("jitter_secs " + jitterSecs + " is over the limit of " + MAX_JITTER_SECS
                    + " (1 day)");
        }
        return java.util.Optional.empty();
    }

    /** The timeout to enforce: {@code timeout_secs}, or the default when it is 0. */
    public long effectiveTimeoutSecs() {
        return timeoutSecs > 0 ? timeoutSecs : DEFAULT_TIMEOUT_SECS;
    }
}
