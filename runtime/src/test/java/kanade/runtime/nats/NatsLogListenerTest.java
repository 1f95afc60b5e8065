package kanade.runtime.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kanade.protocol.broker.BrokerRole;
import kanade.runtime.secret.EnvSecretSource;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** An operator sees both ends of a broker outage in the log: the disconnect once, and the recovery with its length. */
class NatsLogListenerTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();

    @Test
    void aBrokerRestartLogsOneDisconnectAndTheReconnectWithTheOutageAtInfo() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(NatsLogListener.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (Connection connection = Nats.connect(NatsConnect.baseOptions(nats.url(), credentials(), BrokerRole.BACKEND,
                        "log-test").maxReconnects(-1).reconnectWait(Duration.ofMillis(100)).build())) {
            nats.server().stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> connection.getStatus() != Connection.Status.CONNECTED);
            nats.server().restart();
            await().atMost(Duration.ofSeconds(20)).until(() -> connection.getStatus() == Connection.Status.CONNECTED);
            await().atMost(Duration.ofSeconds(5)).until(() -> infoLines(events).stream()
                    .anyMatch(line -> line.contains("reconnected after")));
            assertThat(infoLines(events).stream().filter(line -> line.contains("disconnected")).count()).isEqualTo(1);
        } finally {
            logger.detachAppender(events);
        }
    }

    private static NatsCredentials credentials() {
        Map<String, String> env = nats.env(BrokerRole.BACKEND);
        return NatsCredentials.forBackend(new EnvSecretSource(env), env);
    }

    private static List<String> infoLines(ListAppender<ILoggingEvent> events) {
        return List.copyOf(events.list).stream().filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
