package kanade.backend.api;

import java.util.List;
import kanade.backend.health.FleetHealth;
import kanade.backend.health.HealthService;
import kanade.backend.health.IngestStats;

/** GET /health, /api/version, /api/health/fleet, /api/stats/ingest. */
final class HealthRoutes {
    private HealthRoutes() {
    }

    static List<Route> routes(HealthService health) {
        return List.of(
                Route.get("/health").api(Role.PUBLIC, "Liveness")
                        .replies(Reply.text("'ok'"))
                        .errors()
                        .handle(ctx -> ctx.result("ok")),
                Route.get("/api/version").api(Role.PUBLIC, "The backend's version")
                        .replies(Reply.json(HealthService.VersionInfo.class, "The version"))
                        .errors()
                        .handle(ctx -> ctx.json(health.version())),
                Route.get("/api/health/fleet").api(Role.VIEWER, "Fleet rollup; 503 with the same body when degraded")
                        .replies(Reply.json(FleetHealth.Report.class, "Status ok or unknown"),
                                Reply.json(503, FleetHealth.Report.class,
                                        "Status degraded: a JetStream resource is missing, or no known agent is active"))
                        .errors()
                        .handle(ctx -> {
                            FleetHealth.Report report = health.fleet();
                            ctx.status(report.degraded() ? 503 : 200).json(report);
                        }),
                Route.get("/api/stats/ingest").api(Role.VIEWER, "Intake counters of this backend process since start")
                        .replies(Reply.json(IngestStats.Snapshot.class, "The counters"))
                        .errors()
                        .handle(ctx -> ctx.json(health.ingest())));
    }
}
