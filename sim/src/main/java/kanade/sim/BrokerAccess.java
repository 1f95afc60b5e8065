package kanade.sim;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.util.Map;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.config.OsFamily;
import kanade.runtime.nats.NatsConnect;
import kanade.runtime.nats.NatsCredentials;
import kanade.runtime.nats.NatsUrls;
import kanade.runtime.secret.EnvSecretSource;
import kanade.runtime.secret.SecretSource;
import kanade.testkit.NatsServer;

/**
 * How the simulator and the benches reach a broker by role: simulated agents with the agent credential (they share
 * the agent NKey), the operator connection (commands, kills, stream reads) as the backend role, and child processes
 * with their role's credential in their environment, never on their command line.
 */
public record BrokerAccess(String url, NatsCredentials agent, NatsCredentials backend, Map<String, String> agentEnv,
                           Map<String, String> backendEnv) {
    public BrokerAccess {
        agentEnv = Map.copyOf(agentEnv);
        backendEnv = Map.copyOf(backendEnv);
    }

    /** A broker this JVM started: its generated role credentials, read the way the programs read them. */
    public static BrokerAccess of(NatsServer server) {
        Map<String, String> agentEnv = server.auth().env(BrokerRole.AGENT);
        Map<String, String> backendEnv = server.auth().env(BrokerRole.BACKEND);
        return new BrokerAccess(server.url(), NatsCredentials.forAgent(new EnvSecretSource(agentEnv)),
                NatsCredentials.forBackend(new EnvSecretSource(backendEnv), backendEnv), agentEnv, backendEnv);
    }

    /**
     * A running broker: agents read KANADE_NATS_NKEY_SEED (else KANADE_NATS_TOKEN), the operator connection the
     * backend login KANADE_NATS_USER / KANADE_NATS_PASSWORD (else the token), registry first on Windows; child
     * processes inherit {@code env}.
     */
    public static BrokerAccess attached(String url, Map<String, String> env) {
        SecretSource secrets = SecretSource.forPlatform(OsFamily.current(), env);
        return new BrokerAccess(url, NatsCredentials.forAgent(secrets), NatsCredentials.forBackend(secrets, env),
                Map.of(), Map.of());
    }

    /** Options of an operator connection named {@code name}: the backend role; callers add reconnect policy. */
    public Options.Builder operatorOptions(String name) {
        return NatsConnect.baseOptions(url, backend, BrokerRole.BACKEND, name);
    }

    /** An operator connection with jnats' reconnect defaults. */
    public Connection connectOperator(String name) throws Exception {
        return Nats.connect(operatorOptions(name).build());
    }

    @Override
    public String toString() {
        return "BrokerAccess[" + NatsUrls.masked(url) + ", agents: " + agent.describe() + ", operator: "
                + backend.describe() + "]";
    }
}
