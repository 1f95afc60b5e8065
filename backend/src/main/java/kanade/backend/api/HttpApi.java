package kanade.backend.api;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.protocol.wire.Json;

/** The backend's HTTP server (Javalin on virtual threads): one route table, one error handler. */
public final class HttpApi implements AutoCloseable {
    private final Javalin app;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpApi(Javalin app) {
        this.app = app;
    }

    /** Starts listening on {@code host:port} (port 0 = any free port); every route is behind {@code guard}. */
    public static HttpApi start(String host, int port, RouteTable routes, RouteGuard guard) {
        Javalin app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), true));
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 1_000_000L;
            cfg.http.prefer405over404 = true;
            JsonErrorHandler.install(cfg);
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            ApiErrors.install(cfg);
            cfg.routes.beforeMatched(QueryParams::requireWellFormed);
            routes.register(cfg, guard);
        });
        app.start();
        return new HttpApi(app);
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    /** Stops taking requests and finishes those in flight. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            app.stop();
        }
    }
}
