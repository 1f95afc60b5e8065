package kanade.runtime.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.broker.BrokerUsers;
import kanade.runtime.jetstream.JetStreamBootstrap;
import kanade.runtime.jetstream.JetStreamLayout;
import kanade.testkit.NatsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker role table, rendered into a real nats-server: what the agent credential may and may not do. */
class BrokerRolesTest {
    private static final BrokerUsers.Login BACKEND = new BrokerUsers.Login("kanade-backend", "backend-pw-for-tests");
    private static final BrokerUsers.Login ADMIN = new BrokerUsers.Login("kanade-admin", "admin-pw-for-tests");
    @TempDir
    static Path dir;
    private static NatsServer server;
    private static NKey agentKey;

    @BeforeAll
    static void start() throws Exception {
        agentKey = NKey.createUser(null);
        String block = BrokerUsers.authorization(new String(agentKey.getPublicKey()), BACKEND, ADMIN);
        server = NatsServer.start(dir, NatsServer.Limits.TEST, null, List.of(block));
        try (Connection admin = connect(BrokerRole.ADMIN, null)) {
            new JetStreamBootstrap(admin, JetStreamLayout.scaled(0.01)).apply();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void withoutACredentialNobodyConnects() {
        assertThatThrownBy(() -> Nats.connect(Options.builder().server(server.url()).maxReconnects(0).build()))
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
        Options.Builder options = Options.builder().server(server.url()).inboxPrefix(role.inboxPrefix())
                .maxReconnects(0);
        switch (role) {
            case AGENT -> options.authHandler(Nats.staticCredentials(null, agentKey.getSeed()));
            case BACKEND -> options.userInfo(BACKEND.user(), BACKEND.password());
            case ADMIN -> options.userInfo(ADMIN.user(), ADMIN.password());
        }
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
