package kanade.backend;

import java.nio.file.Path;
import java.time.Duration;
import kanade.backend.store.DbSettings;
import kanade.runtime.config.BackendConfig;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.backend.auth.AuthSettings;
import kanade.runtime.nats.NatsCredentials;
import kanade.runtime.secret.Secret;

/**
 * Everything the backend needs, resolved from backend.toml plus secrets. Tests and benchmarks build it directly.
 * {@code dataDir} holds the backend's own files besides the database (the audit spool); it is the SQLite file's
 * directory, as backend.toml has no data_dir of its own.
 */
public record BackendSettings(String httpHost, int httpPort, String natsUrl, NatsCredentials natsCredentials, DbSettings db,
                              JetStreamLayout layout, int projectionBatch, Duration keepResults, Duration keepAudit,
                              Duration heartbeatFlush, Path dataDir, AuthSettings auth) {

    /** From a loaded backend.toml and the secrets it needs. */
    public static BackendSettings from(BackendConfig config, NatsCredentials natsCredentials, Secret dbPassword,
                                       AuthSettings auth) {
        JetStreamLayout scaled = JetStreamLayout.scaled(config.jetstream().scale());
        JetStreamLayout layout = new JetStreamLayout(scaled.streams(), scaled.buckets(), scaled.objectStores(),
                scaled.objectStoreMaxBytes(), config.jetstream().replicas());
        return new BackendSettings(config.server().host(), config.server().port(), config.nats().url(), natsCredentials,
                DbSettings.from(config.db(), dbPassword), layout, config.projection().batch(),
                Duration.ofDays(config.retention().resultsDays()), Duration.ofDays(config.retention().auditDays()),
                Duration.ofSeconds(1), dataDirOf(config.db().sqlitePath()), auth);
    }

    /**
     * Test and benchmark defaults: loopback on a free port, the given broker and database, small JetStream limits,
     * auth on with a random static service token (callers send {@code auth().staticToken()}) and JWT secret.
     */
    public static BackendSettings forTest(String natsUrl, DbSettings db) {
        return new BackendSettings("127.0.0.1", 0, natsUrl, NatsCredentials.none(), db, JetStreamLayout.scaled(0.01), 1000,
                Duration.ofDays(30), Duration.ofDays(90), Duration.ofMillis(200),
                db.sqlitePath() != null ? dataDirOf(db.sqlitePath())
                        : Path.of(System.getProperty("java.io.tmpdir"), "kanade-backend-" + java.util.UUID.randomUUID()),
                AuthSettings.defaults().withStaticToken(new Secret("test-" + java.util.UUID.randomUUID(), "test"))
                        .withJwtSecret(new Secret("test-jwt-" + java.util.UUID.randomUUID(), "test")));
    }

    /** A copy with another projection batch size. */
    public BackendSettings withProjectionBatch(int batch) {
        return new BackendSettings(httpHost, httpPort, natsUrl, natsCredentials, db, layout, batch, keepResults, keepAudit,
                heartbeatFlush, dataDir, auth);
    }

    /** A copy that connects to the broker with {@code credentials}. */
    public BackendSettings withNatsCredentials(NatsCredentials credentials) {
        return new BackendSettings(httpHost, httpPort, natsUrl, credentials, db, layout, projectionBatch, keepResults,
                keepAudit, heartbeatFlush, dataDir, auth);
    }

    /** A copy with other auth settings. */
    public BackendSettings withAuth(AuthSettings other) {
        return new BackendSettings(httpHost, httpPort, natsUrl, natsCredentials, db, layout, projectionBatch, keepResults,
                keepAudit, heartbeatFlush, dataDir, other);
    }

    /** Whether the HTTP server binds loopback only (auth may then be disabled for development). */
    public boolean loopbackOnly() {
        return httpHost.equals("127.0.0.1") || httpHost.equals("::1") || httpHost.equalsIgnoreCase("localhost");
    }

    /** Where spooled audit events of emergency stops wait until the AUDIT stream takes them. */
    public Path auditSpoolDir() {
        return dataDir.resolve("audit-spool");
    }

    private static Path dataDirOf(Path sqlitePath) {
        Path parent = sqlitePath.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }
}
