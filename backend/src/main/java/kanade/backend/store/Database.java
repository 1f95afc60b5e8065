package kanade.backend.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import kanade.runtime.files.OwnerOnly;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The backend's database: a connection pool, migrations applied at open, and a Jdbi over it. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new StoreMappings());
        this.postgres = postgres;
    }

    /** Opens the pool and migrates the schema. */
    public static Database open(DbSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kanade-db");
        if (settings.isPostgres()) {
            config.setJdbcUrl(settings.postgresUrl());
            config.setUsername(settings.user());
            if (settings.password() != null) {
                config.setPassword(settings.password().reveal());
            }
            config.setMaximumPoolSize(10);
        } else {
            Path path = settings.sqlitePath().toAbsolutePath();
            if (!Files.isDirectory(path.getParent())) {
                OwnerOnly.directory(path.getParent());
            }
            // the database holds accounts and results: 0600 from the start (SQLite gives its -wal/-shm the same mode)
            OwnerOnly.createFile(path);
            config.setJdbcUrl("jdbc:sqlite:" + path + "?journal_mode=WAL&busy_timeout=10000&synchronous=FULL");
            config.setMaximumPoolSize(4);
        }
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, settings.isPostgres());
    }

    /** The Jdbi to run statements with. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Whether this is PostgreSQL (else SQLite). */
    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            dataSource.close();
        }
    }
}
