package kanade.cli;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import kanade.cli.account.AccountCommand;
import kanade.cli.account.TokenCommand;
import kanade.cli.backend.BackendAccess;
import kanade.cli.jetstream.JetStreamCommand;
import kanade.cli.login.LoginCommand;
import kanade.cli.login.LogoutCommand;
import kanade.cli.run.KillCommand;
import kanade.cli.run.PingCommand;
import kanade.cli.run.RunCommand;
import kanade.runtime.cli.LogSetup;
import kanade.runtime.cli.VersionProvider;
import picocli.CommandLine;

/** Entry point of the {@code kanade} operator CLI. */
@CommandLine.Command(name = "kanade", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Operate a Kanade fleet: run scripts, kill jobs, manage accounts and tokens, inspect JetStream.",
                "run, ping and kill go through the backend (roles, audit as your account) once you `kanade login`, set "
                        + "KANADE_AUTH_TOKEN or give a backend URL; without any, straight to the broker (kanade's "
                        + "mode, for a broker without roles). jetstream always talks to the broker."},
        footer = {"", "Exit codes: a remote script's own exit code (137 when killed or timed out); status commands 0 = "
                + "all ok, 1 = some failed or did not answer; 2 = bad usage; 255 = kanade itself failed "
                + "(`kanade: error[<code>]: ...` on stderr, {\"error\":{...}} with -o json)."})
public final class KanadeCli implements Callable<Integer> {
    /**
     * The subcommands, in help order. They are added to the command line by code, not by annotation, so that a run of
     * one command builds only that command's model (picocli builds a model by reflection; all of them would cost a
     * good part of a CLI start).
     */
    private static final List<String> SUBCOMMANDS = List.of("run", "ping", "kill", "login", "logout", "account", "token",
            "jetstream", "completion", "help");

    @CommandLine.Option(names = {"-s", "--server"}, paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            defaultValue = "${env:KANADE_NATS_URL:-nats://127.0.0.1:4222}",
            description = "NATS URL (env KANADE_NATS_URL; default ${DEFAULT-VALUE})")
    String server;
    @CommandLine.Option(names = {"-b", "--backend-url"}, paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "the backend's URL (env KANADE_BACKEND_URL; default " + BackendAccess.DEFAULT_URL
                    + "); when given (flag or env), run, ping and kill go through the backend")
    String backendUrl;
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
        System.exit(commandLine(CliEnvironment.system(), commandNamed(args)).execute(args));
    }

    /** The configured command line on the real environment, with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(CliEnvironment.system());
    }

    /** The configured command line on {@code environment}, with every subcommand. */
    public static CommandLine commandLine(CliEnvironment environment) {
        return commandLine(environment, null);
    }

    /**
     * The configured command line on {@code environment}: failures print {@code kanade: error[<code>]: ...} and exit
     * 255 ({@link ExitCodes}); enum values ({@code -o JSON}, {@code completion BASH}) are case-insensitive.
     */
    static CommandLine commandLine(CliEnvironment environment, String onlyCommand) {
        CommandLine line = new CommandLine(new KanadeCli(environment));
        for (String name : SUBCOMMANDS) {
            if (onlyCommand == null || onlyCommand.equals(name)) {
                line.addSubcommand(name, subcommand(name));
            }
        }
        return line.setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(new CliErrorHandler());
    }

    /**
     * The subcommand {@code args} invoke, when that one alone is enough to run them; null (build them all) for the
     * top-level help, {@code help} and {@code completion} (they describe every command) and for anything unknown (so
     * picocli can suggest the right name).
     */
    static String commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-s") || arg.equals("--server") || arg.equals("-b") || arg.equals("--backend-url")) {
                i++;
            } else if (!arg.startsWith("-")) {
                boolean alone = SUBCOMMANDS.contains(arg) && !arg.equals("help") && !arg.equals("completion");
                return alone ? arg : null;
            }
        }
        return null;
    }

    // a switch, not a map of constructor references: lambdas in a static field crash the JDK 25 AOT cache assembly
    private static Object subcommand(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "ping" -> new PingCommand();
            case "kill" -> new KillCommand();
            case "login" -> new LoginCommand();
            case "logout" -> new LogoutCommand();
            case "account" -> new AccountCommand();
            case "token" -> new TokenCommand();
            case "jetstream" -> new JetStreamCommand();
            case "completion" -> new CompletionCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }
}
