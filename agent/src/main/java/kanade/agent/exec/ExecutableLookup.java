package kanade.agent.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Finds programs on the PATH (with Windows extensions), caching answers. */
public final class ExecutableLookup {
    private final String path;
    private final boolean windows;
    private final Map<String, Optional<Path>> cache = new ConcurrentHashMap<>();

    public ExecutableLookup(String path, boolean windows) {
        this.path = path == null ? "" : path;
        this.windows = windows;
    }

    /** A lookup over this process's PATH. */
    public static ExecutableLookup system() {
        return new ExecutableLookup(System.getenv("PATH"), File.separatorChar == '\\');
    }

    /** The full path of {@code name}, if it is installed. */
    public Optional<Path> find(String name) {
        return cache.computeIfAbsent(name, this::search);
    }

    private Optional<Path> search(String name) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String ext : windows ? new String[] {".exe", ".cmd", ""} : new String[] {""}) {
                Path candidate = Path.of(dir, name + ext);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
