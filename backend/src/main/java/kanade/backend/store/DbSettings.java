package kanade.backend.store;

import java.nio.file.Path;
import kanade.runtime.config.BackendConfig;
import kanade.runtime.secret.Secret;

/** Which database to use: SQLite at {@code sqlitePath}, or PostgreSQL at {@code postgresUrl} (password from the secret store). */
public record DbSettings(Path sqlitePath, String postgresUrl, String user, Secret password) {

    /** From backend.toml's {@code [db]} plus the KANADE_DB_PASSWORD secret. */
    public static DbSettings from(BackendConfig.Db db, Secret password) {
        return new DbSettings(db.sqlitePath(), db.usesPostgres() ? db.postgresUrl() : null, db.user(), password);
    }

    /** SQLite at {@code path}. */
    public static DbSettings sqlite(Path path) {
        return new DbSettings(path, null, null, null);
    }

    /** PostgreSQL at {@code url} as {@code user}, no password. */
    public static DbSettings postgres(String url, String user) {
        return new DbSettings(null, url, user, null);
    }

    /** Whether this is PostgreSQL. */
    public boolean isPostgres() {
        return postgresUrl != null;
    }

    /** A description safe for logs (no password). */
    public String describe() {
        return isPostgres() ? postgresUrl + " as " + user : "sqlite " + sqlitePath.toAbsolutePath();
    }
}
