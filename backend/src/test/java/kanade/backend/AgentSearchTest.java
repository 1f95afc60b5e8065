package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kanade.backend.store.AgentRow;
import kanade.backend.store.AgentStore;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.protocol.wire.Heartbeat;
import kanade.testkit.PostgresFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The agents search (q) matches its text literally: '%', '_' and '\' are characters, not LIKE wildcards. */
class AgentSearchTest {
    @RegisterExtension
    static final PostgresFixture postgres = PostgresFixture.create();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void likeWildcardsInQAreLiteral(String kind) {
        try (Database db = open(kind)) {
            AgentStore agents = new AgentStore(db);
            String p = "lk" + kind + "-";
            Instant now = Instant.now();
            List<Heartbeat> beats = List.of(beat(p + "a_b", now), beat(p + "axb", now), beat(p + "5%", now),
                    beat(p + "5x", now), beat(p + "c\\d", now), beat(p + "cd", now));
            agents.upsertHeartbeats(beats, Duration.ofMinutes(2), now);

            assertThat(pcIds(agents, p + "a_b")).containsExactly(p + "a_b");
            assertThat(pcIds(agents, p + "5%")).containsExactly(p + "5%");
            assertThat(pcIds(agents, "%")).contains(p + "5%").doesNotContain(p + "5x", p + "axb");
            assertThat(pcIds(agents, "_")).contains(p + "a_b").doesNotContain(p + "axb");
            assertThat(pcIds(agents, p + "c\\d")).containsExactly(p + "c\\d");
            assertThat(pcIds(agents, p.toUpperCase() + "A_B")).as("still case-insensitive").containsExactly(p + "a_b");
        }
    }

    private static List<String> pcIds(AgentStore agents, String q) {
        return agents.list(q, 1000, 0).items().stream().map(AgentRow::pcId).toList();
    }

    private Database open(String kind) {
        return Database.open(kind.equals("postgres") ? DbSettings.postgres(postgres.jdbcUrl(), postgres.user())
                : DbSettings.sqlite(dir.resolve("agents.db")));
    }

    private static Heartbeat beat(String pcId, Instant at) {
        return new Heartbeat(pcId, at, "1.0", "host-" + pcId, "linux", "i-" + pcId);
    }
}
