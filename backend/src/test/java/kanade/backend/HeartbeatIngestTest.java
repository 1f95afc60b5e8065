package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import kanade.backend.projection.HeartbeatIngest;
import kanade.backend.store.AgentRow;
import kanade.backend.store.AgentStore;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.subject.Subjects;
import kanade.protocol.wire.Heartbeat;
import kanade.protocol.wire.Json;
import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** HeartbeatIngest end to end: heartbeats published on a real nats-server, micro-batched into a real SQLite file. */
class HeartbeatIngestTest {
    @RegisterExtension
    static final NatsServerFixture nats = NatsServerFixture.withJetStream();
    private static final Duration LIVE_WINDOW = Duration.ofMinutes(2);
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;
    Database db;
    AgentStore agents;
    Connection nc;
    final Instant start = Instant.now();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(DbSettings.sqlite(dir.resolve("agents.db")));
        agents = new AgentStore(db);
        nc = nats.connect(BrokerRole.BACKEND);
    }

    @AfterEach
    void close() throws Exception {
        nc.close();
        db.close();
    }

    @Test
    void manyBeatsBecomeOneRowPerPcWrittenInBatchesOfMaxBatch() throws Exception {
        try (HeartbeatIngest ingest = ingest(NEVER, 100)) {
            for (int pc = 0; pc < 100; pc++) {
                publish(beat("pc-" + pc, 0, "inst-" + pc));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.batches() == 1);
            assertThat(agentRows()).isEqualTo(100);

            for (int round = 1; round <= 3; round++) {
                for (int pc = 100; pc < 150; pc++) {
                    publish(beat("pc-" + pc, round, "inst-" + pc));
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.received() == 250);
            assertThat(ingest.batches()).as("50 pending pcs are below the batch of 100").isEqualTo(1);
            assertThat(agentRows()).isEqualTo(100);

            ingest.flush();
            assertThat(ingest.batches()).isEqualTo(2);
            assertThat(ingest.written()).isEqualTo(150);
            assertThat(agentRows()).isEqualTo(150);
            assertThat(agents.find("pc-120").orElseThrow().agentVersion()).isEqualTo("1.3");
        }
    }

    @Test
    void beatsBelowMaxBatchAreWrittenAtTheFlushInterval() throws Exception {
        try (HeartbeatIngest ingest = ingest(Duration.ofMillis(100), 1000)) {
            for (int pc = 0; pc < 10; pc++) {
                publish(beat("pc-" + pc, 0, "inst-" + pc));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.written() == 10);
            assertThat(agentRows()).isEqualTo(10);
        }
    }

    @Test
    void failedWriteKeepsTheBeatsAndRetriesThemUntilTheDatabaseAcceptsThem() throws Exception {
        try (HeartbeatIngest ingest = ingest(Duration.ofMillis(100), 1000)) {
            db.jdbi().useHandle(h -> h.execute("alter table agents rename to agents_parked"));
            for (int pc = 0; pc < 20; pc++) {
                publish(beat("pc-" + pc, 0, "inst-" + pc));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.failedFlushes() >= 1 && ingest.received() == 20);
            publish(beat("pc-0", 1, "inst-0"));
            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.received() == 21);
            assertThat(ingest.written()).isZero();

            db.jdbi().useHandle(h -> h.execute("alter table agents_parked rename to agents"));
            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.written() == 20);
            assertThat(agentRows()).isEqualTo(20);
            assertThat(agents.find("pc-0").orElseThrow().agentVersion()).as("the newer beat wins over the kept one")
                    .isEqualTo("1.1");
        }
    }

    @Test
    void twoInstancesOfOnePcInOneBatchAreFlagged() throws Exception {
        try (HeartbeatIngest ingest = ingest(NEVER, 1000)) {
            publish(beat("pc-twice", 0, "inst-a"));
            publish(beat("pc-twice", 1, "inst-b"));
            await().atMost(Duration.ofSeconds(10)).until(() -> ingest.received() == 2);
            ingest.flush();
            AgentRow row = agents.find("pc-twice").orElseThrow();
            assertThat(row.instanceId()).isEqualTo("inst-b");
            assertThat(row.conflictingInstanceId()).isEqualTo("inst-a");
            assertThat(agentRows()).isEqualTo(1);
        }
    }

    private HeartbeatIngest ingest(Duration flushEvery, int maxBatch) {
        return new HeartbeatIngest(nc, agents, Clock.systemUTC(), flushEvery, maxBatch, LIVE_WINDOW).start();
    }

    /** The {@code round}-th beat of a pc: one second later and agent version 1.{@code round}. */
    private Heartbeat beat(String pcId, int round, String instanceId) {
        return new Heartbeat(pcId, start.plusSeconds(round), "1." + round, "host-" + pcId, "linux", instanceId);
    }

    private void publish(Heartbeat beat) throws Exception {
        nc.publish(Subjects.heartbeat(beat.pcId()), Json.encode(beat));
        nc.flush(Duration.ofSeconds(5));
    }

    private long agentRows() {
        return agents.list(null, 1, 0).total();
    }
}
