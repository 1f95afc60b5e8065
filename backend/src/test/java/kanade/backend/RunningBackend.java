package kanade.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import kanade.backend.store.DbSettings;
import kanade.testkit.NatsServerFixture;
import kanade.testkit.TempDirs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: one real backend per test class on SQLite in a temp dir, on a {@link NatsServerFixture}'s broker
 * as the backend role. Register it after the broker fixture ({@code @Order(2)}).
 */
public final class RunningBackend implements BeforeAllCallback, AfterAllCallback {
    private final NatsServerFixture nats;
    private Path dir;
    private BackendServer backend;

    private RunningBackend(NatsServerFixture nats) {
        this.nats = nats;
    }

    public static RunningBackend on(NatsServerFixture nats) {
        return new RunningBackend(nats);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            dir = Files.createTempDirectory("kanade-backend-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        backend = BackendServer.start(TestBackends.settings(nats, DbSettings.sqlite(dir.resolve("b.db"))),
                Clock.systemUTC());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (backend != null) {
            backend.close();
        }
        TempDirs.deleteQuietly(dir);
    }

    public BackendServer server() {
        return backend;
    }

    /** Raw requests that carry the backend's static service token. */
    RawHttp raw() {
        return new RawHttp(backend.httpPort(), backend.settings().auth().staticToken().reveal());
    }
}
