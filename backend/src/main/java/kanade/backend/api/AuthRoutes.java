package kanade.backend.api;

import java.util.List;
import kanade.backend.auth.Identity;
import kanade.backend.auth.LoginService;

/** POST /api/auth/login (public), GET /api/auth/me, POST /api/auth/change-password. */
final class AuthRoutes {
    /** GET /api/auth/me: who the token belongs to. */
    public record Me(String username, String role, String via, boolean mustChangePw) {
    }

    private AuthRoutes() {
    }

    static List<Route> routes(LoginService logins) {
        return List.of(
                Route.post("/api/auth/login").api(Role.PUBLIC, "Exchange username and password for a session token"
                                + " (12 h). Every failure is the same 401; repeated failures lock the account name and"
                                + " the source address for a while (429 with Retry-After)")
                        .body(AuthRequests.Login.class)
                        .replies(Reply.json(LoginService.LoginReply.class, "The token, the role, whether the"
                                + " password must be changed first, and exp (epoch seconds)"))
                        .errors(ErrorCode.INVALID_BODY, ErrorCode.UNAUTHORIZED, ErrorCode.TOO_MANY_ATTEMPTS)
                        .handle(ctx -> {
                            var req = RequestBodies.parse(ctx, AuthRequests.Login.class);
                            try {
                                ctx.json(logins.login(req.username(), req.password(), ctx.ip()));
                            } catch (LoginService.LockedOut e) {
                                ctx.header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
                                throw new ApiException(ErrorCode.TOO_MANY_ATTEMPTS, e.getMessage());
                            }
                        }),
                Route.get("/api/auth/me").api(Role.VIEWER, "The caller: name, role and how it authenticated")
                        .replies(Reply.json(Me.class, "The caller"))
                        .errors()
                        .handle(ctx -> {
                            Identity me = Actors.identity(ctx, Identity.class);
                            ctx.json(new Me(me.name(), me.role().wireName(),
                                    me.kind().name().toLowerCase(java.util.Locale.ROOT), me.mustChangePw()));
                        }),
                Route.post("/api/auth/change-password").api(Role.VIEWER, "Change the caller's own password (audited);"
                                + " clears must_change_pw")
                        .body(AuthRequests.ChangePassword.class)
                        .replies(Reply.empty(204, "Changed"))
                        .errors(ErrorCode.INVALID_BODY, ErrorCode.INVALID_PARAMETER, ErrorCode.BAD_REQUEST,
                                ErrorCode.AUDIT_UNAVAILABLE)
                        .handle(ctx -> {
                            var req = RequestBodies.parse(ctx, AuthRequests.ChangePassword.class);
                            logins.changePassword(Actors.identity(ctx, Identity.class), req.oldPassword(),
                                    req.newPassword());
                            ctx.status(204);
                        }));
    }
}
