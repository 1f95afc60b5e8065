package kanade.runtime.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker role table, rendered into a real nats-server (testkit's default broker): what the agent credential may
 * and may not do.
 */
class BrokerRolesTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();

    @BeforeAll
    static void layout() throws Exception {
        try (Connection admin = connect(BrokerRole.ADMIN, null)) {
            new JetStreamBootstrap(admin, JetStreamLayout.scaled(0.01)).apply();
        }
    }

    @Test
    void withoutACredentialNobodyConnects() {
        assertThatThrownBy(() -> Nats.connect(Options.builder().server(nats.url()).maxReconnects(0).build()))
                .isInstanceOf(Exception.class);
    }

    @Test
    void anAgentPublishesResultsWithAcksAndAnswersPings() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Connection agent = connect(BrokerRole.AGENT, errors); Connection backend = connect(BrokerRole.BACKEND, null)) {
            assertThat(agent.jetStream().publish("results.r1", "{}".getBytes(StandardCharsets.UTF_8)).getSeqno())
                    .isPositive();
            agent.createDispatcher(m -> agent.publish(m.getReplyTo(), "pong".getBytes(StandardCharsets.UTF_8)))
                    .subscribe("agents.pc1.ping");
            agent.flush(Duration.ofSeconds(2));
            assertThat(new String(backend.request("agents.pc1.ping", new byte[0], Duration.ofSeconds(2)).getData(),
                    StandardCharsets.UTF_8)).isEqualTo("pong");
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void theAgentCredentialCannotCommandForgeAuditReadOthersOrTouchStreams() throws Exception {
        for (String subject : List.of("commands.all", "kill.x", "audit.x", "$KV.script_status.x",
                "$JS.API.CONSUMER.CREATE.RESULTS", "$JS.API.DIRECT.GET.RESULTS", "$JS.API.STREAM.PURGE.RESULTS")) {
            List<String> errors = new CopyOnWriteArrayList<>();
            try (Connection agent = connect(BrokerRole.AGENT, errors)) {
                agent.publish(subject, new byte[0]);
                agent.flush(Duration.ofSeconds(2));
                await().atMost(Duration.ofSeconds(5)).until(() -> errors.stream()
                        .anyMatch(e -> e.contains("Permissions Violation") && e.contains(subject)));
            }
        }
        for (String subject : List.of(">", "_INBOX_backend.>", "results.>")) {
            List<String> errors = new CopyOnWriteArrayList<>();
            try (Connection agent = connect(BrokerRole.AGENT, errors)) {
                agent.subscribe(subject);
                agent.flush(Duration.ofSeconds(2));
                await().atMost(Duration.ofSeconds(5)).until(() -> errors.stream()
                        .anyMatch(e -> e.contains("Permissions Violation") && e.contains(subject)));
            }
        }
    }

    private static Connection connect(BrokerRole role, List<String> errors) throws Exception {
        Options.Builder options = nats.options(role).maxReconnects(0);
        if (errors != null) {
            options.errorListener(new ErrorListener() {
                @Override
                public void errorOccurred(Connection conn, String error) {
                    errors.add(error);
                }
            });
        }
        return Nats.connect(options.build());
    }
}
