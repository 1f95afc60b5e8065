package kanade.backend.api;

/** Whether a route answers JSON for programs (API) or HTML for a browser (PAGE). */
public enum RouteKind {
    API,
    PAGE
}
