package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import java.time.Clock;
import java.time.Duration;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.backend.store.DeadLetterStore;
import kanade.protocol.subject.Streams;
import kanade.testkit.NatsServerFixture;
import kanade.testkit.PostgresFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresOutageTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @RegisterExtension
    static final PostgresFixture postgres = PostgresFixture.create();

    @Test
    void everyRowArrivesAfterPostgresComesBackAndNoneIsDeadLettered() throws Exception {
        DbSettings db = DbSettings.postgres(postgres.jdbcUrl(), postgres.user());
        int total = 2000;
        try (BackendServer backend = BackendServer.start(BackendSettings.forTest(nats.url(), db).withProjectionBatch(50),
                Clock.systemUTC()); Connection nc = Nats.connect(nats.url())) {
            JetStream js = nc.jetStream();
            for (int i = 0; i < total / 2; i++) {
                ResultFactory.publish(js, ResultFactory.result("pc-outage", 0, "before " + i));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> backend.results().count() > 0);
            PostgresFixture.server().stop();
            try {
                for (int i = 0; i < total / 2; i++) {
                    ResultFactory.publish(js, ResultFactory.result("pc-outage", 0, "during " + i));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> backend.resultProjector().stats().dbFailures() > 0);
            } finally {
                PostgresFixture.server().startCluster();
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> backend.results().count() == total);
            try (Database check = Database.open(db)) {
                assertThat(new DeadLetterStore(check).count(Streams.RESULTS)).isZero();
            }
        }
    }
}
