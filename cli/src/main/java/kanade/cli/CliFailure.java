package kanade.cli;

import java.util.Objects;

/**
 * A failure of the CLI itself: reported as {@code kanade: error[<code>]: <message>} on stderr (and as JSON with
 * {@code -o json}), never a stack trace, and exit code {@link ExitCodes#CLI_ERROR}. The message says what failed
 * and what to do.
 */
public final class CliFailure extends RuntimeException {
    private final ErrorCode code;

    public CliFailure(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CliFailure(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }
}
