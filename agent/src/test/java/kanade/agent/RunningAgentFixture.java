package kanade.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import kanade.testkit.NatsServerFixture;
import kanade.testkit.TempDirs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: one real agent named {@code pcId} per test class against the class's {@link NatsServerFixture}
 * (register it after that fixture, with {@code @Order}), with its data in a temp dir, plus the harness that sends it
 * commands.
 */
public final class RunningAgentFixture implements BeforeAllCallback, AfterAllCallback {
    private final NatsServerFixture nats;
    private final String pcId;
    private Path dataDir;
    private AgentHarness harness;
    private Agent agent;

    private RunningAgentFixture(NatsServerFixture nats, String pcId) {
        this.nats = nats;
        this.pcId = pcId;
    }

    /** An agent called {@code pcId} on {@code nats}'s broker. */
    public static RunningAgentFixture on(NatsServerFixture nats, String pcId) {
        return new RunningAgentFixture(nats, pcId);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("kanade-agent-");
        harness = new AgentHarness(nats);
        agent = harness.startAgent(pcId, dataDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        agent.close();
        harness.close();
        TempDirs.deleteQuietly(dataDir);
    }

    /** The agent's pc_id. */
    public String pcId() {
        return pcId;
    }

    /** The running agent. */
    public Agent agent() {
        return agent;
    }

    /** The harness that sends it commands. */
    public AgentHarness harness() {
        return harness;
    }
}
