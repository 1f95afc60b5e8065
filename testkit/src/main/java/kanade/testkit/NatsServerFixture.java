package kanade.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: one real nats-server with JetStream per test class, on a free loopback port with a temp store
 * dir, stopped after the class. Register it as a static field with {@code @RegisterExtension}.
 */
public final class NatsServerFixture implements BeforeAllCallback, AfterAllCallback {
    private final NatsServer.Limits limits;
    private final String token;
    private final AtomicInteger names = new AtomicInteger();
    private NatsServer server;
    private Path dir;

    private NatsServerFixture(NatsServer.Limits limits, String token) {
        this.limits = limits;
        this.token = token;
    }

    /** A fixture with JetStream and the test limits, without auth. */
    public static NatsServerFixture withJetStream() {
        return new NatsServerFixture(NatsServer.Limits.TEST, null);
    }

    /** A fixture with JetStream that requires {@code token}. */
    public static NatsServerFixture withToken(String token) {
        return new NatsServerFixture(NatsServer.Limits.TEST, token);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            dir = Files.createTempDirectory("kanade-nats-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = NatsServer.start(dir, limits, token, List.of());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        TempDirs.deleteQuietly(dir);
    }

    /** The running server. */
    public NatsServer server() {
        return server;
    }

    /** {@code nats://127.0.0.1:<port>}. */
    public String url() {
        return server.url();
    }

    /** A fresh name for a test's own stream, bucket or subject, for example {@code prefix_3}. */
    public String uniqueName(String prefix) {
        return prefix + "_" + names.incrementAndGet();
    }
}
