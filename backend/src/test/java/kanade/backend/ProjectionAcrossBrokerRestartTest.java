package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kanade.backend.projection.StreamProjector;
import kanade.backend.store.DbSettings;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Streams;
import kanade.protocol.wire.ExecResult;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A broker restart (SIGTERM, then a start on the same store and port) under a running backend: the projection resumes
 * as soon as the connection is back (re-created on the reconnect, not after the pull's heartbeat alarm), says so in the
 * log once at each end, and /api/health/fleet shows the stall and the lag. Its own broker: no other class sees it.
 */
class ProjectionAcrossBrokerRestartTest {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ProjectionAcrossBrokerRestartTest.class);

    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @TempDir
    static Path dir;

    @Test
    void projectionResumesAfterABrokerRestartAndTheStallIsLoggedAndShown() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(StreamProjector.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        List<ExecResult> sent = new ArrayList<>();
        try (BackendServer backend = BackendServer.start(TestBackends.settings(nats,
                DbSettings.sqlite(dir.resolve("restart.db"))), Clock.systemUTC());
             Connection nc = Nats.connect(nats.options(BrokerRole.AGENT).maxReconnects(-1)
                     .reconnectWait(Duration.ofMillis(100)).build())) {
            JetStream js = nc.jetStream();
            Http http = Http.asService(backend);
            publish(js, sent, "before", 100);
            await().atMost(Duration.ofSeconds(20)).until(() -> backend.results().count() == sent.size());

            nats.server().stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> nc.getStatus() != Connection.Status.CONNECTED);
            Http.Response down = http.get("/api/health/fleet");

            nats.server().restart();
            long back = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> nc.getStatus() == Connection.Status.CONNECTED);
            publish(js, sent, "after", 100);
            await().atMost(Duration.ofSeconds(120)).until(() -> backend.results().count() == sent.size());
            LOG.info("projection caught up {} s after the broker was back", (System.nanoTime() - back) / 1_000_000_000.0);
            assertThat(sent).allMatch(r -> backend.results().find(r.resultId()).isPresent());

            assertThat(down.status()).as("the broker is down").isEqualTo(503);
            assertThat(stalled(down.json(), Streams.RESULTS)).as(down.body()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> !stalled(http.get("/api/health/fleet").json(),
                    Streams.RESULTS));
            JsonNode lag = projection(http.get("/api/health/fleet").json(), Streams.RESULTS);
            assertThat(lag.get("unprojected").asLong()).isZero();
            assertThat(lag.get("last_batch_at").isTextual()).isTrue();
            List<String> lines = lines(events, Streams.RESULTS);
            assertThat(lines).filteredOn(line -> line.startsWith("WARN") && line.contains("stalled")).hasSize(1);
            assertThat(lines).filteredOn(line -> line.startsWith("INFO") && line.contains("resumed after"))
                    .hasSize(1);
        } finally {
            logger.detachAppender(events);
        }
    }

    private static void publish(JetStream js, List<ExecResult> sent, String label, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            ExecResult r = ResultFactory.result("pc-restart", 0, label + " " + i);
            ResultFactory.publish(js, r);
            sent.add(r);
        }
    }

    private static boolean stalled(JsonNode fleet, String stream) {
        JsonNode lag = projection(fleet, stream);
        return lag != null && lag.get("stalled").asBoolean();
    }

    private static JsonNode projection(JsonNode fleet, String stream) {
        for (JsonNode lag : fleet.path("projection")) {
            if (stream.equals(lag.path("stream").asText())) {
                return lag;
            }
        }
        return null;
    }

    private static List<String> lines(ListAppender<ILoggingEvent> events, String stream) {
        return List.copyOf(events.list).stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(e -> e.getLevel() + " " + e.getFormattedMessage()).filter(line -> line.contains(stream)).toList();
    }
}
