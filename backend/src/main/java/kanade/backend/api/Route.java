package kanade.backend.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/** One HTTP route: method, path, a summary and its query parameters for /api/openapi.json, and the handler. */
public record Route(HandlerType method, String path, String summary, List<String> queryParams, Handler handler) {
    public Route {
        queryParams = List.copyOf(queryParams);
    }

    static Route get(String path, String summary, List<String> params, Handler handler) {
        return new Route(HandlerType.GET, path, summary, params, handler);
    }

    static Route post(String path, String summary, List<String> params, Handler handler) {
        return new Route(HandlerType.POST, path, summary, params, handler);
    }
}
