package kanade.backend.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kanade.protocol.KanadeVersion;
import kanade.protocol.wire.Json;

/** The one table of routes: registers every handler and produces /api/openapi.json from the same list. */
public final class RouteTable {
    private final List<Route> routes = new ArrayList<>();

    /** Adds routes. */
    public RouteTable add(List<Route> more) {
        routes.addAll(more);
        return this;
    }

    /** Every route, in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    void register(JavalinConfig cfg) {
        routes.add(Route.get("/api/openapi.json", "This document", List.of(), ctx -> ctx.json(openApi())));
        for (Route route : routes) {
            cfg.routes.addHttpHandler(route.method(), route.path(), route.handler());
        }
    }

    /** An OpenAPI 3.1 document listing every route with its path and query parameters. */
    public ObjectNode openApi() {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Kanade backend API").put("version", KanadeVersion.current());
        ObjectNode paths = doc.putObject("paths");
        for (Route route : routes) {
            String path = route.path();
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            ObjectNode op = item.putObject(route.method().name().toLowerCase(Locale.ROOT));
            op.put("summary", route.summary());
            ArrayNode params = op.putArray("parameters");
            pathParams(route.path()).forEach(p -> params.addObject().put("name", p).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string"));
            route.queryParams().forEach(p -> params.addObject().put("name", p).put("in", "query")
                    .putObject("schema").put("type", "string"));
            op.putObject("responses").putObject("default").put("description",
                    "JSON; errors are {\"error\":{\"code\",\"message\"}}");
        }
        return doc;
    }

    private static List<String> pathParams(String path) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = path.indexOf('{', i)) >= 0) {
            int end = path.indexOf('}', i);
            names.add(path.substring(i + 1, end));
            i = end;
        }
        return names;
    }
}
