package kanade.sim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kanade.testkit.ChildProcesses;
import kanade.testkit.FreePorts;

/** A real kanade-backend child process (bin/kanade-backend) on SQLite, for benchmarks; its pid gives CPU and RSS. */
public final class BackendProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path sqlite;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BackendProcess(Process process, int port, Path sqlite) {
        this.process = process;
        this.port = port;
        this.sqlite = sqlite;
    }

    /** Starts the backend against {@code natsUrl} with its database and log under {@code dir}; waits for /health. */
    public static BackendProcess start(Path dir, String natsUrl, double jetStreamScale) throws IOException {
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
                """.formatted(port, natsUrl, sqlite, jetStreamScale));
        ProcessBuilder pb = new ProcessBuilder(KanadeHome.launcher("kanade-backend").toString(), "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("backend.log").toFile());
        pb.environment().put("KANADE_NO_BUILD", "1");
        pb.environment().put("KANADE_JAVA_OPTS", System.getenv().getOrDefault("KANADE_BACKEND_JAVA_OPTS", "-Xmx2g"));
        BackendProcess backend = new BackendProcess(pb.start(), port, sqlite);
        Runtime.getRuntime().addShutdownHook(new Thread(backend.process::destroyForcibly));
        if (!ChildProcesses.awaitTrue(backend::healthy, Duration.ofSeconds(60))) {
            backend.close();
            throw new IllegalStateException("backend did not become healthy; see " + dir.resolve("backend.log"));
        }
        return backend;
    }

    /** The backend's pid. */
    public long pid() {
        return process.pid();
    }

    /** The SQLite file it writes. */
    public Path sqlitePath() {
        return sqlite;
    }

    /** Base URL of its HTTP API. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Rows in execution_results for {@code requestId}, via the API's X-Total-Count (-1 on error). */
    public long resultCount(String requestId) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url()
                    + "/api/results?limit=1&request_id=" + requestId)).GET()
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("X-Total-Count").map(Long::parseLong).orElse(-1L);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
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
        ChildProcesses.stop(process, Duration.ofSeconds(20));
    }
}
