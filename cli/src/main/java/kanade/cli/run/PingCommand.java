package kanade.cli.run;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.Callable;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;
import kanade.cli.OutputOption;
import kanade.cli.backend.BackendAccess;
import kanade.cli.nats.Broker;
import kanade.protocol.time.HumanDuration;
import kanade.protocol.wire.Heartbeat;
import kanade.runtime.run.AgentPing;
import picocli.CommandLine;

/**
 * {@code kanade ping <pc_id> [--wait 5s]}: asks the agent for a fresh heartbeat, through the backend when one is
 * configured ({@link BackendAccess}), else directly on the broker.
 */
@CommandLine.Command(name = "ping", mixinStandardHelpOptions = true,
        description = {"Ask an agent for a fresh heartbeat (-o json: the Heartbeat).",
                "Through the backend (POST /api/agents/<pc_id>/ping, --wait up to 1m) when logged in, "
                        + "KANADE_AUTH_TOKEN is set or a backend URL is given; otherwise straight to the broker.",
                "Exits 0 when it answers, 255 with error[agent_unreachable] when none does."})
public final class PingCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin
    OutputOption output;
    @CommandLine.Parameters(index = "0", paramLabel = "PC_ID", description = "the agent's pc_id")
    String pcId;
    @CommandLine.Option(names = "--wait", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how long to wait: 500ms, 5s, 1m; a bare number is seconds (default ${DEFAULT-VALUE})")
    Duration wait;

    @Override
    public Integer call() throws Exception {
        BackendAccess backend = BackendAccess.of(spec);
        Heartbeat hb = backend.configured() ? viaBackend(backend) : viaBroker();
        if (output.json()) {
            OutputOption.printJson(spec.commandLine().getOut(), hb);
            return 0;
        }
        spec.commandLine().getOut().printf("%s alive: version=%s hostname=%s os=%s instance=%s at=%s%n", hb.pcId(),
                hb.agentVersion(), hb.hostname(), hb.osFamily(), hb.instanceId(), hb.at());
        return 0;
    }

    private Heartbeat viaBroker() throws InterruptedException {
        try (Connection connection = Broker.connect(spec)) {
            return AgentPing.ping(connection, pcId, wait).orElseThrow(() -> new CliFailure(
                    ErrorCode.AGENT_UNREACHABLE, "no agent answered as " + pcId + " within " + HumanDuration.format(wait)
                            + "; is it running and connected to " + Broker.shown(spec) + "? (try a longer --wait)"));
        }
    }

    private Heartbeat viaBackend(BackendAccess backend) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds > ViaBackend.MAX_PING_WAIT_SECS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--wait " + HumanDuration.format(wait)
                    + " is longer than a ping through the backend may wait: 1m (wait_secs up to "
                    + ViaBackend.MAX_PING_WAIT_SECS + ")");
        }
        try (ViaBackend api = new ViaBackend(backend)) {
            return api.ping(pcId, seconds);
        }
    }
}
