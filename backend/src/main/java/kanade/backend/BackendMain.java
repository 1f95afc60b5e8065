package kanade.backend;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kanade.protocol.cli.VersionProvider;
import kanade.protocol.config.ConfigException;
import picocli.CommandLine;

/** Entry point of {@code kanade-backend}: runs the backend, or checks its config. */
@CommandLine.Command(name = "kanade-backend", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The Kanade backend: JetStream bootstrap, projection into the database, HTTP API and dashboard.",
        subcommands = {CheckConfigCommand.class})
public final class BackendMain implements Callable<Integer> {
    @CommandLine.Option(names = "--config", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "backend.toml (else $KANADE_BACKEND_CONFIG, else /etc/kanade/backend.toml or %%ProgramData%%\\Kanade\\config\\backend.toml)")
    Path config;

    Path configPath() {
        return config;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine.usage(this, System.err);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line (config errors print one line and exit 2). */
    public static CommandLine commandLine() {
        return new CommandLine(new BackendMain()).setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ConfigException) {
                cmd.getErr().println("kanade-backend: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
    }
}
