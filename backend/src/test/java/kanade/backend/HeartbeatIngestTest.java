package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kanade.backend.store.AgentStore;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.protocol.wire.Heartbeat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatIngestTest {
    @TempDir
    Path dir;

    @Test
    void secondLiveInstanceForOnePcIsFlagged() {
        try (Database db = Database.open(DbSettings.sqlite(dir.resolve("hb.db")))) {
            AgentStore agents = new AgentStore(db);
            Instant now = Instant.now();
            agents.upsertHeartbeats(List.of(new Heartbeat("pc1", now, "1.0", "h", "linux", "inst-a")),
                    Duration.ofMinutes(2), now);
            agents.upsertHeartbeats(List.of(new Heartbeat("pc1", now.plusSeconds(1), "1.0", "h", "linux", "inst-b")),
                    Duration.ofMinutes(2), now.plusSeconds(1));
            var row = agents.find("pc1").orElseThrow();
            assertThat(row.instanceId()).isEqualTo("inst-b");
            assertThat(row.conflictingInstanceId()).isEqualTo("inst-a");
        }
    }

    @Test
    void restartAfterTheLiveWindowIsNotAConflict() {
        try (Database db = Database.open(DbSettings.sqlite(dir.resolve("hb2.db")))) {
            AgentStore agents = new AgentStore(db);
            Instant then = Instant.now().minusSeconds(600);
            agents.upsertHeartbeats(List.of(new Heartbeat("pc1", then, "1.0", "h", "linux", "inst-a")),
                    Duration.ofMinutes(2), then);
            Instant now = Instant.now();
            agents.upsertHeartbeats(List.of(new Heartbeat("pc1", now, "1.1", "h", "linux", "inst-b")),
                    Duration.ofMinutes(2), now);
            var row = agents.find("pc1").orElseThrow();
            assertThat(row.conflictingInstanceId()).isNull();
            assertThat(row.agentVersion()).isEqualTo("1.1");
        }
    }

    @Test
    void olderHeartbeatDoesNotOverwriteNewer() {
        try (Database db = Database.open(DbSettings.sqlite(dir.resolve("hb3.db")))) {
            AgentStore agents = new AgentStore(db);
            Instant now = Instant.now();
            agents.upsertHeartbeats(List.of(new Heartbeat("pc1", now, "2.0", "h", "linux", "i")), Duration.ofMinutes(2), now);
            agents.upsertHeartbeats(List.of(new Heartbeat("pc1", now.minusSeconds(30), "1.0", "h", "linux", "i")),
                    Duration.ofMinutes(2), now);
            assertThat(agents.find("pc1").orElseThrow().agentVersion()).isEqualTo("2.0");
        }
    }
}
