package kanade.backend.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import kanade.runtime.audit.AuditUnavailableException;
import org.eclipse.jetty.http.HttpException;
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
            int clientError = clientError(e);
            if (clientError > 0) {
                // the HTTP server refused what the client sent (say, broken chunks in the body): not a 500
                write(ctx, fromStatus(clientError), JsonErrorHandler.message(clientError, null));
                return;
            }
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

    /** The 4xx status of the HTTP server's own refusal somewhere in {@code e}'s causes, else 0. */
    private static int clientError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode();
            }
        }
        return 0;
    }

    /** The code for a status the server or a library chose; unknown 4xx are bad_request, 5xx internal. */
    static ErrorCode fromStatus(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 408 -> ErrorCode.TIMEOUT;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 414 -> ErrorCode.URI_TOO_LONG;
            case 431 -> ErrorCode.HEADERS_TOO_LARGE;
            case 503 -> ErrorCode.BROKER_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
        };
    }
}
