package kanade.cli.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import kanade.cli.CliFailure;
import kanade.cli.ExitCodes;
import kanade.runtime.config.OsFamily;
import kanade.runtime.nats.NatsConnect;
import kanade.runtime.secret.SecretName;
import kanade.runtime.secret.SecretSource;
import picocli.CommandLine;

/**
 * A connection to the broker named by the global {@code --server} option (env KANADE_NATS_URL), with the CLI's token
 * (registry, then KANADE_NATS_TOKEN).
 */
public final class Broker {
    private Broker() {
    }

    /** The broker URL: the root command's inherited {@code --server}. */
    public static String server(CommandLine.Model.CommandSpec spec) {
        return spec.root().findOption("--server").getValue();
    }

    /** Connects once (no reconnect loop); an unreachable broker becomes one line and exit code 4. */
    public static Connection connect(CommandLine.Model.CommandSpec spec) {
        var token = SecretSource.forPlatform(OsFamily.current(), System.getenv()).lookup(SecretName.CLI_NATS_TOKEN)
                .orElse(null);
        String server = server(spec);
        Options options = NatsConnect.baseOptions(server, token, "kanade-cli").noReconnect().build();
        try {
            return Nats.connect(options);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.BROKER_UNREACHABLE, "cannot reach the NATS broker at " + server + " ("
                    + e.getMessage() + "); check --server / KANADE_NATS_URL and that nats-server is running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.FAILED, "interrupted while connecting to " + server);
        } catch (SecurityException e) {
            throw new CliFailure(ExitCodes.BROKER_UNREACHABLE, "the broker at " + server
                    + " refused the credentials; set KANADE_NATS_TOKEN");
        }
    }
}
