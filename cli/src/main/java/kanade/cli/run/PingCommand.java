package kanade.cli.run;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.Callable;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;
import kanade.cli.OutputOption;
import kanade.cli.nats.Broker;
import kanade.protocol.time.HumanDuration;
import kanade.protocol.wire.Heartbeat;
import kanade.runtime.run.AgentPing;
import picocli.CommandLine;

/** {@code kanade ping <pc_id> [--wait 5s]}: asks the agent for a fresh heartbeat. */
@CommandLine.Command(name = "ping", mixinStandardHelpOptions = true,
        description = {"Ask an agent for a fresh heartbeat (-o json: the Heartbeat).",
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
        try (Connection connection = Broker.connect(spec)) {
            Heartbeat hb = AgentPing.ping(connection, pcId, wait).orElseThrow(() -> new CliFailure(
                    ErrorCode.AGENT_UNREACHABLE, "no agent answered as " + pcId + " within " + HumanDuration.format(wait)
                            + "; is it running and connected to " + Broker.server(spec) + "? (try a longer --wait)"));
            if (output.json()) {
                OutputOption.printJson(spec.commandLine().getOut(), hb);
                return 0;
            }
            spec.commandLine().getOut().printf("%s alive: version=%s hostname=%s os=%s instance=%s at=%s%n", hb.pcId(),
                    hb.agentVersion(), hb.hostname(), hb.osFamily(), hb.instanceId(), hb.at());
            return 0;
        }
    }
}
