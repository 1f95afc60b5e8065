package kanade.backend.agents;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.Optional;
import kanade.backend.store.AgentRow;
import kanade.backend.store.AgentStore;
import kanade.backend.store.Page;
import kanade.protocol.wire.Heartbeat;
import kanade.runtime.audit.AuditPolicy;
import kanade.runtime.run.AgentPing;

/** Agents as their heartbeats left them, and a fresh heartbeat on demand (audited before the ping goes out). */
public final class AgentService {
    private final AgentStore agents;
    private final Connection connection;
    private final AuditPolicy audit;

    public AgentService(AgentStore agents, Connection connection, AuditPolicy audit) {
        this.agents = agents;
        this.connection = connection;
        this.audit = audit;
    }

    /** The reply of a ping: the agent's fresh heartbeat. */
    public record PingReply(Heartbeat heartbeat) {
    }

    /** Agents whose pc_id or hostname contains {@code q} (all when null), a page of them and the total. */
    public Page<AgentRow> list(String q, int limit, int offset) {
        return agents.list(q, limit, offset);
    }

    /** One agent by pc_id. */
    public Optional<AgentRow> find(String pcId) {
        return agents.find(pcId);
    }

    /**
     * Writes the audit event, then asks {@code pcId} for a heartbeat; empty when none answered within {@code wait}.
     *
     * @throws kanade.runtime.audit.AuditUnavailableException when the audit event could not be written (no ping sent)
     */
    public Optional<PingReply> ping(String actor, String pcId, Duration wait) throws InterruptedException {
        audit.beforeAction(actor, "ping", pcId, JsonNodeFactory.instance.objectNode().put("wait_secs", wait.toSeconds()));
        return AgentPing.ping(connection, pcId, wait).map(PingReply::new);
    }
}
