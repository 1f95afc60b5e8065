package kanade.agent;

import kanade.testkit.NatsServerFixture;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: one {@link AgentHarness} per test class on the class's {@link NatsServerFixture} (register it
 * after that fixture, with {@code @Order}); tests start their own agents through it.
 */
public final class HarnessFixture implements BeforeAllCallback, AfterAllCallback {
    private final NatsServerFixture nats;
    private AgentHarness harness;

    private HarnessFixture(NatsServerFixture nats) {
        this.nats = nats;
    }

    /** A harness on {@code nats}'s broker. */
    public static HarnessFixture on(NatsServerFixture nats) {
        return new HarnessFixture(nats);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        harness = new AgentHarness(nats.url());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        harness.close();
    }

    /** The harness. */
    public AgentHarness harness() {
        return harness;
    }
}
