package kanade.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the external programs fixtures start (nats-server, PostgreSQL's bin dir). */
public final class Executables {
    private Executables() {
    }

    /** The nats-server binary: $KANADE_NATS_SERVER, /usr/sbin/nats-server, or the PATH. */
    public static Path natsServer() {
        String override = System.getenv("KANADE_NATS_SERVER");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return firstExecutable(List.of(Path.of("/usr/sbin/nats-server"), Path.of("/usr/bin/nats-server")))
                .or(() -> onPath("nats-server"))
                .orElseThrow(() -> new IllegalStateException(
                        "nats-server not found; `bin/kanade-dev test` installs Debian's nats-server, "
                                + "or set KANADE_NATS_SERVER to its path"));
    }

    /** The newest /usr/lib/postgresql/N/bin directory. */
    public static Path postgresBinDir() {
        Path root = Path.of("/usr/lib/postgresql");
        File[] versions = root.toFile().listFiles(File::isDirectory);
        return Optional.ofNullable(versions).stream().flatMap(Arrays::stream)
                .map(File::toPath)
                .filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                .max(Comparator.comparingInt(Executables::majorVersion))
                .map(p -> p.resolve("bin"))
                .orElseThrow(() -> new IllegalStateException(
                        "PostgreSQL not found under /usr/lib/postgresql; `bin/kanade-dev test` installs Debian's postgresql"));
    }

    private static int majorVersion(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<Path> firstExecutable(List<Path> candidates) {
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
