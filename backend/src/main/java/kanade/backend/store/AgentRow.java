package kanade.backend.store;

import java.time.Instant;

/** One row of the agents table, as /api/agents returns it. */
public record AgentRow(String pcId, String hostname, String osFamily, String agentVersion, String instanceId,
                       Instant lastHeartbeat, String conflictingInstanceId, Instant conflictSeenAt, Instant updatedAt) {
}
