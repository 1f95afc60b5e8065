package kanade.protocol.subject;

/** JetStream KV bucket and object store names from kanade's contract (underscores: NATS forbids dots). */
public final class Buckets {
    public static final String SCRIPT_CURRENT = "script_current";
    public static final String SCRIPT_STATUS = "script_status";
    public static final String AGENTS_STATE = "agents_state";
    public static final String AGENT_CONFIG = "agent_config";
    public static final String AGENT_GROUPS = "agent_groups";
    public static final String SCHEDULES = "schedules";
    /** Object store of agent binaries, keyed by version. */
    public static final String AGENT_RELEASES = "agent_releases";

    private Buckets() {
    }
}
