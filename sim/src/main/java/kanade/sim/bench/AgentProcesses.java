package kanade.sim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kanade.sim.BrokerAccess;

/** A real {@code bin/kanade-agent} child process for the benches: its agent.toml and how it is launched. */
public final class AgentProcesses {
    private AgentProcesses() {
    }

    /** Writes {@code work/agent.toml} for agent {@code pcId} on {@code natsUrl} (data under work, warnings only). */
    public static Path writeConfig(Path work, String pcId, String natsUrl) throws IOException {
        Path config = work.resolve("agent.toml");
        Files.writeString(config, """
                [agent]
                id = '%s'
                nats_url = '%s'
                data_dir = '%s'
                [log]
                level = 'warn'
                keep_days = 0
                """.formatted(pcId, natsUrl, work.resolve("agent-data")));
        return config;
    }

    /**
     * The launch of {@code bin/kanade-agent --config config} with the agent credential of {@code broker} in its
     * environment, output appended to {@code work/agent.log} (a restarted agent keeps its first run's log), without a
     * rebuild and without the simulator's own JVM flags.
     */
    public static ProcessBuilder launch(Path work, Path config, BrokerAccess broker) {
        ProcessBuilder pb = new ProcessBuilder(KanadeHome.launcher("kanade-agent").toString(), "--config",
                config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("agent.log").toFile()));
        pb.environment().put("KANADE_NO_BUILD", "1");
        pb.environment().remove("KANADE_JAVA_OPTS");
        pb.environment().putAll(broker.agentEnv());
        return pb;
    }
}
