package kanade.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A throwaway PostgreSQL cluster from Debian's packages: initdb into a temp dir (as the postgres user when running
 * as root), pg_ctl on a free loopback port, trust auth for user postgres. Can be stopped and started again.
 */
public final class PostgresServer implements AutoCloseable {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private final boolean fsync;
    private final Path bin;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresServer(Path dir, int port, boolean fsync) {
        this.dir = dir;
        this.port = port;
        this.fsync = fsync;
        this.bin = Executables.postgresBinDir();
    }

    /**
     * Creates and starts a cluster in a fresh directory under /tmp (readable by the postgres user; removed by
     * {@link #close()}); {@code fsync=false} is for tests only, never benchmarks.
     */
    public static PostgresServer start(boolean fsync) {
        Path dir;
        try {
            dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "kanade-pg-");
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a PostgreSQL directory", e);
        }
        PostgresServer server = new PostgresServer(dir, FreePorts.next(), fsync);
        server.initdb();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "postgres-reaper"));
        server.startCluster();
        return server;
    }

    /** The port it listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** The superuser name (trust auth, no password). */
    public String user() {
        return "postgres";
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database named {@code name}. */
    public void createDatabase(String name) {
        ChildProcesses.run(asPostgres(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "postgres", name)), dir.resolve("pg-admin.log"), COMMAND_TIMEOUT);
    }

    /** Drops the database named {@code name} (no connection may be open to it). */
    public void dropDatabase(String name) {
        ChildProcesses.run(asPostgres(List.of(bin.resolve("dropdb").toString(), "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "postgres", name)), dir.resolve("pg-admin.log"), COMMAND_TIMEOUT);
    }

    /** Dumps {@code database} with {@code pg_dump -Fc} into {@code file} (run as this user, so it can write there). */
    public void dump(String database, Path file) {
        ChildProcesses.run(List.of(bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "postgres", "-Fc", "-f", file.toString(), database), null, COMMAND_TIMEOUT);
    }

    /** Restores a {@code pg_dump -Fc} file into the existing, empty {@code database} with {@code pg_restore}. */
    public void restore(Path file, String database) {
        ChildProcesses.run(List.of(bin.resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "postgres", "--no-owner", "--exit-on-error", "-d", database, file.toString()), null,
                COMMAND_TIMEOUT);
    }

    /** The postmaster pid, for CPU and RSS readings, or -1. */
    public long pid() {
        try {
            Path pidFile = dir.resolve("data/postmaster.pid");
            return Files.exists(pidFile) ? Long.parseLong(Files.readAllLines(pidFile).get(0).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Stops the cluster (fast shutdown); {@link #startCluster()} brings it back with the same data. */
    public void stop() {
        ChildProcesses.run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                "-m", "fast", "-w", "stop")), dir.resolve("pg-admin.log"), COMMAND_TIMEOUT);
    }

    /** Starts the cluster and waits until it accepts connections. */
    public void startCluster() {
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                + (fsync ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        ChildProcesses.run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                "-l", dir.resolve("pg.log").toString(), "-o", options, "-w", "-t", "60", "start")),
                dir.resolve("pg-admin.log"), COMMAND_TIMEOUT);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopQuietly();
            TempDirs.deleteQuietly(dir);
        }
    }

    private void stopQuietly() {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                stop();
            }
        } catch (RuntimeException e) {
            // best effort at shutdown
        }
    }

    private void initdb() {
        try {
            Files.createDirectories(dir);
            if (isRoot()) {
                ChildProcesses.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), null, COMMAND_TIMEOUT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcesses.run(asPostgres(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")), null, COMMAND_TIMEOUT);
    }

    private List<String> asPostgres(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        out.addAll(command);
        return out;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
