package kanade.cli;

/** The CLI's own exit codes; {@code run} otherwise exits with the remote script's exit code. */
public final class ExitCodes {
    /** Bad usage (picocli's default). */
    public static final int USAGE = 2;
    /** No agent answered the ping for the given pc_id. */
    public static final int NO_AGENT = 3;
    /** The broker could not be reached. */
    public static final int BROKER_UNREACHABLE = 4;
    /** The result did not arrive in time. */
    public static final int TIMEOUT = 5;
    /** The broker refused or failed the operation. */
    public static final int FAILED = 6;

    private ExitCodes() {
    }
}
