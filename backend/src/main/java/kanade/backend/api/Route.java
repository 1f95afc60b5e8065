package kanade.backend.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One HTTP route and everything /api/openapi.json says about it: method, path, kind, least role, summary, query
 * parameters, request body type, its answers and every error code it can answer, and the handler. Built with
 * {@link #get}, {@link #post}, {@link #patch} and {@link #delete}, whose stages make role, answers and errors impossible to leave out.
 */
public record Route(HandlerType method, String path, RouteKind kind, Role role, String summary, List<String> queryParams,
                    Class<?> requestBody, List<Reply> replies, Set<ErrorCode> errors, Handler handler) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(handler, "handler");
        queryParams = List.copyOf(queryParams);
        replies = List.copyOf(replies);
        errors = errors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(errors));
        if (replies.isEmpty()) {
            throw new IllegalArgumentException(method + " " + path + " declares no reply");
        }
    }

    /**
     * Every error the route can answer: its own, 500 internal, and the route guard's: 401/403/503 for the
     * authentication step unless public, 415 for a body that is not JSON, 403 for a cross-site request to /api/*.
     */
    public Set<ErrorCode> allErrors() {
        EnumSet<ErrorCode> all = EnumSet.of(ErrorCode.INTERNAL);
        all.addAll(errors);
        if (role != Role.PUBLIC) {
            all.addAll(EnumSet.of(ErrorCode.UNAUTHORIZED, ErrorCode.FORBIDDEN, ErrorCode.PASSWORD_CHANGE_REQUIRED,
                    ErrorCode.AUTH_UNAVAILABLE));
        }
        if (requestBody != null) {
            all.add(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (path.startsWith("/api/")) {
            all.add(ErrorCode.CROSS_SITE_REQUEST);
        }
        return all;
    }

    /** Starts a GET route. */
    public static Stages.NeedsRole get(String path) {
        return new Builder(HandlerType.GET, path);
    }

    /** Starts a POST route. */
    public static Stages.NeedsRole post(String path) {
        return new Builder(HandlerType.POST, path);
    }

    /** Starts a PATCH route. */
    public static Stages.NeedsRole patch(String path) {
        return new Builder(HandlerType.PATCH, path);
    }

    /** Starts a DELETE route. */
    public static Stages.NeedsRole delete(String path) {
        return new Builder(HandlerType.DELETE, path);
    }

    /** The builder's stages: role, then summary and optional details, then replies, then errors, then the handler. */
    public interface Stages {
        /** Needs the least role. */
        interface NeedsRole {
            /** A JSON route for callers holding at least {@code role}. */
            Details api(Role role, String summary);

            /** An HTML page for callers holding at least {@code role}. */
            Details page(Role role, String summary);
        }

        /** Optional query parameters and body; then the replies. */
        interface Details {
            /** The query parameters it reads. */
            Details query(String... names);

            /** The JSON request body, parsed into {@code type}. */
            Details body(Class<?> type);

            /** Every non-error answer. */
            NeedsErrors replies(Reply first, Reply... more);
        }

        /** Needs the error codes. */
        interface NeedsErrors {
            /** Every error code the route can answer besides 500 internal (none: call with no arguments). */
            NeedsHandler errors(ErrorCode... codes);
        }

        /** Needs the handler. */
        interface NeedsHandler {
            /** The finished route. */
            Route handle(Handler handler);
        }
    }

    private static final class Builder implements Stages.NeedsRole, Stages.Details, Stages.NeedsErrors,
            Stages.NeedsHandler {
        private final HandlerType method;
        private final String path;
        private RouteKind kind;
        private Role role;
        private String summary;
        private List<String> query = List.of();
        private Class<?> body;
        private List<Reply> replies;
        private Set<ErrorCode> errors;

        Builder(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        @Override
        public Stages.Details api(Role role, String summary) {
            return start(RouteKind.API, role, summary);
        }

        @Override
        public Stages.Details page(Role role, String summary) {
            return start(RouteKind.PAGE, role, summary);
        }

        private Stages.Details start(RouteKind kind, Role role, String summary) {
            this.kind = kind;
            this.role = role;
            this.summary = summary;
            return this;
        }

        @Override
        public Stages.Details query(String... names) {
            this.query = List.of(names);
            return this;
        }

        @Override
        public Stages.Details body(Class<?> type) {
            this.body = Objects.requireNonNull(type, "type");
            return this;
        }

        @Override
        public Stages.NeedsErrors replies(Reply first, Reply... more) {
            List<Reply> all = new java.util.ArrayList<>();
            all.add(first);
            all.addAll(Arrays.asList(more));
            this.replies = all;
            return this;
        }

        @Override
        public Stages.NeedsHandler errors(ErrorCode... codes) {
            this.errors = codes.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(codes));
            return this;
        }

        @Override
        public Route handle(Handler handler) {
            return new Route(method, path, kind, role, summary, query, body, replies, errors, handler);
        }
    }
}
