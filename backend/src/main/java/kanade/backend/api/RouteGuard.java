package kanade.backend.api;

import io.javalin.http.Context;

/**
 * Decides, before a route's handler runs, whether the caller may use it: authentication, the route's least role,
 * and the request's origin and content type. Throws {@link ApiException} to refuse; on success it leaves the caller's
 * name for {@link Actors#of} (the actor in audit events).
 */
@FunctionalInterface
public interface RouteGuard {
    void admit(Context ctx, Route route);

    /** Lets everything through as {@code api} (tests of the HTTP edge itself). */
    RouteGuard OPEN = (ctx, route) -> {
    };
}
