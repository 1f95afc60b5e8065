package kanade.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: one real PostgreSQL per test JVM (started on first use, stopped when the JVM exits); each test
 * class gets its own database. Register it as a static field with {@code @RegisterExtension}.
 */
public final class PostgresFixture implements BeforeAllCallback {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;

    private String database;

    /** A fixture whose class gets a fresh database on the JVM's shared server. */
    public static PostgresFixture create() {
        return new PostgresFixture();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = "kanade_" + DATABASES.incrementAndGet();
        server().createDatabase(database);
    }

    /** The JVM-wide server, started on first call. */
    public static PostgresServer server() {
        LOCK.lock();
        try {
            if (shared == null) {
                shared = PostgresServer.start(false);
            }
            return shared;
        } finally {
            LOCK.unlock();
        }
    }

    /** The JDBC URL of this class's database. */
    public String jdbcUrl() {
        return server().jdbcUrl(database);
    }

    /** The name of this class's database. */
    public String database() {
        return database;
    }

    /** The user to connect as (trust auth, no password). */
    public String user() {
        return server().user();
    }
}
