package kanade.cli;

/** A failure the CLI reports as one line on stderr with a specific exit code, never a stack trace. */
public final class CliFailure extends RuntimeException {
    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
