package kanade.backend.api;

import io.nats.client.Connection;
import java.time.Clock;
import kanade.backend.health.FleetHealth;
import kanade.backend.health.IngestStats;
import kanade.backend.store.AgentStore;
import kanade.backend.store.AuditStore;
import kanade.backend.store.ResultStore;

/** Assembles the backend's route table from its services. */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    /** Every route of the API. */
    public static RouteTable all(Connection connection, AgentStore agents, ResultStore results, AuditStore audit,
                                 FleetHealth health, IngestStats ingest, Clock clock) {
        ApiAudit apiAudit = new ApiAudit(connection, clock);
        return new RouteTable()
                .add(LandingRoutes.routes())
                .add(HealthRoutes.routes(health, ingest))
                .add(AgentRoutes.routes(agents, connection, apiAudit))
                .add(ResultRoutes.routes(results, clock))
                .add(AuditRoutes.routes(audit, clock))
                .add(RunRoutes.routes(connection, apiAudit));
    }
}
