package kanade.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kanade.protocol.broker.BrokerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test brokers run with the product's broker roles by default: each role connects with its own credential. */
class BrokerAuthTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();

    @Test
    void anAnonymousClientIsRefusedAndEveryRoleConnectsWithItsInboxPrefix() throws Exception {
        assertThatThrownBy(() -> Nats.connect(Options.builder().server(nats.url()).maxReconnects(0).build()))
                .isInstanceOf(Exception.class);
        for (BrokerRole role : BrokerRole.values()) {
            try (Connection connection = nats.connect(role)) {
                assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
                assertThat(connection.createInbox()).startsWith(role.inboxPrefix() + ".");
            }
        }
    }

    @Test
    void theRolesPermissionsAreEnforced() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Connection agent = Nats.connect(nats.options(BrokerRole.AGENT).errorListener(new ErrorListener() {
            @Override
            public void errorOccurred(Connection conn, String error) {
                errors.add(error);
            }
        }).build())) {
            agent.publish("commands.all", new byte[0]);
            agent.flush(Duration.ofSeconds(2));
            await().atMost(Duration.ofSeconds(5)).until(() -> errors.stream()
                    .anyMatch(e -> e.contains("Permissions Violation") && e.contains("commands.all")));
        }
    }

    @Test
    void programsGetTheirCredentialThroughTheEnvironmentAndSecretsStayOutOfTheServerLog() throws Exception {
        assertThat(nats.env(BrokerRole.AGENT)).containsEntry("KANADE_NATS_NKEY_SEED", nats.agentSeed());
        assertThat(nats.env(BrokerRole.BACKEND)).containsEntry("KANADE_NATS_USER", nats.backendLogin().user())
                .containsEntry("KANADE_NATS_PASSWORD", nats.backendLogin().password());
        assertThat(nats.env(BrokerRole.ADMIN)).containsEntry("KANADE_NATS_PASSWORD", nats.adminLogin().password());
        assertThat(nats.auth().toString()).doesNotContain(nats.agentSeed(), nats.backendLogin().password(),
                nats.adminLogin().password());
        Path conf = serverDir().resolve("nats-server.conf");
        assertThat(Files.getPosixFilePermissions(conf)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(conf)).doesNotContain(nats.agentSeed());
        assertThat(Files.readString(serverDir().resolve("nats-server.log")))
                .doesNotContain(nats.agentSeed(), nats.backendLogin().password(), nats.adminLogin().password());
    }

    private static Path serverDir() {
        return nats.server().dir();
    }
}
