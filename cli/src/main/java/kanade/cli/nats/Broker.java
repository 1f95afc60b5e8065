package kanade.cli.nats;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import kanade.cli.CliEnvironment;
import kanade.cli.CliFailure;
import kanade.cli.ErrorCode;
import kanade.cli.audit.CliAudit;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.nats.NatsConnect;
import kanade.runtime.nats.NatsCredentials;
import kanade.runtime.nats.NatsUrls;
import kanade.runtime.secret.SecretSource;
import picocli.CommandLine;

/**
 * A connection to the broker named by the global {@code --server} option (env KANADE_NATS_URL), with the CLI's token
 * (registry, then KANADE_NATS_TOKEN). Every command connects here, so every one first writes the spooled audit events.
 */
public final class Broker {
    /** Reconnect attempts of a connection that waits for a result (about half a second apart, so ~30 s in all). */
    public static final int WAITING_RECONNECTS = 60;
    private static final Duration WAITING_RECONNECT_WAIT = Duration.ofMillis(500);

    private Broker() {
    }

    /** The broker URL: the root command's inherited {@code --server}. */
    public static String server(CommandLine.Model.CommandSpec spec) {
        return spec.root().findOption("--server").getValue();
    }

    /** The broker URL as it may be printed or audited: a credential inside it is masked. */
    public static String shown(CommandLine.Model.CommandSpec spec) {
        return NatsUrls.masked(server(spec));
    }

    /**
     * Connects once (no reconnect loop) and retries the audit spool; an unreachable broker is
     * {@code error[broker_unreachable]}, rejected credentials {@code error[unauthorized]}.
     */
    public static Connection connect(CommandLine.Model.CommandSpec spec) {
        return connect(spec, Options.Builder::noReconnect);
    }

    /**
     * Like {@link #connect}, for a command that waits for an answer (a run waiting for its result): the first connect
     * still fails fast, but once connected a broker blip is ridden out with {@link #WAITING_RECONNECTS} reconnect
     * attempts half a second apart; jnats re-sends the subscriptions.
     */
    public static Connection connectForWaiting(CommandLine.Model.CommandSpec spec) {
        return connect(spec, options -> options.maxReconnects(WAITING_RECONNECTS)
                .reconnectWait(WAITING_RECONNECT_WAIT));
    }

    private static Connection connect(CommandLine.Model.CommandSpec spec, UnaryOperator<Options.Builder> reconnect) {
        CliEnvironment env = CliEnvironment.of(spec);
        NatsCredentials credentials = NatsCredentials.forCli(SecretSource.forPlatform(env.os(), env.env()), env.env());
        String server = server(spec);
        Options options = reconnect.apply(NatsConnect.baseOptions(server, credentials, BrokerRole.ADMIN, "kanade-cli"))
                .build();
        Connection connection;
        try {
            connection = Nats.connect(options);
        } catch (AuthenticationException e) {
            throw unauthorized(server, e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("authorization")) {
                throw unauthorized(server, e);
            }
            throw new CliFailure(ErrorCode.BROKER_UNREACHABLE, "cannot reach the NATS broker at " + NatsUrls.masked(server) + " ("
                    + NatsUrls.masked(e.getMessage()) + "); check --server / KANADE_NATS_URL and that nats-server is running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ErrorCode.INTERRUPTED, "interrupted while connecting to " + NatsUrls.masked(server), e);
        } catch (SecurityException e) {
            throw unauthorized(server, e);
        }
        CliAudit.retrySpooled(spec, connection);
        return connection;
    }

    private static CliFailure unauthorized(String server, Exception e) {
        return new CliFailure(ErrorCode.UNAUTHORIZED, "the broker at " + NatsUrls.masked(server) + " refused the credentials ("
                + NatsUrls.masked(e.getMessage()) + "); set KANADE_NATS_USER and KANADE_NATS_PASSWORD to the broker's admin credential"
                + " (admin.env of `kanade-backend broker-credentials`, or `source <data>/dev.env` after kanade-dev up),"
                + " or KANADE_NATS_TOKEN for a broker with kanade's shared token", e);
    }
}
