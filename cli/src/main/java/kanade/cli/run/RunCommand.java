package kanade.cli.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nats.client.Connection;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import kanade.cli.CliFailure;
import kanade.cli.ExitCodes;
import kanade.cli.nats.Broker;
import kanade.runtime.audit.AuditPublisher;
import kanade.runtime.run.RemoteRun;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import picocli.CommandLine;

/**
 * {@code kanade run <pc_id> -- <script...>}: pings the agent (fail fast), subscribes to {@code results.<request_id>},
 * publishes the Command on {@code commands.pc.<pc_id>}, prints the output and exits with the remote exit code.
 */
@CommandLine.Command(name = "run", description = {"Run a script on one agent and print its output.",
        "Exits with the script's exit code (a kill or timeout gives 255); 3 = no agent answered, 4 = broker unreachable, 5 = no result in time."})
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "PC_ID", description = "the agent's pc_id")
    String pcId;
    @CommandLine.Parameters(index = "1..*", paramLabel = "SCRIPT", arity = "1..*",
            description = "the script; words after -- are joined with spaces")
    List<String> script;
    @CommandLine.Option(names = "--shell", description = "sh, bash, powershell (ps), pwsh or cmd; default: the agent platform's")
    String shell;
    @CommandLine.Option(names = "--timeout", defaultValue = "60", description = "seconds before the agent kills the script (default ${DEFAULT-VALUE})")
    long timeoutSecs;
    @CommandLine.Option(names = {"--job-id", "--exec-id"}, description = "job id for `kanade kill` (default: a new UUID)")
    String jobId;
    @CommandLine.Option(names = "--ping-timeout", defaultValue = "1s", converter = DurationConverter.class,
            description = "how long to wait for the agent's ping reply (default ${DEFAULT-VALUE})")
    Duration pingTimeout;

    @Override
    public Integer call() throws Exception {
        if (timeoutSecs <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
        }
        String shellName = "ps".equalsIgnoreCase(shell) ? "powershell" : shell;
        String job = jobId != null ? jobId : UUID.randomUUID().toString();
        String requestId = UUID.randomUUID().toString();
        PrintWriter err = spec.commandLine().getErr();
        try (Connection connection = Broker.connect(spec)) {
            Command command = Command.adhoc(requestId, job, shellName, String.join(" ", script), timeoutSecs, null);
            RemoteRun.Outcome outcome = new RemoteRun(connection).run(pcId, command, pingTimeout, published -> {
                err.println("job_id: " + job + "  (stop it with: kanade kill " + job + ")");
                err.flush();
                audit(connection, requestId, job, err);
            });
            return switch (outcome) {
                case RemoteRun.Outcome.Finished finished -> print(finished.result());
                case RemoteRun.Outcome.NoAgent none -> throw new CliFailure(ExitCodes.NO_AGENT, "no agent answered as "
                        + pcId + " (pinged " + Subjects.agentPing(pcId) + " for " + none.waited().toMillis()
                        + " ms); is it running and connected to " + Broker.server(spec) + "?");
                case RemoteRun.Outcome.TimedOut timedOut -> throw new CliFailure(ExitCodes.TIMEOUT, "no result from "
                        + pcId + " within " + timedOut.waited().toSeconds() + " s (request " + requestId
                        + "); the agent may still be running it; see `kanade kill " + job + "`");
            };
        }
    }

    private int print(ExecResult result) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.print(result.stdout());
        out.flush();
        err.print(result.stderr());
        if (!result.stderr().isEmpty() && !result.stderr().endsWith("\n")) {
            err.println();
        }
        if (result.stdoutTruncated() || result.stderrTruncated()) {
            err.println("(output truncated by the agent's max_output_bytes)");
        }
        err.flush();
        return result.exitCode();
    }

    private void audit(Connection connection, String requestId, String job, PrintWriter err) {
        try {
            var payload = JsonNodeFactory.instance.objectNode().put("request_id", requestId).put("job_id", job)
                    .put("shell", shell).put("timeout_secs", timeoutSecs);
            new AuditPublisher(connection, Clock.systemUTC()).publish(Actor.current(), "run", pcId, payload);
        } catch (Exception e) {
            err.println("warning: audit event not recorded (" + e.getMessage() + "); run `kanade jetstream setup`");
        }
    }
}
