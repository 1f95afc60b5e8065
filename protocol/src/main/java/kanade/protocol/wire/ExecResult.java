package kanade.protocol.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One run's outcome on one agent, published on {@code results.<request_id>}. {@code result_id} is a UUID the agent
 * assigns per result; it is the JetStream message id and the database key. Exit code -1 means killed or timed out.
 * Times have millisecond precision, as stored.
 */
public record ExecResult(
        String resultId,
        String requestId,
        String pcId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String jobId,
        int exitCode,
        String stdout,
        String stderr,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean stdoutTruncated,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean stderrTruncated,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean skipped,
        Instant startedAt,
        Instant finishedAt,
        String manifestId) {

    /** Killed by {@code kill.<job_id>} or by its timeout. */
    public static final int EXIT_KILLED = -1;
    /** The requested shell is unknown or not installed on the agent. */
    public static final int EXIT_UNSUPPORTED_SHELL = 122;
    /** The agent cannot run the command as asked (unknown or missing shell, a run_as it does not implement). */
    public static final int EXIT_UNSUPPORTED = EXIT_UNSUPPORTED_SHELL;
    /** The command's {@code deadline_at} had passed before it could start. */
    public static final int EXIT_DEADLINE_PASSED = 125;
    /**
     * The agent ran the command but its stored result became unreadable (a torn or corrupted outbox entry); this
     * result stands in for it so the run is explained rather than lost. Counts as a failure.
     */
    public static final int EXIT_RESULT_UNREADABLE = 121;

    public ExecResult {
        Fields.requiredText(resultId, "result_id");
        Fields.requiredText(requestId, "request_id");
        Fields.requiredText(pcId, "pc_id");
        startedAt = Fields.required(startedAt, "started_at").truncatedTo(ChronoUnit.MILLIS);
        finishedAt = Fields.required(finishedAt, "finished_at").truncatedTo(ChronoUnit.MILLIS);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    /** Whether the run counts as a success (exit 0 and not skipped). */
    public boolean succeeded() {
        return exitCode == 0 && !skipped;
    }
}
