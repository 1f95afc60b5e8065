package kanade.testkit;

import io.nats.client.Connection;
import io.nats.client.Options;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kanade.protocol.broker.BrokerRole;
import kanade.protocol.broker.BrokerUsers;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: one real nats-server with JetStream per test class, on a free loopback port with a temp store
 * dir, stopped after the class. It runs with the product's broker roles (credentials generated per fixture), so every
 * test connects as a role: {@link #options(BrokerRole)} or {@link #connect(BrokerRole)}, and programs read
 * {@link #env(BrokerRole)}. Register it as a static field with {@code @RegisterExtension}.
 */
public final class NatsServerFixture implements BeforeAllCallback, AfterAllCallback {
    private final NatsServer.Limits limits;
    private final BrokerAuth auth;
    private final AtomicInteger names = new AtomicInteger();
    private NatsServer server;
    private Path dir;

    private NatsServerFixture(NatsServer.Limits limits, BrokerAuth auth) {
        this.limits = limits;
        this.auth = auth;
    }

    /** A fixture with JetStream, the test limits and the broker roles. */
    public static NatsServerFixture withJetStream() {
        return new NatsServerFixture(NatsServer.Limits.TEST, BrokerAuth.Roles.generate());
    }

    /** A fixture with JetStream that requires kanade's shared {@code token} instead of the roles. */
    public static NatsServerFixture withToken(String token) {
        return new NatsServerFixture(NatsServer.Limits.TEST, BrokerAuth.token(token));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            dir = Files.createTempDirectory("kanade-nats-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = NatsServer.start(dir, limits, auth, List.of());
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

    /** How clients authenticate to this broker. */
    public BrokerAuth auth() {
        return auth;
    }

    /** The agent role's NKey seed (all agents of the broker share it). */
    public String agentSeed() {
        return auth.roles().agentSeed();
    }

    /** The backend role's user and password. */
    public BrokerUsers.Login backendLogin() {
        return auth.roles().backend();
    }

    /** The operator-admin role's user and password. */
    public BrokerUsers.Login adminLogin() {
        return auth.roles().admin();
    }

    /** The environment a Kanade program of {@code role} reads its broker credential from. */
    public Map<String, String> env(BrokerRole role) {
        return auth.env(role);
    }

    /** Client options as {@code role} (credential and inbox prefix); callers add reconnect policy and the rest. */
    public Options.Builder options(BrokerRole role) {
        return server.options(role);
    }

    /** A connection as {@code role}. */
    public Connection connect(BrokerRole role) throws IOException, InterruptedException {
        return server.connect(role);
    }

    /** A fresh name for a test's own stream, bucket or subject, for example {@code prefix_3}. */
    public String uniqueName(String prefix) {
        return prefix + "_" + names.incrementAndGet();
    }
}
