package kanade.backend;

import java.util.Map;
import kanade.backend.store.DbSettings;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.nats.NatsCredentials;
import kanade.runtime.secret.EnvSecretSource;
import kanade.testkit.NatsServerFixture;

/** Backend settings for tests on a testkit broker: {@link BackendSettings#forTest} as the backend broker role. */
public final class TestBackends {
    private TestBackends() {
    }

    /** The test defaults on {@code nats}'s broker, connecting with its backend login, and {@code db}. */
    public static BackendSettings settings(NatsServerFixture nats, DbSettings db) {
        return BackendSettings.forTest(nats.url(), db).withNatsCredentials(credentials(nats));
    }

    /** The broker's backend credential, read as the backend reads it (KANADE_NATS_USER / KANADE_NATS_PASSWORD). */
    public static NatsCredentials credentials(NatsServerFixture nats) {
        Map<String, String> env = nats.env(BrokerRole.BACKEND);
        return NatsCredentials.forBackend(new EnvSecretSource(env), env);
    }
}
