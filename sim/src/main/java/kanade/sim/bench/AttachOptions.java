package kanade.sim.bench;

import picocli.CommandLine;

/** {@code --nats-url} / {@code --backend-url}: use a running broker and backend instead of starting them. */
public final class AttachOptions {
    @CommandLine.Option(names = "--nats-url", description = "use this broker instead of starting one (token: KANADE_NATS_TOKEN)")
    String natsUrl;
    @CommandLine.Option(names = "--backend-url", description = "use this backend (http://host:port) instead of starting one; "
            + "its CPU is then not measured")
    String backendUrl;
}
