package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import kanade.backend.store.AgentRow;
import kanade.backend.store.AgentStore;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.backend.store.Page;
import kanade.protocol.wire.Heartbeat;
import kanade.testkit.PostgresFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agents table's upsert rules and listing, the same on SQLite and PostgreSQL. */
class AgentStoreTest {
    @RegisterExtension
    static final PostgresFixture postgres = PostgresFixture.create();
    private static final Duration LIVE_WINDOW = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void secondLiveInstanceForOnePcIsFlagged(String kind) {
        try (Database db = open(kind)) {
            AgentStore agents = new AgentStore(db);
            String pc = kind + "-conflict";
            Instant now = Instant.now();
            agents.upsertHeartbeats(List.of(beat(pc, now, "1.0", "inst-a")), LIVE_WINDOW, now);
            agents.upsertHeartbeats(List.of(beat(pc, now.plusSeconds(1), "1.0", "inst-b")), LIVE_WINDOW, now.plusSeconds(1));
            AgentRow row = agents.find(pc).orElseThrow();
            assertThat(row.instanceId()).isEqualTo("inst-b");
            assertThat(row.conflictingInstanceId()).isEqualTo("inst-a");
            assertThat(row.conflictSeenAt()).isEqualTo(now.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void restartAfterTheLiveWindowIsNotAConflict(String kind) {
        try (Database db = open(kind)) {
            AgentStore agents = new AgentStore(db);
            String pc = kind + "-restart";
            Instant then = Instant.now().minusSeconds(600);
            agents.upsertHeartbeats(List.of(beat(pc, then, "1.0", "inst-a")), LIVE_WINDOW, then);
            Instant now = Instant.now();
            agents.upsertHeartbeats(List.of(beat(pc, now, "1.1", "inst-b")), LIVE_WINDOW, now);
            AgentRow row = agents.find(pc).orElseThrow();
            assertThat(row.conflictingInstanceId()).isNull();
            assertThat(row.conflictSeenAt()).isNull();
            assertThat(row.agentVersion()).isEqualTo("1.1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void olderHeartbeatDoesNotOverwriteNewer(String kind) {
        try (Database db = open(kind)) {
            AgentStore agents = new AgentStore(db);
            String pc = kind + "-older";
            Instant now = Instant.now();
            assertThat(agents.upsertHeartbeats(List.of(beat(pc, now, "2.0", "i")), LIVE_WINDOW, now)).isEqualTo(1);
            assertThat(agents.upsertHeartbeats(List.of(beat(pc, now.minusSeconds(30), "1.0", "i")), LIVE_WINDOW, now))
                    .isZero();
            AgentRow row = agents.find(pc).orElseThrow();
            assertThat(row.agentVersion()).isEqualTo("2.0");
            assertThat(row.lastHeartbeat()).isEqualTo(now.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void listMatchesPcIdOrHostnameAndPagesWithTheTotal(String kind) {
        try (Database db = open(kind)) {
            AgentStore agents = new AgentStore(db);
            Instant now = Instant.now();
            List<Heartbeat> beats = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                beats.add(beat(String.format("%s-page-%02d", kind, i), now, "1.0", "i" + i));
            }
            beats.add(new Heartbeat(kind + "-other", now, "1.0", "Desk-" + kind + "-PAGE-host", "linux", "x"));
            agents.upsertHeartbeats(beats, LIVE_WINDOW, now);

            Page<AgentRow> page = agents.list(kind + "-page", 10, 20);
            assertThat(page.total()).isEqualTo(26);
            assertThat(page.items()).extracting(AgentRow::pcId).containsExactly(kind + "-page-19", kind + "-page-20",
                    kind + "-page-21", kind + "-page-22", kind + "-page-23", kind + "-page-24");
            assertThat(agents.list(kind + "-page", 1, 0).items()).extracting(AgentRow::pcId)
                    .as("matched by hostname, first by pc_id").containsExactly(kind + "-other");
            assertThat(agents.list(kind + "-page-1", 100, 0).total()).isEqualTo(10);
            assertThat(agents.list(kind + "-page%", 100, 0).total()).as("LIKE wildcards in q are literal").isZero();
        }
    }

    private Database open(String kind) {
        return Database.open(kind.equals("postgres") ? DbSettings.postgres(postgres.jdbcUrl(), postgres.user())
                : DbSettings.sqlite(dir.resolve("agents.db")));
    }

    private static Heartbeat beat(String pcId, Instant at, String version, String instanceId) {
        return new Heartbeat(pcId, at, version, "host-" + pcId, "linux", instanceId);
    }
}
