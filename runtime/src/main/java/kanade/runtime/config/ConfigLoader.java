package kanade.runtime.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Locates, renders, parses and validates agent.toml or backend.toml: the one entry point programs use. */
public final class ConfigLoader {
    private final ConfigLocator locator;
    private final ConfigReader reader;
    private final SystemFacts facts;
    private final Map<String, String> env;

    public ConfigLoader(ConfigLocator locator, SystemFacts facts, Map<String, String> env) {
        this.locator = locator;
        this.facts = facts;
        this.env = Map.copyOf(env);
        this.reader = new ConfigReader(new ConfigTemplate(facts, env));
    }

    /** A loader for this machine: real environment, platform config dir, detected facts. */
    public static ConfigLoader forThisMachine() {
        Map<String, String> env = System.getenv();
        SystemFacts facts = SystemFacts.detect(env);
        return new ConfigLoader(ConfigLocator.forPlatform(env, facts.osFamily()), facts, env);
    }

    /** Loads agent.toml from {@code flag} or the discovery order, with machine defaults filled in. */
    public ConfigReader.Result<AgentConfig> loadAgent(Path flag) {
        ConfigReader.Result<AgentConfig> raw = reader.read(locator.locate(ProgramName.AGENT, flag), AgentConfig.class);
        AgentConfig config = raw.config().withMachineDefaults(facts, env);
        return new ConfigReader.Result<>(config, raw.source(), merge(raw.warnings(), config.deprecationWarnings()));
    }

    /** Loads backend.toml from {@code flag} or the discovery order. */
    public ConfigReader.Result<BackendConfig> loadBackend(Path flag) {
        ConfigReader.Result<BackendConfig> raw = reader.read(locator.locate(ProgramName.BACKEND, flag), BackendConfig.class);
        return new ConfigReader.Result<>(raw.config(), raw.source(),
                merge(raw.warnings(), raw.config().deprecationWarnings()));
    }

    private static List<String> merge(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
