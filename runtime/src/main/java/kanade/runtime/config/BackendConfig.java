package kanade.runtime.config;

import java.nio.file.Path;
import java.util.List;

/** backend.toml: {@code [server]}, {@code [nats]}, {@code [db]}, {@code [log]}. Secrets never live here. */
public record BackendConfig(Server server, Nats nats, Db db, LogConfig log, JetStream jetstream, Retention retention,
                            Projection projection) {

    public BackendConfig {
        server = server == null ? new Server(null) : server;
        nats = nats == null ? new Nats(null) : nats;
        db = db == null ? new Db(null, null, null) : db;
        log = log == null ? LogConfig.defaults() : log;
        jetstream = jetstream == null ? new JetStream(null, null) : jetstream;
        retention = retention == null ? new Retention(null, null) : retention;
        projection = projection == null ? new Projection(null) : projection;
    }

    /**
     * {@code [jetstream]}: {@code scale} multiplies every stream/bucket byte limit (1.0 = kanade's values: 3.8 GiB of
     * streams, 0.4 GiB of KV buckets and 1 GiB of agent releases, about 5.2 GiB in all, see
     * {@code JetStreamLayout.totalBytes()}).
     */
    public record JetStream(Double scale, Integer replicas) {
        public JetStream {
            scale = scale == null ? 1.0 : scale;
            replicas = replicas == null ? 1 : replicas;
            if (scale <= 0 || scale > 100) {
                throw new IllegalArgumentException("scale must be in (0, 100], e.g. 0.1 for a small broker");
            }
            if (replicas != 1 && replicas != 3 && replicas != 5) {
                throw new IllegalArgumentException("replicas must be 1, 3 or 5");
            }
        }
    }

    /** {@code [retention]}: days to keep results (30) and audit events (90) in the database. */
    public record Retention(Integer resultsDays, Integer auditDays) {
        public Retention {
            resultsDays = resultsDays == null ? 30 : resultsDays;
            auditDays = auditDays == null ? 90 : auditDays;
            if (resultsDays < 1 || auditDays < 1) {
                throw new IllegalArgumentException("results_days and audit_days must be >= 1");
            }
        }
    }

    /** {@code [projection]}: messages fetched and written per transaction (1000). */
    public record Projection(Integer batch) {
        public Projection {
            batch = batch == null ? 1000 : batch;
            if (batch < 1 || batch > 10_000) {
                throw new IllegalArgumentException("batch must be between 1 and 10000");
            }
        }
    }

    /** {@code [server]}: {@code bind} is host:port for the HTTP API and dashboard. */
    public record Server(String bind) {
        public static final String DEFAULT_BIND = "127.0.0.1:8080";

        public Server {
            bind = bind == null || bind.isBlank() ? DEFAULT_BIND : bind;
            int colon = bind.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("bind '" + bind + "' must be host:port, e.g. 127.0.0.1:8080");
            }
            try {
                int port = Integer.parseInt(bind.substring(colon + 1));
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bind '" + bind + "' has no valid port, e.g. 127.0.0.1:8080");
            }
        }

        /** The host part of {@code bind}. */
        public String host() {
            return bind.substring(0, bind.lastIndexOf(':'));
        }

        /** The port part of {@code bind}. */
        public int port() {
            return Integer.parseInt(bind.substring(bind.lastIndexOf(':') + 1));
        }
    }

    /** {@code [nats]}: the broker URL (the token comes from the secret store, never from here). */
    public record Nats(String url) {
        public Nats {
            url = url == null || url.isBlank() ? AgentConfig.Agent.DEFAULT_NATS_URL : url;
        }
    }

    /** {@code [db]}: SQLite by default; PostgreSQL when {@code postgres_url} is set (password from KANADE_DB_PASSWORD). */
    public record Db(Path sqlitePath, String postgresUrl, String user) {
        public static final Path DEFAULT_SQLITE_PATH = Path.of("./backend.db");

        public Db {
            sqlitePath = sqlitePath == null ? DEFAULT_SQLITE_PATH : sqlitePath;
            if (postgresUrl != null && !postgresUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("postgres_url must look like jdbc:postgresql://host:port/db");
            }
        }

        /** Whether PostgreSQL is configured. */
        public boolean usesPostgres() {
            return postgresUrl != null && !postgresUrl.isBlank();
        }
    }

    /** Warnings for deprecated keys (none yet). */
    public List<String> deprecationWarnings() {
        return List.of();
    }
}
