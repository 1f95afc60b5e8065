package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import kanade.backend.projection.Projections;
import kanade.backend.store.DbSettings;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Streams;
import kanade.runtime.secret.Secret;
import kanade.testkit.NatsServerFixture;
import kanade.testkit.PostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * A database write that takes longer than the consumer's ack wait (here: the results table locked by another session,
 * as a long checkpoint, vacuum or migration would) must not make the broker re-deliver the batch being written, nor
 * the messages waiting behind it: each re-delivery rewrites rows and shows in /api/stats/ingest.
 */
class ProjectionSlowWriteTest {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ProjectionSlowWriteTest.class);

    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @RegisterExtension
    static final PostgresFixture postgres = PostgresFixture.create();

    @Test
    void aWriteSlowerThanTheAckWaitIsNotRedelivered() throws Exception {
        DbSettings db = DbSettings.postgres(postgres.jdbcUrl(), postgres.user());
        BackendSettings settings = TestBackends.settings(nats, db).withProjectionBatch(100);
        // with PostgreSQL the backend wants a shared JWT signing secret
        settings = settings.withAuth(settings.auth().withJwtSecret(new Secret("slow-write-" + "x".repeat(48), "test")));
        try (BackendServer backend = BackendServer.start(settings, Clock.systemUTC());
             Connection nc = nats.connect(BrokerRole.BACKEND);
             java.sql.Connection locker = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "")) {
            JetStream js = nc.jetStream();
            ResultFactory.publish(js, ResultFactory.result("pc-slow", 0, "first"));
            await().atMost(Duration.ofSeconds(20)).until(() -> backend.results().count() == 1);
            Duration ackWait = nc.jetStreamManagement().getConsumerInfo(Streams.RESULTS, Projections.RESULTS_DURABLE)
                    .getConsumerConfiguration().getAckWait();

            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("lock table execution_results in exclusive mode");
            }
            for (int i = 0; i < 300; i++) {
                ResultFactory.publish(js, ResultFactory.result("pc-slow", 0, "behind the lock " + i));
            }
            Duration blockedLongEnough = ackWait.plusSeconds(3);
            await().atMost(blockedLongEnough.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> blockedFor(locker).compareTo(blockedLongEnough) > 0);
            LOG.info("the backend's insert has waited {} for the lock (ack wait {})", blockedFor(locker), ackWait);
            locker.rollback();

            await().atMost(Duration.ofSeconds(60)).until(() -> backend.results().count() == 301);
            assertThat(backend.resultProjector().stats().redelivered()).as("re-delivered messages").isZero();
            assertThat(backend.resultProjector().stats().dbFailures()).isZero();
        }
    }

    /** How long the longest statement of this database has waited for a lock (clock time: now() is frozen). */
    private static Duration blockedFor(java.sql.Connection connection) throws Exception {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("select coalesce(max(extract(epoch from clock_timestamp() - query_start)), 0)"
                     + " from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")) {
            rs.next();
            return Duration.ofMillis((long) (rs.getDouble(1) * 1000));
        }
    }
}
