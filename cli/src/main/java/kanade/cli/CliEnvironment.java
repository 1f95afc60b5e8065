package kanade.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import kanade.runtime.config.OsFamily;
import picocli.CommandLine;

/**
 * What the CLI reads from its surroundings, passed in once (tests pass their own): the environment variables, the
 * clock and standard input (passwords piped with {@code --password-stdin}). Commands reach it through
 * {@link #of(CommandLine.Model.CommandSpec)}.
 */
public record CliEnvironment(Map<String, String> env, OsFamily os, Clock clock, InputStream stdin) {
    /** Overrides the state dir (tests use a temp dir). */
    public static final String STATE_DIR_VAR = "KANADE_STATE_DIR";
    /** Overrides the config dir, where {@code kanade login} keeps its token. */
    public static final String CONFIG_DIR_VAR = "KANADE_CONFIG_DIR";

    public CliEnvironment {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stdin, "stdin");
    }

    /** {@code env}, {@code os} and {@code clock} with the process's standard input. */
    public CliEnvironment(Map<String, String> env, OsFamily os, Clock clock) {
        this(env, os, clock, System.in);
    }

    /** The real process environment and the UTC clock. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), OsFamily.current(), Clock.systemUTC());
    }

    /** The environment of the running command line (held by its root {@link KanadeCli}). */
    public static CliEnvironment of(CommandLine.Model.CommandSpec spec) {
        return ((KanadeCli) spec.root().userObject()).environment();
    }

    /**
     * The user's Kanade state dir: {@code $KANADE_STATE_DIR}, else {@code $XDG_STATE_HOME/kanade}, else
     * {@code ~/.local/state/kanade} ({@code %LOCALAPPDATA%\Kanade\state} on Windows).
     */
    public Path stateDir() {
        String override = env.get(STATE_DIR_VAR);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (os == OsFamily.WINDOWS && env.get("LOCALAPPDATA") != null) {
            return Path.of(env.get("LOCALAPPDATA"), "Kanade", "state");
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "kanade");
        }
        return Path.of(home(), ".local", "state", "kanade");
    }

    /**
     * The user's Kanade config dir: {@code $KANADE_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/kanade}, else
     * {@code ~/.config/kanade} ({@code %APPDATA%\Kanade} on Windows).
     */
    public Path configDir() {
        String override = env.get(CONFIG_DIR_VAR);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        if (os == OsFamily.WINDOWS && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA"), "Kanade");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "kanade");
        }
        return Path.of(home(), ".config", "kanade");
    }

    /** Where audit events of emergency stops wait until the broker takes them. */
    public Path auditSpoolDir() {
        return stateDir().resolve("audit-spool");
    }

    private String home() {
        return env.getOrDefault("HOME", System.getProperty("user.home"));
    }

    /** Who the CLI acts as in audit events: {@code $KANADE_ACTOR}, else the OS user. */
    public String actor() {
        String actor = env.get("KANADE_ACTOR");
        if (actor != null && !actor.isBlank()) {
            return actor;
        }
        return System.getProperty("user.name", "unknown");
    }
}
