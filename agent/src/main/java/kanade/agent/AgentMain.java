package kanade.agent;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kanade.runtime.cli.ConfigErrors;
import kanade.runtime.cli.VersionProvider;
import kanade.runtime.cli.LogSetup;
import kanade.runtime.config.ConfigLoader;
import kanade.runtime.config.SystemFacts;
import picocli.CommandLine;

/** Entry point of {@code kanade-agent}: runs the endpoint agent, or checks its config. */
@CommandLine.Command(name = "kanade-agent", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The Kanade endpoint agent: connects out to NATS, runs commands, reports results and heartbeats.",
        subcommands = {CheckConfigCommand.class})
public final class AgentMain implements Callable<Integer> {
    @CommandLine.Option(names = "--config", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "agent.toml (else $KANADE_AGENT_CONFIG, else /etc/kanade/agent.toml or %%ProgramData%%\\Kanade\\config\\agent.toml)")
    Path config;

    Path configPath() {
        return config;
    }

    @Override
    public Integer call() throws Exception {
        ConfigLoader loader = ConfigLoader.forThisMachine();
        var loaded = loader.loadAgent(config);
        LogSetup.apply(loaded.config().log(), System.getenv("KANADE_LOG"));
        return AgentRunner.runUntilStopped(loaded, SystemFacts.detect(System.getenv()).host());
    }

    public static void main(String[] args) {
        LogSetup.useProgramDefaults();
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line (config errors print one line and exit 2). */
    public static CommandLine commandLine() {
        return ConfigErrors.commandLine(new AgentMain(), "kanade-agent");
    }
}
