package kanade.cli.run;

import io.nats.client.Connection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import kanade.cli.CliEnvironment;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;
import kanade.cli.ExitCodes;
import kanade.cli.OutputOption;
import kanade.cli.audit.CliAudit;
import kanade.cli.backend.BackendAccess;
import kanade.cli.nats.Broker;
import kanade.protocol.subject.Subjects;
import kanade.protocol.time.HumanDuration;
import kanade.protocol.wire.Command;
import kanade.protocol.wire.ExecResult;
import kanade.runtime.run.AuditedRun;
import kanade.runtime.run.BrokerLostException;
import kanade.runtime.run.RemoteRun;
import picocli.CommandLine;

/**
 * {@code kanade run <pc_id> -- <script...>}: with a backend configured ({@link BackendAccess}), POST /api/run as the
 * logged-in account; otherwise, directly on the broker: writes the audit event (refusing when it cannot), then pings
 * the agent (fail fast), subscribes to {@code results.<request_id>}, publishes the Command on
 * {@code commands.pc.<pc_id>}. Either way it prints the output and exits with the remote exit code.
 */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a script on one agent and print its output (-o json: the ExecResult).",
                "Goes through the backend (POST /api/run, at most 1h) when logged in, KANADE_AUTH_TOKEN is set or a "
                        + "backend URL is given; otherwise straight to the broker (kanade's mode, for a broker "
                        + "without roles).",
                "Exit codes: the script's own exit code; 137 when it was killed (kanade kill) or timed out; "
                        + "255 when kanade itself failed, with `kanade: error[<code>]: ...` on stderr "
                        + "(agent_unreachable, broker_unreachable, backend_unreachable, unauthorized, forbidden, timeout, "
                        + "audit_unavailable, ...); "
                        + "2 for bad usage."})
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    OutputOption output;

    @CommandLine.Parameters(index = "0", paramLabel = "PC_ID", description = "the agent's pc_id")
    String pcId;
    @CommandLine.Parameters(index = "1..*", paramLabel = "SCRIPT", arity = "1..*",
            description = "the script; words after -- are joined with spaces")
    List<String> script;
    @CommandLine.Option(names = "--shell", paramLabel = "SHELL",
            description = "sh, bash, powershell (ps), pwsh or cmd; default: the agent platform's")
    String shell;
    @CommandLine.Option(names = "--timeout", defaultValue = "60", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "how long the script may run before the agent kills it: 30s, 5m, 1h; a bare number is "
                    + "seconds (default ${DEFAULT-VALUE})")
    Duration timeout;
    @CommandLine.Option(names = {"--job-id", "--exec-id"}, paramLabel = "JOB_ID",
            description = "job id for `kanade kill` (default: a new UUID)")
    String jobId;
    @CommandLine.Option(names = "--ping-timeout", defaultValue = "1s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "how long to wait for the agent's ping reply (default ${DEFAULT-VALUE})")
    Duration pingTimeout;

    @Override
    public Integer call() throws Exception {
        if (timeout.toMillis() < 1000 || timeout.getSeconds() > Command.MAX_TIMEOUT_SECS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be between 1s and "
                    + HumanDuration.format(Duration.ofSeconds(Command.MAX_TIMEOUT_SECS)) + " (got "
                    + HumanDuration.format(timeout) + ")");
        }
        long timeoutSecs = (timeout.toMillis() + 999) / 1000;
        String shellName = "ps".equalsIgnoreCase(shell) ? "powershell" : shell;
        BackendAccess backend = BackendAccess.of(spec);
        if (backend.configured()) {
            return print(viaBackend(backend, shellName, timeoutSecs));
        }
        CliEnvironment env = CliEnvironment.of(spec);
        try (Connection connection = Broker.connectForWaiting(spec)) {
            var request = new AuditedRun.Request(pcId, shellName, String.join(" ", script), timeoutSecs, jobId, null,
                    null);
            AuditedRun.Sent sent;
            try {
                sent = new AuditedRun(connection, CliAudit.policy(spec, connection), env.clock())
                        .run(env.actor(), request, pingTimeout, published -> announce(published.jobId()));
            } catch (BrokerLostException lost) {
                throw new CliFailure(ErrorCode.BROKER_UNREACHABLE, "lost the NATS broker at " + Broker.shown(spec)
                        + " while waiting for the result of request " + lost.requestId() + " (no reconnect within "
                        + Broker.WAITING_RECONNECTS + " attempts); the agent may still be running it; stop it with "
                        + "`kanade kill " + lost.jobId() + "`", lost);
            }
            String job = sent.command().jobId();
            String requestId = sent.command().requestId();
            return switch (sent.outcome()) {
                case RemoteRun.Outcome.Finished finished -> print(finished.result());
                case RemoteRun.Outcome.NoAgent none -> throw new CliFailure(ErrorCode.AGENT_UNREACHABLE,
                        "no agent answered as " + pcId + " (pinged " + Subjects.agentPing(pcId) + " for "
                                + none.waited().toMillis() + " ms); is it running and connected to "
                                + Broker.shown(spec) + "? Nothing was sent.");
                case RemoteRun.Outcome.TimedOut timedOut -> throw new CliFailure(ErrorCode.TIMEOUT, "no result from "
                        + pcId + " within " + HumanDuration.format(timedOut.waited()) + " (request " + requestId
                        + "); the agent may still be running it; stop it with `kanade kill " + job + "`");
            };
        }
    }

    private ExecResult viaBackend(BackendAccess backend, String shellName, long timeoutSecs) {
        if (timeoutSecs > ViaBackend.MAX_RUN_TIMEOUT_SECS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout " + HumanDuration.format(timeout)
                    + " is longer than a run through the backend may last: 1h (POST /api/run takes timeout_secs up to "
                    + ViaBackend.MAX_RUN_TIMEOUT_SECS + ")");
        }
        String job = jobId != null ? jobId : UUID.randomUUID().toString();
        try (ViaBackend api = new ViaBackend(backend)) {
            return api.run(pcId, shellName, String.join(" ", script), timeoutSecs, job, () -> announce(job));
        }
    }

    private void announce(String job) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("job_id: " + job + "  (stop it with: kanade kill " + job + ")");
        err.flush();
    }

    private int print(ExecResult result) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output.json()) {
            OutputOption.printJson(out, result);
            return ExitCodes.forResult(result);
        }
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
        return ExitCodes.forResult(result);
    }
}
