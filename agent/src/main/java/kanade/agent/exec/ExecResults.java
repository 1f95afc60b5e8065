package kanade.agent.exec;

import java.time.Instant;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;

/**
 * Turns a job's outcome into the ExecResult kanade's contract describes: exit -1 plus a note for kill/timeout, and a
 * last stderr line saying how many other processes of the job the agent had to end.
 */
public final class ExecResults {
    private ExecResults() {
    }

    /** Builds the result, with a new result_id. */
    public static ExecResult from(String pcId, Command command, RunOutcome outcome, JobRunner.RunCapture capture,
                                  Instant startedAt, Instant finishedAt) {
        String stdout = capture.stdout().text();
        String stderr = capture.stderr().text();
        int exitCode;
        boolean skipped = false;
        switch (outcome) {
            case RunOutcome.Exited exited -> exitCode = exited.code();
            case RunOutcome.Killed killed -> {
                exitCode = ExecResult.EXIT_KILLED;
                stderr = appendNote(stderr, "killed by " + killed.by());
            }
            case RunOutcome.TimedOut timedOut -> {
                exitCode = ExecResult.EXIT_KILLED;
                stderr = appendNote(stderr, "timeout after " + timedOut.after().toSeconds() + "s");
            }
            case RunOutcome.FailedToStart failed -> {
                exitCode = failed.code();
                stderr = appendNote(stderr, failed.reason());
            }
            case RunOutcome.Skipped skip -> {
                exitCode = skip.code();
                skipped = true;
                stderr = appendNote(stderr, skip.reason());
            }
        }
        int ended = capture.endedProcesses();
        if (ended > 0) {
            stderr = appendNote(stderr, "kanade: ended " + ended + " leftover process" + (ended == 1 ? "" : "es")
                    + " of this job");
        }
        return new ExecResult(JobRunner.newResultId(), command.requestId(), pcId, command.jobId(), exitCode, stdout, stderr,
                capture.stdout().truncated(), capture.stderr().truncated(), skipped, startedAt, finishedAt,
                Command.ADHOC_ID.equals(command.id()) ? null : command.id());
    }

    private static String appendNote(String stderr, String note) {
        if (stderr.isEmpty()) {
            return note;
        }
        return stderr.endsWith("\n") ? stderr + note : stderr + "\n" + note;
    }
}
