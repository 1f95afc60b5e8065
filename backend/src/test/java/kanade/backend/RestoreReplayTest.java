package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kanade.backend.projection.Projections;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.backend.store.ResultStore;
import kanade.backend.store.SqliteBackup;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Streams;
import kanade.protocol.wire.ExecResult;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** docs/backup.md's replay step: after restoring an older SQLite backup, deleting the durables replays the gap. */
class RestoreReplayTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();

    @TempDir
    Path dir;

    @Test
    void resultsPublishedAfterTheBackupReturnOnceTheDurablesAreDeleted() throws Exception {
        DbSettings db = DbSettings.sqlite(dir.resolve("backend.db"));
        Path backup = dir.resolve("backup.db");
        List<ExecResult> sent = new ArrayList<>();
        try (Connection nc = nats.connect(BrokerRole.BACKEND)) {
            JetStream js = nc.jetStream();
            try (BackendServer backend = BackendServer.start(TestBackends.settings(nats, db), Clock.systemUTC())) {
                publish(js, sent, 10);
                await().atMost(Duration.ofSeconds(20)).until(() -> backend.results().count() == 10);
                try (Database open = Database.open(db)) {
                    new SqliteBackup(open).writeTo(backup);
                }
                publish(js, sent, 5);
                await().atMost(Duration.ofSeconds(20)).until(() -> backend.results().count() == 15);
            }
            Files.deleteIfExists(dir.resolve("backend.db-wal"));
            Files.deleteIfExists(dir.resolve("backend.db-shm"));
            Files.copy(backup, dir.resolve("backend.db"), StandardCopyOption.REPLACE_EXISTING);
            try (Database restored = Database.open(db)) {
                assertThat(new ResultStore(restored).count()).isEqualTo(10);
            }
            nc.jetStreamManagement().deleteConsumer(Streams.RESULTS, Projections.RESULTS_DURABLE);
            nc.jetStreamManagement().deleteConsumer(Streams.AUDIT, Projections.AUDIT_DURABLE);

            try (BackendServer backend = BackendServer.start(TestBackends.settings(nats, db), Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(20)).until(() -> backend.results().count() == 15);
                assertThat(sent).allSatisfy(r -> assertThat(backend.results().find(r.resultId()).orElseThrow().result())
                        .isEqualTo(r));
            }
        }
    }

    private static void publish(JetStream js, List<ExecResult> sent, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            ExecResult r = ResultFactory.result("pc-replay", 0, "run " + sent.size());
            ResultFactory.publish(js, r);
            sent.add(r);
        }
    }
}
