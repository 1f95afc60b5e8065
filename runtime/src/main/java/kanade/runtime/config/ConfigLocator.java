package kanade.runtime.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds a program's config file in kanade's exact order: the {@code --config} flag (verbatim), then
 * {@code KANADE_AGENT_CONFIG} / {@code KANADE_BACKEND_CONFIG} when non-empty, then the system config dir
 * ({@code /etc/kanade} or {@code %ProgramData%\Kanade\config}) when the file exists. There is no cwd fallback.
 */
public final class ConfigLocator {
    private final Map<String, String> env;
    private final Path systemConfigDir;

    public ConfigLocator(Map<String, String> env, Path systemConfigDir) {
        this.env = Map.copyOf(env);
        this.systemConfigDir = systemConfigDir;
    }

    /** A locator for this machine's platform and environment. */
    public static ConfigLocator forPlatform(Map<String, String> env, OsFamily os) {
        return new ConfigLocator(env, systemConfigDir(env, os));
    }

    /** {@code /etc/kanade} on Linux, {@code %ProgramData%\Kanade\config} on Windows. */
    public static Path systemConfigDir(Map<String, String> env, OsFamily os) {
        if (os == OsFamily.WINDOWS) {
            return Path.of(env.getOrDefault("ProgramData", "C:\\ProgramData"), "Kanade", "config");
        }
        return Path.of("/etc/kanade");
    }

    /** The file to load, or a {@link ConfigException} listing all three ways to provide one. */
    public Path locate(ProgramName program, Path flagValue) {
        if (flagValue != null) {
            return flagValue;
        }
        String fromEnv = env.get(program.envVar());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path system = systemConfigDir.resolve(program.fileName());
        if (Files.isRegularFile(system)) {
            return system;
        }
        throw new ConfigException("no config file for " + program.command() + ". Provide one of:\n"
                + "  1. the --config <path> flag\n"
                + "  2. the " + program.envVar() + " environment variable (a path)\n"
                + "  3. a file at " + system + "\n"
                + "(the current directory is never searched)");
    }
}
