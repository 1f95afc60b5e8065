package kanade.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import kanade.agent.policy.FleetPolicy;
import kanade.protocol.KanadeVersion;
import kanade.protocol.subject.SubjectToken;
import kanade.runtime.config.AgentConfig;
import kanade.runtime.config.OsFamily;
import kanade.runtime.nats.NatsCredentials;
import kanade.runtime.secret.Secret;

/**
 * What one agent is given at start and keeps for its life (identity, broker, data dir, credential, limits), plus the
 * fleet policy it starts with; the policy may change while it runs ({@link kanade.agent.policy.PolicySupervisor}).
 * Built from agent.toml with {@link #from}, or by tests and the simulator with {@link #builder}.
 */
public record AgentSettings(String pcId, String natsUrl, NatsCredentials natsCredentials, Path dataDir, Duration shutdownGrace,
                            int maxOutputBytes, String agentVersion, String hostname, OsFamily osFamily,
                            FleetPolicy initialPolicy) {
    public AgentSettings {
        SubjectToken.require(pcId, "pc_id");
        Objects.requireNonNull(natsUrl, "natsUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        natsCredentials = natsCredentials == null ? NatsCredentials.none() : natsCredentials;
        agentVersion = agentVersion == null ? KanadeVersion.current() : agentVersion;
        hostname = hostname == null ? pcId : hostname;
        osFamily = osFamily == null ? OsFamily.current() : osFamily;
        initialPolicy = initialPolicy == null ? FleetPolicy.defaults() : initialPolicy;
    }

    /** Settings from a loaded agent.toml (with machine defaults filled) and the agent's broker credential. */
    public static AgentSettings from(AgentConfig config, NatsCredentials credentials, String hostname) {
        AgentConfig.Agent a = config.agent();
        return builder(a.id(), a.natsUrl(), a.dataDir()).natsCredentials(credentials).shutdownGrace(a.shutdownGrace())
                .maxOutputBytes(a.maxOutputBytes()).hostname(hostname)
                .initialPolicy(FleetPolicy.defaults().withHeartbeatInterval(a.heartbeatInterval())).build();
    }

    /** Defaults for tests and the simulator: the given id, URL and data dir; everything else default. */
    public static AgentSettings of(String pcId, String natsUrl, Path dataDir) {
        return builder(pcId, natsUrl, dataDir).build();
    }

    /** A builder with the three things every agent needs. */
    public static Builder builder(String pcId, String natsUrl, Path dataDir) {
        return new Builder(pcId, natsUrl, dataDir);
    }

    /** A builder holding these settings, to change a few. */
    public Builder toBuilder() {
        return new Builder(pcId, natsUrl, dataDir).natsCredentials(natsCredentials).shutdownGrace(shutdownGrace)
                .maxOutputBytes(maxOutputBytes).agentVersion(agentVersion).hostname(hostname).osFamily(osFamily)
                .initialPolicy(initialPolicy);
    }

    /** A copy that starts with another heartbeat cadence. */
    public AgentSettings withHeartbeatInterval(Duration interval) {
        return toBuilder().initialPolicy(initialPolicy.withHeartbeatInterval(interval)).build();
    }

    /** A copy that starts as a member of these groups (the simulator's {@code --groups}). */
    public AgentSettings withGroups(List<String> groups) {
        return toBuilder().initialPolicy(initialPolicy.withGroups(groups)).build();
    }

    /** A copy with another shutdown grace period. */
    public AgentSettings withShutdownGrace(Duration grace) {
        return toBuilder().shutdownGrace(grace).build();
    }

    /** A copy with another output cap per stream. */
    public AgentSettings withMaxOutputBytes(int bytes) {
        return toBuilder().maxOutputBytes(bytes).build();
    }

    /** A copy with a NATS token. */
    public AgentSettings withNatsToken(Secret token) {
        return toBuilder().natsToken(token).build();
    }

    /** Builds {@link AgentSettings}; unset values take the defaults of agent.toml. */
    public static final class Builder {
        private final String pcId;
        private final String natsUrl;
        private final Path dataDir;
        private NatsCredentials natsCredentials;
        private Duration shutdownGrace = AgentConfig.Agent.DEFAULT_SHUTDOWN_GRACE;
        private int maxOutputBytes = AgentConfig.Agent.DEFAULT_MAX_OUTPUT_BYTES;
        private String agentVersion;
        private String hostname;
        private OsFamily osFamily;
        private FleetPolicy initialPolicy = FleetPolicy.defaults()
                .withHeartbeatInterval(AgentConfig.Agent.DEFAULT_HEARTBEAT_INTERVAL);

        private Builder(String pcId, String natsUrl, Path dataDir) {
            this.pcId = pcId;
            this.natsUrl = natsUrl;
            this.dataDir = dataDir;
        }

        public Builder natsCredentials(NatsCredentials credentials) {
            this.natsCredentials = credentials;
            return this;
        }

        /** kanade's shared token (null: none). */
        public Builder natsToken(Secret token) {
            this.natsCredentials = NatsCredentials.token(token);
            return this;
        }

        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        public Builder maxOutputBytes(int bytes) {
            this.maxOutputBytes = bytes;
            return this;
        }

        public Builder agentVersion(String version) {
            this.agentVersion = version;
            return this;
        }

        public Builder hostname(String name) {
            this.hostname = name;
            return this;
        }

        public Builder osFamily(OsFamily family) {
            this.osFamily = family;
            return this;
        }

        public Builder initialPolicy(FleetPolicy policy) {
            this.initialPolicy = policy;
            return this;
        }

        public AgentSettings build() {
            return new AgentSettings(pcId, natsUrl, natsCredentials, dataDir, shutdownGrace, maxOutputBytes, agentVersion,
                    hostname, osFamily, initialPolicy);
        }
    }
}
