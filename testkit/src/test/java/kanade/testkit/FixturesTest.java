package kanade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import kanade.protocol.broker.BrokerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FixturesTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @RegisterExtension
    static final PostgresFixture postgres = PostgresFixture.create();

    @Test
    void jetStreamPublishIsReadBackByPullConsumer() throws Exception {
        String stream = nats.uniqueName("FIXTURE");
        try (Connection nc = nats.connect(BrokerRole.BACKEND)) {
            nc.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream).subjects(stream + ".>").build());
            JetStream js = nc.jetStream();
            js.publish(stream + ".one", "hello".getBytes(StandardCharsets.UTF_8));
            JetStreamSubscription sub = js.subscribe(stream + ".>", PullSubscribeOptions.builder().durable("reader").build());
            List<Message> messages = sub.fetch(1, Duration.ofSeconds(5));
            assertThat(messages).hasSize(1);
            assertThat(new String(messages.get(0).getData(), StandardCharsets.UTF_8)).isEqualTo("hello");
            messages.get(0).ack();
        }
    }

    @Test
    void postgresAnswersAQuery() throws Exception {
        try (var conn = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
             var statement = conn.createStatement()) {
            statement.execute("create table t(id int primary key)");
            statement.execute("insert into t values (41), (1)");
            try (ResultSet rs = statement.executeQuery("select sum(id) from t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void natsServerSurvivesRestartWithItsStreams() throws Exception {
        String stream = nats.uniqueName("RESTART");
        try (Connection nc = nats.connect(BrokerRole.BACKEND)) {
            nc.jetStreamManagement().addStream(StreamConfiguration.builder().name(stream).subjects(stream + ".>").build());
            nc.jetStream().publish(stream + ".x", new byte[] {1});
        }
        nats.server().restart();
        try (Connection nc = nats.connect(BrokerRole.BACKEND)) {
            assertThat(nc.jetStreamManagement().getStreamInfo(stream).getStreamState().getMsgCount()).isEqualTo(1);
        }
    }
}
