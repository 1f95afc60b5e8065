package kanade.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process and captures what it prints. The environment is the real one plus
 * {@code KANADE_STATE_DIR} on a temp dir (so no test touches the user's audit spool) plus what a test adds.
 */
final class CliRunner {
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private static final Path STATE_DIR = tempStateDir();

    private CliRunner() {
    }

    static Outcome run(String... args) {
        return runWith(Map.of(), args);
    }

    static Outcome runWith(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(CliEnvironment.STATE_DIR_VAR, STATE_DIR.toString());
        env.putAll(extraEnv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the same command line main() builds: only the invoked subcommand when one is named
        var cli = KanadeCli.commandLine(new CliEnvironment(env, kanade.runtime.config.OsFamily.current(),
                java.time.Clock.systemUTC()), KanadeCli.commandNamed(args));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static Path tempStateDir() {
        try {
            return Files.createTempDirectory("kanade-cli-state-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
