package kanade.runtime.secret;

/** The secrets Kanade reads, with their Windows registry location and environment variable. */
public enum SecretName {
    AGENT_NATS_TOKEN("agent", "NatsToken", "KANADE_NATS_TOKEN"),
    AGENT_NATS_NKEY_SEED("agent", "NatsNkeySeed", "KANADE_NATS_NKEY_SEED"),
    BACKEND_NATS_PASSWORD("backend", "NatsPassword", "KANADE_NATS_PASSWORD"),
    CLI_NATS_PASSWORD("cli", "NatsPassword", "KANADE_NATS_PASSWORD"),
    CLI_NATS_TOKEN("cli", "NatsToken", "KANADE_NATS_TOKEN"),
    BACKEND_NATS_TOKEN("backend", "NatsToken", "KANADE_NATS_TOKEN"),
    DB_PASSWORD("backend", "DbPassword", "KANADE_DB_PASSWORD"),
    STATIC_TOKEN("backend", "StaticToken", "KANADE_AUTH_STATIC_TOKEN"),
    JWT_SECRET("backend", "JwtSecret", "KANADE_JWT_SECRET"),
    BOOTSTRAP_ADMIN_PASSWORD("backend", "BootstrapAdminPassword", "KANADE_BOOTSTRAP_ADMIN_PASSWORD");

    private final String registryKey;
    private final String registryValue;
    private final String envVar;

    SecretName(String registryKey, String registryValue, String envVar) {
        this.registryKey = registryKey;
        this.registryValue = registryValue;
        this.envVar = envVar;
    }

    /** {@code HKLM\SOFTWARE\kanade\<role>}. */
    public String registryKey() {
        return "HKLM\\SOFTWARE\\kanade\\" + registryKey;
    }

    /** The REG_SZ value name under {@link #registryKey()}. */
    public String registryValue() {
        return registryValue;
    }

    /** The environment variable consulted after the registry. */
    public String envVar() {
        return envVar;
    }
}
