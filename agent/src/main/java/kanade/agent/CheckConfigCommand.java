package kanade.agent;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import kanade.runtime.cli.CheckConfigPrinter;
import kanade.runtime.config.ConfigLoader;
import kanade.runtime.config.OsFamily;
import kanade.runtime.secret.SecretName;
import kanade.runtime.secret.SecretSource;
import picocli.CommandLine;

/** {@code kanade-agent check-config}: loads agent.toml as the agent would and prints it, secrets masked. */
@CommandLine.Command(name = "check-config", description = "Load agent.toml as the agent would and print the result (secrets masked).")
final class CheckConfigCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    AgentMain parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var loaded = ConfigLoader.forThisMachine().loadAgent(parent.configPath());
        PrintWriter out = spec.commandLine().getOut();
        new CheckConfigPrinter().print("kanade-agent", loaded, List.of(SecretName.AGENT_NATS_NKEY_SEED, SecretName.AGENT_NATS_TOKEN),
                SecretSource.forPlatform(OsFamily.current(), System.getenv()), out);
        return 0;
    }
}
