package kanade.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kanade.protocol.subject.SubjectToken;

/**
 * agent.toml: {@code [agent]} and {@code [log]}. Fleet policy (groups, cadences) lives in the agent_config and
 * agent_groups KV buckets; the deprecated {@code [agent] groups} and {@code [inventory]} are parsed and ignored.
 */
public record AgentConfig(Agent agent, LogConfig log, JsonNode inventory) {

    public AgentConfig {
        agent = agent == null ? Agent.defaults() : agent;
        log = log == null ? LogConfig.defaults() : log;
    }

    /** The {@code [agent]} section. {@code id} is the pc_id (default: the short hostname). */
    public record Agent(String id, String natsUrl, List<String> groups, Path dataDir, Duration heartbeatInterval,
                        Duration shutdownGrace, Integer maxOutputBytes) {
        public static final String DEFAULT_NATS_URL = "nats://127.0.0.1:4222";
        public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);
        public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
        /** Cap per stream (stdout, stderr) so an encoded result stays well under NATS's 1 MiB payload limit. */
        public static final int DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024;

        public Agent {
            if (id != null) {
                SubjectToken.require(id, "id");
            }
            natsUrl = natsUrl == null || natsUrl.isBlank() ? DEFAULT_NATS_URL : natsUrl;
            groups = groups == null ? List.of() : List.copyOf(groups);
            heartbeatInterval = heartbeatInterval == null ? DEFAULT_HEARTBEAT_INTERVAL : heartbeatInterval;
            if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
                throw new IllegalArgumentException("heartbeat_interval must be positive, e.g. 30s");
            }
            shutdownGrace = shutdownGrace == null ? DEFAULT_SHUTDOWN_GRACE : shutdownGrace;
            maxOutputBytes = maxOutputBytes == null ? DEFAULT_MAX_OUTPUT_BYTES : maxOutputBytes;
            if (maxOutputBytes < 1024 || maxOutputBytes > 400 * 1024) {
                throw new IllegalArgumentException("max_output_bytes must be between 1024 and 409600");
            }
        }

        static Agent defaults() {
            return new Agent(null, null, null, null, null, null, null);
        }
    }

    /** The pc_id this agent answers to. Set after {@link #withMachineDefaults}. */
    public String pcId() {
        return agent.id();
    }

    /** Fills what depends on the machine: the id (short hostname) and the data dir. */
    public AgentConfig withMachineDefaults(SystemFacts facts, java.util.Map<String, String> env) {
        String id = agent.id() != null ? agent.id() : facts.host();
        Path dataDir = agent.dataDir() != null ? agent.dataDir() : DataDirs.defaultDataDir(facts.osFamily(), env);
        return new AgentConfig(new Agent(id, agent.natsUrl(), agent.groups(), dataDir, agent.heartbeatInterval(),
                agent.shutdownGrace(), agent.maxOutputBytes()), log, inventory);
    }

    /** Warnings for deprecated keys that were parsed and are ignored. */
    public List<String> deprecationWarnings() {
        List<String> out = new ArrayList<>();
        if (!agent.groups().isEmpty()) {
            out.add("[agent] groups is deprecated and ignored; manage membership with `kanade group` (agent_groups KV)");
        }
        if (inventory != null) {
            out.add("[inventory] is deprecated and ignored; set cadences with `kanade config set` (agent_config KV)");
        }
        return out;
    }
}
