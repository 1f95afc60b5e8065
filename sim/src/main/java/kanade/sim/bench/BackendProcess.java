package kanade.sim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import kanade.sim.BrokerAccess;
import kanade.testkit.ChildProcesses;
import kanade.testkit.FreePorts;

/**
 * A real kanade-backend child process (bin/kanade-backend) on SQLite, for benchmarks; its pid gives CPU and RSS, and
 * the bench reads its database file directly (a cheap indexed count that does not load the backend).
 */
public final class BackendProcess implements BackendAccess {
    private final Process process;
    private final int port;
    private final Path sqlite;
    /** Its static service token, given to it through the environment (never argv). */
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Connection reader;

    private BackendProcess(Process process, String token, int port, Path sqlite) {
        this.process = process;
        this.token = token;
        this.port = port;
        this.sqlite = sqlite;
    }

    /**
     * Starts the backend against {@code broker} (its backend login through the environment) with its database and log
     * under {@code dir}; waits for /health.
     */
    public static BackendProcess start(Path dir, BrokerAccess broker, double jetStreamScale) throws IOException {
        return start(dir, broker, jetStreamScale, 0);
    }

    /** Like {@link #start(Path, BrokerAccess, double)} with {@code [projection] batch} set (0: the backend's default). */
    public static BackendProcess start(Path dir, BrokerAccess broker, double jetStreamScale, int projectionBatch)
            throws IOException {
        Files.createDirectories(dir);
        int port = FreePorts.next();
        Path sqlite = dir.resolve("backend.db");
        Path config = dir.resolve("backend.toml");
        Files.writeString(config, """
                [server]
                bind = '127.0.0.1:%d'
                [nats]
                url = '%s'
                [db]
                sqlite_path = '%s'
                [jetstream]
                scale = %s
                [log]
                level = 'warn'
                """.formatted(port, broker.url(), sqlite, jetStreamScale)
                + (projectionBatch > 0 ? "[projection]\nbatch = " + projectionBatch + "\n" : ""));
        ProcessBuilder pb = new ProcessBuilder(KanadeHome.launcher("kanade-backend").toString(), "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("backend.log").toFile()));
        pb.environment().put("KANADE_NO_BUILD", "1");
        pb.environment().put("KANADE_JAVA_OPTS", System.getenv().getOrDefault("KANADE_BACKEND_JAVA_OPTS", "-Xmx2g"));
        pb.environment().putAll(broker.backendEnv());
        String token = "bench-" + java.util.UUID.randomUUID();
        pb.environment().put("KANADE_AUTH_STATIC_TOKEN", token);
        BackendProcess backend = new BackendProcess(pb.start(), token, port, sqlite);
        Runtime.getRuntime().addShutdownHook(new Thread(backend.process::destroyForcibly));
        if (!ChildProcesses.awaitTrue(backend::healthy, Duration.ofSeconds(60))) {
            backend.close();
            throw new IllegalStateException("backend did not become healthy; see " + dir.resolve("backend.log"));
        }
        return backend;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /** Kills the backend with SIGKILL (nothing of it runs after this) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** The SQLite file it writes. */
    public Path sqlitePath() {
        return sqlite;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public long resultCount(String requestId) throws SQLException {
        return query("select count(*) from execution_results where request_id = ?", requestId).get(0);
    }

    @Override
    public long[] recordedAt(String requestId) throws SQLException {
        return query("select recorded_at from execution_results where request_id = ?", requestId).stream()
                .mapToLong(Long::longValue).toArray();
    }

    @Override
    public long distinctPcs(String requestId) throws SQLException {
        return query("select count(distinct pc_id) from execution_results where request_id = ?", requestId).get(0);
    }

    /** Results of {@code requestId} whose stdout was cut and flagged truncated. */
    public long truncatedCount(String requestId) throws SQLException {
        return query("select count(*) from execution_results where request_id = ? and stdout_truncated", requestId)
                .get(0);
    }

    private List<Long> query(String sql, String requestId) throws SQLException {
        if (reader == null) {
            reader = DriverManager.getConnection("jdbc:sqlite:" + sqlite + "?open_mode=1");
        }
        try (PreparedStatement q = reader.prepareStatement(sql)) {
            q.setString(1, requestId);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }

    @Override
    public String token() {
        return token;
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (SQLException e) {
            // read-only handle
        }
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }
}
