package kanade.cli.run;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.concurrent.Callable;
import kanade.cli.CliFailure;
import kanade.cli.ExitCodes;
import kanade.cli.nats.Broker;
import kanade.runtime.run.AgentPing;
import kanade.protocol.wire.Heartbeat;
import picocli.CommandLine;

/** {@code kanade ping <pc_id> [--wait 5s]}: asks the agent for a fresh heartbeat. */
@CommandLine.Command(name = "ping", description = "Ask an agent for a fresh heartbeat (exit 3 when none answers).")
public final class PingCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Parameters(index = "0", paramLabel = "PC_ID")
    String pcId;
    @CommandLine.Option(names = "--wait", defaultValue = "5s", converter = DurationConverter.class,
            description = "how long to wait (default ${DEFAULT-VALUE}); a bare number is seconds")
    Duration wait;

    @Override
    public Integer call() throws Exception {
        try (Connection connection = Broker.connect(spec)) {
            Heartbeat hb = AgentPing.ping(connection, pcId, wait).orElseThrow(() -> new CliFailure(ExitCodes.NO_AGENT,
                    "no agent answered as " + pcId + " within " + wait.toMillis() + " ms"));
            spec.commandLine().getOut().printf("%s alive: version=%s hostname=%s os=%s instance=%s at=%s%n", hb.pcId(),
                    hb.agentVersion(), hb.hostname(), hb.osFamily(), hb.instanceId(), hb.at());
            return 0;
        }
    }
}
