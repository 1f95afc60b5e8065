package kanade.backend.api;

import io.javalin.http.Context;

/** Who is calling: the name the route guard authenticated, else {@code api}; the caller's identity object. */
public final class Actors {
    /** The request attribute holding the caller's name (the actor in audit events). */
    public static final String ATTRIBUTE = "kanade.actor";
    /** The request attribute holding the guard's identity object. */
    public static final String IDENTITY = "kanade.identity";

    private Actors() {
    }

    static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE) instanceof String actor ? actor : "api";
    }

    /** Records the authenticated caller on the request. */
    public static void set(Context ctx, String name, Object identity) {
        ctx.attribute(ATTRIBUTE, name);
        ctx.attribute(IDENTITY, identity);
    }

    /** The identity the guard set, as {@code type}; an authenticated route always has one. */
    static <T> T identity(Context ctx, Class<T> type) {
        Object identity = ctx.attribute(IDENTITY);
        if (!type.isInstance(identity)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "no authenticated caller");
        }
        return type.cast(identity);
    }
}
