package kanade.backend.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import kanade.backend.api.Actors;
import kanade.backend.api.ApiException;
import kanade.backend.api.ErrorCode;
import kanade.backend.api.Role;
import kanade.backend.api.Route;
import kanade.backend.api.RouteGuard;
import kanade.runtime.audit.AuditPolicy;

/**
 * The route guard of the API: refuses cross-site requests to /api/* and bodies that are not JSON, authenticates
 * every non-public route ({@link Authenticator}), holds a session whose password must change to the two routes that
 * change it, and compares the caller's role with the route's least role. A refusal for role is audited (actor,
 * route, source address) before it is answered.
 */
public final class AccessGuard implements RouteGuard {
    private static final Set<String> WHILE_PASSWORD_MUST_CHANGE = Set.of("GET /api/auth/me",
            "POST /api/auth/change-password");
    private final Authenticator authenticator;
    private final AuditPolicy audit;

    public AccessGuard(Authenticator authenticator, AuditPolicy audit) {
        this.authenticator = authenticator;
        this.audit = audit;
    }

    @Override
    public void admit(Context ctx, Route route) {
        if (route.path().startsWith("/api/")) {
            SameOrigin.require(ctx);
        }
        if (route.requestBody() != null) {
            requireJson(ctx);
        }
        if (route.role() == Role.PUBLIC) {
            return;
        }
        Identity identity = switch (authenticator.authenticate(ctx.header("Authorization"))) {
            case AuthResult.Authenticated ok -> ok.identity();
            case AuthResult.Refused refused -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"kanade\"");
                throw new ApiException(refused.unavailable() ? ErrorCode.AUTH_UNAVAILABLE : ErrorCode.UNAUTHORIZED,
                        refused.message());
            }
        };
        String key = route.method().name() + " " + route.path();
        if (identity.mustChangePw() && !WHILE_PASSWORD_MUST_CHANGE.contains(key)) {
            throw new ApiException(ErrorCode.PASSWORD_CHANGE_REQUIRED, identity.name() + " must change the password "
                    + "first: POST /api/auth/change-password (or `kanade login`, which asks for a new one)");
        }
        if (!route.role().allows(identity.role())) {
            audit.emergency(identity.name(), "auth_forbidden", key, JsonNodeFactory.instance.objectNode()
                    .put("source", ctx.ip()).put("required", route.role().wireName())
                    .put("role", identity.role().wireName()));
            throw new ApiException(ErrorCode.FORBIDDEN, key + " needs the " + route.role().wireName() + " role; "
                    + identity.name() + " is " + identity.role().wireName());
        }
        Actors.set(ctx, identity.name(), identity);
    }

    private static void requireJson(Context ctx) {
        // the raw header: Javalin's contentType() parses the charset and throws for an unknown one
        String header = ctx.header("Content-Type");
        String type = header == null ? "" : header.toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        if (!mediaType.equals("application/json")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json"
                    + (mediaType.isEmpty() ? "" : ", not " + mediaType.replaceAll("[^a-z0-9.+/-]", "?")));
        }
    }
}
