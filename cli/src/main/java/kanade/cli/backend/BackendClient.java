package kanade.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;
import kanade.protocol.wire.Json;
import picocli.CommandLine;

/**
 * The CLI's client of the backend's JSON API (java.net.http, the wire's Jackson mapper): sends the bearer token of
 * {@link BackendAccess}, turns API errors into {@link CliFailure}s ({@link ApiFailures}) and an unreachable backend
 * into {@code error[backend_unreachable]} naming the URL. Only commands that talk to the backend load it.
 */
public final class BackendClient implements AutoCloseable {
    /** What the backend answered: status, parsed body (missing when empty or not JSON), Retry-After. */
    public record Response(int status, JsonNode body, java.util.Optional<String> retryAfter) {
        /** Whether the status is 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** How long an ordinary call may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final BackendAccess access;
    private final HttpClient http;

    public BackendClient(BackendAccess access) {
        this.access = access;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client of the backend of the running command line, with its token. */
    public static BackendClient of(CommandLine.Model.CommandSpec spec) {
        return new BackendClient(BackendAccess.of(spec));
    }

    /** The backend and token this client uses. */
    public BackendAccess access() {
        return access;
    }

    /** GET {@code path}; the body of a 2xx answer. */
    public JsonNode get(String path) {
        return checked(exchange("GET", path, null, DEFAULT_TIMEOUT));
    }

    /** POST {@code body} as JSON to {@code path}; the body of a 2xx answer. */
    public JsonNode post(String path, Object body) {
        return post(path, body, DEFAULT_TIMEOUT);
    }

    /** POST {@code body} as JSON to {@code path}, waiting at most {@code timeout}; the body of a 2xx answer. */
    public JsonNode post(String path, Object body, Duration timeout) {
        return checked(exchange("POST", path, body, timeout));
    }

    /** PATCH {@code body} as JSON to {@code path}; the body of a 2xx answer. */
    public JsonNode patch(String path, Object body) {
        return checked(exchange("PATCH", path, body, DEFAULT_TIMEOUT));
    }

    /** DELETE {@code path}. */
    public void delete(String path) {
        checked(exchange("DELETE", path, null, DEFAULT_TIMEOUT));
    }

    /** The body of {@code response} when it is 2xx, else its error as a {@link CliFailure}. */
    public JsonNode checked(Response response) {
        if (!response.ok()) {
            throw ApiFailures.of(response.status(), response.body(), response.retryAfter(), access);
        }
        return response.body();
    }

    /** Sends one request and returns whatever status came back; only transport failures throw. */
    public Response exchange(String method, String path, Object body, Duration timeout) {
        return await(start(method, path, body, timeout), method + " " + path, timeout);
    }

    /** Starts one request without waiting for it; {@link #await} gets its answer. */
    public CompletableFuture<HttpResponse<String>> start(String method, String path, Object body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(access.url() + path)).timeout(timeout)
                .header("Accept", "application/json");
        access.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.encode(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Waits for a request {@link #start} sent ({@code what}, {@code timeout}: for messages); as {@link #exchange}. */
    public Response await(CompletableFuture<HttpResponse<String>> pending, String what, Duration timeout) {
        try {
            HttpResponse<String> response = pending.get();
            return new Response(response.statusCode(), parse(response.body()),
                    response.headers().firstValue("Retry-After"));
        } catch (ExecutionException e) {
            throw transport(e.getCause() == null ? e : e.getCause(), what, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            throw new CliFailure(ErrorCode.INTERRUPTED, "interrupted while waiting for the backend at "
                    + access.url(), e);
        }
    }

    private CliFailure transport(Throwable e, String what, Duration timeout) {
        return switch (e) {
            case HttpConnectTimeoutException c -> unreachable("cannot reach the backend at " + access.url(), c);
            case ConnectException c -> unreachable("cannot reach the backend at " + access.url(), c);
            case HttpTimeoutException t -> new CliFailure(ErrorCode.TIMEOUT, "the backend at " + access.url()
                    + " did not answer " + what + " within " + timeout.toSeconds() + " s", t);
            case IOException io -> unreachable("lost the connection to the backend at " + access.url(), io);
            default -> new CliFailure(ErrorCode.INTERNAL, "the request to the backend failed: " + e.getMessage()
                    + " (a bug in kanade; please report it with the command line)", e);
        };
    }

    @Override
    public void close() {
        http.close();
    }

    /** {@code value} as one URL path segment. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static CliFailure unreachable(String what, Throwable e) {
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? "connection refused" : e.getMessage();
        return new CliFailure(ErrorCode.BACKEND_UNREACHABLE, what + " (" + reason + "); check --backend-url / "
                + BackendAccess.URL_VAR + " and that kanade-backend is running", e);
    }
}
