package kanade.backend.api;

import kanade.backend.auth.AuthModule;
import java.time.Clock;
import kanade.backend.agents.AgentService;
import kanade.backend.audit.AuditService;
import kanade.backend.health.HealthService;
import kanade.backend.results.ResultService;
import kanade.backend.run.RunService;

/** Assembles the backend's route table from its feature services. */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    /** The services the routes call: one per feature. */
    public record Services(HealthService health, AgentService agents, ResultService results, AuditService audit,
                           RunService runs, AuthModule auth) {
    }

    /** Every route of the API, /api/openapi.json included. */
    public static RouteTable all(Services services, Clock clock) {
        return new RouteTable()
                .add(LandingRoutes.routes())
                .add(HealthRoutes.routes(services.health()))
                .add(AgentRoutes.routes(services.agents()))
                .add(ResultRoutes.routes(services.results(), clock))
                .add(AuditRoutes.routes(services.audit(), clock))
                .add(RunRoutes.routes(services.runs()))
                .add(AuthRoutes.routes(services.auth().logins()))
                .add(AccountRoutes.routes(services.auth().accounts()))
                .add(TokenRoutes.routes(services.auth().tokens()))
                .withOpenApi();
    }
}
