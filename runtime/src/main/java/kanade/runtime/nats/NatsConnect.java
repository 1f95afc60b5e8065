package kanade.runtime.nats;

import io.nats.client.Options;
import java.time.Duration;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.secret.Secret;

/** The NATS options every Kanade program starts from: URL, optional token, name, logging listeners. */
public final class NatsConnect {
    private NatsConnect() {
    }

    /**
     * Base options for a program of {@code role}: its credential and its own inbox prefix (so no role reads another's
     * replies); callers add reconnect policy and executors.
     */
    public static Options.Builder baseOptions(String url, NatsCredentials credentials, BrokerRole role,
                                              String connectionName) {
        Options.Builder builder = baseOptions(url, (Secret) null, connectionName).inboxPrefix(role.inboxPrefix());
        credentials.applyTo(builder);
        return builder;
    }

    /** Base options; callers add reconnect policy and executors. The token is passed only to jnats. */
    public static Options.Builder baseOptions(String url, Secret token, String connectionName) {
        NatsLogListener listener = new NatsLogListener(connectionName);
        Options.Builder builder = Options.builder()
                .server(url)
                .connectionName(connectionName)
                .connectionTimeout(Duration.ofSeconds(2))
                .errorListener(listener)
                .connectionListener(listener);
        if (token != null) {
            builder.token(token.reveal().toCharArray());
        }
        return builder;
    }
}
