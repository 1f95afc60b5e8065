package kanade.backend.api;

import java.util.List;
import kanade.protocol.KanadeVersion;

/** GET /: a small page that points at the API until the dashboard arrives. */
final class LandingRoutes {
    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Kanade</title></head>
            <body style="font-family: sans-serif; max-width: 46em; margin: 2em auto">
            <h1>Kanade %s</h1>
            <p>The backend is running. The dashboard is not built yet; the JSON API is:</p>
            <ul>
              <li><a href="/api/health/fleet">/api/health/fleet</a> - fleet rollup (503 when degraded)</li>
              <li><a href="/api/agents">/api/agents</a> - agents from heartbeats</li>
              <li><a href="/api/results">/api/results</a> - results (pc_id, status, since)</li>
              <li><a href="/api/audit">/api/audit</a> - audit events</li>
              <li><a href="/api/openapi.json">/api/openapi.json</a> - every route</li>
            </ul>
            <p>Run a script: <code>bin/kanade run &lt;pc_id&gt; -- echo hello</code></p>
            </body></html>
            """;

    private LandingRoutes() {
    }

    static List<Route> routes() {
        String page = PAGE.formatted(KanadeVersion.current());
        return List.of(Route.get("/").page(Role.PUBLIC, "A page pointing at the API (the dashboard comes later)")
                .replies(Reply.html("The landing page"))
                .errors()
                .handle(ctx -> ctx.contentType("text/html; charset=utf-8").result(page)));
    }
}
