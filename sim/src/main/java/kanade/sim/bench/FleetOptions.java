package kanade.sim.bench;

import picocli.CommandLine;

/**
 * Options every fleet bench shares: {@code --agents}, and {@code --nats-url} / {@code --backend-url} to use a
 * running broker and backend instead of starting them. A started broker runs with the broker roles.
 */
public final class FleetOptions {
    @CommandLine.Option(names = "--agents", defaultValue = "1000", description = "simulated agents (default ${DEFAULT-VALUE})")
    int agents;
    @CommandLine.Option(names = "--nats-url", description = "use this broker instead of starting one (agents: "
            + "KANADE_NATS_NKEY_SEED; operator: the backend login KANADE_NATS_USER/KANADE_NATS_PASSWORD; or "
            + "KANADE_NATS_TOKEN)")
    String natsUrl;
    @CommandLine.Option(names = "--backend-url", description = "use this backend (http://host:port) instead of starting one; "
            + "its CPU is then not measured")
    String backendUrl;

    /** Whether the broker is shared with whatever else is connected to it. */
    boolean sharedBroker() {
        return natsUrl != null;
    }
}
