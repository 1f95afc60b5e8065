package kanade.backend.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import kanade.runtime.audit.AuditUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into {@code {"error":{"code","message"}}}: never a stack trace, unknown errors become 500 internal. */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void install(JavalinConfig cfg) {
        cfg.routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.code(), e.getMessage()));
        // the exception's message is written for clients; the broker's own error stays in its cause, logged by AuditPolicy
        cfg.routes.exception(AuditUnavailableException.class,
                (e, ctx) -> write(ctx, ErrorCode.AUDIT_UNAVAILABLE, e.getMessage()));
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromStatus(e.getStatus()),
                e.getStatus() == 404 ? "no route " + ctx.method() + " " + ctx.path() + "; see /api/openapi.json"
                        : e.getMessage()));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, ErrorCode.INTERNAL, "internal error; see the backend log");
        });
        cfg.routes.error(404, ctx -> {
            if (!ctx.result().contains("\"error\"")) {
                write(ctx, ErrorCode.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path() + "; see /api/openapi.json");
            }
        });
        cfg.routes.error(405, ctx -> write(ctx, ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path()));
    }

    static void write(Context ctx, ErrorCode code, String message) {
        ctx.status(code.status()).json(new ErrorBody(new ErrorBody.Error(code.code(), message)));
    }

    private static ErrorCode fromStatus(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 408 -> ErrorCode.TIMEOUT;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 503 -> ErrorCode.BROKER_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
        };
    }
}
