package kanade.protocol.wire;

import java.time.Instant;

/**
 * An agent's liveness beacon on {@code heartbeat.<pc_id>} and its reply to {@code agents.<pc_id>.ping}.
 * {@code instance_id} is random per agent process, so two agents claiming one pc_id can be told apart.
 */
public record Heartbeat(
        String pcId,
        Instant at,
        String agentVersion,
        String hostname,
        String osFamily,
        String instanceId) {

    public Heartbeat {
        Fields.requiredText(pcId, "pc_id");
        Fields.required(at, "at");
        Fields.requiredText(agentVersion, "agent_version");
    }
}
