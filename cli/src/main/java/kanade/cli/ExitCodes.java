package kanade.cli;

import kanade.protocol.wire.ExecResult;

/**
 * The {@code kanade} exit codes, one table for every command (README, "kanade exit codes"):
 * <ul>
 *   <li>a command that runs something remotely ({@code run}) exits with the remote exit code, except that a script
 *       killed by {@code kanade kill} or by its timeout (the agent reports -1) exits {@link #KILLED} (137, as a shell
 *       reports SIGKILL);</li>
 *   <li>a status command (one that reports on targets: {@code jetstream status}, later fleet-wide status commands)
 *       exits {@link #OK} when every target is ok or skipped and {@link #NOT_ALL_OK} when any failed or did not
 *       answer;</li>
 *   <li>{@link #USAGE} (picocli's 2) for a bad command line;</li>
 *   <li>{@link #CLI_ERROR} (255) for every failure of the CLI itself, with a stable {@link ErrorCode}.</li>
 * </ul>
 */
public final class ExitCodes {
    /** Success; for a status command, every target is ok or skipped. */
    public static final int OK = 0;
    /** A status command: at least one target failed or did not answer. */
    public static final int NOT_ALL_OK = 1;
    /** Bad usage: unknown option, missing parameter, invalid value (picocli's default). */
    public static final int USAGE = 2;
    /** The remote script was killed ({@code kill.<job_id>}) or timed out; 128 + SIGKILL, as a shell reports it. */
    public static final int KILLED = 137;
    /** The CLI itself failed (no agent answered, broker unreachable, refused, audit unavailable, ...). */
    public static final int CLI_ERROR = 255;

    private ExitCodes() {
    }

    /** The exit code for a remote result: the script's own code, or {@link #KILLED} for the agent's -1. */
    public static int forResult(ExecResult result) {
        return result.exitCode() == ExecResult.EXIT_KILLED ? KILLED : result.exitCode();
    }
}
