package kanade.backend.api;

import java.util.List;
import java.util.Map;
import kanade.backend.health.FleetHealth;
import kanade.backend.health.IngestStats;
import kanade.protocol.KanadeVersion;

/** GET /health, /api/version, /api/health/fleet, /api/stats/ingest. */
final class HealthRoutes {
    private HealthRoutes() {
    }

    static List<Route> routes(FleetHealth health, IngestStats ingest) {
        return List.of(
                Route.get("/health", "Liveness: 'ok' as text", List.of(), ctx -> ctx.result("ok")),
                Route.get("/api/version", "The backend's version", List.of(),
                        ctx -> ctx.json(Map.of("version", KanadeVersion.current()))),
                Route.get("/api/health/fleet", "Fleet rollup; 503 when degraded", List.of(), ctx -> {
                    FleetHealth.Report report = health.observe();
                    ctx.status(report.degraded() ? 503 : 200).json(report);
                }),
                Route.get("/api/stats/ingest", "Intake counters of this backend process since start", List.of(),
                        ctx -> ctx.json(ingest.snapshot())));
    }
}
