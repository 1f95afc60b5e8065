package kanade.backend.api;

import io.javalin.config.JavalinConfig;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import kanade.protocol.wire.Json;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP server's own error answers (a request it refuses before any route sees it: a malformed or ambiguous URI,
 * an over-long request line or header block, a bad Host header) as the API's {@code {"error":{"code","message"}}}
 * envelope, whatever the client accepts. The message is ours: the server's own reason is kept only when it is short
 * plain text that names nothing internal.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,:'()/_-]{1,100}");
    private static final Pattern INTERNAL = Pattern.compile("jetty|java|javalin|kanade|exception|\\w+\\.\\w+\\.",
            Pattern.CASE_INSENSITIVE);

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ERROR_MESSAGE);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            reason = reason == null ? http.getReason() : reason;
        }
        if (status < 400 || status > 599) {
            status = HttpStatus.BAD_REQUEST_400;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        ErrorCode code = ApiErrors.fromStatus(status);
        byte[] body = Json.encode(new ErrorBody(new ErrorBody.Error(code.code(), message(status, reason))));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Answers the server's own errors, in and outside the servlet context, and refuses ambiguous URIs. */
    static void install(JavalinConfig cfg) {
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.modifyHttpConfiguration(http -> {
            // Javalin relaxes this to LEGACY: an API has no use for '..', encoded '/' or '\' or empty segments
            http.setUriCompliance(UriCompliance.DEFAULT);
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
    }

    /** Our message for {@code status}, with the server's {@code reason} when it is plain and names nothing internal. */
    static String message(int status, String reason) {
        String ours = switch (status) {
            case 400 -> "the request is malformed; check the URI (percent-encoding, no '..', no encoded '/', '\\' or"
                    + " control characters), the Host header and the body framing";
            case 404 -> "no such path; see /api/openapi.json";
            case 405 -> "method not allowed; see /api/openapi.json";
            case 408 -> "the request was not received in time";
            case 413 -> "the request body is too large";
            case 414 -> "the request URI is too long; send long values in a POST body";
            case 431 -> "the request headers are too large";
            case 505 -> "only HTTP/1.1 is served";
            default -> status >= 500 ? "internal error; see the backend log" : "the request was refused";
        };
        boolean plain = reason != null && PLAIN_REASON.matcher(reason).matches() && !INTERNAL.matcher(reason).find()
                && !reason.equalsIgnoreCase(HttpStatus.getMessage(status));
        return plain ? ours + " (" + reason + ")" : ours;
    }
}
