package kanade.cli;

import io.nats.client.AuthenticationException;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import kanade.runtime.audit.AuditUnavailableException;
import picocli.CommandLine;

/**
 * Turns whatever a command threw into one line {@code kanade: error[<code>]: <message>} on stderr (plus
 * {@code {"error":{"code","message"}}} on stdout under {@code -o json}) and exit 255; never a stack trace.
 * A stray {@link IllegalArgumentException} is a bad value from the command line: exit 2, as picocli's usage errors.
 */
final class CliErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof IllegalArgumentException bad) {
            cmd.getErr().println("kanade: " + bad.getMessage() + " (see `" + cmd.getCommandSpec().qualifiedName()
                    + " --help`)");
            return ExitCodes.USAGE;
        }
        if (ex instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        CliFailure failure = classify(ex);
        report(cmd, failure);
        return ExitCodes.CLI_ERROR;
    }

    /** Prints {@code failure} the one way the CLI reports its own failures. */
    static void report(CommandLine cmd, CliFailure failure) {
        PrintWriter err = cmd.getErr();
        err.println("kanade: error[" + failure.code().code() + "]: " + failure.getMessage());
        err.flush();
        if (OutputOption.json(cmd.getCommandSpec())) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("code", failure.code().code());
            body.put("message", failure.getMessage());
            OutputOption.printJson(cmd.getOut(), Map.of("error", body));
        }
    }

    static CliFailure classify(Exception ex) {
        return switch (ex) {
            case CliFailure failure -> failure;
            case AuditUnavailableException audit -> new CliFailure(ErrorCode.AUDIT_UNAVAILABLE, audit.getMessage(), audit);
            case AuthenticationException auth -> new CliFailure(ErrorCode.UNAUTHORIZED, "the broker rejected the "
                    + "credentials (" + auth.getMessage() + "); set KANADE_NATS_TOKEN to the broker's token", auth);
            case JetStreamApiException api -> new CliFailure(ErrorCode.REFUSED, "the broker refused the request ("
                    + api.getMessage() + "); check `kanade jetstream status`", api);
            case TimeoutException timeout -> new CliFailure(ErrorCode.TIMEOUT, "no answer in time ("
                    + timeout.getMessage() + "); check the broker and try again", timeout);
            case InterruptedException interrupted -> new CliFailure(ErrorCode.INTERRUPTED,
                    "interrupted before the command finished; nothing more was sent", interrupted);
            case IOException io -> new CliFailure(ErrorCode.BROKER_UNREACHABLE, "lost the broker connection ("
                    + io.getMessage() + "); check --server / KANADE_NATS_URL and that nats-server is running", io);
            default -> new CliFailure(ErrorCode.INTERNAL, ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + " (a bug in kanade; please report it with the command line)", ex);
        };
    }
}
