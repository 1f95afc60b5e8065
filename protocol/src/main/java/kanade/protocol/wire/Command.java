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

    /** The timeout to enforce: {@code timeout_secs}, or the default when it is 0. */
    public long effectiveTimeoutSecs() {
        return timeoutSecs > 0 ? timeoutSecs : DEFAULT_TIMEOUT_SECS;
    }
}
