package kanade.runtime.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** The {@code [log]} section shared by agent.toml and backend.toml. {@code keep_days = 0} logs to stdout only. */
public record LogConfig(Path path, String level, Integer keepDays) {
    public static final String DEFAULT_LEVEL = "info";
    public static final int DEFAULT_KEEP_DAYS = 14;
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    public LogConfig {
        level = level == null ? DEFAULT_LEVEL : level.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("level '" + level + "' is not one of " + String.join(", ", LEVELS.stream().sorted().toList()));
        }
        keepDays = keepDays == null ? DEFAULT_KEEP_DAYS : keepDays;
        if (keepDays < 0) {
            throw new IllegalArgumentException("keep_days must be >= 0 (0 = stdout only)");
        }
    }

    /** Defaults: no file, level info, 14 days. */
    public static LogConfig defaults() {
        return new LogConfig(null, null, null);
    }
}
