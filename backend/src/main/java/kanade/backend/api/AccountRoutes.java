package kanade.backend.api;

import java.util.List;
import kanade.backend.auth.AccountService;
import kanade.backend.auth.Identity;

/** Admin: GET/POST /api/accounts, GET/PATCH/DELETE /api/accounts/{username}. */
final class AccountRoutes {
    private AccountRoutes() {
    }

    static List<Route> routes(AccountService accounts) {
        return List.of(
                Route.get("/api/accounts").api(Role.ADMIN, "Every account (never a password hash)")
                        .replies(Reply.jsonList(AccountService.AccountView.class, "The accounts, by name"))
                        .errors()
                        .handle(ctx -> ctx.json(accounts.list())),
                Route.post("/api/accounts").api(Role.ADMIN, "Create an account (audited first); its password must be"
                                + " changed at first login; 409 when the name is taken")
                        .body(AuthRequests.CreateAccount.class)
                        .replies(Reply.json(201, AccountService.AccountView.class, "The new account"))
                        .errors(ErrorCode.INVALID_BODY, ErrorCode.INVALID_PARAMETER, ErrorCode.CONFLICT,
                                ErrorCode.AUDIT_UNAVAILABLE)
                        .handle(ctx -> {
                            var req = RequestBodies.parse(ctx, AuthRequests.CreateAccount.class);
                            ctx.status(201).json(accounts.create(caller(ctx), req.username(), req.password(),
                                    req.role()));
                        }),
                Route.get("/api/accounts/{username}").api(Role.ADMIN, "One account")
                        .replies(Reply.json(AccountService.AccountView.class, "The account"))
                        .errors(ErrorCode.ACCOUNT_NOT_FOUND)
                        .handle(ctx -> ctx.json(accounts.get(ctx.pathParam("username")))),
                Route.patch("/api/accounts/{username}").api(Role.ADMIN, "Change role, disabled, or reset the password"
                                + " (must be changed at next login); acts at once on existing tokens. The last enabled"
                                + " admin cannot be demoted or disabled (409 last_admin)")
                        .body(AuthRequests.UpdateAccount.class)
                        .replies(Reply.json(AccountService.AccountView.class, "The account after the change"))
                        .errors(ErrorCode.INVALID_BODY, ErrorCode.INVALID_PARAMETER, ErrorCode.ACCOUNT_NOT_FOUND,
                                ErrorCode.LAST_ADMIN, ErrorCode.AUDIT_UNAVAILABLE)
                        .handle(ctx -> {
                            var req = RequestBodies.parse(ctx, AuthRequests.UpdateAccount.class);
                            ctx.json(accounts.update(caller(ctx), ctx.pathParam("username"), req.role(),
                                    req.password(), req.disabled()));
                        }),
                Route.delete("/api/accounts/{username}").api(Role.ADMIN, "Delete an account and its API tokens"
                                + " (audited first); not the last enabled admin")
                        .replies(Reply.empty(204, "Deleted"))
                        .errors(ErrorCode.ACCOUNT_NOT_FOUND, ErrorCode.LAST_ADMIN, ErrorCode.AUDIT_UNAVAILABLE)
                        .handle(ctx -> {
                            accounts.delete(caller(ctx), ctx.pathParam("username"));
                            ctx.status(204);
                        }));
    }

    static Identity caller(io.javalin.http.Context ctx) {
        return Actors.identity(ctx, Identity.class);
    }
}
