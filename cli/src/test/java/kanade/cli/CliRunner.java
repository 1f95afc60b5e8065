package kanade.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.config.OsFamily;
import kanade.testkit.NatsServerFixture;

/**
 * Runs the CLI in-process and captures what it prints. The environment is the real one without the variables that
 * would point the CLI at another broker, backend or login, plus {@code KANADE_STATE_DIR} and {@code KANADE_CONFIG_DIR}
 * on temp dirs (so no test touches the user's audit spool or login token), plus what a test adds; standard input is
 * empty unless a test gives one.
 */
final class CliRunner {
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private static final List<String> NOT_INHERITED = List.of("KANADE_AUTH_TOKEN", "KANADE_BACKEND_URL",
            "KANADE_NATS_URL", "KANADE_NATS_TOKEN", "KANADE_NATS_USER", "KANADE_NATS_PASSWORD", "KANADE_NATS_NKEY_SEED",
            "KANADE_ACTOR", "XDG_CONFIG_HOME");
    private static final Path STATE_DIR = tempDir("kanade-cli-state-");
    private static final Path CONFIG_DIR = tempDir("kanade-cli-config-");

    private final Map<String, String> env;
    private final String stdin;

    private CliRunner(Map<String, String> env, String stdin) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
    }

    /** A runner on the isolated environment. */
    static CliRunner isolated() {
        Map<String, String> env = new HashMap<>(System.getenv());
        NOT_INHERITED.forEach(env::remove);
        env.put(CliEnvironment.STATE_DIR_VAR, STATE_DIR.toString());
        env.put(CliEnvironment.CONFIG_DIR_VAR, CONFIG_DIR.toString());
        return new CliRunner(env, "");
    }

    /** A runner with the broker credential {@code kanade} uses on {@code nats} (the operator-admin's, or the token). */
    static CliRunner on(NatsServerFixture nats) {
        return isolated().with(nats.env(BrokerRole.ADMIN));
    }

    /** This runner with {@code extra} added to the environment. */
    CliRunner with(Map<String, String> extra) {
        Map<String, String> more = new HashMap<>(env);
        more.putAll(extra);
        return new CliRunner(more, stdin);
    }

    /** This runner with {@code name=value} in the environment. */
    CliRunner with(String name, String value) {
        return with(Map.of(name, value));
    }

    /** This runner reading {@code text} as standard input. */
    CliRunner stdin(String text) {
        return new CliRunner(env, text);
    }

    /** Runs {@code kanade args...}. */
    Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        // the same command line main() builds: only the invoked subcommand when one is named
        var cli = KanadeCli.commandLine(new CliEnvironment(env, OsFamily.current(), Clock.systemUTC(), input),
                KanadeCli.commandNamed(args));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** A fresh temp dir for a test's own config or state. */
    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
