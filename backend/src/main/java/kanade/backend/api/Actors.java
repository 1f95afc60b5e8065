package kanade.backend.api;

import io.javalin.http.Context;

/** Who is calling: the authenticated user once auth exists, else {@code api}. */
final class Actors {
    /** The request attribute the auth middleware will set. */
    static final String ATTRIBUTE = "kanade.actor";

    private Actors() {
    }

    static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE) instanceof String actor ? actor : "api";
    }
}
