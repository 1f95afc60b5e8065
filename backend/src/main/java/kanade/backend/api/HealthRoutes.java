package kanade.backend.api;

import java.util.List;
import java.util.Map;
import kanade.backend.health.FleetHealth;
import kanade.protocol.KanadeVersion;

/** GET /health, /api/version, /api/health/fleet. */
final class HealthRoutes {
    private HealthRoutes() {
    }

    static List<Route> routes(FleetHealth health) {
        return List.of(
                Route.get("/health", "Liveness: 'ok' as text", List.of(), ctx -> ctx.result("ok")),
                Route.get("/api/version", "The backend's version", List.of(),
                        ctx -> ctx.json(Map.of("version", KanadeVersion.current()))),
                Route.get("/api/health/fleet", "Fleet rollup; 503 when degraded", List.of(), ctx -> {
                    FleetHealth.Report report = health.observe();
                    ctx.status(report.degraded() ? 503 : 200).json(report);
                }));
    }
}
