package kanade.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import kanade.protocol.KanadeVersion;
import kanade.runtime.config.AgentConfig;
import kanade.runtime.config.OsFamily;
import kanade.runtime.secret.Secret;
import kanade.protocol.subject.SubjectToken;

/**
 * Everything one agent instance needs, resolved from agent.toml plus the secret store. Tests and the simulator
 * build it directly.
 */
public record AgentSettings(String pcId, String natsUrl, Secret natsToken, Path dataDir, Duration heartbeatInterval,
                            Duration shutdownGrace, int maxOutputBytes, String agentVersion, String hostname,
                            OsFamily osFamily, List<String> groups) {
    public AgentSettings {
        SubjectToken.require(pcId, "pc_id");
        Objects.requireNonNull(natsUrl, "natsUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        agentVersion = agentVersion == null ? KanadeVersion.current() : agentVersion;
        hostname = hostname == null ? pcId : hostname;
        osFamily = osFamily == null ? OsFamily.current() : osFamily;
        groups = groups == null ? List.of() : List.copyOf(groups);
        groups.forEach(g -> SubjectToken.require(g, "group"));
    }

    /** Settings from a loaded agent.toml (with machine defaults filled) and an optional NATS token. */
    public static AgentSettings from(AgentConfig config, Secret natsToken, String hostname) {
        AgentConfig.Agent a = config.agent();
        return new AgentSettings(a.id(), a.natsUrl(), natsToken, a.dataDir(), a.heartbeatInterval(), a.shutdownGrace(),
                a.maxOutputBytes(), null, hostname, null, null);
    }

    /** Defaults for tests and the simulator: the given id, URL and data dir; everything else default. */
    public static AgentSettings of(String pcId, String natsUrl, Path dataDir) {
        return new AgentSettings(pcId, natsUrl, null, dataDir, AgentConfig.Agent.DEFAULT_HEARTBEAT_INTERVAL,
                AgentConfig.Agent.DEFAULT_SHUTDOWN_GRACE, AgentConfig.Agent.DEFAULT_MAX_OUTPUT_BYTES, null, null, null, null);
    }

    /** A copy with another heartbeat interval. */
    public AgentSettings withHeartbeatInterval(Duration interval) {
        return new AgentSettings(pcId, natsUrl, natsToken, dataDir, interval, shutdownGrace, maxOutputBytes, agentVersion,
                hostname, osFamily, groups);
    }

    /** A copy with another shutdown grace period. */
    public AgentSettings withShutdownGrace(Duration grace) {
        return new AgentSettings(pcId, natsUrl, natsToken, dataDir, heartbeatInterval, grace, maxOutputBytes, agentVersion,
                hostname, osFamily, groups);
    }

    /** A copy with another output cap per stream. */
    public AgentSettings withMaxOutputBytes(int bytes) {
        return new AgentSettings(pcId, natsUrl, natsToken, dataDir, heartbeatInterval, shutdownGrace, bytes, agentVersion,
                hostname, osFamily, groups);
    }

    /**
     * A copy that also listens on {@code commands.group.<g>} for each group. Static membership (the simulator's
     * {@code --groups}); fleet membership from the agent_groups KV bucket comes with the groups feature.
     */
    public AgentSettings withGroups(List<String> newGroups) {
        return new AgentSettings(pcId, natsUrl, natsToken, dataDir, heartbeatInterval, shutdownGrace, maxOutputBytes,
                agentVersion, hostname, osFamily, newGroups);
    }

    /** A copy with a NATS token. */
    public AgentSettings withNatsToken(Secret token) {
        return new AgentSettings(pcId, natsUrl, token, dataDir, heartbeatInterval, shutdownGrace, maxOutputBytes,
                agentVersion, hostname, osFamily, groups);
    }
}
