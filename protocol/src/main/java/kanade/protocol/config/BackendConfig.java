package kanade.protocol.config;

import java.nio.file.Path;
import java.util.List;

/** backend.toml: {@code [server]}, {@code [nats]}, {@code [db]}, {@code [log]}. Secrets never live here. */
public record BackendConfig(Server server, Nats nats, Db db, LogConfig log) {

    public BackendConfig {
        server = server == null ? new Server(null) : server;
        nats = nats == null ? new Nats(null) : nats;
        db = db == null ? new Db(null, null, null) : db;
        log = log == null ? LogConfig.defaults() : log;
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
