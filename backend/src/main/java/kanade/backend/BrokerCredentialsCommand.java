package kanade.backend;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kanade.backend.broker.BrokerCredentials;
import picocli.CommandLine;

/**
 * {@code kanade-backend broker-credentials --dir DIR [--rotate]}: the broker's credentials by role. Keeps the ones
 * already in DIR (so it can run at every start), writes nats-auth.conf for nats-server ({@code include} it) and one
 * env file per role. Prints the paths, never a secret.
 */
@CommandLine.Command(name = "broker-credentials", mixinStandardHelpOptions = true,
        description = {"Write the broker's credentials by role into DIR (0700): nats-auth.conf for nats-server "
                + "(include it), agent.env, backend.env and admin.env for the programs (source the one each needs).",
                "Existing credentials are kept unless --rotate."})
final class BrokerCredentialsCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--dir", required = true, paramLabel = "DIR", description = "where to write them")
    Path dir;
    @CommandLine.Option(names = "--rotate", description = "generate new credentials (restart the broker and every "
            + "program afterwards)")
    boolean rotate;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BrokerCredentials.inDirectory(dir, rotate);
        var out = spec.commandLine().getOut();
        out.println("broker credentials in " + dir.toAbsolutePath() + " (mode 0700):");
        out.println("  " + BrokerCredentials.AUTH_CONF + "  include it in nats-server.conf: include \""
                + dir.toAbsolutePath().resolve(BrokerCredentials.AUTH_CONF) + "\"");
        out.println("  agent.env     the agents' NKey seed (KANADE_NATS_NKEY_SEED)");
        out.println("  backend.env   the backend's user and password (KANADE_NATS_USER, KANADE_NATS_PASSWORD)");
        out.println("  admin.env     the operator-admin's, for `kanade jetstream` (KANADE_NATS_USER, KANADE_NATS_PASSWORD)");
        return 0;
    }
}
