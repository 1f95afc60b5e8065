package kanade.testkit;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.protocol.broker.BrokerRole;

/**
 * A real nats-server child process with JetStream on a free loopback port, configured through a file (Debian's
 * 2.9 only takes JetStream limits from one). Runs with the product's broker roles unless told otherwise
 * ({@link BrokerAuth}); clients connect with {@link #options(BrokerRole)}. Can be stopped, killed and restarted on
 * the same port, store and credentials. The monitoring port is test-only (readiness and /varz readings).
 */
public final class NatsServer implements AutoCloseable {
    /** Memory and file store limits; sized for the sum of Kanade's stream limits in tests. */
    public record Limits(long maxMemoryBytes, long maxFileBytes) {
        public static final Limits TEST = new Limits(256L << 20, 4L << 30);
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final Path dir;
    private final int port;
    private final int monitorPort;
    private final Limits limits;
    private final BrokerAuth auth;
    private final List<String> extraConfig;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Process process;

    private NatsServer(Path dir, int port, int monitorPort, Limits limits, BrokerAuth auth, List<String> extraConfig) {
        this.dir = dir;
        this.port = port;
        this.monitorPort = monitorPort;
        this.limits = limits;
        this.auth = Objects.requireNonNull(auth, "auth");
        this.extraConfig = List.copyOf(extraConfig);
    }

    /**
     * Starts a server with JetStream and freshly generated broker roles under {@code dir}, on free ports, and waits
     * until it is healthy.
     */
    public static NatsServer start(Path dir) {
        return start(dir, Limits.TEST);
    }

    /** Like {@link #start(Path)} with other JetStream limits. */
    public static NatsServer start(Path dir, Limits limits) {
        return start(dir, limits, BrokerAuth.Roles.generate(), List.of());
    }

    /** Starts a server with the given limits, client auth and extra config lines. */
    public static NatsServer start(Path dir, Limits limits, BrokerAuth auth, List<String> extraConfig) {
        NatsServer server = new NatsServer(dir, FreePorts.next(), FreePorts.next(), limits, auth, extraConfig);
        Runtime.getRuntime().addShutdownHook(new Thread(server::kill, "nats-server-reaper"));
        server.launch();
        return server;
    }

    /** {@code nats://127.0.0.1:<port>}. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** The client port. */
    public int port() {
        return port;
    }

    /** Where its config, log and store live. */
    public Path dir() {
        return dir;
    }

    /** The HTTP monitoring base URL (test-only: shipped configs have no monitoring port). */
    public String monitorUrl() {
        return "http://127.0.0.1:" + monitorPort;
    }

    /** How clients authenticate. */
    public BrokerAuth auth() {
        return auth;
    }

    /** The role credentials; fails for a server that does not run with the broker roles. */
    public BrokerAuth.Roles roles() {
        return auth.roles();
    }

    /** Client options for this server as {@code role}: its credential and inbox prefix; callers add the rest. */
    public Options.Builder options(BrokerRole role) {
        return auth.applyTo(Options.builder().server(url()), role);
    }

    /** A connection as {@code role} with jnats' defaults otherwise. */
    public Connection connect(BrokerRole role) throws IOException, InterruptedException {
        return Nats.connect(options(role).build());
    }

    /** The OS process id, for CPU and RSS readings. */
    public long pid() {
        return process.pid();
    }

    /** Whether the server process is running. */
    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Stops the server gracefully (SIGTERM). */
    public void stop() {
        ChildProcesses.stop(process, Duration.ofSeconds(10));
    }

    /** Kills the server with SIGKILL. */
    public void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the server again on the same ports and store dir (after {@link #stop()} or {@link #kill()}). */
    public void restart() {
        if (isRunning()) {
            stop();
        }
        launch();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop();
        }
    }

    private void launch() {
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("nats-server.conf");
            Files.writeString(conf, configText());
            ownerOnly(conf);
            Path log = dir.resolve("nats-server.log");
            process = new ProcessBuilder(Executables.natsServer().toString(), "-c", conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!ChildProcesses.awaitTrue(this::healthy, READY_TIMEOUT)) {
                String tail = Files.exists(log) ? Files.readString(log) : "";
                stop();
                throw new IllegalStateException("nats-server on port " + port + " was not healthy within "
                        + READY_TIMEOUT.toSeconds() + "s; log:\n" + tail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start nats-server in " + dir, e);
        }
    }

    /** The config holds the role passwords: readable by the owner only where the file system says so. */
    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private boolean healthy() {
        if (process == null || !process.isAlive()) {
            return false;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(monitorUrl() + "/healthz?js-enabled-only=true")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("ok");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String configText() {
        List<String> lines = new ArrayList<>();
        lines.add("listen: 127.0.0.1:" + port);
        lines.add("http: 127.0.0.1:" + monitorPort);
        lines.add("max_payload: 1MB");
        lines.add("jetstream {");
        lines.add("  store_dir: \"" + dir.resolve("store").toAbsolutePath() + "\"");
        lines.add("  max_memory_store: " + limits.maxMemoryBytes());
        lines.add("  max_file_store: " + limits.maxFileBytes());
        lines.add("}");
        lines.addAll(auth.configLines());
        lines.addAll(extraConfig);
        return String.join("\n", lines) + "\n";
    }
}
