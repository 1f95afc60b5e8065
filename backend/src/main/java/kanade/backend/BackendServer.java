package kanade.backend;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import kanade.backend.agents.AgentService;
import kanade.backend.api.ApiRoutes;
import kanade.backend.auth.AuthModule;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.nats.NatsUrls;
import kanade.backend.api.HttpApi;
import kanade.backend.api.RouteTable;
import kanade.backend.audit.AuditService;
import kanade.backend.audit.AuditSpoolRetrier;
import kanade.backend.health.FleetHealth;
import kanade.backend.health.HealthService;
import kanade.backend.health.IngestStats;
import kanade.backend.projection.HeartbeatIngest;
import kanade.backend.projection.Projections;
import kanade.backend.projection.StreamProjector;
import kanade.backend.store.AgentStore;
import kanade.backend.store.AuditStore;
import kanade.backend.store.Database;
import kanade.backend.store.DeadLetterStore;
import kanade.backend.store.ResultStore;
import kanade.backend.store.Retention;
import kanade.backend.store.StoredResult;
import kanade.backend.results.ResultService;
import kanade.backend.run.RunService;
import kanade.runtime.audit.AuditPolicy;
import kanade.runtime.audit.AuditPublisher;
import kanade.runtime.audit.AuditSpool;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.runtime.lifecycle.Component;
import kanade.runtime.lifecycle.ComponentStack;
import kanade.runtime.nats.NatsConnect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running backend, as components started in order and stopped in reverse ({@link ComponentStack}): database,
 * NATS connection (with the JetStream bootstrap), RESULTS and AUDIT projectors, heartbeat ingest, timers, retention,
 * the audit spool retrier, and the HTTP API last (first to stop, so no request arrives while intake winds down).
 */
public final class BackendServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendServer.class);

    private final BackendSettings settings;
    private final ComponentStack components;
    private final ResultStore results;
    private final StreamProjector<StoredResult> resultProjector;
    private final RouteTable routes;
    private final HttpApi http;

    private BackendServer(BackendSettings settings, ComponentStack components, ResultStore results,
                          StreamProjector<StoredResult> resultProjector, RouteTable routes, HttpApi http) {
        this.settings = settings;
        this.components = components;
        this.results = results;
        this.resultProjector = resultProjector;
        this.routes = routes;
        this.http = http;
    }

    /** Opens everything; waits for the broker if it is not up yet. A part that fails to start stops the others. */
    public static BackendServer start(BackendSettings settings, Clock clock) throws Exception {
        LOG.info("opening database {}", settings.db().describe());
        Database db = Database.open(settings.db());
        Connection connection;
        try {
            connection = connect(settings);
        } catch (Exception e) {
            db.close();
            throw e;
        }
        ResultStore results = new ResultStore(db);
        AuditStore audit = new AuditStore(db);
        AgentStore agents = new AgentStore(db);
        DeadLetterStore deadLetters = new DeadLetterStore(db);
        var resultProjector = Projections.results(connection, db, results, deadLetters, settings.projectionBatch(), clock);
        var auditProjector = Projections.audit(connection, db, audit, deadLetters, settings.projectionBatch(), clock);
        var heartbeats = new HeartbeatIngest(connection, agents, clock, settings.heartbeatFlush(), 1000,
                FleetHealth.ACTIVE_WINDOW);
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("backend-timer").daemon(true).factory());
        Retention retention = new Retention(results, audit, settings.keepResults(), settings.keepAudit(), clock);
        AuditPolicy auditPolicy = new AuditPolicy(new AuditPublisher(connection, clock),
                new AuditSpool(settings.auditSpoolDir()), clock);
        AuditSpoolRetrier auditRetrier = new AuditSpoolRetrier(auditPolicy);
        FleetHealth health = new FleetHealth(connection, settings.layout(), agents, results, clock);
        IngestStats ingest = new IngestStats(resultProjector, auditProjector, heartbeats);
        AuthModule auth = AuthModule.create(settings.auth(), db, settings.dataDir(), settings.loopbackOnly(),
                auditPolicy, clock);
        RouteTable routes = ApiRoutes.all(new ApiRoutes.Services(new HealthService(health, ingest),
                new AgentService(agents, connection, auditPolicy), new ResultService(results), new AuditService(audit),
                new RunService(connection, auditPolicy, clock), auth), clock);
        HttpApi[] http = new HttpApi[1];
        ComponentStack components = new ComponentStack("kanade-backend", List.of(
                Component.of("database", auth.seedAdmin()::run, db::close),
                Component.of("nats", () -> bootstrap(connection, settings),
                        () -> connection.drain(Duration.ofSeconds(5)).get()),
                Component.of("results projector", resultProjector::start, resultProjector::close),
                Component.of("audit projector", auditProjector::start, auditProjector::close),
                Component.of("heartbeat ingest", heartbeats::start, heartbeats::close),
                Component.of("timers", Component::nothing, timers::shutdownNow),
                Component.of("retention", () -> retention.start(timers, Duration.ofHours(1)), retention::close),
                Component.of("audit spool", () -> auditRetrier.start(timers, AuditSpoolRetrier.DEFAULT_EVERY),
                        auditRetrier::close),
                Component.of("http", () -> http[0] = HttpApi.start(settings.httpHost(), settings.httpPort(), routes,
                        auth.guard()),
                        () -> http[0].close())));
        components.start();
        LOG.info("kanade-backend listening on http://{}:{}", settings.httpHost(), http[0].port());
        return new BackendServer(settings, components, results, resultProjector, routes, http[0]);
    }

    private static Connection connect(BackendSettings settings) throws Exception {
        Options options = NatsConnect.baseOptions(settings.natsUrl(), settings.natsCredentials(), BrokerRole.BACKEND,
                        "kanade-backend")
                .maxReconnects(-1).reconnectWait(Duration.ofSeconds(1)).reconnectJitter(Duration.ofMillis(500)).build();
        LOG.info("connecting to {} ({})", NatsUrls.masked(settings.natsUrl()), settings.natsCredentials().describe());
        return Nats.connectReconnectOnConnect(options);
    }

    private static void bootstrap(Connection connection, BackendSettings settings) throws Exception {
        List<JetStreamBootstrap.Change> changes = new JetStreamBootstrap(connection, settings.layout()).apply();
        changes.stream().filter(c -> !c.action().equals("ok"))
                .forEach(c -> LOG.info("jetstream {} {}: {} {}", c.kind(), c.name(), c.action(), c.detail()));
    }

    /** What it was started with (tests read the static service token from it). */
    public BackendSettings settings() {
        return settings;
    }

    /** The HTTP port bound. */
    public int httpPort() {
        return http.port();
    }

    /** The HTTP route table (every route the API serves). */
    public RouteTable routes() {
        return routes;
    }

    /** The result store (benchmarks count rows through it). */
    public ResultStore results() {
        return results;
    }

    /** The RESULTS projector (for its counters). */
    public StreamProjector<StoredResult> resultProjector() {
        return resultProjector;
    }

    /** Stops the components in reverse order (HTTP first, the database last); idempotent. */
    @Override
    public void close() throws Exception {
        components.stop();
        LOG.info("kanade-backend stopped");
    }
}
