package kanade.backend.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The one table of routes: registers every handler and produces /api/openapi.json from the same list. */
public final class RouteTable {
    /** Where the OpenAPI document is served. */
    public static final String OPENAPI_PATH = "/api/openapi.json";

    private final List<Route> routes = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private volatile ObjectNode openApi;

    /** Adds routes; a method and path may be added only once. */
    public RouteTable add(List<Route> more) {
        for (Route route : more) {
            if (!keys.add(route.method() + " " + route.path())) {
                throw new IllegalArgumentException("route " + route.method() + " " + route.path() + " added twice");
            }
            routes.add(route);
        }
        openApi = null;
        return this;
    }

    /** Adds GET /api/openapi.json, which serves {@link #openApi()}. */
    public RouteTable withOpenApi() {
        return add(List.of(Route.get(OPENAPI_PATH).api(Role.PUBLIC, "This document: every route, its least role,"
                        + " request and response schemas and error codes")
                .replies(Reply.json(ObjectNode.class, "An OpenAPI 3.1 document"))
                .errors()
                .handle(ctx -> ctx.json(openApi()))));
    }

    /** Every route, in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Registers every route behind {@code guard}, which decides before the handler runs. */
    void register(JavalinConfig cfg, RouteGuard guard) {
        for (Route route : routes) {
            cfg.routes.addHttpHandler(route.method(), route.path(), ctx -> {
                guard.admit(ctx, route);
                route.handler().handle(ctx);
            });
        }
    }

    /** The OpenAPI 3.1 document of every route (built once, then served as is). */
    public ObjectNode openApi() {
        ObjectNode doc = openApi;
        if (doc == null) {
            doc = OpenApiDocument.of(routes());
            openApi = doc;
        }
        return doc.deepCopy();
    }
}
