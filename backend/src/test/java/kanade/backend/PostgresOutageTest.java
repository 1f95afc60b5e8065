package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import java.time.Clock;
import java.time.Duration;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.backend.store.DeadLetterStore;
import kanade.backend.store.ResultQuery;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Streams;
import kanade.testkit.NatsServerFixture;
import kanade.testkit.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stops PostgreSQL under a running backend: its own throwaway cluster, so no other test class sees the outage. */
class PostgresOutageTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start(false);
        postgres.createDatabase("kanade_outage");
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Test
    void everyRowArrivesAfterPostgresComesBackAndNoneIsDeadLettered() throws Exception {
        DbSettings db = DbSettings.postgres(postgres.jdbcUrl("kanade_outage"), postgres.user());
        int half = 1000;
        try (BackendServer backend = BackendServer.start(TestBackends.settings(nats, db).withProjectionBatch(50),
                Clock.systemUTC()); Connection nc = nats.connect(BrokerRole.AGENT)) {
            JetStream js = nc.jetStream();
            for (int i = 0; i < half; i++) {
                ResultFactory.publish(js, ResultFactory.result("pc-outage", 0, "before " + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> backend.results().count() > 0);
            postgres.stop();
            try {
                for (int i = 0; i < half; i++) {
                    ResultFactory.publish(js, ResultFactory.result("pc-outage", 0, "during " + i));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> backend.resultProjector().stats().dbFailures() > 0);
            } finally {
                postgres.startCluster();
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> backend.results().count() == 2L * half);
            assertThat(backend.results().query(new ResultQuery("pc-outage", null, null, 1, 0)).total()).isEqualTo(2L * half);
            // the NAKed batches came back: each re-delivery is counted, so an operator sees rewrites in /api/stats/ingest
            assertThat(backend.resultProjector().stats().redelivered()).isPositive();
            try (Database check = Database.open(db)) {
                assertThat(new DeadLetterStore(check).count(Streams.RESULTS)).isZero();
            }
        }
    }
}
