package kanade.backend.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a consistent copy of a live SQLite database to a new file with {@code VACUUM INTO}: projectors and the API
 * keep running (WAL readers see one snapshot). Restore by copying the file back with the backend stopped
 * (docs/backup.md).
 */
public final class SqliteBackup {
    private final Database db;

    public SqliteBackup(Database db) {
        this.db = db;
    }

    /** Writes the backup to {@code target}, which must not exist yet; returns its size in bytes. */
    public long writeTo(Path target) {
        if (db.isPostgres()) {
            throw new IllegalStateException("VACUUM INTO is SQLite only; back up PostgreSQL with pg_dump -Fc "
                    + "(see docs/backup.md)");
        }
        Path file = target.toAbsolutePath();
        if (Files.exists(file)) {
            throw new IllegalArgumentException("backup target " + file + " already exists; choose a new file name");
        }
        try {
            Files.createDirectories(file.getParent());
            db.jdbi().useHandle(h -> h.execute("vacuum into ?", file.toString()));
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + file, e);
        }
    }
}
