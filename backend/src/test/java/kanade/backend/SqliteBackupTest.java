package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import kanade.backend.store.SqliteBackup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite backup by VACUUM INTO while open, and restore by copying the file back with the database closed. */
class SqliteBackupTest {
    @TempDir
    Path dir;

    @Test
    void restoredBackupHoldsExactlyTheRowsWrittenBeforeIt() throws Exception {
        Path live = dir.resolve("data/kanade.db");
        Path backup = dir.resolve("backups/kanade-1.db");
        StoreRows backedUp;
        try (Database db = Database.open(DbSettings.sqlite(live))) {
            StoreRows.write(db, "kept", 40, 1);
            backedUp = StoreRows.read(db);
            assertThat(new SqliteBackup(db).writeTo(backup)).isEqualTo(Files.size(backup)).isPositive();
            StoreRows.write(db, "lost", 7, 1000);
            assertThat(StoreRows.read(db).results()).hasSize(47);
        }
        assertThat(backedUp.results()).hasSize(40);
        assertThat(backedUp.audit()).hasSize(40);
        assertThat(backedUp.agents()).hasSize(40);
        assertThat(backedUp.deadLetters()).containsExactly("RESULTS/1/results.kept/AAH//bad kept");

        Files.deleteIfExists(dir.resolve("data/kanade.db-wal"));
        Files.deleteIfExists(dir.resolve("data/kanade.db-shm"));
        Files.writeString(live, "clobbered by a failed disk");
        Files.copy(backup, live, StandardCopyOption.REPLACE_EXISTING);

        try (Database restored = Database.open(DbSettings.sqlite(live))) {
            assertThat(StoreRows.read(restored)).isEqualTo(backedUp);
        }
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Path existing = Files.writeString(dir.resolve("old-backup.db"), "an older backup");
        try (Database db = Database.open(DbSettings.sqlite(dir.resolve("kanade.db")))) {
            assertThatThrownBy(() -> new SqliteBackup(db).writeTo(existing)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("already exists");
        }
        assertThat(Files.readString(existing)).isEqualTo("an older backup");
    }
}
