package kanade.agent;

import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: a real nats-server with JetStream and one {@link AgentHarness} on it per test class; tests start
 * their own agents through the harness.
 */
public final class HarnessFixture implements BeforeAllCallback, AfterAllCallback {
    private final NatsServerFixture nats = NatsServerFixture.withJetStream();
    private AgentHarness harness;

    private HarnessFixture() {
    }

    /** A broker with JetStream and a harness on it. */
    public static HarnessFixture withJetStream() {
        return new HarnessFixture();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        nats.beforeAll(context);
        harness = new AgentHarness(nats);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            harness.close();
        } finally {
            nats.afterAll(context);
        }
    }

    /** The broker. */
    public NatsServerFixture nats() {
        return nats;
    }

    /** The harness. */
    public AgentHarness harness() {
        return harness;
    }
}
