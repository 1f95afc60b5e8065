package kanade.runtime.config;

/** A Kanade program that reads a config file, with the names its discovery uses. */
public enum ProgramName {
    AGENT("agent", "KANADE_AGENT_CONFIG"),
    BACKEND("backend", "KANADE_BACKEND_CONFIG");

    private final String baseName;
    private final String envVar;

    ProgramName(String baseName, String envVar) {
        this.baseName = baseName;
        this.envVar = envVar;
    }

    /** The file name in the system config dir, for example {@code agent.toml}. */
    public String fileName() {
        return baseName + ".toml";
    }

    /** The environment variable that points at the file. */
    public String envVar() {
        return envVar;
    }

    /** The program's command name, for example {@code kanade-agent}. */
    public String command() {
        return "kanade-" + baseName;
    }
}
