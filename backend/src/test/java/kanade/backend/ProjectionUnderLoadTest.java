package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kanade.backend.store.DbSettings;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.ExecResult;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A burst of results published at once into a backend on SQLite (small outputs, so the test layout's RESULTS stream
 * holds them all): every batch is written and acked well inside the consumer's ack wait, so the broker re-delivers
 * nothing (a re-delivery rewrites rows and shows in /api/stats/ingest as results_redelivered).
 */
class ProjectionUnderLoadTest {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ProjectionUnderLoadTest.class);
    private static final int RESULTS = 20_000;
    private static final int STDOUT_BYTES = 256;

    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    @TempDir
    static Path dir;

    @Test
    void aBurstOfTwentyThousandResultsIsProjectedWithoutRedeliveries() throws Exception {
        try (BackendServer backend = BackendServer.start(TestBackends.settings(nats,
                DbSettings.sqlite(dir.resolve("load.db"))), Clock.systemUTC());
             Connection nc = nats.connect(BrokerRole.AGENT)) {
            JetStream js = nc.jetStream();
            String stdout = "x".repeat(STDOUT_BYTES);
            long start = System.nanoTime();
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>(RESULTS);
            for (int i = 0; i < RESULTS; i++) {
                ExecResult r = ResultFactory.result("pc-load-" + (i % 500), 0, stdout);
                acks.add(js.publishAsync(Subjects.results(r.requestId()), Json.encode(r),
                        PublishOptions.builder().messageId(r.resultId()).build()));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(180)).until(() -> backend.results().count() == RESULTS);
            LOG.info("{} results of {} B projected {} s after the first publish; {} batches, {} redelivered", RESULTS,
                    STDOUT_BYTES, (System.nanoTime() - start) / 1_000_000_000.0,
                    backend.resultProjector().stats().batches(), backend.resultProjector().stats().redelivered());
            // the counters behind /api/stats/ingest's results_projected and results_redelivered
            assertThat(backend.resultProjector().stats().projected()).isEqualTo(RESULTS);
            assertThat(backend.resultProjector().stats().redelivered()).isZero();
        }
    }
}
