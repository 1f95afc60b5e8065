package kanade.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import kanade.backend.store.Database;
import kanade.backend.store.DbSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite database holds accounts, tokens' hashes and results: only the backend's user may read it. */
class DatabaseFileModeTest {
    @TempDir
    Path dir;

    @Test
    void aNewDatabaseAndItsNewDirectoryAreOwnerOnly() throws Exception {
        Path db = dir.resolve("data/backend.db");
        try (Database ignored = Database.open(DbSettings.sqlite(db))) {
            assertThat(Files.getPosixFilePermissions(db)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(db.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
    }
}
