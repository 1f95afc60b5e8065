package kanade.cli;

import kanade.runtime.cli.LogSetup;
import java.util.concurrent.Callable;
import kanade.cli.jetstream.JetStreamCommand;
import kanade.cli.run.KillCommand;
import kanade.cli.run.PingCommand;
import kanade.cli.run.RunCommand;
import kanade.runtime.cli.VersionProvider;
import picocli.CommandLine;

/** Entry point of the {@code kanade} operator CLI. */
@CommandLine.Command(name = "kanade", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Operate a Kanade fleet: run scripts, kill jobs, inspect JetStream.",
        subcommands = {RunCommand.class, PingCommand.class, KillCommand.class, JetStreamCommand.class,
                CommandLine.HelpCommand.class})
public final class KanadeCli implements Callable<Integer> {
    @CommandLine.Option(names = {"-s", "--server"}, paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            defaultValue = "${env:KANADE_NATS_URL:-nats://127.0.0.1:4222}",
            description = "NATS URL (env KANADE_NATS_URL; default ${DEFAULT-VALUE})")
    String server;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        LogSetup.useProgramDefaults();
        System.setProperty("kanade.log.level", System.getProperty("kanade.log.level", "WARN"));
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: {@link CliFailure}s print one line and exit with their code. */
    public static CommandLine commandLine() {
        return new CommandLine(new KanadeCli()).setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof CliFailure failure) {
                cmd.getErr().println("kanade: " + failure.getMessage());
                return failure.exitCode();
            }
            if (ex instanceof IllegalArgumentException bad) {
                cmd.getErr().println("kanade: " + bad.getMessage());
                return ExitCodes.USAGE;
            }
            cmd.getErr().println("kanade: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return ExitCodes.FAILED;
        });
    }
}
