package kanade.backend;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.backend.agents.AgentService;
import kanade.backend.api.ApiRoutes;
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
import kanade.runtime.nats.NatsConnect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running backend: database, NATS connection, JetStream bootstrap, projectors, heartbeat ingest, retention and
 * the HTTP API. Opens in that order; {@link #close()} stops HTTP first, then intake, then NATS, then the database.
 */
public final class BackendServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackendServer.class);

    private final Database db;
    private final Connection connection;
    private final StreamProjector<StoredResult> resultProjector;
    private final StreamProjector<?> auditProjector;
    private final HeartbeatIngest heartbeats;
    private final Retention retention;
    private final AuditSpoolRetrier auditRetrier;
    private final ScheduledExecutorService timers;
    private final HttpApi http;
    private final ResultStore results;
    private final RouteTable routes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BackendServer(Database db, Connection connection, StreamProjector<StoredResult> resultProjector,
                          StreamProjector<?> auditProjector, HeartbeatIngest heartbeats, Retention retention,
                          AuditSpoolRetrier auditRetrier, ScheduledExecutorService timers, HttpApi http,
                          ResultStore results, RouteTable routes) {
        this.auditRetrier = auditRetrier;
        this.routes = routes;
        this.db = db;
        this.connection = connection;
        this.resultProjector = resultProjector;
        this.auditProjector = auditProjector;
        this.heartbeats = heartbeats;
        this.retention = retention;
        this.timers = timers;
        this.http = http;
        this.results = results;
    }

    /** Opens everything; waits for the broker if it is not up yet. */
    public static BackendServer start(BackendSettings settings, Clock clock) throws Exception {
        LOG.info("opening database {}", settings.db().describe());
        Database db = Database.open(settings.db());
        Options options = NatsConnect.baseOptions(settings.natsUrl(), settings.natsToken(), "kanade-backend")
                .maxReconnects(-1).reconnectWait(Duration.ofSeconds(1)).reconnectJitter(Duration.ofMillis(500)).build();
        LOG.info("connecting to {}", settings.natsUrl());
        Connection connection = Nats.connectReconnectOnConnect(options);
        List<JetStreamBootstrap.Change> changes = new JetStreamBootstrap(connection, settings.layout()).apply();
        changes.stream().filter(c -> !c.action().equals("ok"))
                .forEach(c -> LOG.info("jetstream {} {}: {} {}", c.kind(), c.name(), c.action(), c.detail()));
        ResultStore results = new ResultStore(db);
        AuditStore audit = new AuditStore(db);
        AgentStore agents = new AgentStore(db);
        DeadLetterStore deadLetters = new DeadLetterStore(db);
        var resultProjector = Projections.results(connection, db, results, deadLetters, settings.projectionBatch(), clock).start();
        var auditProjector = Projections.audit(connection, db, audit, deadLetters, settings.projectionBatch(), clock).start();
        var heartbeats = new HeartbeatIngest(connection, agents, clock, settings.heartbeatFlush(), 1000,
                FleetHealth.ACTIVE_WINDOW).start();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("backend-timer").daemon(true).factory());
        Retention retention = new Retention(results, audit, settings.keepResults(), settings.keepAudit(), clock)
                .start(timers, Duration.ofHours(1));
        FleetHealth health = new FleetHealth(connection, settings.layout(), agents, results, clock);
        IngestStats ingest = new IngestStats(resultProjector, auditProjector, heartbeats);
        AuditPolicy auditPolicy = new AuditPolicy(new AuditPublisher(connection, clock),
                new AuditSpool(settings.auditSpoolDir()), clock);
        AuditSpoolRetrier auditRetrier = new AuditSpoolRetrier(auditPolicy).start(timers, AuditSpoolRetrier.DEFAULT_EVERY);
        RouteTable routes = ApiRoutes.all(new ApiRoutes.Services(new HealthService(health, ingest),
                new AgentService(agents, connection, auditPolicy), new ResultService(results), new AuditService(audit),
                new RunService(connection, auditPolicy, clock)), clock);
        HttpApi http = HttpApi.start(settings.httpHost(), settings.httpPort(), routes);
        LOG.info("kanade-backend listening on http://{}:{}", settings.httpHost(), http.port());
        return new BackendServer(db, connection, resultProjector, auditProjector, heartbeats, retention, auditRetrier,
                timers, http, results, routes);
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

    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Exception> failures = new ArrayList<>();
        run(failures, http::close);
        run(failures, retention::close);
        run(failures, auditRetrier::close);
        run(failures, timers::shutdownNow);
        run(failures, resultProjector::close);
        run(failures, auditProjector::close);
        run(failures, heartbeats::close);
        run(failures, () -> connection.drain(Duration.ofSeconds(5)).get());
        run(failures, db::close);
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        LOG.info("kanade-backend stopped");
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void run(List<Exception> failures, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            failures.add(e);
        }
    }
}
