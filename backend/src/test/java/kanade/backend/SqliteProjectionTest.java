package kanade.backend;

import java.nio.file.Path;
import kanade.backend.store.DbSettings;
import org.junit.jupiter.api.io.TempDir;

class SqliteProjectionTest extends ProjectionContract {
    @TempDir
    static Path dir;

    @Override
    DbSettings database() {
        return DbSettings.sqlite(dir.resolve("backend.db"));
    }
}
