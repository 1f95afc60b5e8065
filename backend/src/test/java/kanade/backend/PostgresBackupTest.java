package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.backend.store.SqliteBackup;
import kanade.testkit.PostgresFixture;
import kanade.testkit.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL backup with pg_dump -Fc and restore with pg_restore into a dropped and re-created database. */
class PostgresBackupTest {
    @RegisterExtension
    static final PostgresFixture postgres = PostgresFixture.create();

    @TempDir
    Path dir;

    @Test
    void pgRestoreOfAPgDumpHoldsExactlyTheRowsWrittenBeforeIt() throws Exception {
        PostgresServer server = PostgresFixture.server();
        DbSettings settings = DbSettings.postgres(postgres.jdbcUrl(), postgres.user());
        Path dump = dir.resolve("kanade.dump");
        StoreRows backedUp;
        try (Database db = Database.open(settings)) {
            StoreRows.write(db, "kept", 40, 1);
            backedUp = StoreRows.read(db);
            server.dump(postgres.database(), dump);
            StoreRows.write(db, "lost", 7, 1000);
            assertThat(StoreRows.read(db).results()).hasSize(47);
        }
        assertThat(Files.size(dump)).isPositive();
        assertThat(backedUp.results()).hasSize(40);
        assertThat(backedUp.agents()).hasSize(40);

        server.dropDatabase(postgres.database());
        server.createDatabase(postgres.database());
        server.restore(dump, postgres.database());

        try (Database restored = Database.open(settings)) {
            assertThat(StoreRows.read(restored)).isEqualTo(backedUp);
        }
    }

    @Test
    void vacuumIntoBackupIsRefusedOnPostgres() {
        try (Database db = Database.open(DbSettings.postgres(postgres.jdbcUrl(), postgres.user()))) {
            assertThatThrownBy(() -> new SqliteBackup(db).writeTo(dir.resolve("x.db")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("pg_dump");
        }
    }
}
