package kanade.agent.heartbeat;

import java.time.Clock;
import java.util.UUID;
import kanade.agent.AgentSettings;
import kanade.protocol.wire.Heartbeat;

/** Builds this agent's heartbeats; {@code instance_id} is fixed for the life of the process. */
public final class HeartbeatSource {
    private final AgentSettings settings;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();

    public HeartbeatSource(AgentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** A heartbeat stamped now. */
    public Heartbeat now() {
        return new Heartbeat(settings.pcId(), clock.instant(), settings.agentVersion(), settings.hostname(),
                settings.osFamily().wireName(), instanceId);
    }

    /** The agent's pc_id. */
    public String pcId() {
        return settings.pcId();
    }

    /** This process's instance id. */
    public String instanceId() {
        return instanceId;
    }
}
