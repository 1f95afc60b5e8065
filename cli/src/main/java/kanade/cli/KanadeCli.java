package kanade.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import kanade.cli.jetstream.JetStreamCommand;
import kanade.cli.run.KillCommand;
import kanade.cli.run.PingCommand;
import kanade.cli.run.RunCommand;
import kanade.runtime.cli.LogSetup;
import kanade.runtime.cli.VersionProvider;
import picocli.CommandLine;

/** Entry point of the {@code kanade} operator CLI. */
@CommandLine.Command(name = "kanade", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Operate a Kanade fleet: run scripts, kill jobs, inspect JetStream.",
        footer = {"", "Exit codes: a remote script's own exit code (137 when killed or timed out); status commands 0 = "
                + "all ok, 1 = some failed or did not answer; 2 = bad usage; 255 = kanade itself failed "
                + "(`kanade: error[<code>]: ...` on stderr, {\"error\":{...}} with -o json)."},
        subcommands = {RunCommand.class, PingCommand.class, KillCommand.class, JetStreamCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class})
public final class KanadeCli implements Callable<Integer> {
    @CommandLine.Option(names = {"-s", "--server"}, paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            defaultValue = "${env:KANADE_NATS_URL:-nats://127.0.0.1:4222}",
            description = "NATS URL (env KANADE_NATS_URL; default ${DEFAULT-VALUE})")
    String server;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CliEnvironment environment;

    KanadeCli(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The environment the commands read (env vars, clock). */
    CliEnvironment environment() {
        return environment;
    }

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

    /** The configured command line on the real environment. */
    public static CommandLine commandLine() {
        return commandLine(CliEnvironment.system());
    }

    /**
     * The configured command line on {@code environment}: failures print {@code kanade: error[<code>]: ...} and exit
     * 255 ({@link ExitCodes}); enum values ({@code -o JSON}, {@code completion BASH}) are case-insensitive.
     */
    public static CommandLine commandLine(CliEnvironment environment) {
        return new CommandLine(new KanadeCli(environment))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new CliErrorHandler());
    }
}
