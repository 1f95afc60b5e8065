package kanade.backend.api;

import java.time.Duration;
import java.util.List;
import kanade.backend.auth.ApiToken;
import kanade.backend.auth.TokenService;
import kanade.protocol.time.HumanDuration;

/** Admin: named API tokens for automation. GET/POST /api/tokens, DELETE /api/tokens/{name}. */
final class TokenRoutes {
    private TokenRoutes() {
    }

    static List<Route> routes(TokenService tokens) {
        return List.of(
                Route.get("/api/tokens").api(Role.ADMIN, "Named API tokens (never their secrets), optionally of one"
                                + " account")
                        .query("username")
                        .replies(Reply.jsonList(ApiToken.class, "The tokens, by name"))
                        .errors(ErrorCode.INVALID_PARAMETER)
                        .handle(ctx -> ctx.json(tokens.list(QueryParams.text(ctx, "username")))),
                Route.post("/api/tokens").api(Role.ADMIN, "Create a named token for an account (default: the caller),"
                                + " optionally expiring (expires_in: 90d). The reply is the only time the token is shown")
                        .body(AuthRequests.CreateToken.class)
                        .replies(Reply.json(201, TokenService.CreatedToken.class, "The token, shown once"))
                        .errors(ErrorCode.INVALID_BODY, ErrorCode.INVALID_PARAMETER, ErrorCode.ACCOUNT_NOT_FOUND,
                                ErrorCode.CONFLICT, ErrorCode.AUDIT_UNAVAILABLE)
                        .handle(ctx -> {
                            var req = RequestBodies.parse(ctx, AuthRequests.CreateToken.class);
                            ctx.status(201).json(tokens.create(AccountRoutes.caller(ctx), req.name(), req.username(),
                                    lifetime(req.expiresIn())));
                        }),
                Route.delete("/api/tokens/{name}").api(Role.ADMIN, "Revoke a token at once (audited)")
                        .replies(Reply.empty(204, "Revoked"))
                        .errors(ErrorCode.TOKEN_NOT_FOUND)
                        .handle(ctx -> {
                            tokens.revoke(AccountRoutes.caller(ctx), ctx.pathParam("name"));
                            ctx.status(204);
                        }));
    }

    private static Duration lifetime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return HumanDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "expires_in: " + e.getMessage());
        }
    }
}
